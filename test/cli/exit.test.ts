/**
 * The CLI always ends. Node 20 can deadlock at exit when a background optimising compile
 * is waiting for a garbage collection (nodejs/node#54918); without
 * --no-concurrent-recompilation about one run in fifteen of a short command hung here, and
 * a learner's terminal would hang with it. These runs go the way `npm start` and the
 * `vnetlab` bin start the CLI.
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cliArguments, cliPath, nodeFlags, root} from '../helpers/start-command.js';

type End = {status: number | null; ms: number};

function runOnce(args: readonly string[], limitMs: number): Promise<End> {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(process.execPath, [...cliArguments, ...args], {cwd: root, stdio: 'ignore'});
		const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({status, ms: Date.now() - started});
		});
	});
}

test('npm start and the vnetlab bin start node with --no-concurrent-recompilation', (t) => {
	t.true(nodeFlags.includes('--no-concurrent-recompilation'), `npm start passes ${nodeFlags.join(' ') || 'no flags'}`);
	const shebang = readFileSync(cliPath, 'utf8').split('\n')[0];
	t.is(shebang, `#!/usr/bin/env -S node ${nodeFlags.join(' ')}`);
	t.is(readFileSync(path.join(root, 'source', 'cli.tsx'), 'utf8').split('\n')[0], shebang);
});

test('sixty short commands, six at a time, all end with their exit code', async (t) => {
	const commands: Array<{args: string[]; status: number}> = [
		{args: ['serve', '--port', '0', '--labs', path.join(root, 'no-such-folder')], status: 2},
		{args: ['routes', 'test/fixtures/routing-example.yaml', '--nic', 'vm-subnet1'], status: 0},
		{args: ['--version'], status: 0},
	];
	const hung: string[] = [];
	for (let round = 0; round < 10; round++) {
		const batch = Array.from({length: 6}, (_, index) => commands[(round + index) % commands.length]!);
		// eslint-disable-next-line no-await-in-loop
		const ends = await Promise.all(batch.map(async ({args}) => runOnce(args, 15_000)));
		for (const [index, end] of ends.entries()) {
			const {args, status} = batch[index]!;
			if (end.status === null) hung.push(`${args.join(' ')} (killed after ${end.ms} ms)`);
			else t.is(end.status, status, args.join(' '));
		}
	}

	t.deepEqual(hung, [], 'these runs printed their output and then never ended');
});
