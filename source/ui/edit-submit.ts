/**
 * Submitting an edit form: the fields' own checks first (each field checks everything it can
 * alone: syntax, ranges, a free IP of the chosen subnet; nothing reaches the engine while a
 * field is wrong), then the record built and applied; the engine's errors come back under the
 * field each names (`route.addressPrefix`, `services[1]`), or for the form as a whole. Nothing
 * changes unless the edit is accepted. Pure apart from the `apply` it is given.
 */
import {applyEdit, type ApplyResult, type EditError} from '../engine/edits/index.js';
import type {Topology} from '../engine/topology.js';
import {buildEdit, fieldForError, formProblems, type FormSpec, type FormValues} from './edit-fields.js';
import type {EditFormState} from './state/edit-form-state.js';

export type SubmitOutcome =
	| {readonly ok: true; readonly record: Record<string, unknown>; readonly warnings: readonly string[]}
	| {readonly ok: false; readonly errors: Readonly<Record<string, string>>};

/** The engine's errors by the form field each names ('' for the form as a whole); two under one field are joined. */
export function errorsByField(form: FormSpec, values: FormValues, engineErrors: readonly EditError[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const error of engineErrors) {
		const key = fieldForError(form, values, error.field);
		errors[key] = errors[key] ? `${errors[key]}; ${error.message}` : error.message;
	}

	return errors;
}

export function submitEditForm(state: EditFormState, topology: Topology, apply: (record: Record<string, unknown>) => ApplyResult): SubmitOutcome {
	const {form, values} = state;
	const problems = formProblems(form, values, topology);
	if (Object.keys(problems).length > 0) return {ok: false, errors: problems};
	const record = buildEdit(form, values, topology);
	if (typeof record === 'string') return {ok: false, errors: {'': record}};
	const result = apply(record);
	if (result.ok) return {ok: true, record, warnings: result.warnings};
	return {ok: false, errors: errorsByField(form, values, result.errors)};
}

/**
 * The engine's errors of a submit, judged again once the values changed (another subnet, another
 * route table), without applying anything: each field's error stays, in the engine's words now,
 * only while the engine still finds a problem there. The form-level one is left to the next submit.
 */
export function recheckEngineErrors(form: FormSpec, values: FormValues, topology: Topology, errors: Readonly<Record<string, string>>): Record<string, string> {
	const keys = Object.keys(errors).filter((key) => key !== '');
	if (keys.length === 0) return {};
	const record = buildEdit(form, values, topology);
	if (typeof record === 'string') return {};
	const result = applyEdit(topology, record);
	if (result.ok) return {};
	const now = errorsByField(form, values, result.errors);
	return Object.fromEntries(keys.flatMap((key) => (now[key] ? [[key, now[key]]] : [])));
}
