/**
 * Host keys: ed25519 pairs in OpenSSH's formats that ssh2 and ssh-keygen both read (ssh2's own
 * generator fails about one key in 250), the key file made once with mode 600, and the
 * fingerprint as `ssh-keygen -lf` prints it.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import ssh2 from 'ssh2';
import {describeHostKey, loadHostKey} from '../../source/serve/host-key.js';
import {generateEd25519} from '../../source/serve/openssh-key.js';
import {temporaryDirectory} from './helpers/serve-process.js';

function hasSshKeygen(): boolean {
	try {
		execFileSync('ssh-keygen', ['-?'], {stdio: 'ignore'});
	} catch (error) {
		return (error as {status?: number}).status !== undefined && (error as NodeJS.ErrnoException).code !== 'ENOENT';
	}

	return true;
}

test('a thousand generated keys all parse, sign and verify', (t) => {
	for (let index = 0; index < 1000; index++) {
		const pair = generateEd25519('k');
		const parsed = ssh2.utils.parseKey(pair.privateKey);
		if (parsed instanceof Error) t.fail(parsed.message);
		else t.is(parsed.getPublicSSH().length, 51, 'a 32-byte key in its wire blob');
	}
});

test('the data folder key is made once with mode 600, then reused', (t) => {
	const data = temporaryDirectory();
	const first = loadHostKey(data);
	t.true(first.created);
	t.is(statSync(first.file).mode & 0o777, 0o600);
	const second = loadHostKey(data);
	t.false(second.created);
	t.is(second.fingerprint, first.fingerprint);
	t.regex(first.fingerprint, /^256 SHA256:[A-Za-z0-9+/]{43} \(ED25519\)$/);
});

test('ssh-keygen reads the key and prints the same fingerprint', (t) => {
	if (!hasSshKeygen()) {
		t.pass('no ssh-keygen here');
		return;
	}

	const data = temporaryDirectory();
	const key = loadHostKey(data);
	t.is(execFileSync('ssh-keygen', ['-lf', key.file], {encoding: 'utf8'}).trim(), key.fingerprint.replace(' (ED25519)', ' vnetlab host key (ED25519)'));
	const keyPart = (line: string) => line.trim().split(' ').slice(0, 2).join(' ');
	t.is(keyPart(execFileSync('ssh-keygen', ['-y', '-f', key.file], {encoding: 'utf8'})), keyPart(readFileSync(`${key.file}.pub`, 'utf8')));
});

test('--host-key takes RSA and EC PEM keys; public keys and junk are refused', (t) => {
	const directory = temporaryDirectory();
	const rsa = ssh2.utils.generateKeyPairSync('rsa', {bits: 2048});
	const rsaFile = path.join(directory, 'rsa');
	writeFileSync(rsaFile, rsa.private);
	t.regex(loadHostKey(directory, rsaFile).fingerprint, /^2048 SHA256:\S+ \(RSA\)$/);
	const ec = ssh2.utils.generateKeyPairSync('ecdsa', {bits: 256});
	t.regex(describeHostKey(Buffer.from(ec.private), 'ec').fingerprint, /^256 SHA256:\S+ \(ECDSA\)$/);
	t.throws(() => describeHostKey(Buffer.from(ec.public), 'ec.pub'), {message: /is a public key/});
	t.throws(() => describeHostKey(Buffer.from('nonsense'), 'junk'), {message: /junk: not a usable SSH host key/});
	t.throws(() => loadHostKey(directory, path.join(directory, 'missing')), {message: /--host-key: cannot read .* \(ENOENT\)/});
});
