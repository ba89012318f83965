/**
 * The trace screen's keys mapped to its state (state/trace-state.ts): move through the
 * suggested packets and the fields, type into a field (letters are text there), run the
 * packet, then step hop by hop and scroll. Reads the state through a ref, so keys that arrive
 * together (`\x1b[B\r→→`) see what the previous one did.
 */
import type {RefObject} from 'react';
import {fieldOrder, focusedField, type TraceAction, type TraceState} from '../state/trace-state.js';
import {useKeys} from './use-keys.js';

/** What stepping needs to know about the packet being traced. */
export type StepLayout = {readonly hops: number; readonly max: number; readonly page: number};

export type TraceKeysInput = {
	readonly stateRef: RefObject<TraceState>;
	readonly dispatch: (action: TraceAction) => void;
	/** How many suggested packets come before the fields. */
	readonly suggestions: number;
	/** Trace the packet under the cursor (a suggestion, or the fields). */
	run(state: TraceState): void;
	stepLayout(state: TraceState): StepLayout | undefined;
};

const steps: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
	'trace.next': 'next',
	'trace.previous': 'previous',
	'trace.first': 'first',
	'trace.last': 'last',
};

export function useTraceKeys({stateRef, dispatch, suggestions, run, stepLayout}: TraceKeysInput): void {
	const count = suggestions + fieldOrder.length;
	useKeys({
		get context() {
			const current = stateRef.current;
			return current.mode === 'step' ? 'trace' : focusedField(current, suggestions) ? 'trace-input' : 'trace-pick';
		},
		onText(text) {
			const focused = focusedField(stateRef.current, suggestions);
			if (focused) dispatch({type: 'edit', field: focused, edit: {type: 'insert', text}});
		},
		onAction(id) {
			const current = stateRef.current;
			const focused = focusedField(current, suggestions);
			switch (id) {
				case 'trace-pick.up':
				case 'trace-input.previous':
					dispatch({type: 'move', move: {type: 'up'}, count});
					return true;
				case 'trace-pick.down':
				case 'trace-input.next':
					dispatch({type: 'move', move: {type: 'down'}, count});
					return true;
				case 'trace-pick.run':
				case 'trace-input.run':
					run(current);
					return true;
				case 'trace-input.delete':
				case 'trace-input.clear':
					if (focused) dispatch({type: 'edit', field: focused, edit: {type: id === 'trace-input.clear' ? 'clear' : 'delete'}});
					return true;
				case 'trace-input.leave':
					// Leave the field for the suggested packets, or (without any) for nothing: what was typed stays, and q leaves.
					dispatch({type: 'leave', suggestions});
					return true;
				default:
					break;
			}

			if (current.mode !== 'step') return false;
			const layout = stepLayout(current);
			const step = steps[id];
			if (step) {
				dispatch({type: 'step', to: step, hops: layout?.hops ?? 0});
				return true;
			}

			switch (id) {
				case 'trace.up':
				case 'trace.down':
					dispatch({type: 'scroll', by: id === 'trace.up' ? -1 : 1, max: layout?.max ?? 0});
					return true;
				case 'trace.page-up':
				case 'trace.page-down':
					dispatch({type: 'scroll', by: (id === 'trace.page-up' ? -1 : 1) * (layout?.page ?? 1), max: layout?.max ?? 0});
					return true;
				case 'global.back':
					// From stepping back to picking; from picking, the app goes back a screen.
					dispatch({type: 'pick', suggestions});
					return true;
				default:
					return false;
			}
		},
	});
}
