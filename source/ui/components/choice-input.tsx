/**
 * A labelled choice field: the chosen value between ‹ › (< > in ASCII). While it has focus,
 * ←/→ move through the choices and typed letters find one; a line under it says how, or what
 * is wrong (wrapped, never cut off).
 */
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {fit} from '../lines.js';
import {LineView} from './line-view.js';
import {StyledText} from './styled-text.js';
import {fieldErrorLines} from './text-input.js';

type Props = {
	readonly label: string;
	/** Width of the label column, so several fields line up. */
	readonly labelWidth: number;
	readonly value: string;
	readonly width: number;
	readonly isFocused: boolean;
	/** What is wrong, shown under the field. */
	readonly error?: string;
	/** Shown under the field while it has focus. */
	readonly hint?: string;
};

export function ChoiceInput({label, labelWidth, value, width, isFocused, error, hint}: Props) {
	const theme = useTheme();
	const {symbols} = theme;
	const [open, close] = theme.ascii ? ['<', '>'] : ['‹', '›'];
	const pointer = isFocused ? `${symbols.pointer} ` : ' '.repeat(symbols.pointer.length + 1);
	const room = Math.max(4, width - labelWidth - pointer.length - 4);
	const tone = isFocused ? 'selected' : 'plain';
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end" aria-label={`${label} choice${isFocused ? ', choosing' : ''}: ${value || 'none'}`}>
				<StyledText tone={tone}>{pointer}</StyledText>
				<StyledText tone={tone}>{fit(label, labelWidth)}</StyledText>
				<StyledText tone="muted">{`${open} `}</StyledText>
				<StyledText tone={tone}>{fit(value || '(none)', Math.min(room, Math.max(1, [...(value || '(none)')].length)))}</StyledText>
				<StyledText tone="muted">{` ${close}`}</StyledText>
			</Text>
			{error ? (
				fieldErrorLines(error, width, labelWidth, symbols).map((row, index) => <LineView key={index} line={row} />)
			) : isFocused && hint ? (
				<StyledText tone="muted" truncate>
					{`${' '.repeat(labelWidth + pointer.length)}${hint}`}
				</StyledText>
			) : null}
		</Box>
	);
}
