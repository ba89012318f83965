/**
 * The TUI's numbers: time to the home screen's first frame (`node dist/cli.js` in a pseudo-
 * terminal, median of 5) against a bare Ink app built the same way (bare-ink.tsx, compiled
 * to plain JS in a temporary folder), the target being 1.2x the bare app; then, in-process,
 * Ink's render time for one hop step (its onRender metrics) and the bytes one hop step writes
 * with and without incrementalRendering. Needs dist/ (npm run build) and `script` (util-linux).
 */
import {spawn, spawnSync} from 'node:child_process';
import {EventEmitter} from 'node:events';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Bench, Measurement} from './harness.js';
import {median} from './harness.js';
import {cliCommand, nodeFlags} from '../helpers/start-command.js';

/** A row; bytes are counted in `B`, which the harness prints as given. */
export type TuiMeasurement = Omit<Measurement, 'unit'> & {unit: Measurement['unit'] | 'B'};

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = 5;

/** Milliseconds from spawn until `marker` appears in the output of `command` run in an 80x24 pty. */
function timeToFrame(command: string, marker: string, env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		// `script` gives the program a pseudo-terminal; stty sets its size (a 0x0 pty breaks Ink).
		const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], {cwd: root, env, detached: true, stdio: ['pipe', 'pipe', 'ignore']});
		let output = '';
		const timer = setTimeout(() => finish(new Error(`no '${marker}' within 15 s:\n${output.slice(-500)}`)), 15_000);
		const finish = (error?: Error) => {
			clearTimeout(timer);
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// Already gone.
			}

			if (error) reject(error);
			else resolve(performance.now() - started);
		};

		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.includes(marker)) finish();
		});
		child.on('error', (error) => finish(error));
	});
}

type Launch = {command: string; marker: string; env: NodeJS.ProcessEnv};

/**
 * Median time to first frame of each launch. The launches take turns (one run of each, five
 * times), so a machine whose load changes over the minute weighs on all of them alike.
 */
async function medianTimesToFrame(launches: readonly Launch[]): Promise<number[]> {
	for (const {command, marker, env} of launches) await timeToFrame(command, marker, env); // Warm the file cache (and the lab list's).
	const times: number[][] = launches.map(() => []);
	for (let run = 0; run < runs; run++) {
		for (const [index, {command, marker, env}] of launches.entries()) times[index]!.push(await timeToFrame(command, marker, env));
	}

	return times.map((list) => median(list));
}

