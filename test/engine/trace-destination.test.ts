/**
 * What `--to` may name: a storage account, SQL server or key vault is traced by its usual DNS
 * name; a VNet, subnet, gateway and the like are not destinations, and the message says what
 * to type instead; anything else lists the kinds of names accepted.
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {destinationProblem, trace, TraceInputError} from '../../source/engine/trace/trace.js';
import {loadFixture, variant} from '../helpers/fixtures.js';

const base = loadFixture('trace-private-access.yaml');
const network = buildNetwork(base);

test('a storage account is traced as its blob name, with a note saying so', (t) => {
	const byResource = trace(network, 'vm-data', 'stcontoso');
	const byName = trace(network, 'vm-data', 'stcontoso.blob.core.windows.net');
	t.is(byResource.packet.to, 'stcontoso');
	t.deepEqual(byResource.hops, byName.hops);
	t.deepEqual(byResource.verdict, byName.verdict);
	t.is(byResource.verdict.result, 'delivered');
	t.is(byResource.hops[0]!.steps[0]!.kind, 'dns');
	t.regex(byResource.hops[0]!.steps[0]!.detail, /^stcontoso\.blob\.core\.windows\.net resolves to 10\.0\.3\.4/);
	t.regex(byResource.notes[0]!, /^stcontoso is a storage account: .* its blob name, stcontoso\.blob\.core\.windows\.net.* like stcontoso\.file\.core\.windows\.net\.$/);
	t.is(destinationProblem(network, 'StContoso'), undefined);
});

test('a SQL server is traced as its database.windows.net name', (t) => {
	const result = trace(network, 'vm-app', 'sqlcontoso', {port: 1433});
	t.regex(result.hops[0]!.steps[0]!.detail, /^sqlcontoso\.database\.windows\.net resolves to /);
	t.regex(result.notes[0]!, /^sqlcontoso is a SQL server: .*sqlcontoso\.database\.windows\.net/);
	t.false(result.notes[0]!.includes('For another service'));
});

test('a storage account whose only private endpoint is for files is traced by its file name', (t) => {
	const files = buildNetwork(
		variant(base, (topology) => {
			topology.privateEndpoints.find((endpoint) => endpoint.name === 'pe-blob')!.connection.groupId = 'file';
		}),
	);
	const result = trace(files, 'vm-data', 'stcontoso', {port: 445});
	t.regex(result.hops[0]!.steps[0]!.detail, /^stcontoso\.file\.core\.windows\.net /);
	t.regex(result.notes[0]!, /its file name.* like stcontoso\.blob\.core\.windows\.net\.$/);
});

for (const [to, message] of [
	['spoke', /^'spoke' is a virtual network: .* Trace to a NIC in it \(vm-spoke\) or an IP in 10\.1\.0\.0\/16\.$/],
	['hub/app', /^'hub\/app' is a subnet: .* Trace to a NIC in it \(vm-app\) or an IP in 10\.0\.1\.0\/24\.$/],
	['vpngw', /^'vpngw' is a VPN gateway: packets pass through it .* Trace to a host behind it \(onprem-pc\) or an IP in 192\.168\./],
	['onprem', /^'onprem' is an on-premises site: .* one of its hosts \(onprem-pc\)/],
	['nsg-pe', /^'nsg-pe' is a network security group: /],
	['natgw', /^'natgw' is a NAT gateway: .* Trace to an Internet host or a public IP\.$/],
	['hub-to-spoke', /^'hub-to-spoke' is a peering: /],
	['privatelink.blob.core.windows.net', /^'privatelink\.blob\.core\.windows\.net' is a private DNS zone: .* like <name>\.privatelink\.blob\.core\.windows\.net\.$/],
	['nothing_here', /^unknown destination 'nothing_here': give an IPv4 address, a DNS name, or the name of a NIC, an on-premises or Internet host, a private endpoint, or a storage account, SQL server or key vault$/],
] as const) {
	test(`not a destination: ${to}`, (t) => {
		t.regex(destinationProblem(network, to)!, message);
		t.throws(() => trace(network, 'vm-app', to), {instanceOf: TraceInputError, message});
	});
}

test('addresses, named objects with one and DNS names are destinations', (t) => {
	for (const to of ['10.9.9.9', 'vm-spoke', 'pe-blob', 'onprem-pc', 'www.example.com']) t.is(destinationProblem(network, to), undefined, to);
});
