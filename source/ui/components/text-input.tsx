/**
 * A labelled one-line text field. Its value lives in the screen's reducer; while it has
 * focus the screen's key context makes letters text (no shortcut fires). A message under the
 * field says what is wrong with what was typed.
 */
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {fit, wrapped, type Line} from '../lines.js';
import type {Symbols} from '../theme.js';
import {LineView} from './line-view.js';
import {StyledText} from './styled-text.js';

type Props = {
	readonly label: string;
	/** Width of the label column, so several fields line up. */
	readonly labelWidth: number;
	readonly value: string;
	readonly width: number;
	readonly isFocused: boolean;
	readonly placeholder?: string;
	/** What is wrong with the value, shown under it. */
	readonly error?: string;
	/** A hint under the field while it has focus (known names). */
	readonly hint?: string;
};

/**
 * The message under a field, wrapped to the width under the field's box (never cut off): the
 * first row starts with the fail mark, later rows line up with the text after it.
 */
export function fieldErrorLines(error: string, width: number, labelWidth: number, symbols: Symbols): Line[] {
	const prefix = `${' '.repeat(labelWidth + symbols.pointer.length + 1)}${symbols.fail} `;
	return wrapped(error, width, {prefix, prefixTone: 'bad', tone: 'bad'});
}

export function TextInput({label, labelWidth, value, width, isFocused, placeholder, error, hint}: Props) {
	const theme = useTheme();
	const {symbols} = theme;
	const room = Math.max(4, width - labelWidth - 4);
	// Show the end of a long value: that is where typing happens.
	const chars = [...value];
	const shown = chars.length >= room ? chars.slice(chars.length - room + 1).join('') : value;
	const cursor = isFocused ? (theme.color ? ' ' : '_') : '';
	const empty = value === '' && !isFocused && placeholder;
	const pointer = isFocused ? `${symbols.pointer} ` : ' '.repeat(symbols.pointer.length + 1);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end" aria-label={`${label} field${isFocused ? ', typing' : ''}: ${value || 'empty'}`}>
				<StyledText tone={isFocused ? 'selected' : 'plain'}>{pointer}</StyledText>
				<StyledText tone={isFocused ? 'selected' : 'plain'}>{fit(label, labelWidth)}</StyledText>
				<StyledText tone="muted">[</StyledText>
				{empty ? <StyledText tone="muted">{fit(placeholder, room)}</StyledText> : <Text>{shown}</Text>}
				{cursor ? theme.color ? <Text inverse>{cursor}</Text> : <Text>{cursor}</Text> : null}
				{empty ? null : <Text>{' '.repeat(Math.max(0, room - [...shown].length - cursor.length))}</Text>}
				<StyledText tone="muted">]</StyledText>
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
