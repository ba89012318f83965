/**
 * Route selection for one destination (S-UDR "How Azure selects a route", S-NH, S-NHCLI):
 * longest prefix match, the VNet/peering/service endpoint preference over BGP, the equal-prefix
 * tie-breaks, service tag order, and how the losers are reported.
 */
import test from 'ava';
import {ipToInt} from '../../source/engine/address.js';
import {buildNetwork, type Network} from '../../source/engine/network.js';
import type {BeatenWhy, NextHopResult} from '../../source/engine/results.js';
import {lookupRoute} from '../../source/engine/routes.js';
import type {Route} from '../../source/engine/topology.js';
import {nvaIp, routingExample} from '../helpers/routing-example.js';
import {net, peering, type TopologyInput} from '../helpers/topology.js';

function hop(network: Network, subnetId: string, destination: string): NextHopResult {
	return lookupRoute(network, subnetId, ipToInt(destination));
}

/** A compact view of the result: type, IP, route table, matched prefix, and each loser as `prefix nextHopType why`. */
function summary(result: NextHopResult) {
	return {
		nextHopType: result.nextHopType,
		nextHopIpAddress: result.nextHopIpAddress,
		routeTableId: result.routeTableId,
		matchedPrefix: result.matchedPrefix,
		beaten: result.beaten.map((loser) => `${loser.matchedPrefix} ${loser.route.name ?? loser.route.nextHopType} ${loser.why}`),
	};
}

const fw = '10.0.2.4';
const va = (name: string, addressPrefix: string, nextHopIpAddress = fw): Route => ({name, addressPrefix, nextHopType: 'VirtualAppliance', nextHopIpAddress});

function input(udrs: Route[] = [], extra: Partial<TopologyInput> = {}): TopologyInput {
	return {
		virtualNetworks: [
			{
				name: 'a',
				addressSpace: ['10.0.0.0/16'],
				subnets: [
					{name: 'app', addressPrefix: '10.0.1.0/24', routeTable: 'rt', serviceEndpoints: ['Microsoft.Storage']},
					{name: 'fw', addressPrefix: '10.0.2.0/24'},
					{name: 'pe', addressPrefix: '10.0.3.0/24', privateEndpointNetworkPolicies: 'RouteTableEnabled'},
				],
			},
			{name: 'b', addressSpace: ['10.1.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.1.1.0/24'}]},
		],
		virtualNetworkPeerings: peering('a', 'b'),
		virtualNetworkGateways: [{name: 'gw', vnet: 'a', publicIpAddress: '20.50.9.9'}],
		localNetworks: [{name: 'onprem', gateway: 'gw', addressPrefixes: ['192.168.1.0/24', '10.0.5.0/24', '10.1.7.0/24', '52.239.1.0/24', '172.20.0.0/16']}],
		resources: [{name: 'st', type: 'Microsoft.Storage/storageAccounts', publicIpAddress: '52.239.10.20'}],
		privateEndpoints: [{name: 'pe-st', subnet: 'a/pe', privateIpAddress: '10.0.3.4', connection: {target: 'st', groupId: 'blob'}}],
		routeTables: [{name: 'rt', routes: udrs}],
		...extra,
	};
}

// ---------------------------------------------------------------- S-NHCLI

const nhcli: Array<{destination: string; nextHopType: string; prefix: string}> = [
	{destination: '13.107.21.200', nextHopType: 'Internet', prefix: '0.0.0.0/0'},
	{destination: '172.31.0.100', nextHopType: 'None', prefix: '172.16.0.0/12'},
];
for (const {destination, nextHopType, prefix} of nhcli) {
	test(`S-NHCLI next hop to ${destination} from a default VM is ${nextHopType}, routeTableId System Route`, (t) => {
		const network = net({virtualNetworks: [{name: 'vnet', addressSpace: ['10.0.0.0/16'], subnets: [{name: 'default', addressPrefix: '10.0.0.0/24'}]}]});
		const result = hop(network, 'vnet/default', destination);
		t.is(result.nextHopType, nextHopType as NextHopResult['nextHopType']);
		t.is(result.routeTableId, 'System Route');
		t.is(result.nextHopIpAddress, null);
		t.is(result.matchedPrefix, prefix);
		t.is(result.matched.source, 'Default');
		t.is(result.matched.state, 'Active');
	});
}

