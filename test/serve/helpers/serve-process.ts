/**
 * `vnetlab serve` as a child process for the tests: the built CLI (dist/cli.js) on a port the
 * OS picks (`--port 0`), a fresh data folder, CI=0 (Ink draws nothing interactive under CI).
 * Every start is registered, so `stopAll()` in a `finally` kills whatever is left.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

import {cliArguments, cliCommand, cliPath as cli, root} from '../../helpers/start-command.js';

export {cli, cliCommand, root};

export type ServeProcess = {
	readonly child: ChildProcess;
	readonly port: number;
	readonly data: string;
	/** Everything printed so far (stdout and stderr). */
	output(): string;
	waitForOutput(text: string | RegExp, ms?: number): Promise<void>;
	/** Send a signal and wait for the exit code (SIGKILL after `ms`). */
	stop(signal?: NodeJS.Signals, ms?: number): Promise<number | null>;
	/** Path of a learner's saved progress. */
	progressFile(learner: string): string;
	progress(learner: string): ProgressJson | undefined;
};

export type ProgressJson = {lastLab?: string; labs: Record<string, {objectivesPassed: string[]; predictAnswers: Record<string, string>; hintsUsed: number}>};

const running = new Set<ChildProcess>();

export function temporaryDirectory(prefix = 'vnetlab-serve-'): string {
	return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function waitUntil(check: () => boolean, ms: number, describe: () => string): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out after ${ms} ms: ${describe()}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export async function startServe(args: readonly string[] = [], options: {env?: Record<string, string>; data?: string; quiet?: boolean} = {}): Promise<ServeProcess> {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npx tsc` (npm test builds it) first');
	const data = options.data ?? temporaryDirectory();
	// One spare worker (not two): many servers run at once in the suite, on a shared machine.
	const spares = args.includes('--spare-workers') ? [] : ['--spare-workers', '1'];
	const child = spawn(process.execPath, [...cliArguments, 'serve', '--port', '0', '--data', data, ...spares, ...(options.quiet === false ? [] : ['--quiet']), ...args], {
		cwd: root,
		env: {...process.env, CI: '0', ...options.env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let text = '';
	child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
		running.delete(child);
		resolve(code);
	}));
	let gone = false;
	void exited.then(() => (gone = true));
	const waitForOutput = async (pattern: string | RegExp, ms = 10_000) =>
		waitUntil(() => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)), ms, () => `server output lacks ${String(pattern)}:\n${text}`);
	await waitUntil(() => /listening on \S+:\d+/.test(text) || gone, 60_000, () => `server did not start:\n${text}`);
	const match = /listening on \S+:(\d+)/.exec(text);
	if (!match) throw new Error(`server did not start:\n${text}`);
	return {
		child,
		port: Number(match[1]),
		data,
		output: () => text,
		waitForOutput,
		async stop(signal = 'SIGTERM', ms = 10_000) {
			if (!gone) child.kill(signal);
			const timer = setTimeout(() => child.kill('SIGKILL'), ms);
			const code = await exited;
			clearTimeout(timer);
			return code;
		},
		progressFile: (learner) => path.join(data, 'progress', learner, 'config.json'),
		progress(learner) {
			const file = path.join(data, 'progress', learner, 'config.json');
			return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProgressJson) : undefined;
		},
	};
}

export type CliRun = {status: number | null; stdout: string; stderr: string};

/** Run the CLI to its end (killed after `ms`), without blocking this process's event loop. */
export async function runCli(args: readonly string[], ms = 20_000, env: Record<string, string> = {}): Promise<CliRun> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [...cliArguments, ...args], {cwd: root, env: {...process.env, CI: '0', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		running.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const timer = setTimeout(() => child.kill('SIGKILL'), ms);
		child.on('close', (status) => {
			clearTimeout(timer);
			running.delete(child);
			resolve({status, stdout, stderr});
		});
	});
}

/** Kill every server still running (call in `finally`). */
export function stopAll(): void {
	for (const child of running) child.kill('SIGKILL');
	running.clear();
}

// Also when ava ends this test process early (a timeout): no server outlives its test file.
process.on('exit', stopAll);

/** Threads of a process (Linux): workers are threads, so this shows sessions left behind. */
export function threadCount(pid: number): number | undefined {
	try {
		const match = /^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}
