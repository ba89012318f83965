/**
 * A subnet's routing: its effective routes (every NIC in a subnet shares them) and the index
 * that route lookups probe, built once per network and subnet and memoised on the network.
 */
import {comparePrefixes} from '../address.js';
import {cached, type Network} from '../network.js';
import type {EffectiveRoute} from '../results.js';
import {privateEndpointRoutes, serviceEndpointRoutes} from './endpoint-routes.js';
import {gatewayRoutes} from './gateway-routes.js';
import {applyInvalidState} from './invalid-state.js';
import {sourceRank, type Atom, type RouteKind, type RouteRecord} from './model.js';
import {buildPrefixIndex, type PrefixIndex} from './prefix-index.js';
import {systemRoutes} from './system-routes.js';
import {userRoutes} from './user-routes.js';

export type SubnetRouting = {
	subnetId: string;
	/** In output order. */
	records: RouteRecord[];
	routes: EffectiveRoute[];
	/** Every (route, prefix) atom by prefix length, for longest prefix match. */
	atoms: PrefixIndex<Atom>;
};

const kindRank: Readonly<Record<RouteKind, number>> = {
	'vnet-local': 0,
	peering: 1,
	'private-endpoint': 2,
	'service-endpoint': 3,
	internet: 4,
	reserved: 5,
	user: 6,
	gateway: 7,
};

export function subnetRouting(network: Network, subnetId: string): SubnetRouting {
	return cached(network, `routes:subnet:${subnetId}`, () => buildSubnetRouting(network, subnetId));
}

function buildSubnetRouting(network: Network, subnetId: string): SubnetRouting {
	const subnet = network.subnets.get(subnetId);
	if (!subnet) throw new Error(`unknown subnet '${subnetId}'`);
	const vnetName = subnet.vnet.name;
	const table = subnet.subnet.routeTable ? network.routeTables.get(subnet.subnet.routeTable) : undefined;

	const records: RouteRecord[] = [];
	const user = userRoutes(network, table, vnetName, 0);
	const hasUserDefaultRoute = user.some((record) => !record.route.serviceTag && record.prefixes[0]?.length === 0);
	records.push(...systemRoutes(network, vnetName, {hasUserDefaultRoute}));
	records.push(...serviceEndpointRoutes(network, subnet, records.length));
	records.push(...privateEndpointRoutes(network, vnetName, records.length));
	records.push(...user);
	// S-UDR 1.2: no gateway routes where the route table disables propagation; no route table means propagation on.
	if (!table?.disableBgpRoutePropagation) records.push(...gatewayRoutes(network, vnetName, records.length));

	applyInvalidState(network, records, vnetName);

	// Design 5: a stable order, by source (Default, User, VirtualNetworkGateway), then by prefix.
	records.sort(
		(a, b) =>
			sourceRank[a.route.source] - sourceRank[b.route.source] ||
			comparePrefixLists(a, b) ||
			kindRank[a.kind] - kindRank[b.kind] ||
			a.order - b.order,
	);

	const atoms = buildPrefixIndex(records.flatMap((record) => record.prefixes.map((prefix) => ({prefix, value: {record, prefix}}))));
	return {subnetId, records, routes: records.map((record) => record.route), atoms};
}

function comparePrefixLists(a: RouteRecord, b: RouteRecord): number {
	const [pa, pb] = [a.prefixes[0], b.prefixes[0]];
	if (!pa || !pb) return (pa ? 0 : 1) - (pb ? 0 : 1);
	return comparePrefixes(pa, pb);
}
