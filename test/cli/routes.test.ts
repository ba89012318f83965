/**
 * `vnetlab routes` and `vnetlab next-hop` on the CLI fixture, as text and as JSON.
 */
import test from 'ava';
import type {EffectiveRoute} from '../../source/engine/results.js';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {root, runCli} from './run-cli.js';

const basic = 'test/fixtures/cli-basic.yaml';

type NextHopJson = {
	nextHopType: string;
	nextHopIpAddress: string | null;
	routeTableId: string;
	matched: EffectiveRoute;
	beaten: Array<{route: EffectiveRoute; why: string}>;
	notes: string[];
};

test('routes prints the az-shaped table; piped, every route is one whole row (grep finds it) and the notes wrap at 80', (t) => {
	const run = runCli('routes', basic, '--nic', 'vm-spoke1');
	t.is(run.status, 0, run.stderr);
	t.is(run.stderr, '');
	const lines = run.stdout.split('\n');
	t.is(lines[0], 'Effective routes of vm-spoke1 in spoke1/workload, route table rt-spoke1');
	t.regex(run.stdout, /^Source +State +Address Prefix +Next Hop Type +Next Hop IP +Name$/m);
	t.regex(run.stdout, /^User +Active +0\.0\.0\.0\/0 +VirtualAppliance +10\.0\.2\.4 +default-via-nva$/m);
	t.regex(run.stdout, /^VirtualNetworkGateway +Active +192\.168\.0\.0\/16 +VirtualNetworkGateway +\S+/m);
	const notes = lines.slice(lines.findIndex((line) => line === '') + 1);
	for (const line of notes) t.true(line.length <= 80, `note wider than 80: ${line}`);
});

test('routes --json prints the effective route array and nothing else', (t) => {
	const run = runCli('routes', basic, '--nic', 'vm-spoke1', '--json');
	t.is(run.status, 0, run.stderr);
	const routes = JSON.parse(run.stdout) as EffectiveRoute[];
	const user = routes.find((route) => route.name === 'default-via-nva');
	t.like(user, {source: 'User', state: 'Active', addressPrefix: ['0.0.0.0/0'], nextHopType: 'VirtualAppliance', nextHopIpAddress: ['10.0.2.4']});
	const vnet = routes.find((route) => route.nextHopType === 'VnetLocal');
	t.like(vnet, {source: 'Default', addressPrefix: ['10.1.0.0/16'], name: null});
	t.true(routes.some((route) => route.source === 'VirtualNetworkGateway' && route.addressPrefix.includes('192.168.0.0/16')));
});

test('next-hop --json: the UDR beats the system default route', (t) => {
	const run = runCli('next-hop', basic, '--nic', 'vm-spoke1', '--to', '8.8.8.8', '--json');
	t.is(run.status, 0, run.stderr);
	const answer = JSON.parse(run.stdout) as NextHopJson;
	t.like(answer, {nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4', routeTableId: 'rt-spoke1', matched: {name: 'default-via-nva'}});
	// The system default route is Invalid once a UDR has the same prefix (S-UDR).
	const system = answer.beaten.find((beaten) => beaten.route.source === 'Default' && beaten.route.nextHopType === 'Internet');
	t.like(system, {why: 'invalid', route: {state: 'Invalid', addressPrefix: ['0.0.0.0/0']}});
	t.true(Array.isArray(answer.notes));
});

test('next-hop prints Network Watcher fields, the match and what it beat', (t) => {
	const run = runCli('next-hop', basic, '--nic', 'vm-spoke1', '--to', '10.1.1.200');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /^Next hop type +None$/m);
	t.regex(run.stdout, /^Next hop IP address +-$/m);
	t.regex(run.stdout, /^Route table ID +rt-spoke1$/m);
	t.regex(run.stdout, /^Matched: 10\.1\.1\.128\/25 None \(User, blackhole\)$/m);
	t.regex(run.stdout, /^Beaten:\n {2}10\.1\.0\.0\/16 VnetLocal \(Default, System Route\): shorter prefix/m);
});

/** cli-basic.yaml with vm-spoke1's VM stopped, in a folder of its own. */
function stoppedSpoke(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-stopped-'));
	const file = path.join(dir, 'stopped.yaml');
	const text = readFileSync(path.join(root, basic), 'utf8').replace('{name: vm-spoke1, subnet: spoke1/workload, privateIpAddress: 10.1.1.4}', '{name: vm-spoke1, subnet: spoke1/workload, privateIpAddress: 10.1.1.4, running: false}');
	writeFileSync(file, text);
	return file;
}

test('routes for a stopped VM say Azure shows none until it runs, then list what it will get', (t) => {
	const file = stoppedSpoke();
	const run = runCli('routes', file, '--nic', 'vm-spoke1');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout.replace(/\n/g, ' '), /vm-spoke1's VM is stopped: Azure shows effective routes only for a running VM/);
	t.regex(run.stdout, /^User +Active +0\.0\.0\.0\/0 +VirtualAppliance +10\.0\.2\.4 +default-via-nva$/m);
	const json = runCli('routes', file, '--nic', 'vm-spoke1', '--json');
	t.is(json.status, 0);
	t.true(Array.isArray(JSON.parse(json.stdout)), 'stdout is still the route array');
	t.regex(json.stderr, /^vnetlab: note: vm-spoke1's VM is stopped/);
	const running = runCli('routes', basic, '--nic', 'vm-spoke1');
	t.false(running.stdout.includes('stopped'));
});
