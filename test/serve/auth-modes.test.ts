/**
 * Joining the room under each auth rule, with ssh2's client in this process: a room password
 * (wrong one refused, right one in, by password or keyboard-interactive), authorized keys (a
 * listed key in, another refused), and the refusal to open a non-loopback address by default.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import ssh2 from 'ssh2';
import {generateEd25519} from '../../source/serve/openssh-key.js';
import {closeAll, connect, openShell} from './helpers/ssh-client.js';
import {runCli, startServe, stopAll, temporaryDirectory} from './helpers/serve-process.js';

test.after.always(() => {
	closeAll();
	stopAll();
});

test.serial('password: a wrong password is refused, the right one lets a learner in', async (t) => {
	const directory = temporaryDirectory();
	const file = path.join(directory, 'room.txt');
	writeFileSync(file, 'blue-whale-42\n');
	const server = await startServe(['--auth', 'password', '--password-file', file]);
	t.regex(server.output(), /Auth: password\./);
	const refused = await t.throwsAsync(connect(server.port, 'alice', {password: 'red-whale-42'}));
	t.regex(refused!.message, /All configured authentication methods failed/);
	await server.waitForOutput('authentication failed for alice from 127.0.0.1 (password)');
	const none = await t.throwsAsync(connect(server.port, 'alice'));
	t.regex(none!.message, /authentication methods failed/);

	const shell = await openShell(await connect(server.port, 'alice', {password: 'blue-whale-42'}));
	await shell.waitFor('Labs, in learning order', 30_000);

	const client = new ssh2.Client();
	await new Promise<void>((resolve, reject) => {
		client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => 'blue-whale-42')));
		client.once('ready', () => resolve());
		client.once('error', reject);
		client.connect({host: '127.0.0.1', port: server.port, username: 'bob', tryKeyboard: true, readyTimeout: 30_000});
	});
	client.end();
	t.pass();
});

test.serial('keys: a key from authorized_keys gets in, any other key is refused', async (t) => {
	const directory = temporaryDirectory();
	const allowed = generateEd25519('alice@laptop');
	const other = generateEd25519('mallory');
	const file = path.join(directory, 'authorized_keys');
	writeFileSync(file, `# workshop\n${allowed.publicKey}\n`);
	const server = await startServe(['--auth', 'keys', '--authorized-keys', file]);
	t.regex(server.output(), /Auth: keys\. 1 public key from the authorized_keys file may join\./);
	const refused = await t.throwsAsync(connect(server.port, 'mallory', {privateKey: other.privateKey}));
	t.regex(refused!.message, /authentication methods failed/);
	const passwordTry = await t.throwsAsync(connect(server.port, 'mallory', {password: 'guess'}));
	t.regex(passwordTry!.message, /authentication methods failed/);
	const shell = await openShell(await connect(server.port, 'alice', {privateKey: allowed.privateKey}));
	await shell.waitFor('Labs, in learning order', 30_000);
});

test('a non-loopback address without --auth is refused (exit 2)', async (t) => {
	const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--data', temporaryDirectory()]);
	t.is(run.status, 2);
	t.regex(run.stderr, /^vnetlab: --host 0\.0\.0\.0 is reachable from other machines: pass --auth open explicitly .*--auth password .*--auth keys/);
	t.is(run.stderr.trim().split('\n').length, 1);
});

test('bad flags are one-line errors with exit 2', async (t) => {
	const data = temporaryDirectory();
	for (const [args, message] of [
		[['--auth', 'password'], /--auth password needs --password-file/],
		[['--password-file', path.join(data, 'missing.txt')], /--password-file: cannot read .*missing\.txt \(ENOENT\)/],
		[['--idle-timeout', 'soon'], /--idle-timeout: 'soon' is not a duration/],
		[['--port', '99999'], /--port: '99999' is not a port number/],
		[['--labs', path.join(data, 'nope')], /--labs: .* is not a readable folder/],
		[['--host-key', path.join(data, 'nokey')], /--host-key: cannot read/],
	] as const) {
		const run = await runCli(['serve', '--port', '0', '--data', data, ...args]);
		t.is(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
		t.regex(run.stderr, message);
		t.is(run.stderr.trim().split('\n').length, 1, run.stderr);
	}
});
