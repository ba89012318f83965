/** The auth files: a room password compared in constant time, authorized_keys parsed. */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import ssh2 from 'ssh2';
import {parseAuthorizedKeys, passwordMatches, readPasswordFile} from '../../source/serve/auth.js';
import {generateEd25519} from '../../source/serve/openssh-key.js';

test('the password file gives its first line; an empty one is refused', (t) => {
	const directory = mkdtempSync(path.join(tmpdir(), 'vnetlab-auth-'));
	const file = path.join(directory, 'room.txt');
	writeFileSync(file, 'correct horse\r\nsecond line\n');
	t.is(readPasswordFile(file), 'correct horse');
	writeFileSync(file, '\n');
	t.throws(() => readPasswordFile(file), {message: /has no password on its first line/});
	t.throws(() => readPasswordFile(path.join(directory, 'missing')), {message: /--password-file: cannot read .* \(ENOENT\)/});
});

test('passwords compare exactly, whatever their lengths', (t) => {
	t.true(passwordMatches('room', 'room'));
	t.false(passwordMatches('roo', 'room'));
	t.false(passwordMatches('room ', 'room'));
	t.false(passwordMatches('', 'room'));
	t.false(passwordMatches('x'.repeat(10_000), 'room'));
});

test('authorized_keys: options, comments and blank lines are fine; junk is reported with its line', (t) => {
	const one = generateEd25519('one').publicKey;
	const two = ssh2.utils.generateKeyPairSync('ecdsa', {bits: 256, comment: 'two'}).public;
	const keys = parseAuthorizedKeys(`# the room\n\n${one}\nno-pty,command="echo hi there" ${two}\n`);
	t.deepEqual(
		keys.map((key) => key.type),
		['ssh-ed25519', 'ecdsa-sha2-nistp256'],
	);
	t.throws(() => parseAuthorizedKeys(`${one}\nnot a key\n`, 'keys'), {message: /--authorized-keys: keys:2: /});
	t.throws(() => parseAuthorizedKeys('# nothing\n', 'keys'), {message: /holds no public key/});
});
