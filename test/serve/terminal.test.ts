/**
 * What the learner's terminal decides: colour from the pty's TERM (none for `dumb`), the
 * in-app colour toggle, several keys arriving in one chunk, and progress kept per user name
 * in a sanitised folder.
 */
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {closeAll, connect, openShell} from './helpers/ssh-client.js';
import {startServe, stopAll, waitUntil, type ServeProcess} from './helpers/serve-process.js';

const home = 'Labs, in learning order';
const sgr = /\u001B\[[0-9;]*m/;

let server: ServeProcess;

test.before(async () => {
	server = await startServe();
});

test.after.always(() => {
	closeAll();
	stopAll();
});

test.serial('TERM=dumb gets no colour; xterm-256color does, and c turns it off in the app', async (t) => {
	const dumb = await openShell(await connect(server.port, 'plain'), {term: 'dumb'});
	await dumb.waitFor(home, 30_000);
	t.false(sgr.test(dumb.raw()), 'no SGR escape for a dumb terminal');

	const colour = await openShell(await connect(server.port, 'colourful'), {term: 'xterm-256color'});
	await colour.waitFor(home, 30_000);
	t.true(sgr.test(colour.raw()), 'colour escapes for xterm-256color');
	const colourCode = /\u001B\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7])(?:;[0-9;]*)?m/;
	colour.mark();
	colour.write('j');
	await colour.waitFor('❯ 02');
	t.true(colourCode.test(colour.rawSinceMark()), 'the moved selection is drawn in colour');
	colour.write('c');
	await new Promise((resolve) => setTimeout(resolve, 300));
	colour.mark();
	colour.write('k');
	await colour.waitFor('❯ 01');
	t.false(colourCode.test(colour.rawSinceMark()), 'no colour after c');
});

test.serial('several keys in one chunk are all handled, in order', async (t) => {
	const shell = await openShell(await connect(server.port, 'typist'));
	await shell.waitFor(home, 30_000);
	shell.mark();
	shell.write('jjk');
	await shell.waitFor('❯ 02');
	shell.mark();
	shell.write('\u001B[B\u001B[B\u001B[A');
	await shell.waitFor('❯ 03');
	t.pass();
});

test.serial('progress folders are per sanitised user name', async (t) => {
	for (const name of ['Eve', '../../evil']) {
		const shell = await openShell(await connect(server.port, name));
		await shell.waitFor(home, 30_000);
		shell.mark();
		shell.write('\r');
		await shell.waitFor('Objectives', 20_000);
		shell.write('q');
		shell.write('q');
		await shell.closed;
	}

	const root = path.join(server.data, 'progress');
	await waitUntil(() => readdirSync(root).length >= 2 && existsSync(path.join(root, 'eve', 'config.json')), 5000, () => readdirSync(root).join(', '));
	const folders = readdirSync(root);
	t.true(folders.includes('eve'));
	const evil = folders.find((folder) => folder.includes('evil'));
	t.regex(evil ?? '', /^evil-[0-9a-f]{6}$/);
	t.false(existsSync(path.join(server.data, '..', 'evil')));
});
