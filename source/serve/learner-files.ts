/**
 * Where learners' progress lives on the server: `<data>/progress/<sanitised user>/config.json`,
 * the same store `vnetlab` uses locally (source/ui/progress.ts). Also the instructor's reset
 * for a learner who is not connected (a connected one's session applies it itself).
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {openConf, progressFile, readProgressFile} from '../ui/progress.js';
import {resetLab} from './progress-reset.js';

export function progressRoot(dataDirectory: string): string {
	return path.join(dataDirectory, 'progress');
}

export function learnerDirectory(dataDirectory: string, key: string): string {
	return path.join(progressRoot(dataDirectory), key);
}

/** The sanitised names that have a progress folder, sorted. */
export function learnerKeys(dataDirectory: string): string[] {
	try {
		return readdirSync(progressRoot(dataDirectory), {withFileTypes: true})
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort();
	} catch {
		return [];
	}
}

/** Drop one lab from a disconnected learner's saved progress. */
export async function resetLabOnDisk(dataDirectory: string, key: string, lab: string): Promise<void> {
	const directory = learnerDirectory(dataDirectory, key);
	const {data} = readProgressFile(progressFile(directory));
	const next = resetLab(data, lab);
	if (next === data) return;
	(await openConf(directory)).store = next as unknown as Record<string, unknown>;
}
