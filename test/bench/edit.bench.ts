/**
 * Editing in the TUI, in-process on a counting terminal (80x24, incremental rendering and the
 * anchored stdout, as shipped): the render work of the frame after an edit is submitted (and
 * after it is undone), and of a hop step on the trace screen, on the largest lab (as a lab) and
 * on the generated large topology (test/bench/generate.ts, in sandbox mode). Render work is
 * React's commit time (a Profiler around the app) plus Ink's own render time (onRender), per
 * key, p50 and p95; the target is p95 under 16 ms. Also: the wall time from the key to the
 * frame (which includes the engine: applying and validating the edit, the change summary), the
 * CPU time this process spent per key, and the bytes written per keypress. `EDIT_BENCH=lab` or
 * `EDIT_BENCH=sandbox` runs one scenario. With NODE_ENV=production React reports no commit
 * times: the render work is then Ink's alone (the key-to-frame and CPU times still hold).
 */
import {EventEmitter} from 'node:events';
import {readdirSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import type {Lab} from '../../source/engine/lab.js';
import type {Topology} from '../../source/engine/topology.js';
import {generateHubSpoke} from './generate.js';
import type {Bench, Measurement} from './harness.js';

type Row = Omit<Measurement, 'unit'> & {unit: Measurement['unit'] | 'B'};

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Edits submitted (and as many undone) per scenario, and hop steps. */
const edits = 12;
const hopSteps = 16;

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A terminal that counts what Ink writes and wakes whoever waits for some text. */
class CountingTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 80;
	readonly rows = 24;
	bytes = 0;
	/** Everything written since `mark()`. */
	recent = '';
	private waiters: Array<{text: string; resolve: () => void}> = [];
	write = (data: string | Uint8Array, ...rest: unknown[]) => {
		const text = String(data);
		this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
		this.recent = (this.recent + text).slice(-50_000);
		this.waiters = this.waiters.filter((waiter) => {
			if (!this.recent.includes(waiter.text)) return true;
			waiter.resolve();
			return false;
		});
		(rest.find((value) => typeof value === 'function') as (() => void) | undefined)?.();
		return true;
	};

	mark(): void {
		this.recent = '';
	}

	/** Resolves when `text` has been written since the last mark (or at once if it was). */
	async written(text: string, what: string): Promise<void> {
		if (this.recent.includes(text)) return;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`bench: no '${what}' within 30 s:\n${this.recent.slice(-1500)}`)), 30_000);
			this.waiters.push({text, resolve: () => (clearTimeout(timer), resolve())});
		});
	}
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

const settle = async (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));

type Sample = {wall: number; react: number; ink: number; bytes: number; cpu: number};

type Session = {
	readonly terminal: CountingTerminal;
	readonly keys: Keys;
	/** Press a key, wait until `marker` is written, then for the renders to settle; what it cost. */
	press(key: string, marker: string): Promise<Sample>;
	unmount(): void;
};

async function startSession(kind: {lab: Lab} | {sandbox: Topology}): Promise<Session> {
	process.env['CI'] = '0';
	const [{render}, {createElement, Profiler}, {App}, services, {memoryProgress}, {anchoredStdout}, {testServices}] = await Promise.all([
		import('ink'),
		import('react'),
		import('../../source/ui/app.js'),
		import('../../source/ui/lab-services.js'),
		import('../../source/ui/progress.js'),
		import('../../source/ui/anchored-stdout.js'),
		import('../ui/helpers/labs.js'),
	]);
	const terminal = new CountingTerminal();
	const keys = new Keys();
	let react = 0;
	let ink = 0;
	const app =
		'lab' in kind
			? createElement(App, {start: {kind: 'home'}, services: testServices([], [kind.lab]).services, progress: memoryProgress(), theme: {color: true, ascii: false}})
			: createElement(App, {start: {kind: 'sandbox', file: 'generated.yaml'}, services: services.sandboxServices('generated.yaml', kind.sandbox), progress: memoryProgress(), theme: {color: true, ascii: false}});
	const profiled = createElement(Profiler, {id: 'app', onRender: (_id: string, _phase: string, actual: number) => (react += actual)}, app);
	const instance = render(profiled, {
		stdout: anchoredStdout(terminal as unknown as NodeJS.WriteStream),
		stdin: keys as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: true,
		onRender: ({renderTime}) => (ink += renderTime),
	});
	return {
		terminal,
		keys,
		async press(key, marker) {
			await settle();
			terminal.mark();
			const before = {bytes: terminal.bytes, react, ink};
			const start = performance.now();
			const cpu = process.cpuUsage();
			keys.press(key);
			await terminal.written(marker, marker);
			const wall = performance.now() - start;
			// Renders after the marked one (Ink throttles, React may commit twice) belong to the key too.
			await settle();
			const used = process.cpuUsage(cpu);
			return {wall, react: react - before.react, ink: ink - before.ink, bytes: terminal.bytes - before.bytes, cpu: (used.user + used.system) / 1000};
		},
		unmount: () => instance.unmount(),
	};
}

