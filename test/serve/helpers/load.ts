/**
 * A scripted room for the load test and the benchmark: N ssh2 clients, each on an 80x24 pty,
 * open a lab, answer predictions, step a packet trace and go home again, for a while, with a
 * short pause between keys. Measures keystroke-to-frame latency (from writing a key to the
 * first output after it), the server's RSS and CPU from /proc, and checks afterwards that
 * every learner's progress was saved.
 */
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import type {Client, ClientChannel} from 'ssh2';
import {connect} from './ssh-client.js';
import {waitUntil, type ServeProcess} from './serve-process.js';

export type LoadOptions = {
	readonly clients: number;
	readonly durationMs: number;
	/** Pause after a frame has settled, before the next key. */
	readonly thinkMs: number;
};

export type LoadResult = {
	/** Milliseconds from a key to the first output after it, every key that drew something. */
	readonly latencies: number[];
	/** The same, by step of the script (open lab, answer, next hop, ...). */
	readonly byStep: ReadonlyMap<string, number[]>;
	/** Keys after which nothing was drawn within the wait. */
	readonly silentKeys: number;
	/** Times a client lost its place in the script and went back to the lab list. */
	readonly resyncs: number;
	/** Resyncs that did not find the lab list within their attempts (the client carries on). */
	readonly lost: number;
	readonly sessions: number;
	/** Learners whose progress file holds an answer at the end. */
	readonly saved: number;
	/** Seconds from the first connect until every client saw its home screen. */
	readonly rampSeconds: number;
	readonly baselineRssMb: number;
	readonly peakRssMb: number;
	/** Mean RSS over the measured window. */
	readonly meanRssMb: number;
	/** Server CPU time over the measured window, as a share of one core (1 = one core busy). */
	readonly cpuCores: number;
	readonly windowSeconds: number;
	readonly errors: string[];
};

type Step = {readonly key: string; readonly expect?: string; readonly label: string};

const home = 'Labs, in learning order';

/**
 * The script each client repeats, from the lab list: open the first lab, answer its selected
 * prediction (the choice alternates, so the saved answer changes), trace a suggested packet
 * and step it, then back to the lab list.
 */
const cycle: readonly Step[] = [
	{key: '\r', expect: 'Objectives', label: 'open lab'},
	{key: '\r', expect: 'Your prediction', label: 'open prediction'},
	{key: 'j', label: 'move choice'},
	{key: '\r', expect: 'your answer:', label: 'answer'},
	{key: 't', expect: 'Suggested packets', label: 'open trace'},
	{key: '\r', expect: 'Hop 1 of', label: 'run trace'},
	{key: 'l', expect: 'Hop 2 of', label: 'next hop'},
	{key: 'q', expect: 'Suggested packets', label: 'back'},
	{key: 'q', expect: 'Objectives', label: 'back'},
	{key: 'q', expect: home, label: 'back'},
];

const keyWaitMs = 3000;
const expectWaitMs = 10_000;
const settleMs = 40;

