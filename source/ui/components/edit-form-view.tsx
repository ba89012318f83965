/**
 * An edit's form: the op and what it does, then one field per row (text fields and choice
 * fields), each with its problem or, while it has focus, a hint under it; the fields scroll
 * so the one with focus shows. A problem of the form as a whole comes last.
 */
import {Box} from 'ink';
import type {Topology} from '../../engine/topology.js';
import {fieldProblem, isChoiceKind, optionsOf, visibleFields, type FieldSpec} from '../edit-fields.js';
import {useTheme} from '../hooks/use-theme.js';
import {wrapped, type Line} from '../lines.js';
import type {EditFormState} from '../state/edit-form-state.js';
import {themedText, type Symbols, type Theme} from '../theme.js';
import {ChoiceInput} from './choice-input.js';
import {LineView} from './line-view.js';
import {StyledText} from './styled-text.js';
import {TextInput} from './text-input.js';

type Props = {
	readonly state: EditFormState;
	readonly topology: Topology;
	readonly width: number;
	readonly height: number;
};

const kindHints: Record<string, string> = {
	ip: 'an IPv4 address, like 10.0.1.4',
	cidr: 'a network address with its length, like 10.0.1.0/24',
	prefix: 'a prefix like 10.0.1.0/24, or a service tag like Storage',
	integer: 'a whole number',
	list: 'comma-separated',
	text: 'a name (no spaces)',
};

/** A text field's help: what it takes and, since the field's example is hidden while the cursor is in it, that example. */
function hintWithExample(field: FieldSpec): string {
	const kind = `${kindHints[field.kind] ?? ''}${field.optional ? ' (optional)' : ''}`;
	const example = field.placeholder && !kind.includes(field.placeholder) ? field.placeholder : '';
	return [kind, example].filter(Boolean).join('; ');
}

/**
 * The message under a field: (once left, or after a submit) its own check, judged from the
 * values now, so it follows the fields it depends on; else the engine's error from the last submit.
 */
export function fieldMessage(state: EditFormState, field: FieldSpec, topology: Topology): string | undefined {
	const engine = state.errors[field.key];
	if (!state.touched[field.key] && !state.submitted) return engine;
	// An empty field is only wrong once the edit is submitted (passing through it is fine).
	const value = state.values[field.key] ?? '';
	if (value.trim() === '' && !state.submitted) return engine;
	return fieldProblem(field, value, topology, state.values) ?? engine;
}

function choiceHint(state: EditFormState, field: FieldSpec, topology: Topology): string {
	const options = optionsOf(field, topology, state.values);
	const index = options.indexOf(state.values[field.key] ?? '');
	const found = state.search === '' ? '' : options.some((option) => option.toLowerCase().includes(state.search.toLowerCase())) ? ` · found '${state.search}'` : ` · nothing matches '${state.search}'`;
	return `←/→ choose · type to find${found} · ${index + 1} of ${options.length}`;
}

/** The lines under a field: its problem (wrapped, never cut), or its hint while it has focus. */
function underLines(message: string | undefined, hint: string | undefined, indent: number, width: number, theme: Theme & {symbols: Symbols}): Line[] {
	if (message) return wrapped(themedText(`${theme.symbols.fail} ${message}`, theme), width, {prefix: ' '.repeat(indent), tone: 'bad', indent: indent + 2});
	// The whole hint, wrapped: a cut one hid the very tag or example the learner needed (…VirtualNetwork, Internet, Storage).
	if (hint) return wrapped(themedText(hint, theme), width, {prefix: ' '.repeat(indent), tone: 'muted'});
	return [];
}

export function EditFormView({state, topology, width, height}: Props) {
	const theme = useTheme();
	const fields = visibleFields(state.form, state.values);
	const labelWidth = Math.min(Math.max(...fields.map((field) => field.label.length)) + 2, Math.floor(width * 0.4));
	const indent = labelWidth + theme.symbols.pointer.length + 1;
	const under = new Map(
		fields.map((field) => {
			const isFocused = field.key === state.focus;
			const hint = !isFocused
				? undefined
				: isChoiceKind(field.kind)
					? choiceHint(state, field, topology)
					: (field.hint ?? hintWithExample(field));
			return [field.key, underLines(fieldMessage(state, field, topology), hint, indent, width, theme)];
		}),
	);
	const rowsOf = (field: FieldSpec) => 1 + (under.get(field.key)?.length ?? 0);
	const formError = state.errors[''];
	const title = wrapped(themedText(`${state.form.op}: ${state.form.summary}`, theme), width, {tone: 'title'});
	const tail = [
		...(formError ? wrapped(themedText(`${theme.symbols.fail} ${formError}`, theme), width, {tone: 'bad'}) : []),
		...wrapped('Letters are text in a form. enter applies the edit (nothing changes unless it is valid); esc cancels.', width, {tone: 'muted'}),
	];
	// Show the fields from `start`, far enough down that the one with focus fits.
	const room = Math.max(2, height - title.length - 1 - tail.length - 2);
	const focusIndex = Math.max(0, fields.findIndex((field) => field.key === state.focus));
	let start = 0;
	const used = (from: number, to: number) => fields.slice(from, to + 1).reduce((sum, field) => sum + rowsOf(field), 0);
	while (start < focusIndex && used(start, focusIndex) > room) start++;
	let end = start;
	while (end < fields.length && used(start, end) <= room) end++;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{title.map((line, index) => (
				<LineView key={`t${index}`} line={line} />
			))}
			<Box height={1} />
			{start > 0 ? <StyledText tone="muted">{`  ${theme.symbols.up} ${start} more above`}</StyledText> : null}
			{fields.slice(start, end).map((field) => {
				const isFocused = field.key === state.focus;
				const value = state.values[field.key] ?? '';
				return (
					<Box key={field.key} flexDirection="column">
						{isChoiceKind(field.kind) ? (
							<ChoiceInput label={field.label} labelWidth={labelWidth} value={value} width={width} isFocused={isFocused} />
						) : (
							<TextInput label={field.label} labelWidth={labelWidth} value={value} width={width} isFocused={isFocused} placeholder={field.placeholder ?? (field.optional ? 'optional' : '')} />
						)}
						{(under.get(field.key) ?? []).map((line, index) => (
							<LineView key={index} line={line} />
						))}
					</Box>
				);
			})}
			{end < fields.length ? <StyledText tone="muted">{`  ${theme.symbols.down} ${fields.length - end} more below`}</StyledText> : null}
			<Box flexGrow={1} />
			{tail.map((line, index) => (
				<LineView key={`e${index}`} line={line} />
			))}
		</Box>
	);
}
