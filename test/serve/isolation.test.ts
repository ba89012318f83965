/**
 * Sessions are isolated: a session that throws in a key handler or while rendering, or that
 * hangs, ends alone (its learner gets one line); a full room refuses the next learner with a
 * message; every other session keeps working and nothing is left running afterwards.
 */
import test from 'ava';
import {closeAll, connect, openShell, type Shell} from './helpers/ssh-client.js';
import {startServe, stopAll, threadCount, waitUntil, type ServeProcess} from './helpers/serve-process.js';

const home = 'Labs, in learning order';

async function session(server: ServeProcess, user: string): Promise<Shell> {
	const shell = await openShell(await connect(server.port, user));
	await shell.waitFor(home, 30_000);
	return shell;
}

/** The session still moves its cursor on a key. */
async function responds(shell: Shell): Promise<void> {
	shell.mark();
	shell.write('j');
	await shell.waitFor('❯ 02');
	shell.mark();
	shell.write('k');
	await shell.waitFor('❯ 01');
}

test.after.always(() => {
	closeAll();
	stopAll();
});

test.serial('a session that throws in a key handler or a render ends alone, with one line', async (t) => {
	const server = await startServe([], {env: {VNETLAB_SERVE_FAULT: 'crashkey:key,crashrender:render'}});
	const keeper = await session(server, 'keeper');
	for (const user of ['crashkey', 'crashrender']) {
		const crash = await session(server, user);
		crash.mark();
		crash.write('j');
		const status = await crash.closed;
		t.is(status, 1, `${user}: exit status`);
		t.regex(crash.sinceMark(), /vnetlab: this session stopped on an internal error\. Your progress is saved; connect again to continue\./);
		t.false(crash.sinceMark().includes('    at '), 'no stack trace reaches the learner');
		await server.waitForOutput(`${user} session failed (deliberate failure`);
		await responds(keeper);
	}

	// The server still takes new learners.
	await responds(await session(server, 'newcomer'));
	t.is(server.child.exitCode, null);
});

test.serial('a hung session does not block the others, and its thread ends when its client goes', async (t) => {
	const server = await startServe([], {env: {VNETLAB_SERVE_FAULT: 'hang:hang'}});
	const pid = server.child.pid!;
	const keeper = await session(server, 'keeper');
	const hangClient = await connect(server.port, 'hang');
	const hang = await openShell(hangClient);
	await hang.waitFor(home, 30_000);
	hang.write('j');
	await responds(keeper);
	await responds(keeper);
	// Spare workers are refilled a second after each session starts: count once they are.
	await new Promise((resolve) => setTimeout(resolve, 2500));
	const withHang = threadCount(pid);
	hangClient.end();
	await server.waitForOutput('hang connection closed');
	if (withHang !== undefined) {
		await waitUntil(() => threadCount(pid)! < withHang, 10_000, () => `threads: ${threadCount(pid)} (with the hung session: ${withHang})`);
	}

	await responds(keeper);
	t.pass();
});

test.serial('a full room refuses the next learner with a message; a place frees when one leaves', async (t) => {
	const server = await startServe(['--max-sessions', '1']);
	const alice = await session(server, 'alice');
	const bob = await openShell(await connect(server.port, 'bob'));
	t.is(await bob.closed, 1);
	t.regex(bob.text(), /vnetlab: the room is full \(1 learner is connected\)\. Try again in a little while, or ask your instructor\./);
	await responds(alice);
	alice.write('q');
	t.is(await alice.closed, 0);
	await server.waitForOutput('alice left');
	await responds(await session(server, 'bob'));
});

test.serial('connecting again as the same learner ends the older session, which says why', async (t) => {
	const server = await startServe();
	const first = await session(server, 'dana');
	first.mark();
	const second = await session(server, 'dana');
	t.is(await first.closed, 0);
	t.regex(first.sinceMark(), /you connected again from somewhere else, so this session ends here/);
	await responds(second);
});
