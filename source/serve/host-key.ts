/**
 * The server's host key: generated on first start as an OpenSSH-format ed25519 key in the
 * data directory (mode 600) and reused afterwards, or read from `--host-key`. Its SHA256
 * fingerprint is printed the way `ssh-keygen -lf` prints it, so learners can compare it
 * with what their ssh client shows on first connect.
 */
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import ssh2 from 'ssh2';
import {generateEd25519} from './openssh-key.js';

export type HostKey = {
	/** The private key as ssh2 takes it. */
	readonly key: Buffer;
	readonly file: string;
	/** True when this start generated it. */
	readonly created: boolean;
	/** `256 SHA256:… (ED25519)`: what `ssh-keygen -lf <file>` prints, without the comment. */
	readonly fingerprint: string;
};

export class HostKeyError extends Error {}

export const hostKeyName = 'ssh_host_ed25519_key';

const typeLabels: Readonly<Record<string, string>> = {
	'ssh-ed25519': 'ED25519',
	'ssh-rsa': 'RSA',
	'ecdsa-sha2-nistp256': 'ECDSA',
	'ecdsa-sha2-nistp384': 'ECDSA',
	'ecdsa-sha2-nistp521': 'ECDSA',
};

/** Read SSH wire strings (uint32 length + bytes) from a public key blob. */
function wireStrings(blob: Buffer): Buffer[] {
	const parts: Buffer[] = [];
	let offset = 0;
	while (offset + 4 <= blob.length) {
		const length = blob.readUInt32BE(offset);
		parts.push(blob.subarray(offset + 4, offset + 4 + length));
		offset += 4 + length;
	}

	return parts;
}

/** The key size ssh-keygen prints: the RSA modulus bits, the curve size otherwise. */
function keyBits(type: string, blob: Buffer): number {
	if (type === 'ssh-rsa') {
		const modulus = wireStrings(blob)[2] ?? Buffer.alloc(0);
		let start = 0;
		while (start < modulus.length && modulus[start] === 0) start++;
		if (start === modulus.length) return 0;
		return (modulus.length - start - 1) * 8 + Math.floor(Math.log2(modulus[start]!)) + 1;
	}

	const curve = /nistp(\d+)$/.exec(type);
	return curve ? Number(curve[1]) : 256;
}

/** `SHA256:<base64 without padding>` of a public key blob, as OpenSSH shows it. */
export function sha256Fingerprint(publicBlob: Buffer): string {
	return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

/** Parse a private host key and describe it; throws HostKeyError when ssh2 cannot use it. */
export function describeHostKey(key: Buffer, file: string, created = false): HostKey {
	const parsed = ssh2.utils.parseKey(key);
	if (parsed instanceof Error) throw new HostKeyError(`${file}: not a usable SSH host key (${parsed.message}); use an OpenSSH, RSA PEM or EC PEM private key`);
	if (!parsed.isPrivateKey()) throw new HostKeyError(`${file}: is a public key; the server needs the private key`);
	const blob = parsed.getPublicSSH();
	const label = typeLabels[parsed.type] ?? parsed.type.toUpperCase();
	return {key, file, created, fingerprint: `${keyBits(parsed.type, blob)} ${sha256Fingerprint(blob)} (${label})`};
}

/** The key in `file`, or, with no file given, the data directory's key (generated when missing). */
export function loadHostKey(dataDirectory: string, file?: string): HostKey {
	if (file) {
		let key: Buffer;
		try {
			key = readFileSync(file);
		} catch (error) {
			throw new HostKeyError(`--host-key: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
		}

		return describeHostKey(key, file);
	}

	const keyFile = path.join(dataDirectory, hostKeyName);
	if (existsSync(keyFile)) return describeHostKey(readFileSync(keyFile), keyFile);
	mkdirSync(dataDirectory, {recursive: true, mode: 0o700});
	const pair = generateEd25519('vnetlab host key');
	writeFileSync(keyFile, pair.privateKey, {mode: 0o600, flag: 'wx'});
	chmodSync(keyFile, 0o600);
	writeFileSync(`${keyFile}.pub`, `${pair.publicKey}\n`, {mode: 0o644});
	return describeHostKey(Buffer.from(pair.privateKey), keyFile, true);
}
