/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The shipped labs 02, 03 and 04 (nva-inspection, service-endpoint-storage,
 * private-endpoint-dns) in the app, for the edit tests: real allowed edits, objectives, hints
 * and debriefs. Progress in memory; labs numbered 1 to 3 in this catalogue.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Lab} from '../../../source/engine/lab.js';
import {loadLabFile} from '../../../source/lab/load-lab.js';
import {App} from '../../../source/ui/app.js';
import type {ProgressData} from '../../../source/ui/progress-data.js';
import {memoryProgress, type ProgressStore} from '../../../source/ui/progress.js';
import {testServices} from './labs.js';
import {keys, renderApp, waitFor, type Rendered} from './render.js';

const labsDir = fileURLToPath(new URL('../../../labs/', import.meta.url));

export function shippedLab(file: string): Lab {
	const lab = loadLabFile(path.join(labsDir, file), {check: false}).lab;
	if (!lab) throw new Error(`${file} does not load`);
	return lab;
}

export const editLabs = (): Lab[] => [shippedLab('02-nva-inspection.yaml'), shippedLab('03-service-endpoint-storage.yaml'), shippedLab('04-private-endpoint-dns.yaml')];

export type EditApp = Rendered & {readonly progress: ProgressStore};

export function renderEditLabs(options: {readonly progress?: ProgressStore; readonly initial?: ProgressData; readonly rows?: number} = {}): EditApp {
	const progress = options.progress ?? memoryProgress(options.initial);
	const {services} = testServices([], editLabs());
	const rendered = renderApp(<App start={{kind: 'home'}} services={services} progress={progress} theme={{color: false, ascii: false}} />, 80, options.rows ?? 24);
	return {...rendered, progress};
}

export const frame = (app: Rendered) => app.lastFrame();

/** Polling lasts this long at most: long enough for a loaded shared machine, and never a fixed sleep. */
export const patience = 15_000;

/** Wait for `text` on the screen (a string or a pattern). */
export async function shows(app: Rendered, text: string | RegExp, timeout = patience): Promise<boolean> {
	return waitFor(() => (typeof text === 'string' ? app.lastFrame().includes(text) : text.test(app.lastFrame())), timeout);
}

/** waitFor with the same patience. */
export async function until(check: () => boolean): Promise<boolean> {
	return waitFor(check, patience);
}

/** Open the lab at `index` (0-based) of the list and wait for its objectives. */
export async function openLab(app: Rendered, index = 0): Promise<boolean> {
	if (!(await shows(app, 'Labs, in learning order'))) return false;
	app.press(keys.down.repeat(index) + keys.enter);
	return shows(app, '[objectives]');
}

/** Each character as its own key press, waiting for the field to show what was typed so far. */
export async function typeText(app: Rendered, text: string): Promise<boolean> {
	for (let index = 0; index < text.length; index++) {
		app.press(text[index]!);
		if (!(await shows(app, text.slice(Math.max(0, index - 8), index + 1)))) return false;
	}

	return true;
}
