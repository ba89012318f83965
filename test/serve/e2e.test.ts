/**
 * End to end with the system `ssh` client in tmux at 80x24 (toolchain.md sections 6 and 7):
 * a learner opens a lab, answers a prediction, leaves, comes back and finds the answer kept;
 * a second learner sees only their own state; a window resize re-lays out the screen.
 */
import test from 'ava';
import {startServe, stopAll, waitUntil} from './helpers/serve-process.js';
import {killAllPanes, sshCommand, TmuxPane} from './helpers/tmux.js';

const home = 'Labs, in learning order';

/** The choice under the cursor on the prediction screen (`❯ VnetLocal`). */
function selectedChoice(screen: string): string {
	const after = screen.slice(screen.indexOf('Your prediction'));
	const match = /❯ (\S[^\n]*?)\s*$/m.exec(after);
	if (!match) throw new Error(`no selected choice on:\n${screen}`);
	return match[1]!;
}

test.serial('a learner keeps their answer across reconnects, and another learner sees only their own', async (t) => {
	const server = await startServe();
	try {
		const alice = new TmuxPane(sshCommand(server.port, 'alice'));
		await alice.waitFor(home);
		alice.send('Enter');
		await alice.waitFor('Objectives');
		alice.send('Enter');
		const choice = selectedChoice(await alice.waitFor(/Your prediction[\s\S]*❯ /));
		alice.send('Enter');
		await alice.waitFor(`your answer: ${choice}`);
		alice.send('q');
		await alice.waitFor(home);
		alice.send('q');
		await waitUntil(() => alice.isDead(), 10_000, () => alice.capture());
		alice.kill();

		const saved = server.progress('alice');
		t.truthy(saved?.lastLab, 'alice has a last lab');
		t.deepEqual(Object.values(saved!.labs[saved!.lastLab!]!.predictAnswers), [choice]);

		const again = new TmuxPane(sshCommand(server.port, 'alice'));
		t.regex(await again.waitFor(home), /continue/);
		again.send('Enter');
		await again.waitFor(`your answer: ${choice}`);

		const bob = new TmuxPane(sshCommand(server.port, 'bob'));
		await bob.waitFor(home);
		bob.send('Enter');
		const screen = await bob.waitFor('Objectives');
		t.false(screen.includes('your answer'), screen);
		t.regex(screen, /0 of \d+ done/);
		// Alice's session is untouched by Bob's.
		again.send('q');
		await again.waitFor(/continue/);
		await waitUntil(() => server.progress('bob') !== undefined, 5000, () => 'bob has no progress file');
		t.true(Object.values(server.progress('bob')!.labs).every((lab) => Object.keys(lab.predictAnswers).length === 0));
		t.deepEqual(Object.keys(server.progress('alice')!.labs), Object.keys(saved!.labs));
	} finally {
		killAllPanes();
		stopAll();
	}
});

test.serial('a window change re-lays out the screen', async (t) => {
	const server = await startServe();
	try {
		const pane = new TmuxPane(sshCommand(server.port, 'carol'));
		const narrow = await pane.waitFor(home);
		const cut = narrow.split('\n').find((line) => /^\s+❯?\s*\d\d\s.*…/.test(line));
		t.truthy(cut, `a lab title is cut at 80 columns:\n${narrow}`);
		const prefix = cut!.replace(/^[\s❯]*\d\d\s+/, '').split('…')[0]!;
		pane.resize(130, 30);
		const wide = await pane.waitFor(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^…\\n]`));
		t.true(wide.split('\n').some((line) => line.length > 80), wide);
	} finally {
		killAllPanes();
		stopAll();
	}
});
