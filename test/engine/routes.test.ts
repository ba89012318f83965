/**
 * Effective routes of a subnet (S-UDR, S-PEER, S-GWT, S-SE, S-PENP): which routes exist, their
 * state and notes, and the order. The routing example of the "Virtual network traffic routing"
 * article is checked row for row against both of its tables.
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import type {EffectiveRoute} from '../../source/engine/results.js';
import {effectiveRoutes, effectiveRoutesForSubnet} from '../../source/engine/routes.js';
import type {Route} from '../../source/engine/topology.js';
import {gatewayIp, nvaIp, routingExample, routingExampleFromYaml, routingExampleUdrs, row, type Row} from '../helpers/routing-example.js';
import {net, peering, type TopologyInput, type VnetInput} from '../helpers/topology.js';

const reserved = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

function routesOf(input: TopologyInput, subnetId = 'a/app'): EffectiveRoute[] {
	return effectiveRoutesForSubnet(net(input), subnetId);
}

function find(routes: EffectiveRoute[], prefix: string, nextHopType?: string): EffectiveRoute | undefined {
	return routes.find((route) => route.addressPrefix.includes(prefix) && (!nextHopType || route.nextHopType === nextHopType));
}

function noneRoutes(routes: EffectiveRoute[]): string[] {
	return routes.filter((route) => route.source === 'Default' && route.nextHopType === 'None').map((route) => route.addressPrefix[0]!);
}

function vnetA(extra: Partial<VnetInput> = {}, app: Record<string, unknown> = {}): VnetInput {
	return {
		name: 'a',
		addressSpace: ['10.0.0.0/16'],
		subnets: [
			{name: 'app', addressPrefix: '10.0.1.0/24', ...app},
			{name: 'other', addressPrefix: '10.0.2.0/24'},
			{name: 'pe', addressPrefix: '10.0.3.0/24'},
		],
		...extra,
	};
}

function vnetB(extra: Partial<VnetInput> = {}): VnetInput {
	return {name: 'b', addressSpace: ['10.1.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.1.1.0/24'}, {name: 'pe', addressPrefix: '10.1.3.0/24'}], ...extra};
}

function vnetC(): VnetInput {
	return {name: 'c', addressSpace: ['10.2.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.2.1.0/24'}]};
}

function withTable(routes: Route[], extra: Partial<{disableBgpRoutePropagation: boolean}> = {}): Pick<TopologyInput, 'routeTables'> {
	return {routeTables: [{name: 'rt', routes, ...extra}]};
}

// ---------------------------------------------------------------- default routes (S-UDR 1.1)

test('S-UDR 1.1 default routes: one VnetLocal per address range, 0.0.0.0/0 Internet, the four reserved None routes', (t) => {
	const routes = routesOf({virtualNetworks: [vnetA()]});
	t.deepEqual(routes.map(row), [
		['Default', 'Active', '0.0.0.0/0', 'Internet', '', ''],
		['Default', 'Active', '10.0.0.0/8', 'None', '', ''],
		['Default', 'Active', '10.0.0.0/16', 'VnetLocal', '', ''],
		['Default', 'Active', '100.64.0.0/10', 'None', '', ''],
		['Default', 'Active', '172.16.0.0/12', 'None', '', ''],
		['Default', 'Active', '192.168.0.0/16', 'None', '', ''],
	]);
});

test('S-UDR 1.1 "Azure doesn\'t create default routes for subnet address ranges": every subnet has the same VnetLocal routes', (t) => {
	const network = net({virtualNetworks: [vnetA({addressSpace: ['10.0.0.0/16', '10.50.0.0/16']})]});
	const app = effectiveRoutesForSubnet(network, 'a/app').filter((route) => route.nextHopType === 'VnetLocal');
	const other = effectiveRoutesForSubnet(network, 'a/other').filter((route) => route.nextHopType === 'VnetLocal');
	t.deepEqual(app.map((route) => route.addressPrefix), [['10.0.0.0/16'], ['10.50.0.0/16']]);
	t.deepEqual(other.map(row), app.map(row));
});

const rewriteCases: Array<{title: string; space: string[]; none: string[]; noted?: string}> = [
	{title: 'a range inside 10.0.0.0/8 keeps its None route (routing example, 10.0.0.0/16)', space: ['10.0.0.0/16'], none: ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16']},
	{title: 'a range equal to 10.0.0.0/8 replaces the None route with VnetLocal', space: ['10.0.0.0/8'], none: ['100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'], noted: '10.0.0.0/8'},
	{title: 'a range including 10.0.0.0/8 (10.0.0.0/7) removes the None route', space: ['10.0.0.0/7'], none: ['100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'], noted: '10.0.0.0/7'},
	{title: 'a range equal to 172.16.0.0/12 replaces it', space: ['172.16.0.0/12'], none: ['10.0.0.0/8', '100.64.0.0/10', '192.168.0.0/16'], noted: '172.16.0.0/12'},
	{title: 'a range equal to 192.168.0.0/16 replaces it', space: ['192.168.0.0/16'], none: ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12'], noted: '192.168.0.0/16'},
	{title: 'a range equal to 100.64.0.0/10 replaces it', space: ['100.64.0.0/10'], none: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], noted: '100.64.0.0/10'},
	{title: 'a range including 100.64.0.0/10 (100.0.0.0/8) removes it', space: ['100.0.0.0/8'], none: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], noted: '100.0.0.0/8'},
	{title: 'a range inside 192.168.0.0/16 keeps it', space: ['192.168.1.0/24'], none: ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16']},
];
for (const {title, space, none, noted} of rewriteCases) {
	test(`S-UDR 1.1 reserved-prefix rewrite: ${title}`, (t) => {
		const routes = routesOf({virtualNetworks: [{name: 'a', addressSpace: space, subnets: [{name: 'app', addressPrefix: `${space[0]!.split('/')[0]}/24`}]}]});
		t.deepEqual(noneRoutes(routes).sort(), [...none].sort());
		t.truthy(find(routes, space[0]!, 'VnetLocal'));
		if (noted) t.regex(find(routes, noted, 'VnetLocal')!.note ?? '', /reserved/);
	});
}

test('S-UDR 1.1 reserved-prefix rewrite applies to a peered VNet\'s address space too (vnetlab choice, noted)', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA(), {name: 'b', addressSpace: ['192.168.0.0/16'], subnets: [{name: 'app', addressPrefix: '192.168.1.0/24'}]}],
		virtualNetworkPeerings: peering('a', 'b'),
	});
	t.deepEqual(noneRoutes(routes).sort(), ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12']);
	t.regex(find(routes, '192.168.0.0/16', 'VNetPeering')!.note ?? '', /peered address spaces too/);
});

test('S-UDR routing example: a user route for 0.0.0.0/0 removes all four reserved None routes and invalidates 0.0.0.0/0 Internet', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA({}, {routeTable: 'rt'})],
		...withTable([{name: 'default-nva', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}]),
	});
	t.deepEqual(noneRoutes(routes), []);
	const internet = find(routes, '0.0.0.0/0', 'Internet')!;
	t.is(internet.state, 'Invalid');
	t.regex(internet.note!, /default-nva/);
});

test('S-UDR 2.5 ambiguity: a gateway-learned 0.0.0.0/0 keeps the reserved None routes (only the UDR case is documented) and says so', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA()],
		virtualNetworkGateways: [{name: 'gw', vnet: 'a', publicIpAddress: '20.50.9.9'}],
		localNetworks: [{name: 'onprem', gateway: 'gw', addressPrefixes: ['0.0.0.0/0']}],
	});
	t.deepEqual(noneRoutes(routes).sort(), [...reserved].sort());
	const internet = find(routes, '0.0.0.0/0', 'Internet')!;
	t.is(internet.state, 'Invalid', 'BGP beats System on an equal prefix (S-UDR 2.2)');
	t.regex(internet.note!, /only a user-defined 0\.0\.0\.0\/0 is documented/);
	t.is(find(routes, '0.0.0.0/0', 'VirtualNetworkGateway')!.state, 'Active');
});

// ---------------------------------------------------------------- peering (S-UDR 1.2, S-PEER)

const peeringCases: Array<{title: string; links: TopologyInput['virtualNetworkPeerings']; expected: string[]}> = [
	{title: 'Connected (both links): a VNetPeering route per peer address range', links: peering('a', 'b'), expected: ['10.1.0.0/16']},
	{title: 'only one link (Initiated): no peering route', links: [{from: 'a', to: 'b'}], expected: []},
	{title: 'only the other link: no peering route', links: [{from: 'b', to: 'a'}], expected: []},
	{title: 'allowVirtualNetworkAccess false still has the route (it filters traffic, not routes)', links: peering('a', 'b', {allowVirtualNetworkAccess: false}, {allowVirtualNetworkAccess: false}), expected: ['10.1.0.0/16']},
	{title: 'peerings are not transitive: no route to a peer\'s peer', links: [...peering('a', 'b'), ...peering('b', 'c')], expected: ['10.1.0.0/16']},
];
for (const {title, links, expected} of peeringCases) {
	test(`S-PEER ${title}`, (t) => {
		const routes = routesOf({virtualNetworks: [vnetA(), vnetB(), vnetC()], virtualNetworkPeerings: links});
		t.deepEqual(routes.filter((route) => route.nextHopType === 'VNetPeering').map((route) => route.addressPrefix[0]), expected);
	});
}

test('VNM secured hub-and-spoke tutorial: a peering route to a VNet in another region (global peering) stays VNetPeering, with a note that Azure labels it VNetGlobalPeering', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA(), vnetB({region: 'eastus', addressSpace: ['10.1.0.0/16', '10.2.0.0/16']}), {...vnetC(), addressSpace: ['10.3.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.3.1.0/24'}]}],
		virtualNetworkPeerings: [...peering('a', 'b'), ...peering('a', 'c')],
	});
	for (const prefix of ['10.1.0.0/16', '10.2.0.0/16']) {
		const global = find(routes, prefix)!;
		t.is(global.nextHopType, 'VNetPeering', 'design 3 keeps the value');
		t.regex(global.note ?? '', /b is in another region \(eastus\): Azure's effective routes label a global peering route VNetGlobalPeering.*vnetlab keeps VNetPeering/);
	}

	t.is(find(routes, '10.3.0.0/16', 'VNetPeering')!.note, undefined, 'a peer in the same region is a regional peering: no note');
});

test('S-UDR 1.2 peering: "a route for each address range within the address space" of the peer', (t) => {
	const routes = routesOf({virtualNetworks: [vnetA(), vnetB({addressSpace: ['10.1.0.0/16', '10.2.0.0/16']})], virtualNetworkPeerings: peering('a', 'b')});
	t.deepEqual(
		routes.filter((route) => route.nextHopType === 'VNetPeering').map(row),
		[
			['Default', 'Active', '10.1.0.0/16', 'VNetPeering', '', ''],
			['Default', 'Active', '10.2.0.0/16', 'VNetPeering', '', ''],
		],
	);
});

// ---------------------------------------------------------------- gateway routes (S-UDR 1.2, S-GWT)

function gatewayInput(app: Record<string, unknown> = {}, table?: Partial<{disableBgpRoutePropagation: boolean}>): TopologyInput {
	return {
		virtualNetworks: [vnetA({}, app)],
		virtualNetworkGateways: [{name: 'gw', vnet: 'a', publicIpAddress: '20.50.9.9'}],
		localNetworks: [
			{name: 'site1', gateway: 'gw', addressPrefixes: ['192.168.1.0/24', '192.168.2.0/24']},
			{name: 'site2', gateway: 'gw', addressPrefixes: ['172.20.0.0/16']},
		],
		...(table ? withTable([], table) : {}),
	};
}

test('S-UDR 1.2 gateway routes: each local network prefix, source and next hop VirtualNetworkGateway, the gateway\'s public IP (design 9)', (t) => {
	const routes = routesOf(gatewayInput()).filter((route) => route.source === 'VirtualNetworkGateway');
	t.deepEqual(routes.map(row), [
		['VirtualNetworkGateway', 'Active', '172.20.0.0/16', 'VirtualNetworkGateway', '20.50.9.9', ''],
		['VirtualNetworkGateway', 'Active', '192.168.1.0/24', 'VirtualNetworkGateway', '20.50.9.9', ''],
		['VirtualNetworkGateway', 'Active', '192.168.2.0/24', 'VirtualNetworkGateway', '20.50.9.9', ''],
	]);
});

const propagationCases: Array<{title: string; input: TopologyInput; count: number}> = [
	{title: 'a subnet with no route table has propagation on', input: gatewayInput(), count: 3},
	{title: 'a route table with propagation on', input: gatewayInput({routeTable: 'rt'}, {disableBgpRoutePropagation: false}), count: 3},
	{title: 'disableBgpRoutePropagation removes every gateway route from the subnet', input: gatewayInput({routeTable: 'rt'}, {disableBgpRoutePropagation: true}), count: 0},
];
for (const {title, input, count} of propagationCases) {
	test(`S-UDR 1.2 route propagation: ${title}`, (t) => {
		t.is(routesOf(input).filter((route) => route.source === 'VirtualNetworkGateway').length, count);
	});
}

test('S-UDR 1.2 route propagation is per route table: another subnet of the VNet keeps the gateway routes', (t) => {
	const network = net(gatewayInput({routeTable: 'rt'}, {disableBgpRoutePropagation: true}));
	t.is(effectiveRoutesForSubnet(network, 'a/other').filter((route) => route.source === 'VirtualNetworkGateway').length, 3);
});

test('S-UDR 1.2 an ExpressRoute gateway\'s learned prefixes are gateway routes too', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA()],
		virtualNetworkGateways: [{name: 'er', vnet: 'a', gatewayType: 'ExpressRoute', publicIpAddress: '20.50.9.10'}],
		localNetworks: [{name: 'dc', gateway: 'er', addressPrefixes: ['172.20.0.0/16']}],
	});
	t.deepEqual(row(find(routes, '172.20.0.0/16')!), ['VirtualNetworkGateway', 'Active', '172.20.0.0/16', 'VirtualNetworkGateway', '20.50.9.10', '']);
});

function transitInput(spokeLink: Record<string, unknown>, hubLink: Record<string, unknown>, spokeTable?: boolean): TopologyInput {
	return {
		virtualNetworks: [vnetA({}, spokeTable === undefined ? {} : {routeTable: 'rt'}), vnetB()],
		virtualNetworkPeerings: peering('a', 'b', spokeLink, hubLink),
		virtualNetworkGateways: [{name: 'hubgw', vnet: 'b', publicIpAddress: '20.50.9.9'}],
		localNetworks: [{name: 'onprem', gateway: 'hubgw', addressPrefixes: ['192.168.0.0/16']}],
		...(spokeTable === undefined ? {} : withTable([], {disableBgpRoutePropagation: spokeTable})),
	};
}

const transitCases: Array<{title: string; input: TopologyInput; learned: boolean}> = [
	{title: 'useRemoteGateways + allowGatewayTransit: the spoke learns the hub gateway\'s routes', input: transitInput({useRemoteGateways: true}, {allowGatewayTransit: true}), learned: true},
	{title: 'without useRemoteGateways on the spoke\'s link: nothing', input: transitInput({}, {allowGatewayTransit: true}), learned: false},
	{title: 'without allowGatewayTransit on the hub\'s link: nothing', input: transitInput({useRemoteGateways: true}, {}), learned: false},
	{title: 'the spoke route table disables propagation: nothing', input: transitInput({useRemoteGateways: true}, {allowGatewayTransit: true}, true), learned: false},
	{
		title: 'the peering is not Connected: nothing',
		input: {...transitInput({useRemoteGateways: true}, {allowGatewayTransit: true}), virtualNetworkPeerings: [{from: 'a', to: 'b', useRemoteGateways: true}]},
		learned: false,
	},
];
for (const {title, input, learned} of transitCases) {
	test(`S-GWT gateway transit: ${title}`, (t) => {
		const route = find(routesOf(input), '192.168.0.0/16', 'VirtualNetworkGateway');
		if (!learned) {
			t.is(route, undefined);
			return;
		}

		t.deepEqual(row(route!), ['VirtualNetworkGateway', 'Active', '192.168.0.0/16', 'VirtualNetworkGateway', '20.50.9.9', '']);
		t.regex(route!.note!, /gateway transit from b/);
	});
}

test('S-GWT the hub itself keeps its gateway routes; the gateway route beats the reserved None route on an equal prefix', (t) => {
	const routes = effectiveRoutesForSubnet(net(transitInput({useRemoteGateways: true}, {allowGatewayTransit: true})), 'b/app');
	t.is(find(routes, '192.168.0.0/16', 'VirtualNetworkGateway')!.state, 'Active');
	const none = find(routes, '192.168.0.0/16', 'None')!;
	t.is(none.state, 'Invalid');
	t.regex(none.note!, /gateway-learned route/);
});

// ---------------------------------------------------------------- service endpoints (S-SE, S-STNS)

test('S-SE service endpoint route: one entry per service, source Default, the tag prefixes, paired region for Storage (S-STNS) with the S-FAQ ambiguity noted', (t) => {
	const routes = routesOf({virtualNetworks: [vnetA({}, {serviceEndpoints: ['Microsoft.Storage', 'Microsoft.Sql', 'Microsoft.KeyVault']})]});
	const endpoints = routes.filter((route) => route.nextHopType === 'VirtualNetworkServiceEndpoint');
	t.deepEqual(endpoints.map(row), [
		['Default', 'Active', '40.68.0.0/16', 'VirtualNetworkServiceEndpoint', '', ''],
		['Default', 'Active', '51.104.0.0/16 51.105.0.0/16 51.106.0.0/16 51.107.0.0/16', 'VirtualNetworkServiceEndpoint', '', ''],
		['Default', 'Active', '52.236.0.0/16 52.239.0.0/16', 'VirtualNetworkServiceEndpoint', '', ''],
	]);
	t.regex(endpoints[2]!.note!, /paired region/);
	t.regex(endpoints[2]!.note!, /same region only/);
	t.is(endpoints[0]!.note, undefined, 'Sql: same region only (S-SE), nothing to note');
	t.regex(endpoints[1]!.note!, /every region's AzureKeyVault ranges/);
});

// Region scope of the service endpoint route, per service.
const seScopeCases: Array<{title: string; endpoint: string; region: string; prefixes: string; note?: RegExp}> = [
	// S-SE: "For Azure SQL, a service endpoint applies only to Azure service traffic within a virtual network's region."
	{title: 'Microsoft.Sql covers the VNet\'s region only', endpoint: 'Microsoft.Sql', region: 'eastus', prefixes: '40.71.0.0/16'},
	// S-STNS: Storage endpoints are "expanded to include the paired region" (eastus pairs with westus here).
	{title: 'Microsoft.Storage covers the VNet\'s region and its pair', endpoint: 'Microsoft.Storage', region: 'eastus', prefixes: '52.240.0.0/16 52.241.0.0/16', note: /paired region/},
	// S-SE (Elastic SAN / Storage networking): cross-region endpoints work "in any region".
	{title: 'Microsoft.Storage.Global covers every region\'s Storage ranges', endpoint: 'Microsoft.Storage.Global', region: 'eastus', prefixes: '52.236.0.0/16 52.239.0.0/16 52.240.0.0/16 52.241.0.0/16', note: /any region/},
	// S-FAQ: "For most of the Azure services, virtual networks created in different regions can access Azure services in another region".
	{title: 'Microsoft.KeyVault covers every region (S-FAQ: only Storage and SQL are regional)', endpoint: 'Microsoft.KeyVault', region: 'eastus', prefixes: '51.104.0.0/16 51.105.0.0/16 51.106.0.0/16 51.107.0.0/16', note: /Storage and SQL are regional/},
];
for (const {title, endpoint, region, prefixes, note} of seScopeCases) {
	test(`S-SE / S-FAQ service endpoint region scope: ${title}`, (t) => {
		const route = routesOf({virtualNetworks: [vnetA({region}, {serviceEndpoints: [endpoint]})]}).find((r) => r.nextHopType === 'VirtualNetworkServiceEndpoint');
		t.deepEqual(row(route!), ['Default', 'Active', prefixes, 'VirtualNetworkServiceEndpoint', '', '']);
		if (note) t.regex(route!.note ?? '', note);
	});
}

test('S-SE the route is only on the subnet that enables the endpoint, not its neighbours nor a peered VNet (T-BN)', (t) => {
	const network = net({virtualNetworks: [vnetA({}, {serviceEndpoints: ['Microsoft.Storage']}), vnetB()], virtualNetworkPeerings: peering('a', 'b')});
	const has = (subnetId: string) => effectiveRoutesForSubnet(network, subnetId).some((route) => route.nextHopType === 'VirtualNetworkServiceEndpoint');
	t.true(has('a/app'));
	t.false(has('a/other'));
	t.false(has('b/app'));
});

test('S-SE the endpoint follows the VNet\'s region (eastus pairs with westus)', (t) => {
	const routes = routesOf({virtualNetworks: [vnetA({region: 'eastus'}, {serviceEndpoints: ['Microsoft.Storage']})]});
	t.deepEqual(find(routes, '52.240.0.0/16')!.addressPrefix, ['52.240.0.0/16', '52.241.0.0/16']);
});

test('S-SE a topology serviceTags override and a derived resource IP change the endpoint route\'s prefixes', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA({}, {serviceEndpoints: ['Microsoft.Sql']})],
		serviceTags: {'Sql.WestEurope': ['198.18.0.0/24']},
		resources: [{name: 'sqlsrv', type: 'Microsoft.Sql/servers', publicIpAddress: '198.51.100.5'}],
	});
	t.deepEqual(routes.find((route) => route.nextHopType === 'VirtualNetworkServiceEndpoint')!.addressPrefix, ['198.18.0.0/24', '198.51.100.5/32']);
});

test('S-SE an endpoint for a service with no known ranges adds no route', (t) => {
	const routes = routesOf({virtualNetworks: [vnetA({}, {serviceEndpoints: ['Microsoft.EventHub']})]});
	t.false(routes.some((route) => route.nextHopType === 'VirtualNetworkServiceEndpoint'));
});

// ---------------------------------------------------------------- private endpoints (S-PENP, T-BN, T-CT)

function peInput(policies: string, udrs: Route[] = [], udrOn = 'a'): TopologyInput {
	const table = {routeTable: 'rt'};
	return {
		virtualNetworks: [
			{...vnetA({}, udrOn === 'a' ? table : {}), subnets: [...vnetA({}, udrOn === 'a' ? table : {}).subnets!.slice(0, 2), {name: 'pe', addressPrefix: '10.0.3.0/24', privateEndpointNetworkPolicies: policies as 'Disabled'}]},
			{...vnetB(), subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', ...(udrOn === 'b' ? table : {})}]},
			vnetC(),
		],
		virtualNetworkPeerings: [...peering('a', 'b'), ...peering('b', 'c')],
		resources: [{name: 'st', type: 'Microsoft.Storage/storageAccounts', publicIpAddress: '52.239.10.20'}],
		privateEndpoints: [{name: 'pe-st', subnet: 'a/pe', privateIpAddress: '10.0.3.4', connection: {target: 'st', groupId: 'blob'}}],
		...withTable(udrs),
	};
}

test('S-PENP / T-BN private endpoint /32: InterfaceEndpoint, source Default, no next hop IP, in its VNet and directly peered VNets only (T-CT)', (t) => {
	const network = net(peInput('Disabled'));
	const expected: Row = ['Default', 'Active', '10.0.3.4/32', 'InterfaceEndpoint', '', ''];
	t.deepEqual(row(find(effectiveRoutesForSubnet(network, 'a/app'), '10.0.3.4/32')!), expected);
	t.deepEqual(row(find(effectiveRoutesForSubnet(network, 'b/app'), '10.0.3.4/32')!), expected);
	t.is(find(effectiveRoutesForSubnet(network, 'c/app'), '10.0.3.4/32'), undefined, 'not through a peer\'s peer');
});

test('T-CT a private endpoint\'s /32 is not in a VNet whose peering is only Initiated', (t) => {
	const network = net({...peInput('Disabled'), virtualNetworkPeerings: [{from: 'a', to: 'b'}]});
	t.is(find(effectiveRoutesForSubnet(network, 'b/app'), '10.0.3.4/32'), undefined);
});

const va = (name: string, addressPrefix: string): Route => ({name, addressPrefix, nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'});

const invalidationCases: Array<{title: string; policies: string; udr: Route; on?: string; state: 'Active' | 'Invalid'; note: RegExp}> = [
	{title: 'RouteTableEnabled + a UDR as long as the VNet range (/16) invalidates the /32', policies: 'RouteTableEnabled', udr: va('via-fw', '10.0.0.0/16'), state: 'Invalid', note: /via-fw.*10\.0\.0\.0\/16.*RouteTableEnabled/},
	{title: 'Enabled + a longer UDR (/24) invalidates the /32', policies: 'Enabled', udr: va('via-fw', '10.0.3.0/24'), state: 'Invalid', note: /Enabled/},
	{title: 'RouteTableEnabled + a UDR shorter than the VNet range (/8) does not', policies: 'RouteTableEnabled', udr: va('via-fw', '10.0.0.0/8'), state: 'Active', note: /^$/},
	{title: 'RouteTableEnabled + a 0.0.0.0/0 UDR never does', policies: 'RouteTableEnabled', udr: va('via-fw', '0.0.0.0/0'), state: 'Active', note: /^$/},
	{title: 'NetworkSecurityGroupEnabled (no route-table policy) + a /16 UDR does not, and says why', policies: 'NetworkSecurityGroupEnabled', udr: va('via-fw', '10.0.0.0/16'), state: 'Active', note: /stays Active/},
	{title: 'Disabled (the default) + a /16 UDR does not, and says why', policies: 'Disabled', udr: va('via-fw', '10.0.0.0/16'), state: 'Active', note: /stays Active/},
	{title: 'Disabled + a /32 UDR for the endpoint overrides it on the equal prefix (S-PEFW)', policies: 'Disabled', udr: va('pe-via-fw', '10.0.3.4/32'), state: 'Invalid', note: /pe-via-fw has the same prefix/},
	{title: 'a UDR in a peered VNet\'s route table: same rule applied, unstated in the docs (noted)', policies: 'RouteTableEnabled', udr: va('via-fw', '10.0.0.0/16'), on: 'b', state: 'Invalid', note: /peered VNet's route table.*unstated/},
];
for (const {title, policies, udr, on, state, note} of invalidationCases) {
	test(`S-PENP UDR invalidation: ${title}`, (t) => {
		const routes = effectiveRoutesForSubnet(net(peInput(policies, [udr], on ?? 'a')), `${on ?? 'a'}/app`);
		const route = find(routes, '10.0.3.4/32', 'InterfaceEndpoint')!;
		t.is(route.state, state);
		t.regex(route.note ?? '', note);
	});
}

// ---------------------------------------------------------------- user routes (S-UDR 3, 4)

test('S-UDR 3 user routes: name, route table, next hop IP only for VirtualAppliance', (t) => {
	const routes = routesOf({
		virtualNetworks: [vnetA({}, {routeTable: 'rt'})],
		...withTable([
			va('to-fw', '198.51.100.0/24'),
			{name: 'drop', addressPrefix: '203.0.113.0/24', nextHopType: 'None'},
			{name: 'out', addressPrefix: '198.18.0.0/15', nextHopType: 'Internet'},
			{name: 'local', addressPrefix: '10.0.1.0/24', nextHopType: 'VnetLocal'},
		]),
	}).filter((route) => route.source === 'User');
	t.deepEqual(routes.map(row), [
		['User', 'Active', '10.0.1.0/24', 'VnetLocal', '', 'local'],
		['User', 'Active', '198.18.0.0/15', 'Internet', '', 'out'],
		['User', 'Active', '198.51.100.0/24', 'VirtualAppliance', '10.0.2.4', 'to-fw'],
		['User', 'Active', '203.0.113.0/24', 'None', '', 'drop'],
	]);
	t.true(routes.every((route) => route.routeTable === 'rt'));
});

test('S-UDR 4 a service tag address prefix expands to the tag\'s prefixes and keeps the tag in serviceTag', (t) => {
	const [route] = routesOf({virtualNetworks: [vnetA({}, {routeTable: 'rt'})], ...withTable([va('storage-fw', 'Storage')])}).filter((r) => r.source === 'User');
	t.deepEqual(route!.addressPrefix, ['52.236.0.0/16', '52.239.0.0/16', '52.240.0.0/16', '52.241.0.0/16']);
	t.is(route!.serviceTag, 'Storage');
});

test('S-UDR 4 an unknown service tag matches nothing and says so', (t) => {
	const [route] = routesOf({virtualNetworks: [vnetA({}, {routeTable: 'rt'})], ...withTable([va('odd', 'NoSuchTag')])}).filter((r) => r.source === 'User');
	t.deepEqual(route!.addressPrefix, []);
	t.regex(route!.note!, /Unknown service tag/);
});

test('S-UDR 3 a VirtualNetworkGateway user route shows the VPN gateway\'s public IP (vnetlab choice, noted)', (t) => {
	const routes = routesOf({
		...gatewayInput({routeTable: 'rt'}),
		...withTable([{name: 'to-onprem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualNetworkGateway'}]),
	});
	const route = find(routes, '10.10.0.0/16')!;
	t.deepEqual(route.nextHopIpAddress, ['20.50.9.9']);
	t.regex(route.note!, /public IP/);
});

test('S-UDR 3 a VirtualNetworkGateway user route in a spoke uses the hub\'s VPN gateway through gateway transit', (t) => {
	const input = transitInput({useRemoteGateways: true}, {allowGatewayTransit: true}, false);
	input.routeTables = [{name: 'rt', routes: [{name: 'to-onprem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualNetworkGateway'}]}];
	t.deepEqual(find(routesOf(input), '10.10.0.0/16')!.nextHopIpAddress, ['20.50.9.9']);
});

// S-UDR 3: "You can't specify a virtual network gateway created as type ExpressRoute in a user-defined route" and
// "You can't specify Virtual Network Gateways if you have VPN and ExpressRoute coexisting connections either".
const refusedGatewayCases: Array<{title: string; gateways: TopologyInput['virtualNetworkGateways']; ip: string[]; note: RegExp}> = [
	{title: 'the only gateway is ExpressRoute', gateways: [{name: 'er', vnet: 'a', gatewayType: 'ExpressRoute', publicIpAddress: '20.50.9.10'}], ip: [], note: /would not accept.*only gateway is ExpressRoute/},
	{
		title: 'VPN and ExpressRoute gateways coexist',
		gateways: [
			{name: 'vpn', vnet: 'a', gatewayType: 'Vpn', publicIpAddress: '20.50.9.9'},
			{name: 'er', vnet: 'a', gatewayType: 'ExpressRoute', publicIpAddress: '20.50.9.10'},
		],
		ip: ['20.50.9.9'],
		note: /would not accept.*coexist/,
	},
];
for (const {title, gateways, ip, note} of refusedGatewayCases) {
	test(`S-UDR 3 a VirtualNetworkGateway user route Azure refuses says so: ${title}`, (t) => {
		const routes = routesOf({
			virtualNetworks: [vnetA({}, {routeTable: 'rt'})],
			virtualNetworkGateways: gateways,
			...withTable([{name: 'to-onprem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualNetworkGateway'}]),
		});
		const route = find(routes, '10.10.0.0/16')!;
		t.deepEqual(route.nextHopIpAddress, ip);
		t.regex(route.note!, note);
	});
}

test('S-UDR 3 a VirtualNetworkGateway user route with a VPN gateway only carries no refusal note', (t) => {
	const route = find(routesOf({...gatewayInput({routeTable: 'rt'}), ...withTable([{name: 'to-onprem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualNetworkGateway'}])}), '10.10.0.0/16')!;
	t.notRegex(route.note!, /would not accept/);
});

test('S-UDR 3 a VirtualNetworkGateway user route with no VPN gateway has no next hop IP and says why', (t) => {
	const routes = routesOf({virtualNetworks: [vnetA({}, {routeTable: 'rt'})], ...withTable([{name: 'to-onprem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualNetworkGateway'}])});
	const route = find(routes, '10.10.0.0/16')!;
	t.deepEqual(route.nextHopIpAddress, []);
	t.regex(route.note!, /No VPN gateway/);
});

// ---------------------------------------------------------------- Invalid state (S-UDR 1.3, 2.2, S-SE)

function invalidInput(udrs: Route[]): TopologyInput {
	return {
		virtualNetworks: [vnetA({}, {routeTable: 'rt', serviceEndpoints: ['Microsoft.Storage']}), vnetB()],
		virtualNetworkPeerings: peering('a', 'b'),
		virtualNetworkGateways: [{name: 'gw', vnet: 'a', publicIpAddress: '20.50.9.9'}],
		localNetworks: [{name: 'onprem', gateway: 'gw', addressPrefixes: ['192.168.0.0/16', '10.0.0.0/16', '52.239.0.0/16', '172.20.0.0/16']}],
		...withTable(udrs),
	};
}

const invalidCases: Array<{title: string; udrs: Route[]; prefix: string; hop: string; state: 'Active' | 'Invalid'; note?: RegExp}> = [
	{title: 'an equal-prefix UDR invalidates the VnetLocal route (routing example ID1)', udrs: [va('u', '10.0.0.0/16')], prefix: '10.0.0.0/16', hop: 'VnetLocal', state: 'Invalid', note: /user route u/},
	{title: 'an equal-prefix UDR invalidates a VNetPeering route (IDs 4, 5)', udrs: [va('u', '10.1.0.0/16')], prefix: '10.1.0.0/16', hop: 'VNetPeering', state: 'Invalid', note: /user route u/},
	{title: 'an equal-prefix UDR invalidates a gateway route (ID8)', udrs: [va('u', '172.20.0.0/16')], prefix: '172.20.0.0/16', hop: 'VirtualNetworkGateway', state: 'Invalid', note: /user route u/},
	{title: 'an equal-prefix UDR invalidates 0.0.0.0/0 Internet (ID11)', udrs: [va('u', '0.0.0.0/0')], prefix: '0.0.0.0/0', hop: 'Internet', state: 'Invalid', note: /user route u/},
	{title: 'a UDR with a different prefix leaves the system route Active', udrs: [va('u', '10.1.0.0/17')], prefix: '10.1.0.0/16', hop: 'VNetPeering', state: 'Active'},
	{title: 'a gateway route equal to a VnetLocal route is the Invalid one (S-UDR 2.2 exception)', udrs: [], prefix: '10.0.0.0/16', hop: 'VirtualNetworkGateway', state: 'Invalid', note: /VnetLocal system route/},
	{title: '...and the VnetLocal route stays Active', udrs: [], prefix: '10.0.0.0/16', hop: 'VnetLocal', state: 'Active'},
	{title: 'a gateway route equal to a service endpoint prefix is the Invalid one', udrs: [], prefix: '52.239.0.0/16', hop: 'VirtualNetworkGateway', state: 'Invalid', note: /VirtualNetworkServiceEndpoint system route/},
	{title: 'a gateway route equal to a reserved prefix invalidates the None route (BGP > System)', udrs: [], prefix: '192.168.0.0/16', hop: 'None', state: 'Invalid', note: /gateway-learned route/},
	{title: 'a service endpoint route is not invalidated by an equal-prefix UDR (S-SE)', udrs: [va('u', '52.239.0.0/16')], prefix: '52.239.0.0/16', hop: 'VirtualNetworkServiceEndpoint', state: 'Active'},
	{title: 'an explicit UDR equal to a service endpoint prefix is shown Invalid (vnetlab choice, noted)', udrs: [va('u', '52.239.0.0/16')], prefix: '52.239.0.0/16', hop: 'VirtualAppliance', state: 'Invalid', note: /service endpoint route overrides/},
	{title: 'a tag UDR whose prefixes are all service endpoint prefixes is shown Invalid', udrs: [va('u', 'Storage.WestEurope')], prefix: '52.239.0.0/16', hop: 'VirtualAppliance', state: 'Invalid', note: /service endpoint route overrides/},
	{title: 'a tag UDR only partly covered by the service endpoint stays Active, noting the overridden prefixes', udrs: [va('u', 'Storage')], prefix: '52.240.0.0/16', hop: 'VirtualAppliance', state: 'Active', note: /Partly overridden.*52\.236\.0\.0\/16, 52\.239\.0\.0\/16/},
	{
		title: '...and its note says what the Active row means: not used for the overridden prefixes, Active for the rest (never that it is shown Invalid)',
		udrs: [va('u', 'Storage')],
		prefix: '52.240.0.0/16',
		hop: 'VirtualAppliance',
		state: 'Active',
		note: /^(?!.*shows? the user route Invalid).*not used for those prefixes; it stays Active for 52\.240\.0\.0\/16, 52\.241\.0\.0\/16\.$/,
	},
];
for (const {title, udrs, prefix, hop, state, note} of invalidCases) {
	test(`S-UDR 1.3 Invalid state: ${title}`, (t) => {
		const route = find(routesOf(invalidInput(udrs)), prefix, hop);
		t.truthy(route);
		t.is(route!.state, state);
		if (note) t.regex(route!.note ?? '', note);
	});
}

test('S-UDR 2.2 "System routes for traffic related to ... virtual network peerings ... are preferred": a gateway route equal to a VNetPeering route is the Invalid one', (t) => {
	const input = invalidInput([]);
	input.localNetworks = [{name: 'onprem', gateway: 'gw', addressPrefixes: ['10.1.0.0/16']}];
	const routes = routesOf(input);
	const gateway = find(routes, '10.1.0.0/16', 'VirtualNetworkGateway')!;
	t.is(gateway.state, 'Invalid');
	t.regex(gateway.note!, /VNetPeering system route/);
	t.is(find(routes, '10.1.0.0/16', 'VNetPeering')!.state, 'Active');
});

test('S-UDR 1.3 every Invalid route has a note saying what overrides it', (t) => {
	const routes = routesOf(invalidInput([va('u1', '10.0.0.0/16'), va('u2', '10.1.0.0/16'), va('u3', '0.0.0.0/0'), va('u4', '52.239.0.0/16')]));
	const invalid = routes.filter((route) => route.state === 'Invalid');
	t.true(invalid.length >= 5);
	for (const route of invalid) t.truthy(route.note, route.addressPrefix.join(' '));
});

test('S-UDR 1.3 invalidation is per subnet: the same VNet\'s other subnet (no route table) keeps the routes Active', (t) => {
	const routes = effectiveRoutesForSubnet(net(invalidInput([va('u', '10.1.0.0/16')])), 'a/other');
	t.is(find(routes, '10.1.0.0/16', 'VNetPeering')!.state, 'Active');
});

// ---------------------------------------------------------------- order (design 5)

test('design 5 order: by source (Default, User, VirtualNetworkGateway), then by prefix', (t) => {
	const routes = routesOf(invalidInput([va('z', '198.51.100.0/24'), va('a', '10.9.0.0/16')]));
	const sources = routes.map((route) => route.source);
	const rank = {Default: 0, User: 1, VirtualNetworkGateway: 2};
	t.deepEqual([...sources].sort((x, y) => rank[x] - rank[y]), sources);
	t.deepEqual(routes.filter((route) => route.source === 'User').map((route) => route.name), ['a', 'z']);
	t.deepEqual(
		routes.filter((route) => route.source === 'VirtualNetworkGateway').map((route) => route.addressPrefix[0]),
		['10.0.0.0/16', '52.239.0.0/16', '172.20.0.0/16', '192.168.0.0/16'],
	);
});

// ---------------------------------------------------------------- the routing example (S-UDR)

// Subnet1, the article's IDs in comments. The article labels the gateway route's source Default;
// the effective-routes API says VirtualNetworkGateway (design 9). No reserved None rows (article text).
const subnet1: Row[] = [
	['Default', 'Invalid', '0.0.0.0/0', 'Internet', '', ''], // ID11
	['Default', 'Invalid', '10.0.0.0/16', 'VnetLocal', '', ''], // ID1
	['Default', 'Invalid', '10.1.0.0/16', 'VNetPeering', '', ''], // ID4
	['Default', 'Invalid', '10.2.0.0/16', 'VNetPeering', '', ''], // ID5
	['Default', 'Active', '52.236.0.0/16 52.239.0.0/16', 'VirtualNetworkServiceEndpoint', '', ''], // ID10 ([X.X.X.X]: Storage.WestEurope + paired NorthEurope)
	['User', 'Active', '0.0.0.0/0', 'VirtualAppliance', nvaIp, 'Default-NVA'], // ID12
	['User', 'Active', '10.0.0.0/16', 'VirtualAppliance', nvaIp, 'Within-VNet1'], // ID2
	['User', 'Active', '10.0.0.0/24', 'VnetLocal', '', 'Within-Subnet1'], // ID3
	['User', 'Active', '10.1.0.0/16', 'None', '', 'ToVNet2-1-Drop'], // ID6
	['User', 'Active', '10.2.0.0/16', 'None', '', 'ToVNet2-2-Drop'], // ID7
	['User', 'Active', '10.10.0.0/16', 'VirtualAppliance', nvaIp, 'To-On-Prem'], // ID9
	['VirtualNetworkGateway', 'Invalid', '10.10.0.0/16', 'VirtualNetworkGateway', gatewayIp, ''], // ID8
];

// Subnet2: the article's eight rows plus 172.16.0.0/12 None (design 9: the table predates that route).
const subnet2: Row[] = [
	['Default', 'Active', '0.0.0.0/0', 'Internet', '', ''],
	['Default', 'Active', '10.0.0.0/8', 'None', '', ''],
	['Default', 'Active', '10.0.0.0/16', 'VnetLocal', '', ''],
	['Default', 'Active', '10.1.0.0/16', 'VNetPeering', '', ''],
	['Default', 'Active', '10.2.0.0/16', 'VNetPeering', '', ''],
	['Default', 'Active', '100.64.0.0/10', 'None', '', ''],
	['Default', 'Active', '172.16.0.0/12', 'None', '', ''],
	['Default', 'Active', '192.168.0.0/16', 'None', '', ''],
	['VirtualNetworkGateway', 'Active', '10.10.0.0/16', 'VirtualNetworkGateway', gatewayIp, ''],
];

const sources = [
	{from: 'code', topology: routingExample},
	{from: 'test/fixtures/routing-example.yaml', topology: routingExampleFromYaml},
];
for (const {from, topology} of sources) {
	test(`S-UDR routing example (${from}): Subnet1's table row for row`, (t) => {
		t.deepEqual(effectiveRoutesForSubnet(buildNetwork(topology()), 'VNet1/Subnet1').map(row), subnet1);
	});

	test(`S-UDR routing example (${from}): Subnet2's table row for row, with 172.16.0.0/12 None (design 9)`, (t) => {
		t.deepEqual(effectiveRoutesForSubnet(buildNetwork(topology()), 'VNet1/Subnet2').map(row), subnet2);
	});
}

test('S-UDR routing example: every Invalid row of Subnet1 names the user route that overrides it', (t) => {
	const routes = effectiveRoutesForSubnet(buildNetwork(routingExample()), 'VNet1/Subnet1');
	const overriders = routes.filter((route) => route.state === 'Invalid').map((route) => /user route (\S+)/.exec(route.note ?? '')?.[1]);
	t.deepEqual(overriders, ['Default-NVA', 'Within-VNet1', 'ToVNet2-1-Drop', 'ToVNet2-2-Drop', 'To-On-Prem']);
});

test('S-UDR routing example with To-On-Prem as a VirtualNetworkGateway route: ID8 still Invalid, the UDR shows the gateway IP', (t) => {
	const udrs = routingExampleUdrs().map((udr): Route => (udr.name === 'To-On-Prem' ? {name: 'To-On-Prem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualNetworkGateway'} : udr));
	const routes = effectiveRoutesForSubnet(buildNetwork(routingExample(udrs)), 'VNet1/Subnet1');
	t.deepEqual(row(find(routes, '10.10.0.0/16', 'VirtualNetworkGateway')!), ['User', 'Active', '10.10.0.0/16', 'VirtualNetworkGateway', gatewayIp, 'To-On-Prem']);
	t.is(routes.find((route) => route.source === 'VirtualNetworkGateway')!.state, 'Invalid');
});

test('S-UDR routing example: VNet2 sees VNet1 over the peering, not VNet1\'s gateway (no gateway transit)', (t) => {
	const routes = effectiveRoutesForSubnet(buildNetwork(routingExample()), 'VNet2/Subnet1');
	t.is(find(routes, '10.0.0.0/16', 'VNetPeering')!.state, 'Active');
	t.false(routes.some((route) => route.source === 'VirtualNetworkGateway'));
});

// ---------------------------------------------------------------- API

test('S-DIAGRT effectiveRoutes(nic) is its subnet\'s table', (t) => {
	const network = buildNetwork(routingExample());
	t.deepEqual(effectiveRoutes(network, 'vm-subnet1'), effectiveRoutesForSubnet(network, 'VNet1/Subnet1'));
	t.throws(() => effectiveRoutes(network, 'nope'), {message: /unknown network interface/});
	t.throws(() => effectiveRoutesForSubnet(network, 'VNet1/nope'), {message: /unknown subnet/});
});

test('effective routes are memoised per network and subnet', (t) => {
	const network = buildNetwork(routingExample());
	const first = effectiveRoutesForSubnet(network, 'VNet1/Subnet1');
	const second = effectiveRoutesForSubnet(network, 'VNet1/Subnet1');
	t.not(first, second, 'a fresh array each call');
	t.is(first[0], second[0], 'the same route objects');
});
