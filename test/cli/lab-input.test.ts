/**
 * A lab file where a topology is expected: the query commands use the lab's starting network
 * (the same answers as for its topology, inline or in a file next to it), with a note on
 * stderr, instead of rejecting every lab field as unknown; a broken lab is reported the lab
 * loader's way; `open` without a terminal says why, as for a topology.
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {effectiveRoutes} from '../../source/engine/routes.js';
import {loadLabFile} from '../../source/lab/load-lab.js';
import {loadTopologyFile} from '../../source/lab/load-topology.js';
import {runCli, stderrLines} from './run-cli.js';

const inlineLab = 'labs/05-forced-tunnelling.yaml';
const fileLab = 'test/fixtures/labs-good/01-mini-nva.yaml';

test('routes on a lab with an inline topology: its starting network, with a note on stderr', (t) => {
	const run = runCli('routes', inlineLab, '--nic', 'vm-app', '--json');
	t.is(run.status, 0, run.stderr);
	const lab = loadLabFile(inlineLab, {check: false}).lab!;
	t.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(effectiveRoutes(buildNetwork(lab.topology), 'vm-app'))));
	t.deepEqual(stderrLines(run), [`vnetlab: note: ${inlineLab} is a lab (forced-tunnelling); this is its starting network, before any edit`]);
});

test('trace on a lab whose topology is a file next to it answers as the topology file does', (t) => {
	const viaLab = runCli('trace', fileLab, '--from', 'vm-web', '--to', 'vm-app', '--json');
	const viaTopology = runCli('trace', 'test/fixtures/labs-good/network.yaml', '--from', 'vm-web', '--to', 'vm-app', '--json');
	t.is(viaLab.status, 0, viaLab.stderr);
	t.is(viaTopology.status, 0, viaTopology.stderr);
	t.truthy(loadTopologyFile('test/fixtures/labs-good/network.yaml').topology);
	t.deepEqual(JSON.parse(viaLab.stdout), JSON.parse(viaTopology.stdout));
	t.regex(viaLab.stderr, /note: .*01-mini-nva\.yaml is a lab \(mini-nva\)/);
});

test('next-hop and resolve take a lab too', (t) => {
	const nextHop = runCli('next-hop', inlineLab, '--nic', 'vm-app', '--to', '192.168.1.10', '--json');
	t.is(nextHop.status, 0, nextHop.stderr);
	t.is((JSON.parse(nextHop.stdout) as {nextHopType: string}).nextHopType, 'VirtualNetworkGateway');
	const resolve = runCli('resolve', 'labs/11-dns-zone-link.yaml', '--from', 'vm-spoke', 'stcorp.blob.core.windows.net', '--json');
	t.is(resolve.status, 0, resolve.stderr);
	t.is((JSON.parse(resolve.stdout) as {result: string}).result, 'ip');
});

test('a lab with errors is reported as a lab (file:line:col: path: message), exit 2, not as unknown topology fields', (t) => {
	const run = runCli('routes', 'test/fixtures/labs-broken/broken-topology.yaml', '--nic', 'vm-a');
	t.is(run.status, 2);
	t.is(run.stdout, '');
	const lines = stderrLines(run);
	t.true(lines.length > 0);
	for (const line of lines) t.regex(line, /^vnetlab: test\/fixtures\/labs-broken\/broken-topology\.yaml:\d+:\d+: \S+: /);
	t.false(run.stderr.includes('unknown field'), run.stderr);
});

test('a topology with an unknown field still gets the topology loader\'s message', (t) => {
	const run = runCli('routes', 'test/fixtures/cli-broken.yaml', '--nic', 'vm-app');
	t.is(run.status, 2);
	t.false(run.stderr.includes('is a lab'));
});

test('open on a lab without a terminal: exit 2, says why, like a topology', (t) => {
	const run = runCli('open', inlineLab);
	t.is(run.status, 2);
	t.is(run.stderr, 'vnetlab: open needs an interactive terminal (use trace or routes in scripts)\n');
});
