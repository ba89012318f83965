/**
 * The server's lifecycle: idle sessions end with a goodbye; handshakes that never finish are
 * cut off; SIGTERM says goodbye to every learner, saves their progress and exits 0; the host
 * key is made once (mode 600) and reused, its fingerprint printed as ssh-keygen shows it.
 */
import {execFileSync} from 'node:child_process';
import {statSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import test from 'ava';
import {closeAll, connect, openShell, type Shell} from './helpers/ssh-client.js';
import {runCli, startServe, stopAll, temporaryDirectory, threadCount, waitUntil, type ServeProcess} from './helpers/serve-process.js';

const home = 'Labs, in learning order';

async function session(server: ServeProcess, user: string): Promise<Shell> {
	const shell = await openShell(await connect(server.port, user));
	await shell.waitFor(home, 30_000);
	return shell;
}

/** Open the first lab and answer its first prediction with the selected choice. */
async function answerFirstPrediction(shell: Shell): Promise<void> {
	shell.mark();
	shell.write('\r');
	await shell.waitFor('Objectives');
	shell.mark();
	shell.write('\r');
	await shell.waitFor('Your prediction');
	shell.mark();
	shell.write('\r');
	await shell.waitFor('your answer:');
}

test.after.always(() => {
	closeAll();
	stopAll();
});

test.serial('an idle session ends with a goodbye line, its progress saved', async (t) => {
	// Long enough for a first frame on a loaded machine (the idle clock starts at connect).
	const server = await startServe(['--idle-timeout', '25s']);
	const shell = await session(server, 'idler');
	await answerFirstPrediction(shell);
	shell.mark();
	t.is(await shell.closed, 0);
	t.regex(shell.sinceMark(), /vnetlab: no key pressed for 25 seconds, so this session ends\. Your progress is saved; connect again to continue\. Goodbye!/);
	const saved = server.progress('idler');
	t.is(Object.keys(saved!.labs[saved!.lastLab!]!.predictAnswers).length, 1);
	await server.waitForOutput('idler idle: disconnected');
});

test.serial('a handshake that never finishes is cut off', async (t) => {
	const server = await startServe(['--handshake-timeout', '1s']);
	const socket = net.connect(server.port, '127.0.0.1');
	let banner = '';
	socket.on('data', (chunk: Buffer) => (banner += chunk.toString('latin1')));
	const started = Date.now();
	await new Promise<void>((resolve) => socket.on('close', () => resolve()));
	t.true(Date.now() - started < 6000);
	t.regex(banner, /^SSH-2\.0-vnetlab-workshop/);
	await server.waitForOutput(/handshake from \S+ not finished in 1 s: disconnected/);
});

test.serial('SIGTERM says goodbye to every learner, saves progress and exits 0', async (t) => {
	const server = await startServe();
	const one = await session(server, 'one');
	const two = await session(server, 'two');
	await answerFirstPrediction(one);
	one.mark();
	two.mark();
	const code = await server.stop('SIGTERM');
	t.is(code, 0, server.output());
	for (const shell of [one, two]) {
		t.is(await shell.closed, 0);
		t.regex(shell.sinceMark(), /vnetlab: the workshop server is shutting down\. Your progress is saved\. Goodbye!/);
	}

	const saved = server.progress('one');
	t.is(Object.keys(saved!.labs[saved!.lastLab!]!.predictAnswers).length, 1);
	t.regex(server.output(), /vnetlab: server stopped; progress is saved under /);
});

test.serial('SIGINT stops the server too', async (t) => {
	const server = await startServe();
	const shell = await session(server, 'solo');
	shell.mark();
	t.is(await server.stop('SIGINT'), 0);
	t.regex(shell.sinceMark(), /shutting down/);
});

test.serial('the host key is generated once (mode 600), reused, and its fingerprint is what ssh-keygen shows', async (t) => {
	const data = temporaryDirectory();
	const first = await startServe([], {data});
	const fingerprint = /Host key: (\d+ SHA256:\S+ \(ED25519\)) \(new\)/.exec(first.output())?.[1];
	t.truthy(fingerprint, first.output());
	await first.stop();
	const keyFile = path.join(data, 'ssh_host_ed25519_key');
	t.is(statSync(keyFile).mode & 0o777, 0o600);
	const second = await startServe([], {data});
	t.true(second.output().includes(`Host key: ${fingerprint},`), second.output());
	await second.stop();
	let keygen: string | undefined;
	try {
		keygen = execFileSync('ssh-keygen', ['-lf', keyFile], {encoding: 'utf8'});
	} catch {
		// No ssh-keygen here: the comparison is skipped.
	}

	if (keygen) t.is(keygen.replace(/ vnetlab host key/, '').trim(), fingerprint!);
});

test.serial('a learner who quits (q) ends with status 0 and leaves no thread behind', async (t) => {
	const server = await startServe();
	const shell = await session(server, 'quitter');
	// Spare workers are refilled a second after a session starts: count once they are.
	await new Promise((resolve) => setTimeout(resolve, 2500));
	const withSession = threadCount(server.child.pid!);
	shell.write('q');
	t.is(await shell.closed, 0);
	await server.waitForOutput('quitter left');
	if (withSession !== undefined) {
		await waitUntil(() => threadCount(server.child.pid!)! < withSession, 10_000, () => `threads: ${threadCount(server.child.pid!)} (with the session: ${withSession})`);
	}

	t.false(server.output().includes('session failed'));
});

test.serial('a port already in use is a one-line error with exit 2, and nothing is left running', async (t) => {
	const server = await startServe();
	const run = await runCli(['serve', '--port', String(server.port), '--data', temporaryDirectory()], 30_000);
	t.is(run.status, 2);
	t.is(run.stderr, `vnetlab: cannot listen on 127.0.0.1:${server.port} (the port is in use)\n`);
});
