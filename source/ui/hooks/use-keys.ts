/**
 * Register a screen's key handler with the app's key router. `target` is read at each key,
 * through a ref, so it always sees the screen's latest state; the registration happens in a
 * layout effect, before keys that arrived in the same chunk are delivered to the new screen.
 */
import {createContext, useContext, useLayoutEffect, useRef} from 'react';
import type {KeyRouter, KeyTarget} from '../key-router.js';

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

/** The id of the screen a component belongs to (the router delivers keys by screen). */
export const ScreenIdContext = createContext<number>(0);

export function useKeys(target: KeyTarget): void {
	const router = useContext(KeyRouterContext);
	const screenId = useContext(ScreenIdContext);
	const latest = useRef(target);
	latest.current = target;
	useLayoutEffect(() => {
		if (!router) return undefined;
		return router.register(screenId, () => latest.current);
	}, [router, screenId]);
	const footerKey = JSON.stringify(target.footer ?? {});
	useLayoutEffect(() => {
		router?.announce(screenId, latest.current.context, latest.current.footer);
	}, [router, screenId, target.context, footerKey]);
}
