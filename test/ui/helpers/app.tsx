/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The app as the tests render it: the test labs (or a sandbox), progress kept in memory,
 * colour off unless asked, at 80x24 unless asked.
 */
import type {Lab} from '../../../source/engine/lab.js';
import {App} from '../../../source/ui/app.js';
import {sandboxServices} from '../../../source/ui/lab-services.js';
import type {ProgressData} from '../../../source/ui/progress-data.js';
import {memoryProgress, type ProgressStore} from '../../../source/ui/progress.js';
import type {Theme} from '../../../source/ui/theme.js';
import {loadFixture} from '../../helpers/fixtures.js';
import {hubTopology, testServices} from './labs.js';
import {renderApp, type Rendered} from './render.js';

export type AppOptions = {
	readonly progress?: ProgressStore;
	readonly initial?: ProgressData;
	readonly theme?: Partial<Theme>;
	readonly columns?: number;
	readonly rows?: number;
	readonly problems?: string[];
	/** Labs instead of the three test labs. */
	readonly labs?: Lab[];
};

export function renderHome(options: AppOptions = {}): Rendered & {progress: ProgressStore} {
	const progress = options.progress ?? memoryProgress(options.initial);
	const {services} = testServices(options.problems, options.labs);
	const theme = {color: false, ascii: false, ...options.theme};
	const rendered = renderApp(<App start={{kind: 'home'}} services={services} progress={progress} theme={theme} />, options.columns, options.rows);
	return {...rendered, progress};
}

export function renderSandbox(options: AppOptions & {readonly fixture?: string} = {}): Rendered {
	const file = `test/fixtures/${options.fixture ?? 'trace-hub-spoke.yaml'}`;
	const topology = options.fixture ? loadFixture(options.fixture) : hubTopology;
	const theme = {color: false, ascii: false, ...options.theme};
	return renderApp(<App start={{kind: 'sandbox', file}} services={sandboxServices(file, topology)} progress={memoryProgress()} theme={theme} />, options.columns, options.rows);
}

/** `vnetlab open <lab file>`: the app starts on that lab (the second test lab), over the list. */
export function renderLabFile(options: AppOptions = {}): Rendered & {progress: ProgressStore; file: string} {
	const progress = options.progress ?? memoryProgress(options.initial);
	const {services, summaries} = testServices(options.problems, options.labs);
	const summary = summaries[1]!;
	const theme = {color: false, ascii: false, ...options.theme};
	const rendered = renderApp(<App start={{kind: 'lab', id: summary.id, file: summary.file}} services={services} progress={progress} theme={theme} />, options.columns, options.rows);
	return {...rendered, progress, file: summary.file};
}