// ---------------------------------------------------------------- the routing example (S-UDR 2.1 and the article's tables)

const example: Array<{title: string; subnet: string; destination: string; expected: ReturnType<typeof summary>}> = [
	{
		title: 'S-UDR 2.1 longest prefix: 10.0.0.5 takes the /24 (Within-Subnet1) over the /16',
		subnet: 'VNet1/Subnet1',
		destination: '10.0.0.5',
		expected: {
			nextHopType: 'VnetLocal',
			nextHopIpAddress: null,
			routeTableId: 'Subnet1-Route-Table',
			matchedPrefix: '10.0.0.0/24',
			beaten: ['10.0.0.0/16 VnetLocal invalid', '10.0.0.0/16 Within-VNet1 shorter-prefix', '0.0.0.0/0 Internet invalid', '0.0.0.0/0 Default-NVA shorter-prefix'],
		},
	},
	{
		title: 'S-UDR 2.1 longest prefix: 10.0.1.5 is outside the /24 and takes the /16 (Within-VNet1) to the NVA',
		subnet: 'VNet1/Subnet1',
		destination: '10.0.1.5',
		expected: {
			nextHopType: 'VirtualAppliance',
			nextHopIpAddress: nvaIp,
			routeTableId: 'Subnet1-Route-Table',
			matchedPrefix: '10.0.0.0/16',
			beaten: ['10.0.0.0/16 VnetLocal invalid', '0.0.0.0/0 Internet invalid', '0.0.0.0/0 Default-NVA shorter-prefix'],
		},
	},
	{
		title: 'S-UDR routing example ID6: VNet2 traffic from Subnet1 is dropped by ToVNet2-1-Drop (None wins like any route)',
		subnet: 'VNet1/Subnet1',
		destination: '10.1.0.5',
		expected: {
			nextHopType: 'None',
			nextHopIpAddress: null,
			routeTableId: 'Subnet1-Route-Table',
			matchedPrefix: '10.1.0.0/16',
			beaten: ['10.1.0.0/16 VNetPeering invalid', '0.0.0.0/0 Internet invalid', '0.0.0.0/0 Default-NVA shorter-prefix'],
		},
	},
	{
		title: 'S-UDR routing example ID10: Storage from Subnet1 takes the service endpoint route, not Default-NVA',
		subnet: 'VNet1/Subnet1',
		destination: '52.239.1.1',
		expected: {
			nextHopType: 'VirtualNetworkServiceEndpoint',
			nextHopIpAddress: null,
			routeTableId: 'System Route',
			matchedPrefix: '52.239.0.0/16',
			beaten: ['0.0.0.0/0 Internet invalid', '0.0.0.0/0 Default-NVA shorter-prefix'],
		},
	},
	{
		title: 'S-UDR routing example ID9: on-premises from Subnet1 goes to the NVA (To-On-Prem), the gateway route is Invalid',
		subnet: 'VNet1/Subnet1',
		destination: '10.10.1.1',
		expected: {
			nextHopType: 'VirtualAppliance',
			nextHopIpAddress: nvaIp,
			routeTableId: 'Subnet1-Route-Table',
			matchedPrefix: '10.10.0.0/16',
			beaten: ['10.10.0.0/16 VirtualNetworkGateway invalid', '0.0.0.0/0 Internet invalid', '0.0.0.0/0 Default-NVA shorter-prefix'],
		},
	},
	{
		title: 'S-UDR routing example: Subnet2 reaches VNet2 over the peering',
		subnet: 'VNet1/Subnet2',
		destination: '10.1.0.5',
		expected: {
			nextHopType: 'VNetPeering',
			nextHopIpAddress: null,
			routeTableId: 'System Route',
			matchedPrefix: '10.1.0.0/16',
			beaten: ['10.0.0.0/8 None shorter-prefix', '0.0.0.0/0 Internet shorter-prefix'],
		},
	},
	{
		title: 'S-UDR routing example: Subnet2 reaches on-premises through the VPN gateway (its public IP as next hop)',
		subnet: 'VNet1/Subnet2',
		destination: '10.10.1.1',
		expected: {
			nextHopType: 'VirtualNetworkGateway',
			nextHopIpAddress: '20.50.9.9',
			routeTableId: 'System Route',
			matchedPrefix: '10.10.0.0/16',
			beaten: ['10.0.0.0/8 None shorter-prefix', '0.0.0.0/0 Internet shorter-prefix'],
		},
	},
	{
		title: 'S-UDR 1.1 None: Subnet2 drops 10.200.0.1 (inside 10.0.0.0/8, no longer route)',
		subnet: 'VNet1/Subnet2',
		destination: '10.200.0.1',
		expected: {nextHopType: 'None', nextHopIpAddress: null, routeTableId: 'System Route', matchedPrefix: '10.0.0.0/8', beaten: ['0.0.0.0/0 Internet shorter-prefix']},
	},
	{
		title: 'S-UDR routing example: with the reserved None routes removed, Subnet1 sends 192.168.1.1 to the NVA (Default-NVA)',
		subnet: 'VNet1/Subnet1',
		destination: '192.168.1.1',
		expected: {nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp, routeTableId: 'Subnet1-Route-Table', matchedPrefix: '0.0.0.0/0', beaten: ['0.0.0.0/0 Internet invalid']},
	},
];
for (const {title, subnet, destination, expected} of example) {
	test(title, (t) => {
		t.deepEqual(summary(hop(buildNetwork(routingExample()), subnet, destination)), expected);
	});
}

