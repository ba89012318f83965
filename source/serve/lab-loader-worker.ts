/**
 * The server's lab loader, in its own thread: reads a lab file in full (YAML, schema, the
 * engine's model) when asked, so the main thread, which carries every learner's keys, never
 * stalls on it. Answers each request with the loaded lab or its problems.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {labServices} from '../ui/lab-services.js';
import type {Catalog, LoadedLab} from '../ui/services.js';

export type LoadRequest = {readonly request: number; readonly id: string; readonly file: string};
export type LoadAnswer = {readonly request: number; readonly loaded: LoadedLab};

if (!parentPort) throw new Error('lab-loader-worker.js runs as a worker thread of `vnetlab serve`');
const port = parentPort;
const services = labServices((workerData as {catalog: Catalog}).catalog);

port.on('message', async ({request, id, file}: LoadRequest) => {
	let loaded: LoadedLab;
	try {
		loaded = await services.loadLab({kind: 'catalog', id, file});
	} catch (error) {
		loaded = {ok: false, problems: [`${file}: ${(error as Error).message}`]};
	}

	port.postMessage({request, loaded} satisfies LoadAnswer);
});
