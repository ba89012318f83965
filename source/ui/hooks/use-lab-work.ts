/**
 * A lab's work (lab-work.ts) for a screen, re-rendering when it changes. The lab screen (and
 * the edit and debrief screens) create it from the loaded lab; the trace and routes screens
 * only read its current topology, falling back to the lab's start when nothing was changed.
 */
import {useEffect, useSyncExternalStore} from 'react';
import type {Lab} from '../../engine/lab.js';
import type {Topology} from '../../engine/topology.js';
import {existingLabWork, labWorkFor, type LabWork, type LabWorkSource, type WorkSnapshot} from '../lab-work.js';
import {useProgressStore} from './use-progress.js';
import {useServices} from './use-services.js';

export function useLabWork(source: LabWorkSource): {readonly work: LabWork; readonly snapshot: WorkSnapshot} {
	const work = labWorkFor(useServices(), source, useProgressStore());
	const snapshot = useSyncExternalStore(work.subscribe, work.getSnapshot, work.getSnapshot);
	useEffect(() => {
		work.settle();
	}, [work]);
	return {work, snapshot};
}

const noSubscription = () => () => undefined;
const nothing = () => undefined;

/** The lab's network as changed so far in this session (its start when no screen has changed it). */
export function useLabTopology(lab: Lab): Topology {
	const work = existingLabWork(useServices(), lab);
	const snapshot = useSyncExternalStore(work?.subscribe ?? noSubscription, work?.getSnapshot ?? nothing, work?.getSnapshot ?? nothing);
	return snapshot?.topology ?? lab.topology;
}

/** Note the packet being traced, so the next edit shows its path and verdict before and after. */
export function useTracedPacket(lab: Lab, query: LabWork['lastTrace']): void {
	const work = existingLabWork(useServices(), lab);
	useEffect(() => {
		if (work && query) work.lastTrace = query;
	}, [work, query]);
}
