/** The routes screen's state as a pure reducer: picking a NIC, or reading its table (which NIC, scrolled how far). */
import {moveCursor, type MenuAction} from './menu-state.js';

export type RoutesState = {
	readonly mode: 'pick' | 'table';
	/** The NIC under the cursor, and the one whose table shows. */
	readonly cursor: number;
	readonly offset: number;
};

export type RoutesAction =
	| {readonly type: 'move'; readonly move: MenuAction; readonly count: number}
	| {readonly type: 'open'}
	| {readonly type: 'cycle'; readonly by: 1 | -1; readonly count: number}
	| {readonly type: 'scroll'; readonly by: number; readonly max: number}
	| {readonly type: 'pick'};

export const initialRoutesState: RoutesState = {mode: 'pick', cursor: 0, offset: 0};

export function routesReducer(state: RoutesState, action: RoutesAction): RoutesState {
	switch (action.type) {
		case 'move': {
			const cursor = moveCursor(state.cursor, action.move, action.count);
			return cursor === state.cursor ? state : {...state, cursor};
		}

		case 'open':
			return {...state, mode: 'table', offset: 0};
		case 'cycle': {
			if (action.count === 0) return state;
			const cursor = (state.cursor + action.by + action.count) % action.count;
			return {...state, cursor, offset: 0};
		}

		case 'scroll': {
			const offset = Math.min(action.max, Math.max(0, state.offset + action.by));
			return offset === state.offset ? state : {...state, offset};
		}

		case 'pick':
			return state.mode === 'pick' ? state : {...state, mode: 'pick'};
	}
}
