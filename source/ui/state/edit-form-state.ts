/**
 * An edit form's state as a pure reducer: the values, the field with focus, what was typed
 * to find a choice, the fields left at least once (their problems show from then on) and the
 * engine's errors of the last submit, by field ('' for the form as a whole). A field's own
 * check is not kept: it is judged again from the values each time it shows, so a problem that
 * depends on another field (a priority taken in one direction) follows that field. Engine errors
 * are judged again when any value changes. A text field takes the typed text; a choice field
 * cycles with ←/→ or jumps to the best option matching what was typed.
 */
import type {Topology} from '../../engine/topology.js';
import {fieldProblem, initialValues, isChoiceKind, optionsOf, settleValues, visibleFields, type FieldSpec, type FormSpec} from '../edit-fields.js';
import {recheckEngineErrors} from '../edit-submit.js';
import {editText, type TextFieldAction} from './text-field.js';

export type EditFormState = {
	readonly form: FormSpec;
	readonly values: Readonly<Record<string, string>>;
	/** The key of the field with focus. */
	readonly focus: string;
	/** Typed in a choice field to find an option. */
	readonly search: string;
	/** Fields the learner has left: their problems show while they are typed again. */
	readonly touched: Readonly<Record<string, true>>;
	/** The engine's errors from the last submit, by field key ('' for the whole form); fields' own checks are not kept here. */
	readonly errors: Readonly<Record<string, string>>;
	/** A submit was tried: every field's problem shows. */
	readonly submitted: boolean;
};

export type EditFormAction =
	| {readonly type: 'move'; readonly by: number}
	| {readonly type: 'type'; readonly edit: TextFieldAction}
	| {readonly type: 'cycle'; readonly by: number}
	/** A submit that did not go through: the problems to show. */
	| {readonly type: 'rejected'; readonly errors: Readonly<Record<string, string>>};

export function initialEditForm(form: FormSpec, topology: Topology): EditFormState {
	const values = settleValues(form, initialValues(form, topology), topology);
	return {form, values, focus: visibleFields(form, values)[0]?.key ?? '', search: '', touched: {}, errors: {}, submitted: false};
}

export function focusedSpec(state: EditFormState): FieldSpec | undefined {
	return state.form.fields.find((field) => field.key === state.focus);
}

/** Values after setting one: fields that depend on it start again, choices no longer valid fall back. */
export function withFieldValue(form: FormSpec, topology: Topology, values: Readonly<Record<string, string>>, key: string, value: string): Record<string, string> {
	const next: Record<string, string> = {...values, [key]: value};
	for (const field of form.fields) {
		if (field.dependsOn !== key) continue;
		next[field.key] = field.initial?.(topology, next) ?? (isChoiceKind(field.kind) ? (optionsOf(field, topology, next)[0] ?? '') : '');
	}

	return settleValues(form, next, topology);
}

function withValue(state: EditFormState, topology: Topology, key: string, value: string): EditFormState {
	if (state.values[key] === value) return state;
	const values = withFieldValue(state.form, topology, state.values, key, value);
	const {[key]: _fixed, '': _form, ...kept} = state.errors;
	return {...state, values, errors: recheckEngineErrors(state.form, values, topology, kept)};
}

/**
 * The option best matching `search` (any case): the first starting with it, else the first
 * whose last path segment does (`endp` finds vnet-app/endpoints), else the first containing it.
 */
export function findOption(options: readonly string[], search: string): string | undefined {
	const wanted = search.toLowerCase();
	const lower = options.map((option) => option.toLowerCase());
	const at = (test: (option: string) => boolean) => {
		const index = lower.findIndex(test);
		return index < 0 ? undefined : options[index];
	};

	return at((option) => option.startsWith(wanted)) ?? at((option) => option.slice(option.lastIndexOf('/') + 1).startsWith(wanted)) ?? at((option) => option.includes(wanted));
}

export function editFormReducer(state: EditFormState, action: EditFormAction, topology: Topology): EditFormState {
	switch (action.type) {
		case 'move': {
			const fields = visibleFields(state.form, state.values);
			const index = fields.findIndex((field) => field.key === state.focus);
			const next = fields[Math.min(fields.length - 1, Math.max(0, index + action.by))];
			if (!next || next.key === state.focus) return state;
			return {...state, focus: next.key, search: '', touched: {...state.touched, [state.focus]: true}};
		}

		case 'type': {
			const field = focusedSpec(state);
			if (!field) return state;
			if (!isChoiceKind(field.kind)) return withValue(state, topology, field.key, editText(state.values[field.key] ?? '', action.edit));
			const search = editText(state.search, action.edit);
			if (search === state.search) return state;
			const found = search === '' ? undefined : findOption(optionsOf(field, topology, state.values), search);
			const next = found ? withValue(state, topology, field.key, found) : state;
			return {...next, search};
		}

		case 'cycle': {
			const field = focusedSpec(state);
			if (!field || !isChoiceKind(field.kind)) return state;
			const options = optionsOf(field, topology, state.values);
			if (options.length === 0) return state;
			const index = options.indexOf(state.values[field.key] ?? '');
			const value = options[(((index + action.by) % options.length) + options.length) % options.length]!;
			return {...withValue(state, topology, field.key, value), search: ''};
		}

		case 'rejected': {
			// A field's own problem shows from its check, judged again as values change; keep only the engine's.
			const fields = new Map(state.form.fields.map((field) => [field.key, field]));
			const errors = Object.fromEntries(
				Object.entries(action.errors).filter(([key]) => {
					const field = fields.get(key);
					return !field || fieldProblem(field, state.values[key] ?? '', topology, state.values) === undefined;
				}),
			);
			return {...state, errors, submitted: true};
		}
	}
}
