/**
 * `vnetlab progress --data <dir>`: every workshop learner's saved progress, for grading, as a
 * table, JSON (with the edits and answers themselves, ready for `vnetlab check`) or CSV (one
 * row per learner and lab). Reads the files as they are: an unreadable one is reported and
 * skipped, never moved or changed.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Edit} from '../engine/edits/types.js';
import type {LabSummary} from '../engine/lab.js';
import {normaliseProgress, type ProgressData} from '../ui/progress-data.js';
import {progressFile} from '../ui/progress.js';
import {goalCount} from './activity.js';
import {learnerDirectory, learnerKeys, progressRoot} from './learner-files.js';

export type LabExport = {
	lab: string;
	/** NN of the lab file, when the lab is in the catalogue. */
	number: number | null;
	title: string | null;
	/** The ids saved as passing (as the progress file has them). */
	objectivesPassed: string[];
	/** Objectives to reach that pass, and how many there are (as the app counts them: not the `holds` ones). */
	passed: number;
	goalCount: number | null;
	completed: boolean;
	completedAt: string | null;
	hintsUsed: number;
	predictAnswers: Record<string, string>;
	edits: Edit[];
	startedAt: string;
};

export type LearnerExport = {learner: string; lastLab: string | null; labs: LabExport[]};

export type RoomExport = {data: string; learners: LearnerExport[]};

export type CatalogEntry = Pick<LabSummary, 'id' | 'number' | 'title' | 'objectiveCount' | 'goalIds'>;

export class ExportError extends Error {}

function readLearner(file: string): ProgressData {
	return normaliseProgress(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every learner's progress under `<data>/progress/`, learners and labs in order. Problems are one line each. */
export function collectProgress(dataDirectory: string, catalog: readonly CatalogEntry[]): {room: RoomExport; problems: string[]} {
	if (!existsSync(progressRoot(dataDirectory))) throw new ExportError(`--data: ${dataDirectory} has no progress folder (no learner has saved anything there yet)`);
	const byId = new Map(catalog.map((entry) => [entry.id, entry]));
	const problems: string[] = [];
	const learners: LearnerExport[] = [];
	for (const key of learnerKeys(dataDirectory)) {
		const file = progressFile(learnerDirectory(dataDirectory, key));
		if (!existsSync(file)) continue;
		let data: ProgressData;
		try {
			data = readLearner(file);
		} catch (error) {
			problems.push(`${file}: unreadable (${(error as Error).message.split('\n')[0]}); skipped`);
			continue;
		}

		const labs = Object.entries(data.labs).map(([id, entry]): LabExport => {
			const known = byId.get(id);
			const {passed, total} = goalCount(entry, known ? (known.goalIds ?? known.objectiveCount) : undefined);
			return {
				lab: id,
				number: known?.number ?? null,
				title: known?.title ?? null,
				objectivesPassed: entry.objectivesPassed,
				passed,
				goalCount: total ?? null,
				completed: entry.completedAt !== undefined,
				completedAt: entry.completedAt ?? null,
				hintsUsed: entry.hintsUsed,
				predictAnswers: entry.predictAnswers,
				edits: entry.edits,
				startedAt: entry.startedAt,
			};
		});
		labs.sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || a.lab.localeCompare(b.lab));
		learners.push({learner: key, lastLab: data.lastLab ?? null, labs});
	}

	return {room: {data: path.resolve(dataDirectory), learners}, problems};
}

export const csvHeaders = ['learner', 'lab', 'number', 'title', 'objectives_passed', 'objective_count', 'completed', 'completed_at', 'hints_used', 'predictions_answered', 'edits', 'started_at'];

function csvCell(value: string | number | boolean | null): string {
	const text = value === null ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per learner and lab (RFC 4180, CRLF line ends as the RFC has them). */
export function toCsv(room: RoomExport): string {
	const rows = room.learners.flatMap((learner) =>
		learner.labs.map((lab) => [
			learner.learner,
			lab.lab,
			lab.number,
			lab.title,
			lab.passed,
			lab.goalCount,
			lab.completed,
			lab.completedAt,
			lab.hintsUsed,
			Object.keys(lab.predictAnswers).length,
			lab.edits.length,
			lab.startedAt,
		]),
	);
	return [csvHeaders, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The table rows of the text output. */
export function tableRows(room: RoomExport): string[][] {
	return room.learners.flatMap((learner) =>
		learner.labs.map((lab) => [
			learner.learner,
			lab.number === null ? '--' : String(lab.number).padStart(2, '0'),
			lab.lab,
			lab.completed ? 'done' : `${lab.passed}${lab.goalCount === null ? '' : ` of ${lab.goalCount}`}`,
			String(lab.hintsUsed),
			String(Object.keys(lab.predictAnswers).length),
			String(lab.edits.length),
			lab.startedAt.slice(0, 16).replace('T', ' '),
		]),
	);
}

export const tableHeaders = ['Learner', '#', 'Lab', 'Passed', 'Hints', 'Answers', 'Edits', 'Started (UTC)'];
