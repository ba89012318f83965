/** `vnetlab serve` flag checks: ports, durations, room size, the auth rule. */
import test from 'ava';
import {chooseAuth, isLoopback, parseDuration, parseFaults, parseMaxSessions, parsePortOption, ServeOptionError} from '../../source/serve/options.js';

test('durations take ms, s, m and h; a bare number is minutes', (t) => {
	t.is(parseDuration('30m', '--idle-timeout'), 1_800_000);
	t.is(parseDuration('90s', '--idle-timeout'), 90_000);
	t.is(parseDuration('1h', '--idle-timeout'), 3_600_000);
	t.is(parseDuration('2', '--idle-timeout'), 120_000);
	t.is(parseDuration('1500ms', '--idle-timeout'), 1500);
	for (const bad of ['', 'soon', '10x', '-5m', '500ms']) t.throws(() => parseDuration(bad, '--idle-timeout'), {instanceOf: ServeOptionError});
});

test('ports and room sizes are checked', (t) => {
	t.is(parsePortOption('0'), 0);
	t.is(parsePortOption('2222'), 2222);
	t.throws(() => parsePortOption('65536'), {message: /--port: '65536' is not a port number/});
	t.is(parseMaxSessions('60'), 60);
	t.throws(() => parseMaxSessions('0'), {message: /--max-sessions/});
});

test('loopback addresses', (t) => {
	for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) t.true(isLoopback(host), host);
	for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.com']) t.false(isLoopback(host), host);
});

test('open is the default only on loopback; elsewhere the instructor must choose', (t) => {
	t.is(chooseAuth('127.0.0.1', {}), 'open');
	t.throws(() => chooseAuth('0.0.0.0', {}), {message: /pass --auth open explicitly .* or choose --auth password .* or --auth keys/});
	t.is(chooseAuth('0.0.0.0', {auth: 'open'}), 'open');
	t.is(chooseAuth('0.0.0.0', {auth: 'password', passwordFile: 'room.txt'}), 'password');
	t.is(chooseAuth('0.0.0.0', {passwordFile: 'room.txt'}), 'password');
	t.is(chooseAuth('0.0.0.0', {authorizedKeys: 'keys'}), 'keys');
	t.throws(() => chooseAuth('127.0.0.1', {auth: 'password'}), {message: /needs --password-file/});
	t.throws(() => chooseAuth('127.0.0.1', {auth: 'keys'}), {message: /needs --authorized-keys/});
	t.throws(() => chooseAuth('127.0.0.1', {auth: 'magic'}), {message: /not open, password or keys/});
	t.throws(() => chooseAuth('127.0.0.1', {auth: 'open', passwordFile: 'x'}), {message: /takes no/});
});

test('the test-only fault hook names users and faults', (t) => {
	t.deepEqual([...parseFaults('a:key, b:render,c:hang,d:nonsense')], [
		['a', 'key'],
		['b', 'render'],
		['c', 'hang'],
	]);
	t.is(parseFaults(undefined).size, 0);
});
