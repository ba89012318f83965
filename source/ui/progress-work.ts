/**
 * The progress updates of changing a lab's network (design section 8): the applied edit
 * records with the lab hash they were made against, and the hints revealed. Pure, like
 * progress-data.ts; unchanged data when nothing changed, so the store writes nothing.
 */
import type {Edit} from '../engine/edits/types.js';
import type {LabProgress, ProgressData} from './progress-data.js';

function entryOf(data: ProgressData, labId: string, now: string): LabProgress {
	return data.labs[labId] ?? {startedAt: now, objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: []};
}

function sameEdits(a: readonly Edit[], b: readonly Edit[]): boolean {
	return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/** The lab's edits now, made against the lab file of `hash`. */
export function saveEdits(data: ProgressData, labId: string, edits: readonly Edit[], hash: string | undefined, now: string): ProgressData {
	const entry = entryOf(data, labId, now);
	if (data.labs[labId] && sameEdits(entry.edits, edits) && (hash === undefined || entry.labHash === hash)) return data;
	const next: LabProgress = {...entry, edits: edits.map((edit) => structuredClone(edit)), ...(hash ? {labHash: hash} : {})};
	return {...data, labs: {...data.labs, [labId]: next}};
}

/** One more hint revealed, up to `total`. */
export function revealHint(data: ProgressData, labId: string, total: number, now: string): ProgressData {
	const entry = entryOf(data, labId, now);
	if (entry.hintsUsed >= total) return data;
	return {...data, labs: {...data.labs, [labId]: {...entry, hintsUsed: entry.hintsUsed + 1}}};
}
