/**
 * The lab screen's state as a pure reducer: which pane shows (objectives or the network),
 * the objective cursor, the network's scroll offset, and the prediction being answered.
 */
import {moveCursor, type MenuAction} from './menu-state.js';

export type LabPane = 'objectives' | 'network';

export type LabState = {
	readonly pane: LabPane;
	/** Index into the objectives in cursor order (regular, then holds). */
	readonly cursor: number;
	/** First line shown of the briefing-and-objectives pane. */
	readonly objectivesOffset: number;
	readonly networkOffset: number;
	/** Answering this predict objective: the choice under the cursor. */
	readonly predict?: {readonly objectiveId: string; readonly cursor: number};
};

export type LabAction =
	| {readonly type: 'switch-pane'}
	/** Move the objective cursor; `reveal` is the offset that shows the objective it lands on. */
	| {readonly type: 'move'; readonly move: MenuAction; readonly count: number; readonly reveal: (cursor: number, offset: number) => number}
	| {readonly type: 'scroll'; readonly by: number; readonly max: number}
	| {readonly type: 'scroll-objectives'; readonly offset: number}
	| {readonly type: 'open-predict'; readonly objectiveId: string; readonly cursor: number}
	| {readonly type: 'predict-move'; readonly move: MenuAction; readonly count: number}
	| {readonly type: 'close-predict'};

export function initialLabState(hasObjectives: boolean): LabState {
	return {pane: hasObjectives ? 'objectives' : 'network', cursor: 0, objectivesOffset: 0, networkOffset: 0};
}

export function labReducer(state: LabState, action: LabAction): LabState {
	switch (action.type) {
		case 'switch-pane':
			return {...state, pane: state.pane === 'objectives' ? 'network' : 'objectives'};
		case 'move': {
			// A selected objective out of view comes into view first; the next key moves on.
			const shown = action.reveal(state.cursor, state.objectivesOffset);
			const cursor = shown === state.objectivesOffset ? moveCursor(state.cursor, action.move, action.count) : state.cursor;
			const objectivesOffset = action.reveal(cursor, shown);
			return cursor === state.cursor && objectivesOffset === state.objectivesOffset ? state : {...state, cursor, objectivesOffset};
		}

		case 'scroll-objectives':
			return action.offset === state.objectivesOffset ? state : {...state, objectivesOffset: action.offset};

		case 'scroll': {
			const networkOffset = Math.min(action.max, Math.max(0, state.networkOffset + action.by));
			return networkOffset === state.networkOffset ? state : {...state, networkOffset};
		}

		case 'open-predict':
			return {...state, predict: {objectiveId: action.objectiveId, cursor: action.cursor}};
		case 'predict-move': {
			if (!state.predict) return state;
			const cursor = moveCursor(state.predict.cursor, action.move, action.count);
			return cursor === state.predict.cursor ? state : {...state, predict: {...state.predict, cursor}};
		}

		case 'close-predict': {
			if (!state.predict) return state;
			const {predict: _closed, ...rest} = state;
			return rest;
		}
	}
}
