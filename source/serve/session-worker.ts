/**
 * One learner's session, in its own worker thread: its own module instances (so its own
 * chalk colour level, from FORCE_COLOR in the env the server gave it), its own progress
 * store, its own app. It loads everything first and waits for `start` (the server keeps such
 * spares ready). Whatever goes wrong here (a throw in a key handler or a render, a runaway
 * loop) ends this thread only; the server hears `failed` or sees the thread die.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {openProgress, type ProgressStore} from '../ui/progress.js';
import type {LoadedLab, Services} from '../ui/services.js';
import {activityOf, goalsOf} from './activity.js';
import {resetLab} from './progress-reset.js';
import type {Activity, FromWorker, SessionSetup, ToWorker, WorkerBoot} from './protocol.js';
import {startSessionApp, type SessionApp} from './session-app.js';
import {TerminalInput, TerminalOutput} from './stream-shims.js';

if (!parentPort) throw new Error('session-worker.js runs as a worker thread of `vnetlab serve`');
const port = parentPort;
const boot = workerData as WorkerBoot;
const send = (message: FromWorker) => port.postMessage(message);

const goals = goalsOf(boot.catalog.labs);

// Labs come from the server, loaded once for the room.
const pendingLabs = new Map<number, (loaded: LoadedLab) => void>();
let nextRequest = 1;
const services: Services = {
	catalog: () => boot.catalog,
	loadLab(ref) {
		if (ref.kind === 'sandbox') return {ok: false, problems: [`${ref.file}: a sandbox is opened with vnetlab open`]};
		const request = nextRequest++;
		return new Promise<LoadedLab>((resolve) => {
			pendingLabs.set(request, resolve);
			send({type: 'load-lab', request, file: ref.file});
		});
	},
};

const enterAlternateScreen = '\u001B[?1049h';
const leaveAlternateScreen = '\u001B[?1049l';

type Running = {
	readonly stdout: TerminalOutput;
	readonly stdin: TerminalInput;
	readonly store: ProgressStore;
	readonly setup: SessionSetup;
	app: SessionApp;
};

let session: Running | undefined;
let finished = false;

/** Save, tell the server, and let the thread end. */
async function finish(message: FromWorker): Promise<void> {
	if (finished) return;
	finished = true;
	if (session) {
		session.stdout.write(leaveAlternateScreen);
		session.stdout.drop();
		await session.store.flush().catch(() => undefined);
	}

	send(message);
	port.close();
}

process.on('uncaughtException', (error) => {
	void finish({type: 'failed', message: error instanceof Error ? error.message : String(error)}).finally(() => process.exit(1));
});

function watch(running: Running, app: SessionApp): void {
	app.exited.then(
		() => {
			if (running.app === app) void finish({type: 'exit'});
		},
		(error: unknown) => {
			if (running.app === app) void finish({type: 'failed', message: error instanceof Error ? error.message : String(error)});
		},
	);
}

function start(setup: SessionSetup): void {
	const stdout = new TerminalOutput((data) => send({type: 'output', data}), setup.columns, setup.rows);
	const stdin = new TerminalInput();
	const store = openProgress({VNETLAB_CONFIG_DIR: setup.progressDirectory});
	let lastActivity = '';
	const reportActivity = () => {
		const activity: Activity = activityOf(store.get(), goals);
		const text = JSON.stringify(activity);
		if (text === lastActivity) return;
		lastActivity = text;
		send({type: 'activity', activity});
	};

	store.subscribe(reportActivity);
	stdout.write(enterAlternateScreen);
	const running: Running = {stdout, stdin, store, setup, app: startSessionApp(setup, stdout, stdin, store, services)};
	session = running;
	watch(running, running.app);
	reportActivity();
}

/** The instructor reset a lab: drop its progress and start the app afresh on its home screen. */
function reset(running: Running, lab: string): void {
	running.store.update((data) => resetLab(data, lab));
	// The old app's exit is ignored: `running.app` no longer points at it when it settles.
	running.app.unmount();
	running.stdout.write('\u001B[2J\u001B[3J\u001B[H');
	// The learner sees why the lab went back to the start: the home screen shows the store's notice.
	const notice = `Your instructor reset lab ${lab}: its edits, answers and hints are cleared, and it starts again from the beginning.`;
	running.app = startSessionApp(running.setup, running.stdout, running.stdin, {...running.store, notice}, services);
	watch(running, running.app);
}

port.on('message', (message: ToWorker) => {
	if (message.type === 'start') {
		if (!session) start(message.setup);
		return;
	}

	if (message.type === 'lab') {
		pendingLabs.get(message.request)?.(message.loaded);
		pendingLabs.delete(message.request);
		return;
	}

	if (!session) {
		if (message.type === 'stop') void finish({type: 'stopped'});
		return;
	}

	switch (message.type) {
		case 'input':
			session.stdin.write(Buffer.from(message.data));
			break;
		case 'resize':
			session.stdout.resize(message.columns, message.rows);
			break;
		case 'stop':
			session.app.unmount();
			void finish({type: 'stopped'});
			break;
		case 'reset-lab':
			reset(session, message.lab);
			break;
		default:
			break;
	}
});

// The app loads its lab screens (and the engine with them) on first use; a spare worker loads
// them while it waits, so a learner's first lab opens at once. A screen missing here is skipped.
const lazyScreens = ['lab', 'trace', 'routes', 'edit', 'debrief'];
await Promise.all(lazyScreens.map(async (name) => import(new URL(`../ui/screens/${name}.js`, import.meta.url).href).catch(() => undefined)));

send({type: 'warm'});
