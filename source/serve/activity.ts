/**
 * What the room table shows about a learner, read from their progress: the lab opened last,
 * how many of its objectives pass out of those to reach (as the app counts them: the `holds`
 * ones pass from the start and are not counted), hints used, done or not.
 */
import type {LabSummary} from '../engine/lab.js';
import type {LabProgress, ProgressData} from '../ui/progress-data.js';
import type {Activity} from './protocol.js';

/** Per lab id, the objectives to reach: their ids, or only their number when the catalogue has no ids. */
export type Goals = ReadonlyMap<string, number | readonly string[]>;

export function goalsOf(labs: readonly LabSummary[]): Goals {
	return new Map(labs.map((lab) => [lab.id, lab.goalIds ?? lab.objectiveCount]));
}

/** Objectives passed out of those to reach; the total is unknown for a lab not in the catalogue. */
export function goalCount(entry: LabProgress | undefined, goals: number | readonly string[] | undefined): {passed: number; total?: number} {
	const saved = entry?.objectivesPassed ?? [];
	if (goals === undefined) return {passed: saved.length};
	if (typeof goals === 'number') return {passed: Math.min(saved.length, goals), total: goals};
	return {passed: goals.filter((id) => saved.includes(id)).length, total: goals.length};
}

export function activityOf(data: ProgressData, goals: Goals = new Map()): Activity {
	const lab = data.lastLab;
	const entry = lab === undefined ? undefined : data.labs[lab];
	const {passed, total} = goalCount(entry, lab === undefined ? undefined : goals.get(lab));
	return {
		...(lab === undefined ? {} : {lab}),
		objectivesPassed: passed,
		...(total === undefined ? {} : {objectivesTotal: total}),
		hintsUsed: entry?.hintsUsed ?? 0,
		completed: entry?.completedAt !== undefined,
	};
}
