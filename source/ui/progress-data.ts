/**
 * The saved progress (design section 8) and the pure updates the app makes to it. The store
 * (progress.ts) persists whatever these return; nothing here does I/O.
 */
import type {Edit} from '../engine/edits/types.js';

export const progressSchemaVersion = 1;

export type LabProgress = {
	/** ISO time the lab was first opened. */
	startedAt: string;
	/** Ids of the objectives passing when last evaluated. */
	objectivesPassed: string[];
	/** Predict objective id -> the learner's choice. */
	predictAnswers: Record<string, string>;
	hintsUsed: number;
	/** The applied edit records (editing comes in a later part: [] for now). */
	edits: Edit[];
	/** The lab file's hash (with its topology) when the edits were made. */
	labHash?: string;
	/** ISO time every objective first passed. */
	completedAt?: string;
};

export type ProgressData = {
	schemaVersion: number;
	/** The lab opened last: the home screen offers to continue it. */
	lastLab?: string;
	labs: Record<string, LabProgress>;
};

export function emptyProgress(): ProgressData {
	return {schemaVersion: progressSchemaVersion, labs: {}};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Parsed JSON as progress: unknown fields dropped, wrong types replaced by defaults. */
export function normaliseProgress(value: unknown): ProgressData {
	if (!isRecord(value)) return emptyProgress();
	const labs: Record<string, LabProgress> = {};
	if (isRecord(value['labs'])) {
		for (const [id, entry] of Object.entries(value['labs'])) {
			if (!isRecord(entry)) continue;
			const answers: Record<string, string> = {};
			if (isRecord(entry['predictAnswers'])) {
				for (const [key, answer] of Object.entries(entry['predictAnswers'])) if (typeof answer === 'string') answers[key] = answer;
			}

			labs[id] = {
				startedAt: typeof entry['startedAt'] === 'string' ? entry['startedAt'] : new Date(0).toISOString(),
				objectivesPassed: strings(entry['objectivesPassed']),
				predictAnswers: answers,
				hintsUsed: typeof entry['hintsUsed'] === 'number' ? entry['hintsUsed'] : 0,
				edits: Array.isArray(entry['edits']) ? (entry['edits'] as Edit[]) : [],
				...(typeof entry['labHash'] === 'string' ? {labHash: entry['labHash']} : {}),
				...(typeof entry['completedAt'] === 'string' ? {completedAt: entry['completedAt']} : {}),
			};
		}
	}

	return {
		schemaVersion: typeof value['schemaVersion'] === 'number' ? value['schemaVersion'] : progressSchemaVersion,
		...(typeof value['lastLab'] === 'string' ? {lastLab: value['lastLab']} : {}),
		labs,
	};
}

/** Opening a lab: started now unless started before; it becomes the lab to continue. */
export function startLab(data: ProgressData, labId: string, hash: string | undefined, now: string): ProgressData {
	const existing = data.labs[labId];
	const entry: LabProgress = existing
		? {...existing, ...(hash && !existing.labHash ? {labHash: hash} : {})}
		: {startedAt: now, objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: [], ...(hash ? {labHash: hash} : {})};
	if (existing && entry.labHash === existing.labHash && data.lastLab === labId) return data;
	return {...data, lastLab: labId, labs: {...data.labs, [labId]: entry}};
}

/** A prediction answered (or answered again). */
export function answerPrediction(data: ProgressData, labId: string, objectiveId: string, choice: string, now: string): ProgressData {
	const entry = data.labs[labId] ?? {startedAt: now, objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: []};
	return {...data, labs: {...data.labs, [labId]: {...entry, predictAnswers: {...entry.predictAnswers, [objectiveId]: choice}}}};
}

/** The objectives passing now; completedAt is set the first time they all pass. Unchanged data when nothing changed. */
export function recordObjectives(data: ProgressData, labId: string, passed: readonly string[], allPassed: boolean, now: string): ProgressData {
	const entry = data.labs[labId];
	if (!entry) return data;
	const samePassed = entry.objectivesPassed.length === passed.length && entry.objectivesPassed.every((id, index) => id === passed[index]);
	const completes = allPassed && !entry.completedAt;
	if (samePassed && !completes) return data;
	return {...data, labs: {...data.labs, [labId]: {...entry, objectivesPassed: [...passed], ...(completes ? {completedAt: now} : {})}}};
}

export type LabStatus =
	| {readonly kind: 'not-started'}
	| {readonly kind: 'in-progress'; readonly passed: number; readonly total: number}
	| {readonly kind: 'done'};

/**
 * What the lab list shows for a lab. `goals` are the ids of the objectives to reach (holds
 * objectives pass from the start, so counting them would show progress nobody made), or a
 * plain count when the ids are not known.
 */
export function labStatus(data: ProgressData, labId: string, goals: number | readonly string[]): LabStatus {
	const entry = data.labs[labId];
	if (!entry) return {kind: 'not-started'};
	if (entry.completedAt) return {kind: 'done'};
	if (typeof goals === 'number') return {kind: 'in-progress', passed: Math.min(entry.objectivesPassed.length, goals), total: goals};
	const passed = goals.filter((id) => entry.objectivesPassed.includes(id)).length;
	return {kind: 'in-progress', passed, total: goals.length};
}