/** The first op the lab allows whose form, as it opens, is a valid edit (a toggle, an association). */
async function submittableOp(lab: Lab): Promise<{index: number; op: string}> {
	const [{editForms, menuOps}, {initialEditForm}, {submitEditForm}, {applyEdit}] = await Promise.all([
		import('../../source/ui/edit-forms.js'),
		import('../../source/ui/state/edit-form-state.js'),
		import('../../source/ui/edit-submit.js'),
		import('../../source/engine/edits/index.js'),
	]);
	const ops = menuOps(lab.allowedEdits);
	const index = ops.findIndex((op) => submitEditForm(initialEditForm(editForms[op], lab.topology), lab.topology, (record) => applyEdit(lab.topology, record, {allowedOps: lab.allowedEdits})).ok);
	if (index < 0) throw new Error(`bench: no op of ${lab.id} submits as its form opens`);
	return {index, op: ops[index]!};
}

const down = '\u001B[B';
const right = '\u001B[C';
const left = '\u001B[D';

/** Submit an edit from the edit menu (Enter twice: open the form, submit it) and undo it, `edits` times. */
async function editRounds(session: Session, openForm: (round: number) => Promise<void>, submit: string): Promise<{submit: Sample[]; undo: Sample[]}> {
	const submits: Sample[] = [];
	const undos: Sample[] = [];
	for (let round = 0; round < edits; round++) {
		await openForm(round);
		submits.push(await session.press(submit, 'Your edits (1)'));
		undos.push(await session.press('u', 'Your edits (0)'));
	}

	return {submit: submits, undo: undos};
}

/** Step to the next hop and back, `hopSteps` times (the packet has at least two hops). */
async function hopRounds(session: Session): Promise<Sample[]> {
	const samples: Sample[] = [];
	for (let step = 0; step < hopSteps; step++) samples.push(await session.press(step % 2 === 0 ? right : left, step % 2 === 0 ? 'Hop 2 of' : 'Hop 1 of'));
	return samples;
}

/** The lab's suggested packet with the most hops (on its start network). */
async function longestSuggestion(lab: Lab): Promise<number> {
	const [{buildNetwork}, {traceOf}] = await Promise.all([import('../../source/engine/network.js'), import('../../source/ui/trace-cache.js')]);
	const network = buildNetwork(lab.topology);
	const hops = lab.suggestedTraces.map((query) => {
		const outcome = traceOf(network, query);
		return outcome.ok ? outcome.trace.hops.length : 0;
	});
	return hops.indexOf(Math.max(...hops));
}