export function percentile(values: readonly number[], share: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

function rssMb(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** utime + stime of a process, in seconds (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Learner = {
	client: Client;
	channel: ClientChannel;
	name: string;
	output: () => number;
	text: () => string;
	mark: () => void;
	/** Resolves at the next output, or after `ms` (false then). */
	nextOutput: (ms: number) => Promise<boolean>;
};

async function joinRoom(port: number, name: string): Promise<Learner> {
	const client = await connect(port, name);
	const channel = await new Promise<ClientChannel>((resolve, reject) => {
		client.shell({cols: 80, rows: 24, term: 'xterm-256color'}, (error, stream) => (error ? reject(error) : resolve(stream)));
	});
	let bytes = 0;
	let tail = '';
	let waiters: Array<() => void> = [];
	channel.on('data', (chunk: Buffer) => {
		bytes += chunk.length;
		tail = (tail + chunk.toString('utf8')).slice(-20_000);
		const woken = waiters;
		waiters = [];
		for (const wake of woken) wake();
	});
	const nextOutput = async (ms: number) =>
		new Promise<boolean>((resolve) => {
			const timer = setTimeout(() => resolve(false), ms);
			waiters.push(() => {
				clearTimeout(timer);
				resolve(true);
			});
		});
	await waitUntil(() => tail.includes(home), 120_000, () => `${name} never saw the lab list`);
	// The text since the last mark (expectations look only at what a key drew).
	return {client, channel, name, output: () => bytes, text: () => tail, mark: () => (tail = ''), nextOutput};
}

/** Back to the lab list from wherever the client is (escape and q go back a screen). */
async function resync(learner: Learner): Promise<boolean> {
	for (let attempt = 0; attempt < 8; attempt++) {
		learner.mark();
		learner.channel.write(attempt % 2 === 0 ? '\u001B' : 'q');
		const end = performance.now() + 1500;
		while (!learner.text().includes(home)) {
			const left = end - performance.now();
			if (left <= 0 || !(await learner.nextOutput(left))) break;
		}

		if (learner.text().includes(home)) return true;
	}

	return false;
}

/** Wait until the text a step expects has been drawn. */
async function expectText(learner: Learner, text: string): Promise<boolean> {
	const end = performance.now() + expectWaitMs;
	while (!learner.text().includes(text)) {
		const left = end - performance.now();
		if (left <= 0 || !(await learner.nextOutput(left))) return false;
	}

	return true;
}

/** Press one key; resolve with the latency to the first output, or undefined when nothing came. */
async function press(learner: Learner, key: string): Promise<number | undefined> {
	const start = performance.now();
	learner.mark();
	const drawn = learner.nextOutput(keyWaitMs);
	learner.channel.write(key);
	if (!(await drawn)) return undefined;
	const latency = performance.now() - start;
	// Let the frame finish (no output for settleMs) before the next key.
	while (await learner.nextOutput(settleMs)) {
		// More of the same frame.
	}

	return latency;
}

export async function runLoad(server: ServeProcess, options: LoadOptions): Promise<LoadResult> {
	const pid = server.child.pid!;
	const errors: string[] = [];
	const baselineRssMb = rssMb(pid);
	const rampStart = performance.now();
	const names = Array.from({length: options.clients}, (_, index) => `learner${String(index + 1).padStart(2, '0')}`);
	const learners = await Promise.all(names.map(async (name) => joinRoom(server.port, name)));
	const rampSeconds = (performance.now() - rampStart) / 1000;

	const latencies: number[] = [];
	const byStep = new Map<string, number[]>();
	let silentKeys = 0;
	let resyncs = 0;
	let lost = 0;
	const rss: number[] = [];
	let peakRssMb = rssMb(pid);
	const sampler = setInterval(() => {
		const value = rssMb(pid);
		rss.push(value);
		peakRssMb = Math.max(peakRssMb, value);
	}, 250);
	const cpuStart = cpuSeconds(pid);
	const windowStart = performance.now();
	const deadline = windowStart + options.durationMs;
	await Promise.all(
		learners.map(async (learner, index) => {
			// Spread the clients over the first think time, as a room would be.
			await new Promise((resolve) => setTimeout(resolve, (index * options.thinkMs) / learners.length));
			let step = 0;
			while (performance.now() < deadline) {
				const {key, expect, label} = cycle[step % cycle.length]!;
				step++;
				try {
					const latency = await press(learner, key);
					if (latency === undefined) silentKeys++;
					else {
						latencies.push(latency);
						byStep.set(label, [...(byStep.get(label) ?? []), latency]);
					}
					if (expect && !(await expectText(learner, expect))) {
						// Lost its place (a frame too slow for the wait): back to the lab list and start the script again.
						resyncs++;
						step = 0;
						if (!(await resync(learner))) lost++;
					}
				} catch (error) {
					errors.push(`${learner.name}: ${(error as Error).message}`);
					return;
				}

				await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
			}
		}),
	);
	const windowSeconds = (performance.now() - windowStart) / 1000;
	const cpuCores = (cpuSeconds(pid) - cpuStart) / windowSeconds;
	clearInterval(sampler);
	peakRssMb = Math.max(peakRssMb, rssMb(pid));

	for (const learner of learners) learner.client.end();
	let saved = 0;
	const answered = (name: string) => {
		const data = server.progress(name);
		return data !== undefined && Object.values(data.labs).some((lab) => Object.keys(lab.predictAnswers).length > 0);
	};

	try {
		await waitUntil(() => names.every(answered), 15_000, () => 'not every session saved an answer');
	} catch {
		// Counted below.
	}

	saved = names.filter(answered).length;
	const meanRssMb = rss.length > 0 ? rss.reduce((sum, value) => sum + value, 0) / rss.length : peakRssMb;
	return {latencies, byStep, silentKeys, resyncs, lost, sessions: learners.length, saved, rampSeconds, baselineRssMb, peakRssMb, meanRssMb, cpuCores, windowSeconds, errors};
}

export function describeLoad(result: LoadResult): string {
	const perSession = (result.meanRssMb - result.baselineRssMb) / result.sessions;
	return [
		`${result.sessions} sessions (up in ${result.rampSeconds.toFixed(1)} s), ${result.latencies.length} keys drawn + ${result.silentKeys} silent in ${result.windowSeconds.toFixed(1)} s, ${result.resyncs} resyncs (${result.lost} not found at once)`,
		`latency p50 ${percentile(result.latencies, 0.5).toFixed(1)} ms, p95 ${percentile(result.latencies, 0.95).toFixed(1)} ms, p99 ${percentile(result.latencies, 0.99).toFixed(1)} ms`,
		`by step (p50/p95 ms): ${[...result.byStep].map(([label, values]) => `${label} ${percentile(values, 0.5).toFixed(0)}/${percentile(values, 0.95).toFixed(0)}`).join(', ')}`,
		`RSS baseline ${result.baselineRssMb.toFixed(0)} MB, mean ${result.meanRssMb.toFixed(0)} MB, peak ${result.peakRssMb.toFixed(0)} MB, ${perSession.toFixed(1)} MB per session`,
		`CPU ${(result.cpuCores * 100).toFixed(0)}% of one core`,
		`progress saved for ${result.saved}/${result.sessions}`,
		...result.errors,
	].join('\n');
}
