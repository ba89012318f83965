/** The saved progress, re-rendering when it changes. */
import {createContext, useContext, useSyncExternalStore} from 'react';
import type {ProgressData} from '../progress-data.js';
import {memoryProgress, type ProgressStore} from '../progress.js';

export const ProgressContext = createContext<ProgressStore>(memoryProgress());

export function useProgressStore(): ProgressStore {
	return useContext(ProgressContext);
}

export function useProgress(): ProgressData {
	const store = useProgressStore();
	return useSyncExternalStore(store.subscribe, store.get, store.get);
}
