/**
 * The labs, read once for the whole room: the catalogue at start (main thread), and each lab
 * in full by a loader thread (lab-loader-worker.ts), the first few in the background from the
 * start, the others when first opened, and again only when a file changes. Session workers ask for labs by message instead of each
 * parsing YAML and compiling schemas, which keeps a learner's first lab quick, a session's
 * memory small, and the main thread (every learner's keys) free of that work.
 */
import {statSync} from 'node:fs';
import type {Worker} from 'node:worker_threads';
import {listCatalog} from '../ui/lab-services.js';
import type {Catalog, LoadedLab} from '../ui/services.js';
import type {LoadAnswer, LoadRequest} from './lab-loader-worker.js';
import {startModuleWorker} from './worker-file.js';

export class LabHost {
	private readonly loaded = new Map<string, {stamp: string; lab: Promise<LoadedLab>}>();
	private readonly pending = new Map<number, (loaded: LoadedLab) => void>();
	private nextRequest = 1;
	private loader: Worker | undefined;

	private constructor(readonly catalog: Catalog) {}

	static async open(directory: string): Promise<LabHost> {
		return new LabHost(await listCatalog(directory));
	}

	/** A catalogue lab in full (only files the catalogue lists). */
	async load(file: string): Promise<LoadedLab> {
		const summary = this.catalog.labs.find((lab) => lab.file === file);
		if (!summary) return {ok: false, problems: [`${file}: not a lab of this workshop`]};
		let stamp = '';
		try {
			const stat = statSync(file);
			stamp = `${stat.size}:${stat.mtimeMs}`;
		} catch {
			// The loader reports it.
		}

		const cached = this.loaded.get(file);
		if (cached && cached.stamp === stamp) return cached.lab;
		const lab = this.request({request: this.nextRequest++, id: summary.id, file});
		this.loaded.set(file, {stamp, lab});
		return lab;
	}

	/** Load the first labs ahead of the learners (a room starts at the start), in the loader thread. */
	preload(count = 3): void {
		for (const lab of this.catalog.labs.slice(0, count)) void this.load(lab.file);
	}

	async close(): Promise<void> {
		const loader = this.loader;
		this.loader = undefined;
		await loader?.terminate();
	}

	private request(message: LoadRequest): Promise<LoadedLab> {
		return new Promise((resolve) => {
			this.pending.set(message.request, resolve);
			this.worker().postMessage(message);
		});
	}

	/** The loader thread, started when first needed and again if it died. */
	private worker(): Worker {
		if (this.loader) return this.loader;
		const loader = startModuleWorker('lab-loader-worker', {workerData: {catalog: this.catalog}, stdout: true, stderr: true, resourceLimits: {maxOldGenerationSizeMb: 512}});
		loader.stdout.resume();
		loader.stderr.resume();
		loader.unref();
		loader.on('message', ({request, loaded}: LoadAnswer) => {
			this.pending.get(request)?.(loaded);
			this.pending.delete(request);
		});
		const fail = (why: string) => {
			if (this.loader === loader) this.loader = undefined;
			for (const resolve of this.pending.values()) resolve({ok: false, problems: [`the lab could not be loaded (${why}); try again`]});
			this.pending.clear();
			// Failed loads are not kept: the next request tries again.
			for (const [file, entry] of this.loaded) void entry.lab.then((lab) => !lab.ok && this.loaded.get(file) === entry && this.loaded.delete(file));
		};

		loader.on('error', (error) => fail(error.message));
		loader.on('exit', () => fail('the loader stopped'));
		this.loader = loader;
		return loader;
	}
}
