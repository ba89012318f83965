/**
 * Session workers started ahead of need. A worker spends most of its start-up importing Ink,
 * React, the app and its lab screens (about half a second of CPU); a spare that has done so
 * is handed to the next learner, whose first screen then comes at once. Spares
 * are kept per colour level (FORCE_COLOR is fixed when a worker starts): the level last asked
 * for gets `spares` ready workers.
 */
import type {Worker} from 'node:worker_threads';
import type {WorkerBoot} from './protocol.js';
import {startModuleWorker} from './worker-file.js';

export type ColorLevel = 1 | 2 | 3;

/**
 * A session's heap: the old generation capped so a runaway session dies alone; a small young
 * generation (V8's default is sized for a whole process), about 10 MB less RSS per session.
 */
const resourceLimits = {maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 4};

export function startWorker(boot: WorkerBoot, level: ColorLevel): Worker {
	const env: Record<string, string | undefined> = {
		...process.env,
		CI: '0',
		FORCE_COLOR: String(level),
		NODE_ENV: process.env['NODE_ENV'] ?? 'production',
	};
	delete env['NO_COLOR'];
	const worker = startModuleWorker('session-worker', {workerData: boot, env, stdout: true, stderr: true, resourceLimits});
	// A session's stray console output must not reach the instructor's screen.
	worker.stdout.resume();
	worker.stderr.resume();
	return worker;
}

const refillDelayMs = 1000;

export class WorkerPool {
	private readonly ready = new Map<ColorLevel, Worker[]>();
	private closed = false;

	constructor(
		private readonly boot: WorkerBoot,
		private readonly spares: number,
		firstLevel: ColorLevel = 2,
	) {
		this.fill(firstLevel);
	}

	/** A worker for a session at this colour level: a spare when there is one. */
	take(level: ColorLevel): Worker {
		const spare = this.ready.get(level)?.shift();
		const worker = spare ?? startWorker(this.boot, level);
		if (spare) spare.removeAllListeners('exit').removeAllListeners('error');
		// Refill once the taken worker has drawn its first screen (it needs the CPU more).
		setTimeout(() => this.fill(level), refillDelayMs).unref();
		return worker;
	}

	private fill(level: ColorLevel): void {
		if (this.closed) return;
		const list = this.ready.get(level) ?? [];
		this.ready.set(level, list);
		while (list.length < this.spares) {
			const worker = startWorker(this.boot, level);
			const drop = () => {
				const index = list.indexOf(worker);
				if (index >= 0) list.splice(index, 1);
			};
			// A spare that dies before use is dropped, not replaced at once (no restart loop).
			worker.on('error', drop);
			worker.on('exit', drop);
			list.push(worker);
		}
	}

	async close(): Promise<void> {
		this.closed = true;
		const all = [...this.ready.values()].flat();
		this.ready.clear();
		await Promise.all(all.map(async (worker) => worker.terminate()));
	}
}
