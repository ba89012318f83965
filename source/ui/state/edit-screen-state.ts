/**
 * The edit screen's state as a pure reducer: the menu of ops (its cursor), the form being
 * filled in (state/edit-form-state.ts), the question before a reset, whether the edit list
 * shows Azure CLI commands, the lower pane's scroll offset, and a one-line message.
 */
import type {Topology} from '../../engine/topology.js';
import type {FormSpec} from '../edit-fields.js';
import {editFormReducer, initialEditForm, type EditFormAction, type EditFormState} from './edit-form-state.js';
import {moveCursor, type MenuAction} from './menu-state.js';

export type EditScreenState = {
	readonly mode: 'menu' | 'form' | 'confirm-reset';
	readonly cursor: number;
	readonly form?: EditFormState;
	readonly showAz: boolean;
	/** First line shown of the lower pane (the last change, the edits, the hints). */
	readonly offset: number;
	/** A line about the last key (nothing to undo, no more hints). */
	readonly message?: string;
};

export type EditScreenAction =
	| {readonly type: 'move'; readonly move: MenuAction; readonly count: number}
	| {readonly type: 'open-form'; readonly form: FormSpec; readonly topology: Topology}
	| {readonly type: 'form'; readonly action: EditFormAction; readonly topology: Topology}
	/** The form's edit went through (or the form was closed): back to the menu, the change in view. */
	| {readonly type: 'close-form'; readonly applied: boolean}
	| {readonly type: 'confirm-reset'}
	| {readonly type: 'menu'; readonly message?: string}
	| {readonly type: 'toggle-az'}
	| {readonly type: 'scroll'; readonly by: number; readonly max: number}
	| {readonly type: 'message'; readonly message: string | undefined};

export function initialEditScreen(): EditScreenState {
	return {mode: 'menu', cursor: 0, showAz: false, offset: 0};
}

function withoutMessage(state: EditScreenState): EditScreenState {
	if (state.message === undefined) return state;
	const {message: _gone, ...rest} = state;
	return rest;
}

export function editScreenReducer(state: EditScreenState, action: EditScreenAction): EditScreenState {
	switch (action.type) {
		case 'move': {
			const cursor = moveCursor(state.cursor, action.move, action.count);
			return cursor === state.cursor && state.message === undefined ? state : {...withoutMessage(state), cursor};
		}

		case 'open-form':
			return {...withoutMessage(state), mode: 'form', form: initialEditForm(action.form, action.topology)};
		case 'form': {
			if (!state.form) return state;
			const form = editFormReducer(state.form, action.action, action.topology);
			return form === state.form ? state : {...state, form};
		}

		case 'close-form': {
			const {form: _closed, ...rest} = withoutMessage(state);
			return {...rest, mode: 'menu', ...(action.applied ? {offset: 0} : {})};
		}

		case 'confirm-reset':
			return {...withoutMessage(state), mode: 'confirm-reset'};
		case 'menu': {
			const base = withoutMessage(state);
			return {...base, mode: 'menu', offset: 0, ...(action.message ? {message: action.message} : {})};
		}

		case 'toggle-az':
			return {...withoutMessage(state), showAz: !state.showAz};
		case 'scroll': {
			const offset = Math.min(action.max, Math.max(0, state.offset + action.by));
			return offset === state.offset ? state : {...state, offset};
		}

		case 'message':
			return action.message === undefined ? withoutMessage(state) : {...state, message: action.message};
	}
}
