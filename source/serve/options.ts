/**
 * `vnetlab serve` flags, checked: a port, durations (`30m`, `20s`, `1h`; a bare number is
 * minutes), a room size, and the auth rule. Open auth is the default only on a loopback
 * address; anywhere else the instructor must choose. Every problem is a one-line message.
 */
import {isIP} from 'node:net';
import type {AuthMode} from './auth.js';
import type {SessionFault} from './protocol.js';

export class ServeOptionError extends Error {}

export function parsePortOption(text: string): number {
	if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new ServeOptionError(`--port: '${text}' is not a port number (0-65535; 0 picks a free one)`);
	return Number(text);
}

const units: Readonly<Record<string, number>> = {ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000};

/** `30m` → 1 800 000 ms. */
export function parseDuration(text: string, flag: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/.exec(text.trim());
	if (!match) throw new ServeOptionError(`${flag}: '${text}' is not a duration (for example 30m, 90s or 1h)`);
	const ms = Number(match[1]) * units[match[2] ?? 'm']!;
	if (ms < 1000) throw new ServeOptionError(`${flag}: '${text}' is shorter than one second`);
	if (ms > 7 * 24 * 3_600_000) throw new ServeOptionError(`${flag}: '${text}' is longer than a week`);
	return Math.round(ms);
}

export function parseMaxSessions(text: string): number {
	if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > 1000) throw new ServeOptionError(`--max-sessions: '${text}' is not a number from 1 to 1000`);
	return Number(text);
}

/** Hidden `--spare-workers`: session workers kept loaded ahead of need (0 to 8). */
export function parseSpareWorkers(text: string): number {
	if (!/^\d$/.test(text) || Number(text) > 8) throw new ServeOptionError(`--spare-workers: '${text}' is not a number from 0 to 8`);
	return Number(text);
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
	if (host === 'localhost') return true;
	if (isIP(host) === 4) return host.startsWith('127.');
	if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./i.test(host) || /^(0+:){7}0*1$/.test(host);
	return false;
}

export type AuthChoice = {
	readonly auth?: string;
	readonly passwordFile?: string;
	readonly authorizedKeys?: string;
};

/**
 * The auth mode: the one asked for; else the one a given file implies; else `open` on
 * loopback. A non-loopback address without a choice is refused.
 */
export function chooseAuth(host: string, choice: AuthChoice): AuthMode {
	if (choice.auth !== undefined && choice.auth !== 'open' && choice.auth !== 'password' && choice.auth !== 'keys') {
		throw new ServeOptionError(`--auth: '${choice.auth}' is not open, password or keys`);
	}

	if (choice.passwordFile && choice.authorizedKeys) throw new ServeOptionError('give --password-file or --authorized-keys, not both');
	const mode = (choice.auth as AuthMode | undefined) ?? (choice.passwordFile ? 'password' : choice.authorizedKeys ? 'keys' : undefined);
	if (mode === undefined) {
		if (isLoopback(host)) return 'open';
		throw new ServeOptionError(
			`--host ${host} is reachable from other machines: pass --auth open explicitly to let anyone in without a password, or choose --auth password (with --password-file) or --auth keys (with --authorized-keys)`,
		);
	}

	if (mode === 'password' && !choice.passwordFile) throw new ServeOptionError('--auth password needs --password-file <file> (the room password on its first line)');
	if (mode === 'keys' && !choice.authorizedKeys) throw new ServeOptionError('--auth keys needs --authorized-keys <file> (an OpenSSH authorized_keys file)');
	if (mode === 'open' && (choice.passwordFile || choice.authorizedKeys)) throw new ServeOptionError('--auth open takes no --password-file or --authorized-keys');
	if (mode === 'password' && choice.authorizedKeys) throw new ServeOptionError('--auth password does not use --authorized-keys');
	if (mode === 'keys' && choice.passwordFile) throw new ServeOptionError('--auth keys does not use --password-file');
	return mode;
}

/**
 * VNETLAB_SERVE_FAULT=<user>:<key|render|hang>[,<user>:<fault>...]: the isolation tests'
 * deliberately failing sessions, by SSH user name.
 */
export function parseFaults(value: string | undefined): ReadonlyMap<string, SessionFault> {
	const faults = new Map<string, SessionFault>();
	for (const item of (value ?? '').split(',')) {
		const match = /^(.+):(key|render|hang)$/.exec(item.trim());
		if (match) faults.set(match[1]!, match[2] as SessionFault);
	}

	return faults;
}
