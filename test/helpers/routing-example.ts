/**
 * The routing example of the "Virtual network traffic routing" article (S-UDR), built in code
 * (the same topology as test/fixtures/routing-example.yaml), and a row format for comparing
 * effective route tables with the article's.
 */
import {readFileSync} from 'node:fs';
import type {EffectiveRoute} from '../../source/engine/results.js';
import type {Route, Topology} from '../../source/engine/topology.js';
import {topo, topoFromYaml, type TopologyInput} from './topology.js';

export const nvaIp = '10.0.100.4';
export const gatewayIp = '20.50.9.9';

/** Subnet1's six UDRs, in the article's order. To-On-Prem goes to the NVA as in the article (ID9). */
export function routingExampleUdrs(): Route[] {
	return [
		{name: 'Within-VNet1', addressPrefix: '10.0.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp},
		{name: 'Within-Subnet1', addressPrefix: '10.0.0.0/24', nextHopType: 'VnetLocal'},
		{name: 'ToVNet2-1-Drop', addressPrefix: '10.1.0.0/16', nextHopType: 'None'},
		{name: 'ToVNet2-2-Drop', addressPrefix: '10.2.0.0/16', nextHopType: 'None'},
		{name: 'To-On-Prem', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp},
		{name: 'Default-NVA', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp},
	];
}

export function routingExampleInput(routes: Route[] = routingExampleUdrs()): TopologyInput {
	return {
		virtualNetworks: [
			{
				name: 'VNet1',
				addressSpace: ['10.0.0.0/16'],
				subnets: [
					{name: 'Subnet1', addressPrefix: '10.0.0.0/24', routeTable: 'Subnet1-Route-Table', serviceEndpoints: ['Microsoft.Storage']},
					{name: 'Subnet2', addressPrefix: '10.0.1.0/24'},
					{name: 'Subnet3', addressPrefix: '10.0.100.0/24'},
					{name: 'GatewaySubnet', addressPrefix: '10.0.255.0/27'},
				],
			},
			{
				name: 'VNet2',
				addressSpace: ['10.1.0.0/16', '10.2.0.0/16'],
				subnets: [
					{name: 'Subnet1', addressPrefix: '10.1.0.0/24'},
					{name: 'Subnet2', addressPrefix: '10.2.0.0/24'},
				],
			},
		],
		virtualNetworkPeerings: [
			{name: 'VNet1-to-VNet2', from: 'VNet1', to: 'VNet2'},
			{name: 'VNet2-to-VNet1', from: 'VNet2', to: 'VNet1'},
		],
		networkInterfaces: [
			{name: 'vm-subnet1', subnet: 'VNet1/Subnet1', privateIpAddress: '10.0.0.4'},
			{name: 'vm-subnet2', subnet: 'VNet1/Subnet2', privateIpAddress: '10.0.1.4'},
			{name: 'nva', subnet: 'VNet1/Subnet3', privateIpAddress: nvaIp, enableIpForwarding: true, appliance: {forwards: true, snat: false}},
			{name: 'vm-vnet2', subnet: 'VNet2/Subnet1', privateIpAddress: '10.1.0.4'},
		],
		virtualNetworkGateways: [{name: 'VNet1-Gateway', vnet: 'VNet1', gatewayType: 'Vpn', publicIpAddress: gatewayIp}],
		localNetworks: [{name: 'On-Premises', gateway: 'VNet1-Gateway', addressPrefixes: ['10.10.0.0/16']}],
		routeTables: [{name: 'Subnet1-Route-Table', disableBgpRoutePropagation: false, routes}],
	};
}

/** The article's topology, built in code. */
export function routingExample(routes?: Route[]): Topology {
	return topo(routingExampleInput(routes));
}

/** The same topology from test/fixtures/routing-example.yaml, defaults filled by the helper. */
export function routingExampleFromYaml(): Topology {
	return topoFromYaml(readFileSync(new URL('../fixtures/routing-example.yaml', import.meta.url), 'utf8'));
}

/** One effective route as a row of the article's tables: source, state, prefixes, next hop type, next hop IP, UDR name. */
export type Row = [source: string, state: string, prefixes: string, nextHopType: string, nextHopIp: string, name: string];

export function row(route: EffectiveRoute): Row {
	return [route.source, route.state, route.addressPrefix.join(' '), route.nextHopType, route.nextHopIpAddress.join(' '), route.name ?? ''];
}
