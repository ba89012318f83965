/**
 * The instructor's side, in a real terminal (tmux): the live room table follows a learner
 * into a lab and through an answer; `r` + `y` resets that learner's lab (their app starts
 * afresh and the saved answers are gone); `q` + `y` stops the server with a goodbye.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {closeAll, connect, openShell} from './helpers/ssh-client.js';
import {cliCommand, stopAll, temporaryDirectory, waitUntil} from './helpers/serve-process.js';
import {killAllPanes, TmuxPane} from './helpers/tmux.js';

test.after.always(() => {
	closeAll();
	stopAll();
	killAllPanes();
});

test('the room table shows a learner live, resets their lab, and stops the server', async (t) => {
	const data = temporaryDirectory();
	const pane = new TmuxPane(`${cliCommand} serve --port 0 --data ${data}`, {columns: 100, rows: 30});
	const screen = await pane.waitFor(/listening on 127\.0\.0\.1:\d+[\s\S]*0 of 60 connected/, 30_000);
	const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(screen)![1]);
	t.regex(screen, /Host key: 256 SHA256:\S+ \(ED25519\) \(new\)/);
	t.regex(screen, /No learners yet/);

	const alice = await openShell(await connect(port, 'alice'));
	await alice.waitFor('Labs, in learning order', 30_000);
	await pane.waitFor(/> alice\s+\d\d:\d\d\s+-/);
	alice.mark();
	alice.write('\r');
	await alice.waitFor('Objectives');
	alice.mark();
	alice.write('\r');
	await alice.waitFor('Your prediction');
	alice.mark();
	alice.write('\r');
	await alice.waitFor('your answer:');
	const row = await pane.waitFor(/> alice\s+\d\d:\d\d\s+\S+\s+1\/\d+\s+0\s+\d+s ago/);
	const lab = /> alice\s+\d\d:\d\d\s+(\S+)/.exec(row)![1]!;
	const file = path.join(data, 'progress', 'alice', 'config.json');
	await waitUntil(() => existsSync(file) && readFileSync(file, 'utf8').includes('predictAnswers'), 5000, () => 'no saved answer');

	alice.mark();
	pane.send('r');
	await pane.waitFor(`Reset alice's lab ${lab}? Their edits, answers and hints for it are cleared. y/n`);
	pane.send('y');
	await pane.waitFor(`Reset alice's lab ${lab}.`);
	await alice.waitFor('Labs, in learning order');
	await alice.waitFor(/Your\s+instructor\s+reset\s+lab/);
	await waitUntil(() => !(JSON.parse(readFileSync(file, 'utf8')) as {labs: Record<string, unknown>}).labs[lab], 5000, () => readFileSync(file, 'utf8'));
	await pane.waitFor(new RegExp(`> alice\\s+\\d\\d:\\d\\d\\s+${lab}\\s+0/`));

	alice.mark();
	pane.send('q');
	await pane.waitFor('Stop the server? Every learner is disconnected (progress saved). y/n');
	pane.send('y');
	t.is(await alice.closed, 0);
	t.regex(alice.sinceMark(), /the workshop server is shutting down\. Your progress is saved\. Goodbye!/);
	await pane.waitFor(/vnetlab: server stopped; progress is saved under /);
	await waitUntil(() => pane.isDead(), 10_000, () => pane.capture());
});