// ---------------------------------------------------------------- S-UDR 2.2 exception: VNet, peering, SE routes beat longer BGP routes

const preferredCases: Array<{title: string; destination: string; nextHopType: string; beaten: string}> = [
	{title: 'VnetLocal 10.0.0.0/16 beats a longer BGP 10.0.5.0/24', destination: '10.0.5.9', nextHopType: 'VnetLocal', beaten: '10.0.5.0/24 VirtualNetworkGateway system-route-preferred'},
	{title: 'VNetPeering 10.1.0.0/16 beats a longer BGP 10.1.7.0/24', destination: '10.1.7.9', nextHopType: 'VNetPeering', beaten: '10.1.7.0/24 VirtualNetworkGateway system-route-preferred'},
	{title: 'the service endpoint route beats a longer BGP 52.239.1.0/24', destination: '52.239.1.9', nextHopType: 'VirtualNetworkServiceEndpoint', beaten: '52.239.1.0/24 VirtualNetworkGateway system-route-preferred'},
];
for (const {title, destination, nextHopType, beaten} of preferredCases) {
	test(`S-UDR 2.2 "preferred routes, even if BGP routes are more specific": ${title}`, (t) => {
		const result = summary(hop(net(input()), 'a/app', destination));
		t.is(result.nextHopType, nextHopType as NextHopResult['nextHopType']);
		t.true(result.beaten.includes(beaten), result.beaten.join('; '));
	});
}

test('S-UDR 2.1 a BGP route beats a shorter reserved None route by longest prefix (192.168.1.0/24 vs 192.168.0.0/16)', (t) => {
	t.deepEqual(summary(hop(net(input()), 'a/app', '192.168.1.7')), {
		nextHopType: 'VirtualNetworkGateway',
		nextHopIpAddress: '20.50.9.9',
		routeTableId: 'System Route',
		matchedPrefix: '192.168.1.0/24',
		beaten: ['192.168.0.0/16 None shorter-prefix', '0.0.0.0/0 Internet shorter-prefix'],
	});
});

