/**
 * A new ed25519 key pair in OpenSSH's own formats: the private key as `ssh-keygen -t ed25519`
 * writes it (openssh-key-v1, unencrypted) and the public key as one authorized_keys line.
 * Written here from Node's key material because ssh2's generator drops a leading zero byte
 * of the public key (about one key in 250 then fails to parse).
 */
import {generateKeyPairSync, randomBytes} from 'node:crypto';
import ssh2 from 'ssh2';

export type OpenSshKeyPair = {readonly privateKey: string; readonly publicKey: string};

function uint32(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeUInt32BE(value);
	return buffer;
}

/** An SSH wire string: uint32 length, then the bytes. */
function wire(data: Buffer | string): Buffer {
	const bytes = typeof data === 'string' ? Buffer.from(data) : data;
	return Buffer.concat([uint32(bytes.length), bytes]);
}

export function generateEd25519(comment: string): OpenSshKeyPair {
	const jwk = generateKeyPairSync('ed25519').privateKey.export({format: 'jwk'});
	const seed = Buffer.from(jwk.d!, 'base64url');
	const key = Buffer.from(jwk.x!, 'base64url');
	const publicBlob = Buffer.concat([wire('ssh-ed25519'), wire(key)]);
	const check = randomBytes(4);
	const section = Buffer.concat([check, check, wire('ssh-ed25519'), wire(key), wire(Buffer.concat([seed, key])), wire(comment)]);
	const padding = Buffer.from(Array.from({length: (8 - (section.length % 8)) % 8}, (_, index) => index + 1));
	const body = Buffer.concat([
		Buffer.from('openssh-key-v1\0'),
		wire('none'),
		wire('none'),
		wire(Buffer.alloc(0)),
		uint32(1),
		wire(publicBlob),
		wire(Buffer.concat([section, padding])),
	]);
	const lines = body.toString('base64').match(/.{1,70}/g)!;
	const pair = {
		privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
		publicKey: `ssh-ed25519 ${publicBlob.toString('base64')} ${comment}`,
	};
	// Check the pair the way the server will use it: parsed by ssh2, and a signature that verifies.
	const parsed = ssh2.utils.parseKey(pair.privateKey);
	const listed = ssh2.utils.parseKey(pair.publicKey);
	const probe = randomBytes(32);
	if (parsed instanceof Error || listed instanceof Error || !listed.verify(probe, parsed.sign(probe))) throw new Error('generated an ed25519 key that does not check out');
	return pair;
}
