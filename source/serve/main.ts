/**
 * `vnetlab serve` after its flags are read: check them, load the host key and the auth
 * files, start the server, show the room (a live table on a terminal, log lines otherwise),
 * and on SIGINT/SIGTERM (or `q` in the table) say goodbye to every learner and stop.
 */
import {statSync} from 'node:fs';
import path from 'node:path';
import {CommandError} from '../commands/errors.js';
import {wrapText} from '../format/wrap.js';
import {AuthConfigError, readAuthorizedKeys, readPasswordFile, type AuthConfig} from './auth.js';
import {HostKeyError, loadHostKey} from './host-key.js';
import {LabHost} from './lab-host.js';
import {progressRoot} from './learner-files.js';
import {ServeOptionError, chooseAuth, isLoopback, parseDuration, parseFaults, parseMaxSessions, parsePortOption, parseSpareWorkers} from './options.js';
import {Room} from './room.js';
import {logRoom} from './room-log.js';
import {startServer} from './server.js';

export type ServeFlags = {
	host: string;
	port: string;
	labs?: string;
	data: string;
	hostKey?: string;
	maxSessions: string;
	idleTimeout: string;
	handshakeTimeout: string;
	spareWorkers: string;
	auth?: string;
	passwordFile?: string;
	authorizedKeys?: string;
	quiet?: boolean;
};

function asCommandError(error: unknown): never {
	if (error instanceof ServeOptionError || error instanceof AuthConfigError || error instanceof HostKeyError) throw new CommandError(error.message);
	throw error;
}

function checkDirectory(directory: string, flag: string): void {
	let isDirectory = false;
	try {
		isDirectory = statSync(directory).isDirectory();
	} catch {
		// Reported below.
	}

	if (!isDirectory) throw new CommandError(`${flag}: ${directory} is not a readable folder`);
}

function authLine(config: AuthConfig, host: string): string {
	switch (config.mode) {
		case 'open':
			return isLoopback(host)
				? 'Auth: open. Anyone who can reach this address joins under any name, without a password (only this machine can, on a loopback address).'
				: 'Auth: open. Anyone who can reach this address joins under any name, without a password.';
		case 'password':
			return 'Auth: password. Learners choose their name and type the room password.';
		case 'keys':
			return `Auth: keys. ${config.keys.length} public key${config.keys.length === 1 ? '' : 's'} from the authorized_keys file may join.`;
	}
}

export async function serve(flags: ServeFlags): Promise<void> {
	let settings;
	try {
		const port = parsePortOption(flags.port);
		const maxSessions = parseMaxSessions(flags.maxSessions);
		const idleTimeoutMs = parseDuration(flags.idleTimeout, '--idle-timeout');
		const handshakeTimeoutMs = parseDuration(flags.handshakeTimeout, '--handshake-timeout');
		const spareWorkers = parseSpareWorkers(flags.spareWorkers);
		const mode = chooseAuth(flags.host, flags);
		const auth: AuthConfig =
			mode === 'password' ? {mode, password: readPasswordFile(flags.passwordFile!)} : mode === 'keys' ? {mode, keys: readAuthorizedKeys(flags.authorizedKeys!)} : {mode};
		settings = {port, maxSessions, idleTimeoutMs, handshakeTimeoutMs, spareWorkers, auth};
	} catch (error) {
		asCommandError(error);
	}

	const {defaultLabsDir} = await import('../lab/catalog.js');
	const labsDirectory = path.resolve(flags.labs ?? defaultLabsDir);
	checkDirectory(labsDirectory, '--labs');
	const labs = await LabHost.open(labsDirectory);
	const dataDirectory = path.resolve(flags.data);
	let hostKey;
	try {
		hostKey = loadHostKey(dataDirectory, flags.hostKey);
	} catch (error) {
		if (error instanceof Error && 'code' in error) throw new CommandError(`--data: cannot use ${dataDirectory} (${(error as NodeJS.ErrnoException).code})`);
		asCommandError(error);
	}

	const room = new Room();
	let server;
	try {
		server = await startServer({
			...settings,
			host: flags.host,
			dataDirectory,
			labs,
			hostKey,
			room,
			faults: parseFaults(process.env['VNETLAB_SERVE_FAULT']),
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CommandError(`cannot listen on ${flags.host}:${settings.port} (${code === 'EADDRINUSE' ? 'the port is in use' : code === 'EADDRNOTAVAIL' ? 'no such address on this machine' : code ?? (error as Error).message})`);
	}

	const shown = server.host.includes(':') ? `[${server.host}]` : server.host;
	const heading = [
		`vnetlab workshop server listening on ${shown}:${server.port}`,
		`Host key: ${hostKey.fingerprint}${hostKey.created ? ' (new)' : ''}, ${hostKey.file}`,
		authLine(settings.auth, flags.host),
		`Labs: ${labs.catalog.labs.length} from ${labsDirectory}${labs.catalog.problems.length > 0 ? ` (${labs.catalog.problems.length} could not be read: see vnetlab validate)` : ''}`,
		`Learners type: ssh -p ${server.port} <their name>@<this machine>`,
		`Progress: ${path.join(progressRoot(dataDirectory), '<name>')}; export it with: vnetlab progress --data ${flags.data}`,
	];
	// On a terminal, wrap at spaces (paths and fingerprints stay whole where they fit) rather than mid-word.
	const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
	const shownHeading = columns ? heading.flatMap((line) => wrapText(line, columns - 2, {breakWords: true}).map((part, index) => (index === 0 ? part : `  ${part}`))) : heading;
	process.stdout.write(`${shownHeading.join('\n')}\n`);

	// A fault in one connection's handling must not end the room: log it and carry on.
	process.on('uncaughtException', (error) => room.note(`internal error: ${error.message.split('\n')[0]}`));

	let resolveStopped!: () => void;
	const stopped = new Promise<void>((resolve) => {
		resolveStopped = resolve;
	});
	let view: {unmount: () => void} | undefined;
	let stopLog: (() => void) | undefined;
	let stopping = false;
	const shutdown = (why: string) => {
		if (stopping) return;
		stopping = true;
		room.note(`stopping (${why}): saying goodbye to ${room.connectedCount()} learner(s)`);
		void server.stop().finally(async () => {
			await labs.close();
			view?.unmount();
			stopLog?.();
			resolveStopped();
		});
	};

	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	if (!flags.quiet && process.stdout.isTTY && process.stdin.isTTY) {
		const {showRoom} = await import('./room-view.js');
		view = showRoom({room, heading: [], maxSessions: settings.maxSessions, onReset: server.resetLab, onQuit: () => shutdown('instructor')});
	} else stopLog = logRoom(room);

	await stopped;
	process.stdout.write(`vnetlab: server stopped; progress is saved under ${progressRoot(dataDirectory)}\n`);
	// Nothing should be left running; if something is, do not hang the instructor's terminal.
	setTimeout(() => process.exit(0), 1000).unref();
}
