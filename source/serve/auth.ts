/**
 * Who may join the room. `open`: any name, no password. `password`: one room password from
 * a file, compared in constant time (SHA-256 of both sides, then crypto.timingSafeEqual), by
 * password or keyboard-interactive auth. `keys`: public keys from an OpenSSH authorized_keys
 * file, with the client's signature verified (ssh2's documented check). The SSH user name
 * is the learner's name in every mode.
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import {readFileSync} from 'node:fs';
import ssh2, {type AuthContext, type ParsedKey} from 'ssh2';

export type AuthMode = 'open' | 'password' | 'keys';

export type AuthConfig =
	| {readonly mode: 'open'}
	| {readonly mode: 'password'; readonly password: string}
	| {readonly mode: 'keys'; readonly keys: readonly ParsedKey[]};

export class AuthConfigError extends Error {}

/** Failed attempts before the connection is dropped. */
export const maxAuthFailures = 3;

function readText(file: string, flag: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		throw new AuthConfigError(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
}

/** The room password: the file's first line, without its line ending. */
export function readPasswordFile(file: string): string {
	const password = readText(file, '--password-file').split(/\r?\n/)[0] ?? '';
	if (password.trim() === '') throw new AuthConfigError(`--password-file: ${file} has no password on its first line`);
	return password;
}

const keyPattern = /(?:^|\s)((?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d+|sk-[\w.@-]+)\s+[A-Za-z0-9+/]+=*)/;

/** The public keys of an authorized_keys file (options and comments allowed, `#` lines skipped). */
export function parseAuthorizedKeys(text: string, file = 'authorized_keys'): ParsedKey[] {
	const keys: ParsedKey[] = [];
	const problems: string[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		const trimmed = line.trim();
		if (trimmed === '' || trimmed.startsWith('#')) return;
		const match = keyPattern.exec(trimmed);
		const parsed = match ? ssh2.utils.parseKey(match[1]!) : new Error('no public key on this line');
		if (parsed instanceof Error) problems.push(`${file}:${index + 1}: ${parsed.message}`);
		else keys.push(parsed);
	});
	if (problems.length > 0) throw new AuthConfigError(`--authorized-keys: ${problems[0]}`);
	if (keys.length === 0) throw new AuthConfigError(`--authorized-keys: ${file} holds no public key`);
	return keys;
}

export function readAuthorizedKeys(file: string): ParsedKey[] {
	return parseAuthorizedKeys(readText(file, '--authorized-keys'), file);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time comparison: equal-length digests, so timingSafeEqual never throws or leaks the length. */
export function passwordMatches(given: string, expected: string): boolean {
	return timingSafeEqual(sha256(given), sha256(expected));
}

export type AuthOutcome = {readonly accepted: boolean; readonly method: string};

/**
 * An ssh2 `authentication` handler for one connection. `onOutcome` hears every decided
 * attempt (for the log); after `maxAuthFailures` rejections the connection is ended.
 */
export function createAuthenticator(config: AuthConfig, onOutcome: (outcome: AuthOutcome) => void, endConnection: () => void): (ctx: AuthContext) => void {
	let failures = 0;
	const allowed: Array<'password' | 'keyboard-interactive' | 'publickey'> = config.mode === 'keys' ? ['publickey'] : ['password', 'keyboard-interactive'];

	const reject = (ctx: AuthContext, counts: boolean) => {
		if (counts) {
			failures++;
			onOutcome({accepted: false, method: ctx.method});
			if (failures >= maxAuthFailures) {
				ctx.reject();
				endConnection();
				return;
			}
		}

		ctx.reject(allowed);
	};

	const accept = (ctx: AuthContext) => {
		onOutcome({accepted: true, method: ctx.method});
		ctx.accept();
	};

	return (ctx) => {
		if (config.mode === 'open') {
			accept(ctx);
			return;
		}

		if (config.mode === 'password') {
			if (ctx.method === 'password') {
				if (passwordMatches(ctx.password, config.password)) accept(ctx);
				else reject(ctx, true);
				return;
			}

			if (ctx.method === 'keyboard-interactive') {
				ctx.prompt([{prompt: 'Room password: ', echo: false}], (answers) => {
					if (passwordMatches(answers[0] ?? '', config.password)) accept(ctx);
					else reject(ctx, true);
				});
				return;
			}

			reject(ctx, false);
			return;
		}

		if (ctx.method !== 'publickey') {
			reject(ctx, false);
			return;
		}

		const key = config.keys.find((candidate) => {
			const blob = candidate.getPublicSSH();
			return candidate.type === ctx.key.algo && blob.length === ctx.key.data.length && timingSafeEqual(blob, ctx.key.data);
		});
		if (!key) {
			reject(ctx, true);
			return;
		}

		// Without a signature the client only asks whether this key would do.
		if (!ctx.signature || !ctx.blob) {
			ctx.accept();
			return;
		}

		if (key.verify(ctx.blob, ctx.signature, ctx.hashAlgo)) accept(ctx);
		else reject(ctx, true);
	};
}
