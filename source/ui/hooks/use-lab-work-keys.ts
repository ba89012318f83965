/**
 * The lab screen's keys for changing the network: open the edit screen, reveal a hint, undo,
 * reset after a yes, open the debrief; the question after a lab file changed under saved
 * edits (replay them or restart); and the debrief opening by itself when the last objective
 * passes. Its state (the question open, a one-line message) lives in a ref, so keys that
 * arrive together see it.
 */
import {useEffect, useRef} from 'react';
import type {KeyTarget} from '../key-router.js';
import {revealNextHint} from '../hints.js';
import type {LabWork, WorkSnapshot} from '../lab-work.js';
import {wrapped, type Line} from '../lines.js';
import type {ProgressStore} from '../progress.js';
import type {SessionAction} from '../session-reducer.js';
import {themedText, type Theme} from '../theme.js';
import {useRefReducer} from './use-ref-reducer.js';

export type LabWorkState = {readonly confirmReset: boolean; readonly message?: string};

type Action = {readonly type: 'confirm'} | {readonly type: 'say'; readonly message?: string};

function reducer(state: LabWorkState, action: Action): LabWorkState {
	if (action.type === 'confirm') return {confirmReset: true};
	if (!state.confirmReset && state.message === action.message) return state;
	return action.message === undefined ? {confirmReset: false} : {confirmReset: false, message: action.message};
}

export type LabWorkKeysInput = {
	readonly work: LabWork;
	readonly store: ProgressStore;
	readonly dispatchSession: (action: SessionAction) => void;
	/** Every objective passes. */
	readonly isComplete: boolean;
	/** A hint was revealed: bring it into view. */
	onHint(): void;
};

export type LabWorkKeys = {
	readonly state: LabWorkState;
	question(): KeyTarget | undefined;
	onOtherAction(id: string): boolean;
};

/** Keys the app keeps acting on while a question is open. */
const passThrough = new Set(['global.help', 'global.color', 'global.quit']);

const plural = (count: number) => `${count} ${count === 1 ? 'edit' : 'edits'}`;

export function useLabWorkKeys({work, store, dispatchSession, isComplete, onHint}: LabWorkKeysInput): LabWorkKeys {
	const [state, dispatch, stateRef] = useRefReducer(reducer, {confirmReset: false});
	const say = (message?: string) => dispatch(message === undefined ? {type: 'say'} : {type: 'say', message});

	// The debrief opens by itself when the last objective passes (not when a finished lab is opened).
	const wasComplete = useRef(isComplete);
	useEffect(() => {
		if (isComplete && !wasComplete.current && !work.isSandbox) dispatchSession({type: 'open-debrief'});
		wasComplete.current = isComplete;
	}, [isComplete, work, dispatchSession]);

	const mismatch: KeyTarget = {
		context: 'confirm',
		onAction(id) {
			if (id === 'confirm.yes') work.replaySaved();
			else if (id === 'confirm.no') work.restart();
			else return id === 'global.back' || passThrough.has(id) ? false : true;
			return true;
		},
	};
	const confirmReset: KeyTarget = {
		context: 'confirm',
		onAction(id) {
			if (id === 'confirm.yes') {
				work.reset();
				say('Reset: the network is back at the start.');
			} else if (id === 'confirm.no' || id === 'global.back') {
				say('Nothing was reset.');
			} else {
				return !passThrough.has(id);
			}

			return true;
		},
	};

	return {
		state,
		question() {
			if (work.getSnapshot().mismatch) return mismatch;
			return stateRef.current.confirmReset ? confirmReset : undefined;
		},
		onOtherAction(id) {
			const snapshot = work.getSnapshot();
			switch (id) {
				case 'lab.edit':
					if (work.isSandbox || work.lab.allowedEdits.length > 0) {
						say();
						dispatchSession({type: 'open-edit'});
					} else {
						say('This lab has no edits: its objectives are predictions to answer.');
					}

					return true;
				case 'lab.hint': {
					const message = revealNextHint(store, work.lab, work.isSandbox);
					say(message);
					if (!message) onHint();
					return true;
				}

				case 'lab.undo': {
					const last = snapshot.edits[snapshot.edits.length - 1];
					say(last && work.undo() ? `Undid: ${last.description}` : 'Nothing to undo: no edits yet.');
					return true;
				}

				case 'lab.reset':
					if (snapshot.edits.length === 0) say('Nothing to reset: the network is as the lab started.');
					else dispatch({type: 'confirm'});
					return true;
				case 'lab.debrief':
					if (isComplete && !work.isSandbox) dispatchSession({type: 'open-debrief'});
					else say('The debrief opens once every objective is done.');
					return true;
				default:
					return false;
			}
		},
	};
}

/** The lines over the lab's panes: an open question, a replay problem, the last message. */
export function labNoticeLines(snapshot: WorkSnapshot, state: LabWorkState, width: number, theme: Theme): Line[] {
	const t = (text: string) => themedText(text, theme);
	if (snapshot.mismatch) {
		const count = snapshot.mismatch.edits.length;
		return wrapped(t(`This lab changed since you made your ${plural(count)}. y: replay them on the new version · n: restart from its start · q: leave`), width, {tone: 'warn'});
	}

	if (state.confirmReset) return wrapped(t(`Reset the lab to its start? Your ${plural(snapshot.edits.length)} will be undone. y: reset · n: keep them`), width, {tone: 'warn'});
	const lines: Line[] = [];
	if (snapshot.notice) lines.push(...wrapped(t(snapshot.notice), width, {tone: 'warn'}));
	if (state.message) lines.push(...wrapped(t(state.message), width, {tone: 'accent'}));
	return lines.slice(0, 3);
}
