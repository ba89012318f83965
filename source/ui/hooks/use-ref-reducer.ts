/**
 * A reducer whose state lives in a ref: `dispatch` applies the action at once, so the next
 * key handled in the same chunk of input sees the new state (React's own state would still
 * hold the old one until the next render). Each dispatch that changes the state re-renders.
 */
import {useCallback, useReducer, useRef, type RefObject} from 'react';

export function useRefReducer<S, A>(reducer: (state: S, action: A) => S, initial: S | (() => S)): [S, (action: A) => void, RefObject<S>] {
	const ref = useRef<S>(undefined as S);
	const initialised = useRef(false);
	if (!initialised.current) {
		ref.current = typeof initial === 'function' ? (initial as () => S)() : initial;
		initialised.current = true;
	}

	const [, render] = useReducer((count: number) => count + 1, 0);
	const dispatch = useCallback(
		(action: A) => {
			const next = reducer(ref.current, action);
			if (Object.is(next, ref.current)) return;
			ref.current = next;
			render();
		},
		[reducer],
	);
	return [ref.current, dispatch, ref];
}
