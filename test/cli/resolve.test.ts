/**
 * `vnetlab resolve` on the CLI fixture: a storage account behind a private endpoint, its
 * zone linked to the asking VNet.
 */
import test from 'ava';
import type {Resolution} from '../../source/engine/results.js';
import {runCli} from './run-cli.js';

const basic = 'test/fixtures/cli-basic.yaml';
const blob = 'stcontoso.blob.core.windows.net';

test('resolve --json follows the CNAME into the linked private zone', (t) => {
	const run = runCli('resolve', basic, '--from', 'vm-spoke1', blob, '--json');
	t.is(run.status, 0, run.stderr);
	const resolution = JSON.parse(run.stdout) as Resolution;
	t.like(resolution, {name: blob, from: 'vm-spoke1', result: 'ip', ip: '10.0.3.4'});
	t.like(resolution.answers[0], {name: blob, type: 'CNAME', value: 'stcontoso.privatelink.blob.core.windows.net', origin: {kind: 'public'}});
	t.like(resolution.answers.at(-1), {type: 'A', value: '10.0.3.4', origin: {kind: 'private-zone', link: 'link-spoke1'}});
});

test('resolve prints each answer with where it came from', (t) => {
	const run = runCli('resolve', basic, '--from', 'vm-spoke1', blob);
	t.is(run.status, 0, run.stderr);
	// Too wide for one line each at 80 columns: where an answer came from goes under it.
	t.regex(run.stdout, /^ {4}CNAME +stcontoso\.privatelink\.blob\.core\.windows\.net\n {4}\(from: public DNS\)$/m);
	t.regex(run.stdout, /A +10\.0\.3\.4\n {4}\(from: private zone privatelink\.blob\.core\.windows\.net via link link-spoke1\)$/m);
	t.regex(run.stdout, /^Result: stcontoso\.blob\.core\.windows\.net resolves to 10\.0\.3\.4$/m);
});

test('resolve rejects a name that is not a DNS name, and an unknown client', (t) => {
	const bad = runCli('resolve', basic, '--from', 'vm-spoke1', 'st..blob');
	t.is(bad.status, 2);
	t.regex(bad.stderr, /^vnetlab: 'st\.\.blob' is not a DNS name/);
	const unknown = runCli('resolve', basic, '--from', 'nobody', blob);
	t.is(unknown.status, 2);
	t.regex(unknown.stderr, /^vnetlab: unknown network interface or host 'nobody'/);
});