test('S-UDR 2.1/2.2 a user route longer than the VnetLocal route wins; the longer-than-VNet BGP route is still excluded as system-route-preferred', (t) => {
	const result = summary(hop(net(input([va('to-fw', '10.0.5.0/25')])), 'a/app', '10.0.5.9'));
	t.is(result.matchedPrefix, '10.0.5.0/25');
	t.is(result.nextHopType, 'VirtualAppliance');
	t.deepEqual(result.beaten, [
		'10.0.5.0/24 VirtualNetworkGateway system-route-preferred',
		'10.0.0.0/16 VnetLocal shorter-prefix',
		'10.0.0.0/8 None shorter-prefix',
		'0.0.0.0/0 Internet shorter-prefix',
	]);
});

test('S-UDR 2.2 User > BGP on an equal prefix: the BGP route is Invalid and listed as such', (t) => {
	const result = summary(hop(net(input([va('onprem-fw', '172.20.0.0/16')])), 'a/app', '172.20.1.1'));
	t.is(result.routeTableId, 'rt');
	t.is(result.nextHopIpAddress, fw);
	t.deepEqual(result.beaten.slice(0, 1), ['172.20.0.0/16 VirtualNetworkGateway invalid']);
});

test('S-UDR 2.2 doc example: User 0.0.0.0/0 to the gateway wins over Default 0.0.0.0/0 Internet', (t) => {
	const result = hop(net(input([{name: 'force-tunnel', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway'}])), 'a/app', '13.107.21.200');
	t.is(result.nextHopType, 'VirtualNetworkGateway');
	t.is(result.nextHopIpAddress, '20.50.9.9');
	t.is(result.routeTableId, 'rt');
	t.deepEqual(result.beaten.map((loser) => [loser.route.nextHopType, loser.why]), [['Internet', 'invalid']]);
	t.regex(result.beaten[0]!.route.note!, /force-tunnel/);
});

// ---------------------------------------------------------------- service endpoints vs UDRs (S-SE, S-UDR 2.4)

test('S-UDR 2.4 forced tunneling: Storage traffic does not follow a 0.0.0.0/0 UDR when the service endpoint exists', (t) => {
	const result = summary(hop(net(input([va('default-fw', '0.0.0.0/0')])), 'a/app', '52.239.10.20'));
	t.is(result.nextHopType, 'VirtualNetworkServiceEndpoint');
	t.true(result.beaten.includes('0.0.0.0/0 default-fw shorter-prefix'));
});

test('S-UDR 2.4 ...and Storage in a region the endpoint does not cover follows the 0.0.0.0/0 UDR', (t) => {
	t.is(hop(net(input([va('default-fw', '0.0.0.0/0')])), 'a/app', '52.240.0.1').nextHopType, 'VirtualAppliance');
});

// Which service endpoint takes eastus traffic (52.240.x Storage, 51.106.x Key Vault, 40.71.x SQL) from a westeurope subnet
// forced through default-fw: S-STNS (Storage: region + pair), S-FAQ (SQL regional; "most of the Azure services" across
// regions), cross-region Microsoft.Storage.Global ("in any region").
const crossRegionCases: Array<{endpoint: string; destination: string; nextHopType: string}> = [
	{endpoint: 'Microsoft.Storage', destination: '52.240.0.1', nextHopType: 'VirtualAppliance'},
	{endpoint: 'Microsoft.Storage.Global', destination: '52.240.0.1', nextHopType: 'VirtualNetworkServiceEndpoint'},
	{endpoint: 'Microsoft.Sql', destination: '40.71.0.1', nextHopType: 'VirtualAppliance'},
	{endpoint: 'Microsoft.KeyVault', destination: '51.106.0.1', nextHopType: 'VirtualNetworkServiceEndpoint'},
];
for (const {endpoint, destination, nextHopType} of crossRegionCases) {
	test(`S-SE / S-FAQ cross-region: with ${endpoint} on a westeurope subnet, ${destination} (eastus) goes to ${nextHopType}`, (t) => {
		const topology = input([va('default-fw', '0.0.0.0/0')]);
		topology.virtualNetworks![0]!.subnets![0]!.serviceEndpoints = [endpoint];
		t.is(hop(net(topology), 'a/app', destination).nextHopType, nextHopType as NextHopResult['nextHopType']);
	});
}

test('S-SE service endpoint beats an equal-prefix UDR: the UDR is Invalid and listed as invalid', (t) => {
	const result = summary(hop(net(input([va('storage-fw', '52.239.0.0/16')])), 'a/app', '52.239.10.20'));
	t.is(result.nextHopType, 'VirtualNetworkServiceEndpoint');
	t.true(result.beaten.includes('52.239.0.0/16 storage-fw invalid'));
});

test('S-SE service endpoint beats the equal prefix of a partly covered tag UDR (system-route-preferred); the rest of the tag still routes', (t) => {
	const network = net(input([va('storage-fw', 'Storage')]));
	const covered = summary(hop(network, 'a/app', '52.239.10.20'));
	t.is(covered.nextHopType, 'VirtualNetworkServiceEndpoint');
	t.true(covered.beaten.includes('52.239.0.0/16 storage-fw system-route-preferred'), covered.beaten.join('; '));
	const uncovered = hop(network, 'a/app', '52.240.0.1');
	t.is(uncovered.nextHopType, 'VirtualAppliance');
	t.is(uncovered.matched.name, 'storage-fw');
});

test('S-SE vs S-UDR ambiguity: a longer UDR inside a service prefix wins by longest prefix, with a note', (t) => {
	const result = hop(net(input([va('one-account', '52.239.10.0/24')])), 'a/app', '52.239.10.20');
	t.is(result.nextHopType, 'VirtualAppliance');
	t.is(result.matchedPrefix, '52.239.10.0/24');
	t.true(result.beaten.some((loser) => loser.route.nextHopType === 'VirtualNetworkServiceEndpoint' && loser.why === 'shorter-prefix'));
	t.regex(result.notes.join(' '), /undocumented/);
});

// ---------------------------------------------------------------- service tag order (S-UDR 4)

const tagRoutes: Route[] = [
	va('explicit', '52.239.0.0/16', '10.0.2.10'),
	va('regional', 'Storage.WestEurope', '10.0.2.11'),
	va('top-level', 'Storage', '10.0.2.12'),
	va('cloud-regional', 'AzureCloud.westeurope', '10.0.2.13'),
	va('cloud', 'AzureCloud', '10.0.2.14'),
];
const tagOrder: Array<{title: string; routes: string[]; winner: string}> = [
	{title: 'an explicit prefix beats every tag', routes: ['explicit', 'regional', 'top-level', 'cloud-regional', 'cloud'], winner: 'explicit'},
	{title: 'a regional tag beats the top-level tag', routes: ['regional', 'top-level', 'cloud-regional', 'cloud'], winner: 'regional'},
	{title: 'a top-level tag beats AzureCloud regional', routes: ['top-level', 'cloud-regional', 'cloud'], winner: 'top-level'},
	{title: 'AzureCloud regional beats AzureCloud', routes: ['cloud', 'cloud-regional'], winner: 'cloud-regional'},
];
for (const {title, routes, winner} of tagOrder) {
	test(`S-UDR 4 service tag exact match order: ${title}`, (t) => {
		// No service endpoint here, so the user routes decide.
		const topology = input(tagRoutes.filter((route) => routes.includes(route.name)));
		topology.virtualNetworks![0]!.subnets![0]!.serviceEndpoints = [];
		const result = hop(net(topology), 'a/app', '52.239.10.20');
		t.is(result.matched.name, winner);
		const losers = result.beaten.filter((loser) => loser.route.source === 'User');
		t.deepEqual(
			losers.map((loser) => loser.route.name).sort(),
			routes.filter((name) => name !== winner).sort(),
		);
		for (const loser of losers) t.is(loser.why, 'service-tag-order' as BeatenWhy, loser.route.name!);
	});
}

test('S-UDR 4 a tag route and a longer explicit route: longest prefix first, the tag order only breaks exact ties', (t) => {
	const topology = input([va('cloud', 'AzureCloud'), va('partner', '52.239.10.0/24')]);
	topology.virtualNetworks![0]!.subnets![0]!.serviceEndpoints = [];
	const result = hop(net(topology), 'a/app', '52.239.10.20');
	t.is(result.matched.name, 'partner');
	t.true(result.beaten.some((loser) => loser.route.name === 'cloud' && loser.why === 'shorter-prefix'));
});

// ---------------------------------------------------------------- private endpoints (S-PENP)

test('S-PENP the /32 wins by longest prefix from a peered VNet', (t) => {
	const result = summary(hop(net(input()), 'b/app', '10.0.3.4'));
	t.is(result.nextHopType, 'InterfaceEndpoint');
	t.is(result.matchedPrefix, '10.0.3.4/32');
	t.is(result.routeTableId, 'System Route');
	t.true(result.beaten.includes('10.0.0.0/16 VNetPeering shorter-prefix'));
});

test('S-PENP an invalidating UDR (RouteTableEnabled, /16 = the VNet range) takes the traffic; the /32 is listed invalid', (t) => {
	const result = summary(hop(net(input([va('vnet-fw', '10.0.0.0/16')])), 'a/app', '10.0.3.4'));
	t.is(result.nextHopType, 'VirtualAppliance');
	t.is(result.matchedPrefix, '10.0.0.0/16');
	t.is(result.beaten[0], '10.0.3.4/32 InterfaceEndpoint invalid');
});

test('S-PENP a 0.0.0.0/0 UDR does not invalidate the /32, which wins', (t) => {
	t.is(hop(net(input([va('default-fw', '0.0.0.0/0')])), 'a/app', '10.0.3.4').nextHopType, 'InterfaceEndpoint');
});

// ---------------------------------------------------------------- result shape

test('design 5 beaten routes are ordered most specific first', (t) => {
	const result = hop(net(input([va('a', '10.0.5.0/25'), va('b', '10.0.4.0/23'), va('c', '0.0.0.0/0')])), 'a/app', '10.0.5.9');
	const lengths = result.beaten.map((loser) => Number(loser.matchedPrefix.split('/')[1]));
	t.deepEqual(lengths, [...lengths].sort((x, y) => y - x));
});

test('design 9 "no destination is without a route": every address has a winner', (t) => {
	const network = net(input([va('drop-all', '0.0.0.0/1')]));
	for (const destination of ['0.0.0.0', '1.2.3.4', '127.0.0.1', '128.0.0.1', '224.0.0.1', '255.255.255.255', '10.255.255.255']) {
		const result = hop(network, 'a/app', destination);
		t.truthy(result.matched, destination);
		t.is(result.matched.state, 'Active');
	}
});

test('undocumented tie: two gateway routes for the same prefix, the first listed wins, with a note', (t) => {
	const topology = input();
	topology.localNetworks!.push({name: 'onprem2', gateway: 'gw', addressPrefixes: ['172.20.0.0/16']});
	const result = hop(net(topology), 'a/app', '172.20.0.1');
	t.is(result.nextHopType, 'VirtualNetworkGateway');
	t.regex(result.notes.join(' '), /tie on 172\.20\.0\.0\/16/);
});

test('lookups on an unknown subnet throw', (t) => {
	t.throws(() => hop(net(input()), 'a/nope', '10.0.0.1'), {message: /unknown subnet/});
});
