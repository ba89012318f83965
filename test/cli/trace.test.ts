/**
 * `vnetlab trace` through the built binary: the text form, the JSON shape of design
 * section 5, and exit codes (a dropped packet is an answer: exit 0; bad input: exit 2).
 */
import test from 'ava';
import {runCli, stderrLines} from './run-cli.js';

const hub = 'test/fixtures/trace-hub-spoke.yaml';
const privateAccess = 'test/fixtures/trace-private-access.yaml';

test('text: one block per hop, the deciding rule with what it beat, the verdict last', (t) => {
	const run = runCli('trace', hub, '--from', 'vm-spoke1', '--to', '10.2.1.4');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /^1\. nic vm-spoke1 +10\.1\.1\.4 → 10\.2\.1\.4$/m);
	t.regex(run.stdout, /route +None/);
	t.regex(run.stdout, /beat 0\.0\.0\.0\/0 → Internet/);
	t.regex(run.stdout, /^Verdict: dropped \(next-hop-none\) by System Route$/m);
	for (const line of run.stdout.split('\n')) t.true(line.length <= 80, `wider than 80 columns: ${line}`);
});

test('json: packet, hops with steps, verdict and notes; names resolve through DNS', (t) => {
	const run = runCli('trace', privateAccess, '--from', 'vm-data', '--to', 'stcontoso.blob.core.windows.net', '--json');
	t.is(run.status, 0, run.stderr);
	const result = JSON.parse(run.stdout) as {
		packet: {from: string; to: string; protocol: string; port: number};
		hops: Array<{at: {kind: string; name: string}; packet: {sourceIp: string; destinationIp: string}; steps: Array<{kind: string}>}>;
		verdict: {result: string};
		notes: string[];
	};
	t.deepEqual(result.packet, {from: 'vm-data', to: 'stcontoso.blob.core.windows.net', protocol: 'tcp', port: 443});
	t.is(result.verdict.result, 'delivered');
	t.deepEqual(
		result.hops.map((h) => h.at.kind),
		['nic', 'private-endpoint', 'resource'],
	);
	t.is(result.hops[0]!.steps[0]!.kind, 'dns');
	t.is(result.hops[0]!.packet.destinationIp, '10.0.3.4');
	t.true(Array.isArray(result.notes));
});

test('a storage account by name is traced to its blob name, as the help says', (t) => {
	const run = runCli('trace', 'test/fixtures/hub-spoke.yaml', '--from', 'vm-spoke1', '--to', 'stcontoso');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /^Trace vm-spoke1 → stcontoso \(TCP 443\)$/m);
	t.regex(run.stdout, /dns +stcontoso\.blob\.core\.windows\.net → 10\.0\.3\.4/);
	t.regex(run.stdout, /^Verdict: delivered/m);
	t.regex(runCli('trace', '--help').stdout, /storage account, SQL server\s+or key vault/);
});

test('a dropped packet exits 0 and names the deciding rule', (t) => {
	const run = runCli('trace', hub, '--from', 'onprem-pc', '--to', 'vm-spoke1', '--json');
	t.is(run.status, 0, run.stderr);
	const result = JSON.parse(run.stdout) as {verdict: {result: string; reason: string}};
	t.is(result.verdict.result, 'dropped');
	t.is(result.verdict.reason, 'no-route');
});

for (const [title, args, message] of [
	['unknown source', ['--from', 'nobody', '--to', '10.0.1.4'], /unknown source 'nobody'.*known: vm-app/],
	['unknown destination name', ['--from', 'vm-app', '--to', 'nothing_here'], /unknown destination 'nothing_here': give an IPv4 address, a DNS name, or the name of a NIC, an on-premises or Internet host, a private endpoint, or a storage account/],
	['a VNet is not a destination', ['--from', 'vm-app', '--to', 'spoke2'], /'spoke2' is a virtual network: .* Trace to a NIC in it/],
	['bad port', ['--from', 'vm-app', '--to', '10.0.1.5', '--port', '70000'], /--port: '70000' is not a port number/],
	['bad protocol', ['--from', 'vm-app', '--to', '10.0.1.5', '--protocol', 'sctp'], /--protocol: 'sctp' is not tcp, udp or icmp/],
] as const) {
	test(`bad input exits 2 with one vnetlab: line: ${title}`, (t) => {
		const run = runCli('trace', hub, ...args);
		t.is(run.status, 2);
		t.is(run.stdout, '');
		const lines = stderrLines(run);
		t.is(lines.length, 1, run.stderr);
		t.regex(lines[0]!, /^vnetlab: /);
		t.regex(lines[0]!, message);
	});
}

test('an address typed wrong is a bad address (exit 2), not a DNS name that fails', (t) => {
	for (const to of ['10.0.3.999', '300.1.1.1', '10.0.3']) {
		const run = runCli('trace', 'test/fixtures/cli-basic.yaml', '--from', 'vm-spoke1', '--to', to);
		t.is(run.status, 2, to);
		t.is(run.stderr, `vnetlab: '${to}' is not an IPv4 address (four numbers 0-255, like 10.0.1.4)\n`);
	}
});

test('a private endpoint as the source or as --nic says why (it only receives; Azure shows it no routes), exit 2', (t) => {
	const trace = runCli('trace', 'test/fixtures/cli-basic.yaml', '--from', 'pe-stcontoso-blob', '--to', 'vm-spoke1');
	t.is(trace.status, 2);
	t.regex(trace.stderr, /^vnetlab: pe-stcontoso-blob is private endpoint pe-stcontoso-blob: a private endpoint only receives connections/);
	const routes = runCli('routes', 'test/fixtures/cli-basic.yaml', '--nic', 'pe-stcontoso-blob');
	t.is(routes.status, 2);
	t.regex(routes.stderr, /^vnetlab: pe-stcontoso-blob is a private endpoint: Azure shows no effective routes for a private endpoint's network interface/);
});

test('a name DNS never resolved shows as the name in the hop, not as 0.0.0.0', (t) => {
	const run = runCli('trace', 'test/fixtures/routing-example.yaml', '--from', 'vm-subnet1', '--to', 'nosuch.example.com');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /10\.0\.0\.4 → nosuch\.example\.com \(not resolved\)/);
	t.false(run.stdout.includes('0.0.0.0'), run.stdout);
});

test('an Internet host is a source: from outside, a VM is addressed at its public IP, closed without an NSG', (t) => {
	const run = runCli('trace', 'test/fixtures/hub-spoke.yaml', '--from', 'example-web', '--to', 'nva-fw', '--port', '22');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /^1\. internet example-web +203\.0\.113\.10 → 20\.50\.1\.4$/m);
	t.regex(run.stdout, /^Verdict: dropped \(inbound-not-allowed\) by nva-fw$/m);
	const unknown = runCli('trace', 'test/fixtures/hub-spoke.yaml', '--from', 'example', '--to', 'nva-fw');
	t.is(unknown.status, 2);
	t.regex(unknown.stderr, /an Internet host \(known: .*example-web/);
});

test('--port is ignored for ICMP (design 3): an odd value there is no error', (t) => {
	const run = runCli('trace', 'test/fixtures/hub-spoke.yaml', '--from', 'vm-spoke1', '--to', 'vm-spoke2', '--protocol', 'icmp', '--port', 'abc');
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /\(ICMP\)/);
});
