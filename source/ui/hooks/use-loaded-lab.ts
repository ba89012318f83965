/**
 * A lab in full for a screen: at once when it is loaded, else the screen suspends (its
 * Suspense fallback shows, and keys wait in the router) until the loader has run.
 */
import {use} from 'react';
import type {LoadedLab} from '../services.js';
import type {LabRef} from '../session-reducer.js';
import {useServices} from './use-services.js';

export function useLoadedLab(ref: LabRef): LoadedLab {
	const loaded = useServices().loadLab(ref);
	return loaded instanceof Promise ? use(loaded) : loaded;
}
