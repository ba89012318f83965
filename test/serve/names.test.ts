/** SSH user names as progress folder names: safe, bounded, and distinct for distinct names. */
import test from 'ava';
import {displayUser, sanitiseUser} from '../../source/serve/names.js';

test('ordinary names keep their spelling, in lower case', (t) => {
	t.is(sanitiseUser('alice'), 'alice');
	t.is(sanitiseUser('Alice'), 'alice');
	t.is(sanitiseUser('j.doe-2_x'), 'j.doe-2_x');
});

test('names that would leave the progress folder are made safe', (t) => {
	for (const name of ['..', '.', '../../etc/passwd', '/root', 'a/../../b', '.hidden', '-rf', '', '   ', 'a\u0000b', 'ñandú', '..\\..\\x']) {
		const safe = sanitiseUser(name);
		t.regex(safe, /^[a-z0-9][a-z0-9._-]{0,31}$/, `${JSON.stringify(name)} -> ${safe}`);
		t.false(safe.includes('..'), safe);
		t.false(safe.includes('/'), safe);
	}
});

test('different names that clean up alike stay different learners', (t) => {
	t.not(sanitiseUser('a/b'), sanitiseUser('a_b'));
	t.not(sanitiseUser('a b'), sanitiseUser('a?b'));
	t.is(sanitiseUser('a/b'), sanitiseUser('a/b'));
});

test('long names are cut to 32 characters, still distinct', (t) => {
	const one = sanitiseUser('x'.repeat(40));
	const two = sanitiseUser(`${'x'.repeat(39)}y`);
	t.true(one.length <= 32);
	t.not(one, two);
});

test('names shown in the log and the room table have no control characters', (t) => {
	t.is(displayUser('a\u001B[2Jb'), 'a?[2Jb');
	t.is(displayUser('x'.repeat(30)).length, 24);
});