/** bare-ink.tsx compiled to plain ESM JS (esbuild when installed, else tsc), in a temporary folder that sees node_modules. */
async function buildBareInk(): Promise<{file: string; cleanup: () => void}> {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-bare-ink-'));
	symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
	const source = path.join(root, 'test', 'bench', 'bare-ink.tsx');
	const file = path.join(dir, 'bare-ink.js');
	try {
		const esbuild = await import('esbuild');
		const {code} = await esbuild.transform(readFileSync(source, 'utf8'), {loader: 'tsx', format: 'esm', jsx: 'automatic', target: 'es2022'});
		writeFileSync(file, code);
	} catch {
		mkdirSync(path.join(dir, 'src'));
		const result = spawnSync('npx', ['tsc', source, '--outDir', dir, '--jsx', 'react-jsx', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck'], {cwd: root, encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`cannot compile bare-ink.tsx: ${result.stdout}${result.stderr}`);
	}

	return {file, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/** A terminal-like stream that counts what Ink writes (and keeps the text, to wait for a screen). */
class CountingTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 80;
	readonly rows = 24;
	bytes = 0;
	text = '';
	write = (data: string | Uint8Array, ...rest: unknown[]) => {
		this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
		this.text = (this.text + String(data)).slice(-20_000);
		const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
		callback?.();
		return true;
	};
}

class Keys extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;
	press(data: string) {
		this.pending = data;
		this.emit('readable');
	}

	read = () => {
		const data = this.pending;
		this.pending = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

const settle = async (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until `check` passes (every 5 ms, up to 10 s). */
async function until(check: () => boolean, what: string): Promise<void> {
	const end = Date.now() + 10_000;
	while (!check()) {
		if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
		await settle(5);
	}
}

/** Step through a trace in the sandbox: Ink's render time per hop step, and the bytes each step writes. */
async function hopSteps(incremental: boolean): Promise<{renderMs: number; bytes: number}> {
	// Ink renders nothing interactive when CI is set (is-in-ci reads it at import).
	process.env['CI'] = '0';
	const [{render}, {createElement}, {App}, {sandboxServices}, {memoryProgress}, {anchoredStdout}, {loadTopologyFile}] = await Promise.all([
		import('ink'),
		import('react'),
		import('../../source/ui/app.js'),
		import('../../source/ui/lab-services.js'),
		import('../../source/ui/progress.js'),
		import('../../source/ui/anchored-stdout.js'),
		import('../../source/lab/load-topology.js'),
	]);
	const file = path.join(root, 'test/fixtures/trace-hub-spoke.yaml');
	const topology = loadTopologyFile(file).topology!;
	const terminal = new CountingTerminal();
	const keys = new Keys();
	const renderTimes: number[] = [];
	const stdout = (incremental ? anchoredStdout(terminal as unknown as NodeJS.WriteStream) : terminal) as unknown as NodeJS.WriteStream;
	const app = createElement(App, {start: {kind: 'sandbox', file}, services: sandboxServices(file, topology), progress: memoryProgress(), theme: {color: true, ascii: false}});
	const instance = render(app, {
		stdout,
		stdin: keys as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: incremental,
		onRender: ({renderTime}) => renderTimes.push(renderTime),
	});
	await until(() => terminal.text.includes('[network]'), 'the sandbox');
	keys.press('t');
	await until(() => terminal.text.includes('Type a packet'), 'the trace screen');
	keys.press('vm-app\tstcontoso.blob.core.windows.net\r');
	await until(() => terminal.text.includes('Hop 1 of 3'), 'the first hop');
	await settle();
	const steps: Array<{bytes: number; render: number}> = [];
	for (const key of ['\u001B[C', '\u001B[C', '\u001B[D', '\u001B[D', '\u001B[F', '\u001B[H', '\u001B[C', '\u001B[D']) {
		const before = terminal.bytes;
		const rendersBefore = renderTimes.length;
		keys.press(key);
		await settle();
		const renders = renderTimes.slice(rendersBefore);
		steps.push({bytes: terminal.bytes - before, render: renders.reduce((sum, time) => sum + time, 0)});
	}

	instance.unmount();
	return {renderMs: median(steps.map((step) => step.render)), bytes: median(steps.map((step) => step.bytes))};
}

export async function run(): Promise<TuiMeasurement[]> {
	const rows: TuiMeasurement[] = [];
	const {CI: _ci, ...inherited} = process.env;
	// Without CI in the environment: Ink renders nothing interactive when it is set.
	const env: NodeJS.ProcessEnv = {...inherited, LANG: 'C.UTF-8', VNETLAB_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'vnetlab-bench-'))};
	const bare = await buildBareInk();
	try {
		// A config folder inside a file cannot be created: no lab list cache, every start lists the labs.
		const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'vnetlab-bench-')), 'file');
		writeFileSync(blocker, '');
		const cli = cliCommand;
		// The bare app runs with npm start's node flags too, so the ratio compares the apps, not the flags.
		const bareNode = ['node', ...nodeFlags].join(' ');
		const [bareMs, symbolMs, homeMs, uncachedMs, plainBareMs] = (await medianTimesToFrame([
			{command: `${bareNode} ${bare.file}`, marker: 'bare ink ready', env},
			{command: `${bareNode} ${bare.file}`, marker: 'bare ink ready ❯', env: {...env, BARE_INK_SYMBOL: '1'}},
			{command: cli, marker: 'Labs, in learning order', env},
			{command: cli, marker: 'Labs, in learning order', env: {...env, VNETLAB_CONFIG_DIR: path.join(blocker, 'config')}},
			{command: `node ${bare.file}`, marker: 'bare ink ready', env},
		])) as [number, number, number, number, number];
		rows.push({name: 'first frame: bare Ink app', value: bareMs, unit: 'ms', detail: `median of ${runs}, 80x24 pty, node ${nodeFlags.join(' ')}`});
		rows.push({name: 'first frame: bare Ink app, plain node', value: plainBareMs, unit: 'ms', detail: `without npm start's flags: ${(bareMs / plainBareMs).toFixed(2)}x is what the flags cost`});
		rows.push({name: 'first frame: bare Ink app + one ❯', value: symbolMs, unit: 'ms', detail: 'string-width compiles its Unicode regexps on first use'});
		rows.push({
			name: 'first frame: vnetlab home screen',
			value: homeMs,
			unit: 'ms',
			target: {max: Math.round(bareMs * 1.2)},
			detail: `${(homeMs / bareMs).toFixed(2)}x the bare app, ${(homeMs / symbolMs).toFixed(2)}x with a symbol (lab list cached)`,
		});
		rows.push({name: 'first frame: home, lab list not cached', value: uncachedMs, unit: 'ms', detail: `${(uncachedMs / bareMs).toFixed(2)}x the bare app: every lab file's YAML parsed`});
	} finally {
		bare.cleanup();
	}

	const incremental = await hopSteps(true);
	const standard = await hopSteps(false);
	rows.push({name: 'hop step: Ink render time', value: incremental.renderMs, unit: 'ms', detail: 'onRender metrics, median of 8 steps'});
	rows.push({name: 'hop step: bytes written, incremental', value: incremental.bytes, unit: 'B', detail: 'incrementalRendering: true (as shipped)'});
	rows.push({name: 'hop step: bytes written, full redraw', value: standard.bytes, unit: 'B', detail: 'incrementalRendering: false'});
	return rows;
}

export const bench: Bench = {name: 'tui', run: async () => (await run()) as Measurement[]};
