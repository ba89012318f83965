/**
 * `vnetlab open <file>`: a topology with errors prints its diagnostics the vnetlab way and
 * exits 2 before any screen; without a terminal there is nothing to open. `vnetlab` alone
 * without a terminal prints the help.
 */
import test from 'ava';
import {runCli, stderrLines} from './run-cli.js';

test('a topology with errors: file:line:col: path: message, exit 2, no TUI', (t) => {
	const run = runCli('open', 'test/fixtures/cli-broken.yaml');
	t.is(run.status, 2);
	t.is(run.stdout, '');
	const lines = stderrLines(run);
	t.true(lines.length > 0);
	for (const line of lines) t.regex(line, /^vnetlab: test\/fixtures\/cli-broken\.yaml:\d+:\d+: \S+: /);
});

test('a missing topology file exits 2', (t) => {
	const run = runCli('open', 'test/fixtures/no-such.yaml');
	t.is(run.status, 2);
	t.regex(run.stderr, /^vnetlab: test\/fixtures\/no-such\.yaml: no such file\n$/);
});

test('a good topology without a terminal: exit 2, says why', (t) => {
	const run = runCli('open', 'test/fixtures/trace-hub-spoke.yaml');
	t.is(run.status, 2);
	t.is(run.stderr, 'vnetlab: open needs an interactive terminal (use trace or routes in scripts)\n');
});

test('the TUI flags alone, without a terminal, print the help', (t) => {
	const run = runCli('--ascii', '--no-color');
	t.is(run.status, 0);
	t.regex(run.stdout, /^Usage: vnetlab /);
	t.regex(run.stdout, /--no-color/);
	t.regex(run.stdout, /--labs <dir>/);
});

test('open is listed in the help', (t) => {
	const run = runCli('--help');
	t.regex(run.stdout, /^ {2}open \[options\] <file>|^ {2}open <file>/m);
	t.regex(run.stdout, /^ {2}progress \[options\]/m);
});
