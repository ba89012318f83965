/** A prediction being answered: the question, then its choices as a menu. */
import {Box} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {wrapped} from '../lines.js';
import {themedText} from '../theme.js';
import {LineView} from './line-view.js';
import {Menu} from './menu.js';
import {StyledText} from './styled-text.js';

type Props = {
	readonly question: string;
	readonly choices: readonly string[];
	readonly cursor: number;
	/** The learner's current answer, marked in the list. */
	readonly answer?: string;
	readonly width: number;
	readonly height: number;
};

export function PredictPanel({question, choices, cursor, answer, width, height}: Props) {
	const theme = useTheme();
	const lines = wrapped(themedText(question, theme), width).slice(0, Math.max(1, height - 4));
	const items = choices.map((choice) => ({
		key: choice,
		line: [{text: themedText(choice, theme)}, ...(choice === answer ? [{text: '  (your answer)', tone: 'muted' as const}] : [])],
	}));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<StyledText tone="title">Your prediction</StyledText>
			{lines.map((line, index) => (
				<LineView key={index} line={line} />
			))}
			<Box height={1} />
			<Menu items={items} cursor={cursor} height={Math.max(1, height - lines.length - 2)} />
		</Box>
	);
}
