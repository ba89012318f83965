/**
 * An in-process SSH client (ssh2's Client) for the tests: connect with a name (and a password
 * or key), open a shell on a pty and read what the app draws, or run a command. Screen text is
 * the raw stream with escape sequences removed, searched from a mark, so a test waits for
 * what a key changed rather than sleeping.
 */
import ssh2, {type Client, type ClientChannel, type ConnectConfig} from 'ssh2';
import {waitUntil} from './serve-process.js';

const clients = new Set<Client>();

export async function connect(port: number, username: string, extra: Partial<ConnectConfig> = {}): Promise<Client> {
	const client = new ssh2.Client();
	clients.add(client);
	client.on('close', () => clients.delete(client));
	await new Promise<void>((resolve, reject) => {
		client.once('ready', () => resolve());
		client.once('error', reject);
		client.connect({host: '127.0.0.1', port, username, readyTimeout: 30_000, ...extra});
	});
	client.on('error', () => undefined);
	// As OpenSSH does for interactive sessions: keys go out at once, not after Nagle's delay.
	client.setNoDelay(true);
	return client;
}

/** End every client still open (call in `finally`). */
export function closeAll(): void {
	for (const client of clients) client.destroy();
	clients.clear();
}

const escapes = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[()][0-9A-B]|[=>78DEHM])/g;

export function plain(text: string): string {
	return text.replace(escapes, '').replace(/\r/g, '');
}

export type Shell = {
	readonly channel: ClientChannel;
	/** All output so far, escapes removed. */
	text(): string;
	/** The raw output so far. */
	raw(): string;
	/** Output (escapes removed) after the last mark(). */
	sinceMark(): string;
	/** Raw output after the last mark(). */
	rawSinceMark(): string;
	mark(): void;
	write(keys: string): void;
	waitFor(text: string | RegExp, ms?: number): Promise<void>;
	/** The exit status (undefined when the channel closed without one). */
	readonly closed: Promise<number | undefined>;
	readonly stderr: () => string;
};

export async function openShell(client: Client, window: {cols?: number; rows?: number; term?: string} | false = {}): Promise<Shell> {
	let raw = '';
	let errors = '';
	let mark = 0;
	let status: number | undefined;
	let resolveClosed!: (status: number | undefined) => void;
	const closed = new Promise<number | undefined>((resolve) => {
		resolveClosed = resolve;
	});
	// Listeners go on inside the callback: a refusal can arrive in the same packet as the channel.
	const listen = (channel: ClientChannel) => {
		channel.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
		channel.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
		channel.on('exit', (code: number | null) => (status = code ?? undefined));
		channel.on('close', () => resolveClosed(status));
	};

	const channel = await new Promise<ClientChannel>((resolve, reject) => {
		const callback = (error: Error | undefined, stream: ClientChannel) => {
			if (error) {
				reject(error);
				return;
			}

			listen(stream);
			resolve(stream);
		};

		if (window === false) client.shell(false, callback);
		else client.shell({cols: window.cols ?? 80, rows: window.rows ?? 24, term: window.term ?? 'xterm-256color'}, callback);
	});
	return {
		channel,
		text: () => plain(raw),
		raw: () => raw,
		sinceMark: () => plain(raw.slice(mark)),
		rawSinceMark: () => raw.slice(mark),
		mark: () => (mark = raw.length),
		write: (keys) => channel.write(keys),
		waitFor: async (pattern, ms = 20_000) =>
			waitUntil(
				() => {
					const text = plain(raw.slice(mark));
					return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
				},
				ms,
				() => `no ${String(pattern)} in the session output:\n${plain(raw.slice(mark)).slice(-1500)}`,
			),
		closed,
		stderr: () => errors,
	};
}

export type ExecResult = {stdout: string; stderr: string; code: number | undefined};

export async function exec(client: Client, command: string): Promise<ExecResult> {
	return new Promise((resolve, reject) => {
		client.exec(command, (error, channel) => {
			if (error) {
				reject(error);
				return;
			}

			let stdout = '';
			let stderr = '';
			let code: number | undefined;
			channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			channel.on('exit', (status: number | null) => (code = status ?? undefined));
			channel.on('close', () => resolve({stdout, stderr, code}));
		});
	});
}
