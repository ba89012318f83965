/**
 * Text in a tone (title, ok, bad, muted...): coloured when the theme has colour, plain
 * otherwise (no escape codes at all), so meaning never rests on colour alone.
 */
import {Text} from 'ink';
import type {ReactNode} from 'react';
import {useTheme} from '../hooks/use-theme.js';
import {toneStyles, type Tone} from '../theme.js';

type Props = {
	readonly tone?: Tone;
	/** Cut the text at the box's edge instead of wrapping it. */
	readonly truncate?: boolean;
	readonly 'aria-label'?: string;
	readonly 'aria-hidden'?: boolean;
	readonly children?: ReactNode;
};

export function StyledText({tone = 'plain', truncate, children, ...aria}: Props) {
	const theme = useTheme();
	const style = theme.color ? toneStyles[tone] : {};
	return (
		<Text {...style} {...aria} {...(truncate ? {wrap: 'truncate-end' as const} : {})}>
			{children}
		</Text>
	);
}
