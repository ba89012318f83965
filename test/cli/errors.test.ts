/**
 * The CLI's conventions (design section 4): help and version exit 0; every input the
 * command cannot run on exits 2 with `vnetlab: ...` lines on stderr and nothing on stdout.
 */
import {readFileSync} from 'node:fs';
import test, {type ExecutionContext} from 'ava';
import {runCli, stderrLines, type CliRun} from './run-cli.js';

const basic = 'test/fixtures/cli-basic.yaml';

/** Exit 2, nothing on stdout, and only `vnetlab: ` lines on stderr; returns those lines. */
function failsWith(t: ExecutionContext, run: CliRun): string[] {
	t.is(run.status, 2, run.stderr);
	t.is(run.stdout, '');
	const lines = stderrLines(run);
	t.true(lines.length > 0, 'stderr is empty');
	for (const line of lines) t.true(line.startsWith('vnetlab: '), `not a vnetlab: line: ${line}`);
	return lines;
}

test('--help lists the commands and exits 0', (t) => {
	const run = runCli('--help');
	t.is(run.status, 0);
	t.is(run.stderr, '');
	for (const command of ['routes', 'next-hop', 'resolve']) t.regex(run.stdout, new RegExp(`^  ${command} `, 'm'));
});

test('no arguments prints the help and exits 0 (until the TUI lands)', (t) => {
	const run = runCli();
	t.is(run.status, 0);
	t.regex(run.stdout, /^Usage: vnetlab /);
});

test('--version prints the package version', (t) => {
	const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
	const run = runCli('--version');
	t.is(run.status, 0);
	t.is(run.stdout.trim(), version);
});

test('a subcommand has --help', (t) => {
	const run = runCli('next-hop', '--help');
	t.is(run.status, 0);
	t.regex(run.stdout, /--to <ip>/);
});

test('a missing file exits 2 with one line naming it', (t) => {
	const lines = failsWith(t, runCli('routes', 'test/fixtures/no-such-file.yaml', '--nic', 'vm-app'));
	t.is(lines.length, 1);
	t.regex(lines[0]!, /^vnetlab: test\/fixtures\/no-such-file\.yaml\b/);
});

test('a topology failing its schema exits 2 with file:line:col: path: message', (t) => {
	const lines = failsWith(t, runCli('routes', 'test/fixtures/cli-broken.yaml', '--nic', 'vm-app', '--json'));
	t.regex(lines[0]!, /^vnetlab: test\/fixtures\/cli-broken\.yaml:13:\d+: networkInterfaces\[0\]\.enableIpForwarding: \S/);
});

test('an unknown NIC exits 2 and lists the known ones', (t) => {
	const [line] = failsWith(t, runCli('routes', basic, '--nic', 'vm-nope'));
	t.is(line, "vnetlab: unknown network interface 'vm-nope' (known: vm-app, nva, vm-spoke1)");
});

test('a bad IP address exits 2 before anything runs', (t) => {
	const [line] = failsWith(t, runCli('next-hop', basic, '--nic', 'vm-app', '--to', '10.0.0'));
	t.regex(line!, /^vnetlab: --to: '10\.0\.0' is not an IPv4 address/);
});

test('an unknown flag exits 2 in the vnetlab shape', (t) => {
	const [line] = failsWith(t, runCli('routes', basic, '--nic', 'vm-app', '--bogus'));
	t.is(line, "vnetlab: unknown option '--bogus'");
});

test('a missing required flag exits 2', (t) => {
	const [line] = failsWith(t, runCli('next-hop', basic, '--nic', 'vm-app'));
	t.is(line, "vnetlab: required option '--to <ip>' not specified");
});

test('an unknown command exits 2', (t) => {
	const [line] = failsWith(t, runCli('rotues', basic));
	t.regex(line!, /^vnetlab: unknown command 'rotues'/);
});
