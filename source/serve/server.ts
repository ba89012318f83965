/**
 * The workshop's SSH server (ssh2, no system sshd). Each connection authenticates by the
 * room's rule; each shell with a pty becomes a learner session (session.ts) in its own
 * worker, one per learner name; port forwarding is refused here, the other requests a
 * session can make in session-requests.ts. Handshakes have a deadline, the room a size,
 * connections without a session an idle end; stopping tells every learner goodbye.
 */
import net, {type AddressInfo} from 'node:net';
import ssh2, {type Connection, type PseudoTtyInfo, type ServerChannel, type Session} from 'ssh2';
import {createAuthenticator, type AuthConfig} from './auth.js';
import {clientTerminal} from './client-terminal.js';
import type {HostKey} from './host-key.js';
import type {LabHost} from './lab-host.js';
import {learnerDirectory, resetLabOnDisk} from './learner-files.js';
import {displayUser, sanitiseUser} from './names.js';
import type {SessionFault} from './protocol.js';
import type {Room} from './room.js';
import {LearnerSession, stopGraceMs, type SessionEnd} from './session.js';
import {refuse, handleSessionRequests} from './session-requests.js';
import {terminalSize} from './stream-shims.js';
import {WorkerPool} from './worker-pool.js';

export type ServeConfig = {
	readonly host: string;
	readonly port: number;
	readonly dataDirectory: string;
	/** The room's labs, read once. */
	readonly labs: LabHost;
	readonly hostKey: HostKey;
	readonly auth: AuthConfig;
	readonly maxSessions: number;
	readonly idleTimeoutMs: number;
	/** From TCP connect to authenticated. */
	readonly handshakeTimeoutMs: number;
	readonly room: Room;
	/** Session workers kept loaded ahead of need (default 2). */
	readonly spareWorkers?: number;
	/** Test hook (VNETLAB_SERVE_FAULT): these users' sessions fail on purpose. */
	readonly faults?: ReadonlyMap<string, SessionFault>;
};

export type WorkshopServer = {
	readonly port: number;
	readonly host: string;
	/** Goodbye to every learner (progress saved), then stop listening. */
	stop(): Promise<void>;
	/** The instructor's reset of one learner's lab (connected or not). */
	resetLab(key: string, lab: string): Promise<void>;
};

const defaultSpareWorkers = 2;

/** Connections beyond the room size that may be mid-handshake or refused politely. */
const connectionSlack = 16;

export function describeEnd(end: SessionEnd): string {
	switch (end.kind) {
		case 'quit':
			return 'left';
		case 'failed':
			return `session failed (${end.message})`;
		case 'stuck':
			return 'stopped reading: disconnected';
		case 'stopped':
			return {idle: 'idle: disconnected', shutdown: 'disconnected (server stopping)', replaced: 'connected again elsewhere: old session ended', closed: 'connection closed'}[end.reason];
	}
}

