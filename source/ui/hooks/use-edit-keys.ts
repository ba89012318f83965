/**
 * The edit screen's keys mapped to its state (state/edit-screen-state.ts) and the lab's work:
 * move through the ops and open one's form; in a form, move between fields, type (letters are
 * text: no shortcut fires), cycle a choice, submit or cancel; undo, reset after a yes, show
 * the CLI commands, reveal a hint. The network is read from the lab's work at each key, so
 * keys that arrive together after a submit see the changed network.
 */
import type {RefObject} from 'react';
import type {EditOp} from '../../engine/edits/types.js';
import {editForms} from '../edit-forms.js';
import {submitEditForm} from '../edit-submit.js';
import type {LabWork} from '../lab-work.js';
import type {EditScreenAction, EditScreenState} from '../state/edit-screen-state.js';
import {useKeys} from './use-keys.js';

export type EditKeysInput = {
	readonly work: LabWork;
	readonly ops: readonly EditOp[];
	readonly stateRef: RefObject<EditScreenState>;
	readonly dispatch: (action: EditScreenAction) => void;
	/** Reveal the next hint; a message when there is none. */
	revealHint(): string | undefined;
	/** The lower pane's largest offset and a page of it. */
	pane(): {readonly max: number; readonly page: number};
};

export function useEditKeys({work, ops, stateRef, dispatch, revealHint, pane}: EditKeysInput): void {
	const topology = () => work.getSnapshot().topology;
	useKeys({
		get context() {
			const {mode} = stateRef.current;
			return mode === 'form' ? 'edit-form' : mode === 'confirm-reset' ? 'confirm' : 'edit';
		},
		// A sandbox has no hints to reveal.
		footer: work.isSandbox ? {hidden: ['edit.hint']} : undefined,
		onText(text) {
			dispatch({type: 'form', action: {type: 'type', edit: {type: 'insert', text}}, topology: topology()});
		},
		onAction(id) {
			const current = stateRef.current;
			if (current.mode === 'form' && current.form) {
				switch (id) {
					case 'edit-form.next':
					case 'edit-form.previous':
						dispatch({type: 'form', action: {type: 'move', by: id === 'edit-form.next' ? 1 : -1}, topology: topology()});
						return true;
					case 'edit-form.choice-next':
					case 'edit-form.choice-previous':
						dispatch({type: 'form', action: {type: 'cycle', by: id === 'edit-form.choice-next' ? 1 : -1}, topology: topology()});
						return true;
					case 'edit-form.delete':
					case 'edit-form.clear':
						dispatch({type: 'form', action: {type: 'type', edit: {type: id === 'edit-form.clear' ? 'clear' : 'delete'}}, topology: topology()});
						return true;
					case 'edit-form.submit': {
						const outcome = submitEditForm(current.form, topology(), (record) => work.apply(record));
						if (outcome.ok) dispatch({type: 'close-form', applied: true});
						else dispatch({type: 'form', action: {type: 'rejected', errors: outcome.errors}, topology: topology()});
						return true;
					}

					case 'edit-form.cancel':
						dispatch({type: 'close-form', applied: false});
						return true;
					default:
						return true;
				}
			}

			if (current.mode === 'confirm-reset') {
				if (id === 'confirm.yes') {
					work.reset();
					dispatch({type: 'menu'});
				} else if (id === 'confirm.no' || id === 'global.back') {
					dispatch({type: 'menu', message: 'Nothing was reset.'});
				} else {
					return id !== 'global.help' && id !== 'global.color' && id !== 'global.quit';
				}

				return true;
			}

			switch (id) {
				case 'edit.up':
				case 'edit.down':
					dispatch({type: 'move', move: {type: id === 'edit.up' ? 'up' : 'down'}, count: ops.length});
					return true;
				case 'edit.choose': {
					const op = ops[current.cursor];
					if (op) dispatch({type: 'open-form', form: editForms[op], topology: topology()});
					return true;
				}

				case 'edit.undo':
					if (!work.undo()) dispatch({type: 'message', message: 'Nothing to undo: no edits yet.'});
					else dispatch({type: 'menu'});
					return true;
				case 'edit.reset':
					if (work.getSnapshot().edits.length === 0) dispatch({type: 'message', message: 'Nothing to reset: the network is as the lab started.'});
					else dispatch({type: 'confirm-reset'});
					return true;
				case 'edit.az':
					dispatch({type: 'toggle-az'});
					return true;
				case 'edit.hint': {
					const message = revealHint();
					if (message) dispatch({type: 'message', message});
					else dispatch({type: 'scroll', by: Number.MAX_SAFE_INTEGER, max: pane().max});
					return true;
				}

				case 'edit.page-up':
				case 'edit.page-down': {
					const {max, page} = pane();
					dispatch({type: 'scroll', by: id === 'edit.page-up' ? -page : page, max});
					return true;
				}

				default:
					return false;
			}
		},
	});
}
