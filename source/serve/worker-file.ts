/**
 * Starting one of the server's worker modules: the .js build next to this file, or under tsx
 * (`npm run dev serve`) the .ts source, loaded through tsx's API because Node 20 does not pass
 * `--import` hooks on to worker threads.
 */
import {Worker, type WorkerOptions} from 'node:worker_threads';

export function startModuleWorker(name: 'session-worker' | 'lab-loader-worker', options: WorkerOptions): Worker {
	if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
	const file = JSON.stringify(new URL(`./${name}.ts`, import.meta.url).href);
	return new Worker(`import('tsx/esm/api').then(({register}) => { register(); return import(${file}); });`, {...options, eval: true});
}
