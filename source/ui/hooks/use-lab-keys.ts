/**
 * The lab screen's keys mapped to its state (state/lab-state.ts) and the session: move
 * between objectives or scroll the network, page through the briefing, answer a prediction
 * by choosing, open the trace and routes screens. Reads the state through a ref, so keys that
 * arrive together see what the previous one did.
 */
import type {RefObject} from 'react';
import type {Lab, ObjectiveStatus, PredictObjective} from '../../engine/lab.js';
import type {KeyTarget} from '../key-router.js';
import type {SessionAction} from '../session-reducer.js';
import type {LabAction, LabState} from '../state/lab-state.js';
import {useKeys} from './use-keys.js';

export type LabKeysInput = {
	readonly lab: Lab;
	readonly stateRef: RefObject<LabState>;
	readonly dispatch: (action: LabAction) => void;
	readonly dispatchSession: (action: SessionAction) => void;
	/** Objectives in cursor order. */
	readonly ordered: readonly ObjectiveStatus[];
	readonly answers: Readonly<Record<string, string>>;
	answer(objectiveId: string, choice: string): void;
	/** The offset that shows objective `cursor`, starting from `offset`. */
	reveal(cursor: number, offset: number): number;
	/** The objectives pane's offset after scrolling `by` lines from `offset`. */
	scrollObjectives(offset: number, by: number): number;
	readonly networkMax: number;
	/** Lines a page key scrolls. */
	readonly page: number;
	/** A question on the lab screen (reset, replay) that takes the keys while it is open. */
	question?(): KeyTarget | undefined;
	/** The lab screen's other actions (edit, hint, undo, reset, debrief: use-lab-work-keys.ts). */
	onOtherAction?(id: string): boolean;
	/** A sandbox: no objectives to answer, no hints; its panes are the briefing and the network. */
	readonly isSandbox?: boolean;
};

export function predictObjective(lab: Lab, id: string): PredictObjective | undefined {
	const objective = lab.objectives.find((o) => o.id === id);
	return objective && 'predict' in objective ? objective : undefined;
}

export function useLabKeys(input: LabKeysInput): void {
	const {lab, stateRef, dispatch, dispatchSession} = input;
	useKeys({
		get context() {
			const question = input.question?.();
			if (question) return question.context;
			return stateRef.current.predict ? 'predict' : 'lab';
		},
		get footer() {
			// The footer offers only what works here: enter on a prediction, hints in a lab, the other pane's name.
			const current = stateRef.current;
			const inNetwork = current.pane === 'network';
			const status = inNetwork ? undefined : input.ordered[current.cursor];
			const canAnswer = status !== undefined && predictObjective(lab, status.id) !== undefined;
			const hidden = [...(canAnswer ? [] : ['lab.answer']), ...(input.isSandbox ? ['lab.hint'] : [])];
			const other = inNetwork ? (lab.objectives.length > 0 ? 'objectives' : 'briefing') : 'network';
			return {hidden, labels: {'lab.pane': other}};
		},
		onAction(id) {
			const question = input.question?.();
			if (question) return question.onAction(id);
			const current = stateRef.current;
			if (current.predict) {
				const objective = predictObjective(lab, current.predict.objectiveId);
				const count = objective?.choices.length ?? 0;
				switch (id) {
					case 'predict.up':
					case 'predict.down':
						dispatch({type: 'predict-move', move: {type: id === 'predict.up' ? 'up' : 'down'}, count});
						return true;
					case 'predict.choose': {
						const choice = objective?.choices[current.predict.cursor];
						if (objective && choice !== undefined) input.answer(objective.id, choice);
						dispatch({type: 'close-predict'});
						return true;
					}

					case 'global.back':
						dispatch({type: 'close-predict'});
						return true;
					default:
						return false;
				}
			}

			const inNetwork = current.pane === 'network';
			switch (id) {
				case 'lab.up':
				case 'lab.down': {
					const by = id === 'lab.up' ? -1 : 1;
					if (inNetwork) dispatch({type: 'scroll', by, max: input.networkMax});
					else dispatch({type: 'move', move: {type: by < 0 ? 'up' : 'down'}, count: input.ordered.length, reveal: input.reveal});
					return true;
				}

				case 'lab.page-up':
				case 'lab.page-down': {
					const by = (id === 'lab.page-up' ? -1 : 1) * input.page;
					if (inNetwork) dispatch({type: 'scroll', by, max: input.networkMax});
					// Page keys scroll the briefing and objectives freely; the cursor stays.
					else dispatch({type: 'scroll-objectives', offset: input.scrollObjectives(current.objectivesOffset, by)});
					return true;
				}

				case 'lab.pane':
					dispatch({type: 'switch-pane'});
					return true;
				case 'lab.answer': {
					const status = inNetwork ? undefined : input.ordered[current.cursor];
					const objective = status ? predictObjective(lab, status.id) : undefined;
					if (objective) {
						const previous = objective.choices.indexOf(input.answers[objective.id] ?? '');
						dispatch({type: 'open-predict', objectiveId: objective.id, cursor: Math.max(0, previous)});
					}

					return true;
				}

				case 'lab.trace':
					dispatchSession({type: 'open-trace'});
					return true;
				case 'lab.routes':
					dispatchSession({type: 'open-routes'});
					return true;
				default:
					return input.onOtherAction?.(id) ?? false;
			}
		},
	});
}
