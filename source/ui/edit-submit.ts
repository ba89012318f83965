/**
 * Submitting an edit form: the fields' own checks first (nothing reaches the engine while a
 * field is wrong), then the record built and applied; the engine's errors come back under the
 * field each names (`route.addressPrefix`, `services[1]`), or for the form as a whole. Nothing
 * changes unless the edit is accepted. Pure apart from the `apply` it is given.
 */
import type {ApplyResult} from '../engine/edits/index.js';
import type {Topology} from '../engine/topology.js';
import {buildEdit, fieldForError, formProblems} from './edit-fields.js';
import type {EditFormState} from './state/edit-form-state.js';

export type SubmitOutcome =
	| {readonly ok: true; readonly record: Record<string, unknown>; readonly warnings: readonly string[]}
	| {readonly ok: false; readonly errors: Readonly<Record<string, string>>};

export function submitEditForm(state: EditFormState, topology: Topology, apply: (record: Record<string, unknown>) => ApplyResult): SubmitOutcome {
	const {form, values} = state;
	const problems = formProblems(form, values, topology);
	if (Object.keys(problems).length > 0) return {ok: false, errors: problems};
	const record = buildEdit(form, values, topology);
	if (typeof record === 'string') return {ok: false, errors: {'': record}};
	const result = apply(record);
	if (result.ok) return {ok: true, record, warnings: result.warnings};
	const errors: Record<string, string> = {};
	for (const error of result.errors) {
		const key = fieldForError(form, values, error.field);
		errors[key] = errors[key] ? `${errors[key]}; ${error.message}` : error.message;
	}

	return {ok: false, errors};
}
