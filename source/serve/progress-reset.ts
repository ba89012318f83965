/**
 * The instructor's "reset this learner's lab": the lab's saved progress (edits, answers,
 * objectives, hints) is dropped, so the learner starts it afresh. Pure; the session worker
 * applies it to a connected learner's store, offline-reset.ts to a file on disk.
 */
import type {ProgressData} from '../ui/progress-data.js';

export function resetLab(data: ProgressData, lab: string): ProgressData {
	if (!(lab in data.labs)) return data;
	const labs = {...data.labs};
	delete labs[lab];
	return {...data, labs};
}