function rows(scenario: string, name: string, samples: readonly Sample[]): Row[] {
	const work = samples.map((sample) => sample.react + sample.ink);
	const wall = samples.map((sample) => sample.wall);
	const bytes = samples.map((sample) => sample.bytes);
	return [
		{name: `${scenario}: ${name}, render work p50`, value: percentile(work, 50), unit: 'ms', detail: `React commit + Ink render, ${samples.length} keys`},
		{name: `${scenario}: ${name}, render work p95`, value: percentile(work, 95), unit: 'ms', target: {max: 16}, detail: `Ink's render alone: p50 ${percentile(samples.map((s) => s.ink), 50).toFixed(2)}, p95 ${percentile(samples.map((s) => s.ink), 95).toFixed(2)} ms`},
		{name: `${scenario}: ${name}, key to frame p50 / p95`, value: percentile(wall, 50), unit: 'ms', detail: `p95 ${percentile(wall, 95).toFixed(1)} ms (engine included)`},
		{name: `${scenario}: ${name}, CPU per key p50 / p95`, value: percentile(samples.map((s) => s.cpu), 50), unit: 'ms', detail: `p95 ${percentile(samples.map((s) => s.cpu), 95).toFixed(1)} ms (this process only: the least sensitive to a loaded machine)`},
		{name: `${scenario}: ${name}, bytes per keypress`, value: percentile(bytes, 50), unit: 'B', detail: `median; max ${Math.max(...bytes)}`},
	];
}

/** The lab whose topology is largest. */
async function largestLab(): Promise<Lab> {
	const {loadLabFile} = await import('../../source/lab/load-lab.js');
	const dir = path.join(root, 'labs');
	const labs = readdirSync(dir)
		.filter((name) => name.endsWith('.yaml'))
		.map((name) => loadLabFile(path.join(dir, name), {check: false}).lab!)
		.filter((lab) => lab.allowedEdits.length > 0 && lab.suggestedTraces.length > 0);
	return labs.reduce((big, lab) => (JSON.stringify(lab.topology).length > JSON.stringify(big.topology).length ? lab : big));
}

async function labScenario(): Promise<Row[]> {
	const lab = await largestLab();
	const {index: opIndex, op} = await submittableOp(lab);
	const session = await startSession({lab});
	try {
		await session.terminal.written('Labs, in learning order', 'the lab list');
		await session.press('\r', '[objectives]');
		await session.press('e', 'Change the network');
		if (opIndex > 0) await session.press(down.repeat(opIndex), `❯ ${op}`);
		const {submit, undo} = await editRounds(session, async () => void (await session.press('\r', 'esc cancels')), '\r');
		await session.press('q', '[objectives]');
		await session.press('t', 'Suggested packets');
		const suggestion = await longestSuggestion(lab);
		await session.press(`${down.repeat(suggestion)}\r`, 'Hop 1 of');
		const hops = await hopRounds(session);
		const scenario = `lab ${lab.id}`;
		return [...rows(scenario, 'edit submitted', submit), ...rows(scenario, 'edit undone', undo), ...rows(scenario, 'hop step', hops)];
	} finally {
		session.unmount();
	}
}

async function sandboxScenario(): Promise<Row[]> {
	const generated = generateHubSpoke();
	const session = await startSession({sandbox: generated.topology});
	try {
		await session.terminal.written('[network]', 'the sandbox');
		await session.press('e', 'Change the network');
		await session.press(down.repeat(2), '❯ create-route-table');
		// A new route table each round: open the form, type its name, submit.
		const {submit, undo} = await editRounds(
			session,
			async (round) => {
				await session.press('\r', 'esc cancels');
				await session.press(`bench-${round}`, `bench-${round}`);
			},
			'\r',
		);
		await session.press('q', '[network]');
		await session.press('t', 'Type a packet');
		const to = generated.topology.networkInterfaces.find((nic) => nic.name === 'vm-spoke2')!.privateIpAddress;
		await session.press(`${generated.probeNic}\t${to}\r`, 'Hop 1 of');
		const hops = await hopRounds(session);
		const scenario = `sandbox ${generated.topology.networkInterfaces.length} NICs`;
		return [...rows(scenario, 'edit submitted', submit), ...rows(scenario, 'edit undone', undo), ...rows(scenario, 'hop step', hops)];
	} finally {
		session.unmount();
	}
}

export const bench: Bench = {
	name: `edit (the TUI: edit to frame and hop steps, in-process, 80x24; React ${process.env['NODE_ENV'] === 'production' ? 'production' : 'development'} build; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`,
	run: async () => [...(process.env["EDIT_BENCH"] === "sandbox" ? [] : await labScenario()), ...(process.env["EDIT_BENCH"] === "lab" ? [] : await sandboxScenario())] as Measurement[],
};
