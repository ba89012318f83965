/**
 * Choosing a packet: the lab's suggested packets as a menu, then three fields (from, to,
 * protocol and port) for any other, each with a hint of known names while it has focus and a
 * message under it when what was typed cannot be traced.
 */
import {Box} from 'ink';
import type {SuggestedTrace} from '../../engine/lab.js';
import {useTheme} from '../hooks/use-theme.js';
import {line, wrapped} from '../lines.js';
import {fieldOrder, focusedField, type TraceState} from '../state/trace-state.js';
import {themedText} from '../theme.js';
import {protocolField, type FieldName} from '../trace-input.js';
import {LineView} from './line-view.js';
import {Menu, type MenuItem} from './menu.js';
import {StyledText} from './styled-text.js';
import {fieldErrorLines, TextInput} from './text-input.js';

type Props = {
	readonly state: TraceState;
	readonly suggestions: readonly SuggestedTrace[];
	/** Per field, the hint shown while it has focus (known names). */
	readonly hints: Readonly<Record<FieldName, string>>;
	readonly width: number;
	readonly height: number;
};

const fieldLabels: Record<FieldName, string> = {from: 'From', to: 'To', protocol: 'Protocol'};
const fieldPlaceholders: Record<FieldName, string> = {from: 'a NIC, on-premises or Internet host', to: 'an IP, a DNS name or an object name', protocol: 'tcp 443, udp 53 or icmp'};
const labelWidth = 10;

function suggestionText(query: SuggestedTrace, arrow: string): string {
	return `${query.from} ${arrow} ${query.to}  (${protocolField(query)})${query.label ? `  ${query.label}` : ''}`;
}

export function TracePicker({state, suggestions, hints, width, height}: Props) {
	const theme = useTheme();
	const field = focusedField(state, suggestions.length);
	const items: MenuItem[] = suggestions.map((query, index) => ({key: `s${index}`, line: line(themedText(suggestionText(query, theme.symbols.arrow), theme))}));
	// Each field takes two rows (its message or hint under it; a long message wraps), plus the titles and the note.
	const messageRows = fieldOrder.reduce((rows, name) => {
		const error = state.errors[name];
		return rows + (error === undefined ? 1 : fieldErrorLines(themedText(error, theme), width, labelWidth, theme.symbols).length);
	}, 0);
	const fieldRows = fieldOrder.length + messageRows + 2;
	const menuHeight = Math.max(1, Math.min(items.length, height - fieldRows - 3));
	const note = field
		? 'Letters are text while a field has focus; esc leaves the field.'
		: suggestions.length > 0
			? 'Pick a packet, or move down to the fields to type one.'
			: 'Press ↓ to type in the fields, enter there to trace; q goes back.';
	return (
		<Box flexDirection="column" width={width} height={height}>
			{suggestions.length > 0 ? (
				<>
					<StyledText tone="title">Suggested packets</StyledText>
					<Menu items={items} cursor={state.cursor} height={menuHeight} isFocused={field === undefined} />
					<Box height={1} />
				</>
			) : null}
			<StyledText tone="title">{suggestions.length > 0 ? 'Or type a packet:' : 'Type a packet to trace:'}</StyledText>
			{fieldOrder.map((name) => (
				<TextInput
					key={name}
					label={fieldLabels[name]}
					labelWidth={labelWidth}
					value={state.fields[name]}
					width={width}
					isFocused={field === name}
					placeholder={fieldPlaceholders[name]}
					error={state.errors[name] === undefined ? undefined : themedText(state.errors[name]!, theme)}
					hint={themedText(hints[name], theme)}
				/>
			))}
			<Box height={1} />
			{wrapped(note, width, {tone: 'muted'}).map((row, index) => (
				<LineView key={index} line={row} />
			))}
		</Box>
	);
}
