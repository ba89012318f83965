/**
 * What the workshop server refuses, each with its one line, while a learner's session keeps
 * working: a command (`ssh host ls`), a shell without a terminal (`ssh -T`), sftp, local and
 * remote port forwarding, agent forwarding.
 */
import {spawn} from 'node:child_process';
import net from 'node:net';
import test from 'ava';
import {connect, closeAll, openShell, type Shell} from './helpers/ssh-client.js';
import {startServe, stopAll, waitUntil, type ServeProcess} from './helpers/serve-process.js';

const sshOptions = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes'];

type Run = {status: number | null; stdout: string; stderr: string};

/** Run a client program with a deadline; stdin is empty. */
async function run(command: string, args: string[], ms = 15_000): Promise<Run> {
	return new Promise((resolve) => {
		const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), ms);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({status, stdout, stderr});
		});
	});
}

async function freePort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
	const {port} = probe.address() as net.AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

/** A learner's session that must keep working while others are refused. */
async function learner(server: ServeProcess): Promise<Shell> {
	const shell = await openShell(await connect(server.port, 'keeper'));
	await shell.waitFor('Labs, in learning order');
	return shell;
}

async function stillWorks(t: {true: (value: boolean, message?: string) => void}, shell: Shell): Promise<void> {
	shell.mark();
	shell.write('j');
	await shell.waitFor('❯ 02');
	shell.mark();
	shell.write('k');
	await shell.waitFor('❯ 01');
	t.true(true, 'the other session still answers keys');
}

let server: ServeProcess;
let keeper: Shell;

test.before(async () => {
	server = await startServe();
	keeper = await learner(server);
});

test.after.always(() => {
	closeAll();
	stopAll();
});

test.serial('a command (ssh host ls) is refused with a message on stderr and exit status 1', async (t) => {
	const result = await run('ssh', ['-p', String(server.port), ...sshOptions, 'bob@127.0.0.1', 'ls']);
	t.is(result.status, 1, result.stderr);
	t.regex(result.stderr, /^vnetlab: this server only runs the vnetlab workshop; connect without a command \(ssh -p \d+ bob@<server>\)\.\s*$/);
	t.is(result.stdout, '');
	await stillWorks(t, keeper);
});

test.serial('a shell without a terminal (ssh -T) is refused', async (t) => {
	const result = await run('ssh', ['-T', '-p', String(server.port), ...sshOptions, 'bob@127.0.0.1']);
	t.is(result.status, 1, result.stderr);
	t.regex(result.stderr, /vnetlab: the workshop needs a terminal/);
	await stillWorks(t, keeper);
});

test.serial('sftp is refused', async (t) => {
	const result = await run('sftp', ['-P', String(server.port), ...sshOptions, 'bob@127.0.0.1']);
	t.not(result.status, 0);
	t.regex(result.stderr, /vnetlab: sftp is not available here/);
	await server.waitForOutput('refused subsystem sftp for bob');
	await stillWorks(t, keeper);
});

test.serial('local port forwarding (ssh -N -L) opens nothing: a connection to the forwarded port is closed', async (t) => {
	const local = await freePort();
	const ssh = spawn('ssh', ['-N', '-L', `${local}:127.0.0.1:${server.port}`, '-p', String(server.port), ...sshOptions, 'bob@127.0.0.1'], {stdio: 'ignore'});
	try {
		// Wait for ssh to listen on the local end. Listeners go on before connecting: the server
		// refuses the forwarded channel at once, so the socket may open and close between two polls.
		let connected: net.Socket | undefined;
		let received = '';
		let closed: Promise<void> | undefined;
		await waitUntil(
			() => {
				if (connected) return true;
				const socket = net.connect(local, '127.0.0.1');
				socket.on('error', () => undefined);
				socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
				const whenClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
				socket.on('connect', () => {
					connected = socket;
					closed = whenClosed;
				});
				return false;
			},
			10_000,
			() => 'ssh -L did not listen',
		);
		await closed;
		t.is(received, '', 'nothing came through the forward (an SSH banner would mean it worked)');
		await server.waitForOutput(`refused port forwarding for bob (to 127.0.0.1:${server.port})`);
	} finally {
		ssh.kill('SIGKILL');
	}

	await stillWorks(t, keeper);
});

test.serial('remote port forwarding (ssh -R) is refused', async (t) => {
	const result = await run('ssh', ['-N', '-o', 'ExitOnForwardFailure=yes', '-R', '0:127.0.0.1:9', '-p', String(server.port), ...sshOptions, 'bob@127.0.0.1']);
	t.not(result.status, 0);
	t.regex(result.stderr, /remote port forwarding failed/i);
	await server.waitForOutput('refused tcpip-forward for bob');
	await stillWorks(t, keeper);
});

test.serial('agent forwarding is refused', async (t) => {
	const client = await connect(server.port, 'bob', {agent: '/nonexistent/agent.sock', agentForward: true});
	const error = await t.throwsAsync(openShell(client));
	t.regex(error!.message, /agent forwarding/);
	await server.waitForOutput('refused agent forwarding for bob');
	client.end();
	await stillWorks(t, keeper);
});
