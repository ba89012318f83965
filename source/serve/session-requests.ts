/**
 * The requests an SSH session channel can make, answered for a workshop: `env` (a few
 * locale and colour variables are kept), `pty` and `window-change` (the terminal size), and
 * `shell` with a pty (handed to the server as a learner session). Everything else is refused
 * with one line and exit status 1, or silently where the protocol has no place for a
 * message: commands (`ssh host ls`), a shell without a terminal, subsystems such as sftp,
 * agent and X11 forwarding.
 */
import type {PseudoTtyInfo, ServerChannel, Session} from 'ssh2';
import {displayUser} from './names.js';
import type {Room} from './room.js';

export type SessionRequestContext = {
	/** The SSH user name as typed. */
	readonly username: string;
	readonly room: Room;
	/** The port the server listens on (for the message to a learner who sent a command). */
	readonly port: () => number;
	readonly onResize: (columns: number, rows: number) => void;
	/** A shell on a pty: the learner's session should start. */
	readonly onShell: (channel: ServerChannel, pty: PseudoTtyInfo, env: Record<string, string>) => void;
};

/** Client variables worth keeping: the locale (ASCII or Unicode) and colour wishes. */
const keptVariables = /^(LANG|LC_[A-Z]+|NO_COLOR|COLORTERM)$/;

/** One refusal line; the channel then closes with exit status 1. */
export function refuse(channel: ServerChannel, line: string, toStderr: boolean): void {
	if (toStderr) channel.stderr.write(`${line}\n`);
	else channel.write(`${line}\r\n`);
	channel.exit(1);
	channel.end();
}

export function handleSessionRequests(session: Session, context: SessionRequestContext): void {
	const {room, username} = context;
	const user = displayUser(username);
	let pty: PseudoTtyInfo | undefined;
	const env: Record<string, string> = {};

	session.on('env', (accept, _reject, info) => {
		if (Object.keys(env).length < 32 && keptVariables.test(info.key)) env[info.key] = String(info.val).slice(0, 64);
		accept?.();
	});
	session.on('pty', (accept, _reject, info) => {
		pty = info;
		accept?.();
	});
	session.on('window-change', (accept, _reject, info) => {
		if (pty) {
			pty.cols = info.cols;
			pty.rows = info.rows;
		}

		context.onResize(info.cols, info.rows);
		accept?.();
	});
	session.on('auth-agent', (_accept, reject) => {
		room.note(`refused agent forwarding for ${user}`);
		reject?.();
	});
	session.on('x11', (_accept, reject) => {
		room.note(`refused X11 forwarding for ${user}`);
		reject?.();
	});
	session.on('signal', (accept) => accept?.());
	session.on('exec', (accept, _reject, info) => {
		room.note(`refused a command from ${user}: ${displayUser(info.command)}`);
		refuse(accept(), `vnetlab: this server only runs the vnetlab workshop; connect without a command (ssh -p ${context.port()} ${username}@<server>).`, true);
	});
	session.on('subsystem', (accept, _reject, info) => {
		room.note(`refused subsystem ${displayUser(info.name)} for ${user}`);
		refuse(accept(), `vnetlab: ${info.name} is not available here; this server only runs the vnetlab workshop.`, true);
	});
	session.on('shell', (accept) => {
		const channel = accept();
		if (!pty) {
			room.note(`refused a shell without a terminal for ${user}`);
			refuse(channel, 'vnetlab: the workshop needs a terminal: connect without -T (or add -t).', true);
			return;
		}

		context.onShell(channel, pty, env);
	});
}