export async function startServer(config: ServeConfig): Promise<WorkshopServer> {
	const {room} = config;
	const sessions = new Map<string, LearnerSession>();
	const starting = new Set<string>();
	const connections = new Set<Connection>();
	let stopping = false;
	let boundPort = config.port;
	let preloaded = false;

	function learnerSession(client: Connection, username: string, session: Session): void {
		const user = displayUser(username);
		let learner: LearnerSession | undefined;
		handleSessionRequests(session, {
			username,
			room,
			port: () => boundPort,
			onResize: (columns, rows) => learner?.resize(columns, rows),
			onShell(channel, pty, env) {
				if (stopping) {
					refuse(channel, 'vnetlab: the workshop server is shutting down.', false);
					return;
				}

				const key = sanitiseUser(username);
				if (sessions.size + starting.size >= config.maxSessions && !sessions.has(key) && !starting.has(key)) {
					room.note(`refused ${user}: the room is full (${config.maxSessions})`);
					refuse(channel, `vnetlab: the room is full (${config.maxSessions === 1 ? '1 learner is' : `${config.maxSessions} learners are`} connected). Try again in a little while, or ask your instructor.`, false);
					return;
				}

				openSession(client, channel, username, key, pty, env).then(
					(started) => {
						learner = started;
					},
					(error: unknown) => {
						room.note(`could not start a session for ${user}: ${(error as Error).message}`);
						if (channel.writable) refuse(channel, 'vnetlab: the session could not start; try again in a moment.', false);
					},
				);
			},
		});
	}

	async function openSession(client: Connection, channel: ServerChannel, username: string, key: string, pty: PseudoTtyInfo, env: Record<string, string>): Promise<LearnerSession | undefined> {
		const user = displayUser(username);
		starting.add(key);
		try {
			// One session per learner: a reconnect ends the old one (saved) before the new one reads the progress.
			let previous;
			while ((previous = sessions.get(key))) await previous.stop('replaced');
		} finally {
			starting.delete(key);
		}

		if (!channel.writable || stopping) {
			if (channel.writable) refuse(channel, 'vnetlab: the workshop server is shutting down.', false);
			return undefined;
		}

		const size = terminalSize(pty.cols, pty.rows);
		const terminal = clientTerminal(pty.term, env);
		const fault = config.faults?.get(username);
		const learner = new LearnerSession({
			channel,
			worker: pool.take(terminal.colorLevel),
			idleTimeoutMs: config.idleTimeoutMs,
			loadLab: async (file) => config.labs.load(file),
			setup: {
				user: username,
				progressDirectory: learnerDirectory(config.dataDirectory, key),
				...size,
				term: pty.term,
				color: terminal.color,
				ascii: terminal.ascii,
				...(fault ? {fault} : {}),
			},
			events: {
				onActivity: (activity) => room.reported(key, activity),
				onKey: () => room.keyPressed(key),
				onEnd(end) {
					if (sessions.get(key) === learner) {
						sessions.delete(key);
						room.left(key);
					}

					room.note(`${user} ${describeEnd(end)}`);
					connectionIdle(client);
				},
			},
		});
		sessions.set(key, learner);
		// The first learner in: load the first labs now, while they read the lab list.
		if (!preloaded) {
			preloaded = true;
			config.labs.preload();
		}

		connectionBusy(client);
		room.joined(key, user);
		room.note(`${user} joined (${pty.term || 'no TERM'}, ${size.columns}x${size.rows})`);
		return learner;
	}

	// A connection with no learner session (ssh -N, or after the app was left) is ended after the idle timeout.
	const idleConnections = new Map<Connection, NodeJS.Timeout>();
	const liveSessions = new Map<Connection, number>();
	function connectionBusy(client: Connection): void {
		liveSessions.set(client, (liveSessions.get(client) ?? 0) + 1);
		clearTimeout(idleConnections.get(client));
	}

	function connectionIdle(client: Connection): void {
		const count = Math.max(0, (liveSessions.get(client) ?? 1) - 1);
		liveSessions.set(client, count);
		if (count === 0) idleConnections.set(client, setTimeout(() => client.end(), config.idleTimeoutMs));
	}

	// Handshake deadlines are per TCP socket: ssh2 reports a connection only once the client
	// has sent its version line, and one that never does must not hold a socket forever.
	const sockets = new Set<net.Socket>();
	const handshakes = new Map<string, NodeJS.Timeout>();
	const socketKey = (ip: string | undefined, port: number | undefined) => `${ip ?? ''}|${port ?? ''}`;

	const ssh = new ssh2.Server({hostKeys: [config.hostKey.key], ident: 'vnetlab-workshop', keepaliveInterval: 15_000, keepaliveCountMax: 4}, (client, info) => {
		const address = info.ip;
		const key = socketKey(info.ip, info.port);
		connections.add(client);
		let username = '';
		client.on('error', () => undefined);
		client.on('close', () => {
			clearTimeout(idleConnections.get(client));
			idleConnections.delete(client);
			liveSessions.delete(client);
			connections.delete(client);
		});
		const authenticate = createAuthenticator(
			config.auth,
			(outcome) => {
				if (!outcome.accepted) room.note(`authentication failed for ${displayUser(username)} from ${address} (${outcome.method})`);
			},
			() => client.end(),
		);
		client.on('authentication', (ctx) => {
			username = ctx.username;
			authenticate(ctx);
		});
		client.on('ready', () => {
			clearTimeout(handshakes.get(key));
			handshakes.delete(key);
			liveSessions.set(client, 1);
			connectionIdle(client);
			client.on('session', (accept) => learnerSession(client, username, accept()));
		});
		client.on('tcpip', (_accept, reject, forward) => {
			room.note(`refused port forwarding for ${displayUser(username)} (to ${forward.destIP}:${forward.destPort})`);
			reject();
		});
		client.on('request', (_accept, reject, name) => {
			room.note(`refused ${name} for ${displayUser(username)}`);
			reject?.();
		});
		client.on('openssh.streamlocal', (_accept, reject) => reject());
	});

	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		// Keys and frames are small and interactive: no Nagle delay (OpenSSH does the same for ttys).
		socket.setNoDelay(true);
		if (stopping || sockets.size >= config.maxSessions + connectionSlack) {
			socket.destroy();
			return;
		}

		sockets.add(socket);
		const key = socketKey(socket.remoteAddress, socket.remotePort);
		const address = socket.remoteAddress ?? 'unknown';
		handshakes.set(
			key,
			setTimeout(() => {
				room.note(`handshake from ${address} not finished in ${Math.round(config.handshakeTimeoutMs / 1000)} s: disconnected`);
				socket.destroy();
			}, config.handshakeTimeoutMs),
		);
		socket.once('close', () => {
			sockets.delete(socket);
			clearTimeout(handshakes.get(key));
			handshakes.delete(key);
		});
		ssh.injectSocket(socket);
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	server.on('error', (error: Error) => room.note(`server error: ${error.message}`));
	const address = server.address() as AddressInfo;
	boundPort = address.port;
	// Spares start once the port is ours (a failed start leaves no thread behind).
	const pool = new WorkerPool({catalog: config.labs.catalog}, config.spareWorkers ?? defaultSpareWorkers);

	return {
		port: address.port,
		host: address.address,
		async stop() {
			if (stopping) return;
			stopping = true;
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			const ends = [...sessions.values()].map((session) => session.stop('shutdown'));
			await Promise.race([Promise.all(ends), new Promise((resolve) => setTimeout(resolve, stopGraceMs + 1000))]);
			for (const client of connections) client.end();
			await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
			for (const socket of sockets) socket.destroy();
			await pool.close();
			for (const timer of [...idleConnections.values(), ...handshakes.values()]) clearTimeout(timer);
		},
		async resetLab(key, lab) {
			const session = sessions.get(key);
			if (session) session.resetLab(lab);
			else await resetLabOnDisk(config.dataDirectory, key, lab);
			room.note(`instructor reset ${room.get(key)?.user ?? key}'s lab ${lab}`);
		},
	};
}
