/**
 * Run the built CLI the way `npm start` does (built by `npm test` before ava) and capture
 * what it printed. Paths are relative to the repository root, where the CLI runs.
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {cliArguments, cliPath as cli, root} from '../helpers/start-command.js';

export {root};

export type CliRun = {status: number | null; stdout: string; stderr: string};

export function runCli(...args: string[]): CliRun {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npx tsc` (npm test builds it) first');
	const result = spawnSync(process.execPath, [...cliArguments, ...args], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Every stderr line has the `vnetlab: ` shape (no stack traces, no stray output). */
export function stderrLines(run: CliRun): string[] {
	return run.stderr.split('\n').filter((line) => line !== '');
}
