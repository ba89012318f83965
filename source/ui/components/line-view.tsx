/** One laid-out line (spans with tones), cut at the box's edge if it is wider. */
import {Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import type {Line} from '../lines.js';
import {toneStyles} from '../theme.js';

type Props = {
	readonly line: Line;
	readonly 'aria-label'?: string;
};

export function LineView({line, ...aria}: Props) {
	const theme = useTheme();
	const text = line.map((span) => span.text).join('');
	// An empty Text has no height: keep blank lines one row tall.
	if (text === '') return <Text {...aria}> </Text>;
	if (!theme.color) {
		return (
			<Text wrap="truncate-end" {...aria}>
				{text}
			</Text>
		);
	}

	return (
		<Text wrap="truncate-end" {...aria}>
			{line.map((span, index) =>
				span.tone && span.tone !== 'plain' ? (
					<Text key={index} {...toneStyles[span.tone]}>
						{span.text}
					</Text>
				) : (
					span.text
				),
			)}
		</Text>
	);
}
