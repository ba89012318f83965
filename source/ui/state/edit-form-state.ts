/**
 * An edit form's state as a pure reducer: the values, the field with focus, what was typed
 * to find a choice, the fields left at least once (their problems show from then on) and the
 * problems of the last submit, by field ('' for the form as a whole). A text field takes the
 * typed text; a choice field cycles with ←/→ or jumps to the first option matching what was typed.
 */
import type {Topology} from '../../engine/topology.js';
import {initialValues, isChoiceKind, optionsOf, settleValues, visibleFields, type FieldSpec, type FormSpec} from '../edit-fields.js';
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
	/** Problems from the last submit (field checks or the engine), by field key; '' for the whole form. */
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
	const {[key]: _fixed, '': _form, ...errors} = state.errors;
	return {...state, values: withFieldValue(state.form, topology, state.values, key, value), errors};
}

/** The first option starting with `search` (any case), else the first containing it. */
export function findOption(options: readonly string[], search: string): string | undefined {
	const wanted = search.toLowerCase();
	return options.find((option) => option.toLowerCase().startsWith(wanted)) ?? options.find((option) => option.toLowerCase().includes(wanted));
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

		case 'rejected':
			return {...state, errors: action.errors, submitted: true};
	}
}
