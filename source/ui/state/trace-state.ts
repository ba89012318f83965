/**
 * The trace screen's state as a pure reducer. Picking: a cursor over the suggested packets
 * and then the three fields (a field under the cursor has focus: letters are text); with no
 * suggested packets the cursor can also rest on nothing (-1), so that q and esc are keys again
 * and what was typed stays. Stepping: the packet being traced, the hop shown, and the scroll
 * offset within it.
 */
import type {TraceQuery} from '../../engine/lab.js';
import type {FieldName, TraceFieldErrors, TraceFields} from '../trace-input.js';
import {moveCursor, type MenuAction} from './menu-state.js';
import {editText, type TextFieldAction} from './text-field.js';

export const fieldOrder: readonly FieldName[] = ['from', 'to', 'protocol'];

export type TraceState = {
	readonly mode: 'pick' | 'step';
	/** Over the suggestions, then the fields; -1 is on nothing (only without suggestions). */
	readonly cursor: number;
	readonly fields: TraceFields;
	readonly errors: TraceFieldErrors;
	/** The packet being stepped through. */
	readonly query?: TraceQuery;
	readonly hop: number;
	readonly offset: number;
};

export type TraceAction =
	| {readonly type: 'move'; readonly move: MenuAction; readonly count: number}
	| {readonly type: 'edit'; readonly edit: TextFieldAction; readonly field: FieldName}
	/** What cannot be traced, and (for a suggested packet) the fields to show it in. */
	| {readonly type: 'invalid'; readonly errors: TraceFieldErrors; readonly fields?: TraceFields}
	| {readonly type: 'run'; readonly query: TraceQuery; readonly fields?: TraceFields}
	| {readonly type: 'step'; readonly to: 'next' | 'previous' | 'first' | 'last'; readonly hops: number}
	| {readonly type: 'scroll'; readonly by: number; readonly max: number}
	/** Back from stepping to picking: a field under the cursor loses focus (to the first suggestion, or to nothing). */
	| {readonly type: 'pick'; readonly suggestions: number}
	/** Leave a field: to the first suggestion, or to nothing when there are none. */
	| {readonly type: 'leave'; readonly suggestions: number};

export function initialTraceState(): TraceState {
	return {mode: 'pick', cursor: 0, fields: {from: '', to: '', protocol: 'tcp 443'}, errors: {}, hop: 0, offset: 0};
}

/** The field under the cursor, if the cursor is on one. */
export function focusedField(state: TraceState, suggestions: number): FieldName | undefined {
	return state.mode === 'pick' && state.cursor >= suggestions ? fieldOrder[state.cursor - suggestions] : undefined;
}

/** Where the cursor goes when it leaves a field. */
function outOfField(cursor: number, suggestions: number): number {
	if (cursor < suggestions) return cursor;
	return suggestions > 0 ? 0 : -1;
}

export function traceReducer(state: TraceState, action: TraceAction): TraceState {
	switch (action.type) {
		case 'move': {
			const cursor = moveCursor(state.cursor, action.move, action.count);
			return cursor === state.cursor ? state : {...state, cursor};
		}

		case 'edit': {
			const value = editText(state.fields[action.field], action.edit);
			if (value === state.fields[action.field]) return state;
			const {[action.field]: _fixed, ...errors} = state.errors;
			return {...state, fields: {...state.fields, [action.field]: value}, errors};
		}

		case 'invalid':
			return {...state, errors: action.errors, fields: action.fields ?? state.fields};
		case 'run':
			return {...state, mode: 'step', query: action.query, fields: action.fields ?? state.fields, errors: {}, hop: 0, offset: 0};
		case 'step': {
			const last = Math.max(0, action.hops - 1);
			const hop = action.to === 'first' ? 0 : action.to === 'last' ? last : Math.min(last, Math.max(0, state.hop + (action.to === 'next' ? 1 : -1)));
			return hop === state.hop ? state : {...state, hop, offset: 0};
		}

		case 'scroll': {
			const offset = Math.min(action.max, Math.max(0, state.offset + action.by));
			return offset === state.offset ? state : {...state, offset};
		}

		case 'pick':
			return state.mode === 'pick' ? state : {...state, mode: 'pick', cursor: outOfField(state.cursor, action.suggestions)};
		case 'leave': {
			const cursor = outOfField(state.cursor, action.suggestions);
			return cursor === state.cursor ? state : {...state, cursor};
		}
	}
}
