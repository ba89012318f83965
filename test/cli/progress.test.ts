/**
 * `vnetlab progress [--json]` and `vnetlab progress --reset [--yes]` on a store in
 * VNETLAB_CONFIG_DIR: printing it, refusing to reset without a terminal or --yes, clearing it.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {cliArguments, root} from '../helpers/start-command.js';

function run(dir: string, ...args: string[]) {
	const result = spawnSync(process.execPath, [...cliArguments, 'progress', ...args], {cwd: root, encoding: 'utf8', env: {...process.env, VNETLAB_CONFIG_DIR: dir, NO_COLOR: '1'}, input: ''});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const saved = {
	schemaVersion: 1,
	lastLab: 'default-routes',
	labs: {
		'default-routes': {
			startedAt: '2026-11-25T10:00:00.000Z',
			objectivesPassed: ['app-to-db-hop'],
			predictAnswers: {'app-to-db-hop': 'VnetLocal'},
			hintsUsed: 0,
			edits: [],
			labHash: 'abc',
		},
	},
};

function storeWith(data: unknown): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-cli-progress-'));
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify(data));
	return dir;
}

test('--json prints the store as it is saved', (t) => {
	const dir = storeWith(saved);
	const result = run(dir, '--json');
	t.is(result.status, 0, result.stderr);
	t.deepEqual(JSON.parse(result.stdout), saved);
	t.is(result.stderr, '');
});

test('without --json: one row per lab started', (t) => {
	const dir = storeWith(saved);
	const result = run(dir);
	t.is(result.status, 0, result.stderr);
	t.regex(result.stdout, new RegExp(`^Progress in ${path.join(dir, 'config.json').replaceAll('/', '\\/')}\\nLast opened: default-routes\\n`));
	t.regex(result.stdout, /01 +default-routes +1 of \d+ objectives +1 +2026-11-25 10:00/);
});

test('an empty store says so', (t) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-cli-progress-'));
	const result = run(dir);
	t.is(result.status, 0);
	t.regex(result.stdout, /^No progress yet/);
});

test('--reset without a terminal and without --yes refuses, exit 2, and keeps the store', (t) => {
	const dir = storeWith(saved);
	const result = run(dir, '--reset');
	t.is(result.status, 2);
	t.is(result.stdout, '');
	t.is(result.stderr, 'vnetlab: progress --reset asks before clearing; with no terminal to ask in, add --yes\n');
	t.deepEqual(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')), saved);
});

test('--reset --yes clears it', (t) => {
	const dir = storeWith(saved);
	const result = run(dir, '--reset', '--yes');
	t.is(result.status, 0, result.stderr);
	t.regex(result.stdout, /^Progress cleared/);
	t.deepEqual(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')), {schemaVersion: 1, labs: {}});
});

test('--yes alone is a usage error', (t) => {
	const result = run(mkdtempSync(path.join(tmpdir(), 'vnetlab-cli-progress-')), '--yes');
	t.is(result.status, 2);
	t.is(result.stderr, 'vnetlab: --yes only goes with --reset\n');
});

test('an unreadable store is moved aside and reported', (t) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-cli-progress-'));
	writeFileSync(path.join(dir, 'config.json'), '{broken');
	const result = run(dir, '--json');
	t.is(result.status, 0);
	t.regex(result.stderr, /^vnetlab: Progress file was unreadable: moved to .*config\.json\.corrupt-\d{4}-\d\d-\d\dT/);
	t.deepEqual(JSON.parse(result.stdout), {schemaVersion: 1, labs: {}});
	t.false(existsSync(path.join(dir, 'config.json')));
	t.is(readdirSync(dir).length, 1);
});
