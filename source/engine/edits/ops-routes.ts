/**
 * Route table ops: create a table, add and remove user-defined routes, associate a table with
 * a subnet or remove it, and turn gateway route propagation on or off.
 */
import type {Route, Topology} from '../topology.js';
import {prefixProblem, type ArgReader} from './args.js';
import {gatewaysServing, subnetsUsingTable, vnetOfSubnet} from './facts.js';
import {findNamed, lookupNamed, lookupSubnet} from './lookup.js';
import {closestName} from './names.js';
import {readNewName, type OpHandler} from './op.js';
import {appendItem, removeAt, updateItem, updateSubnet} from './update.js';
import {limits, looksLikeTag, tagProblem, userNextHopTypes} from './vocabulary.js';


/** S-UDR, S-TAGS: a route's prefix is a CIDR or a service tag (never an NSG-only tag). */
function readRoutePrefix(r: ArgReader, topology: Topology): string | undefined {
	const text = r.string('addressPrefix', 'a CIDR prefix or a service tag');
	if (text === undefined) return undefined;
	if (!looksLikeTag(text)) {
		const problem = prefixProblem(text);
		return problem ? r.fail('addressPrefix', problem) : text;
	}

	const problem = tagProblem(text, topology, false);
	return problem ? r.fail('addressPrefix', problem) : text;
}

/**
 * S-UDR: "The virtual network gateway must be created with type VPN" and not where VPN and
 * ExpressRoute gateways coexist.
 */
export function vpnGatewayProblem(topology: Topology, vnetName: string): string | undefined {
	const gateways = gatewaysServing(topology, vnetName);
	const vpn = gateways.some((g) => g.gatewayType === 'Vpn');
	const expressRoute = gateways.some((g) => g.gatewayType === 'ExpressRoute');
	if (expressRoute && !vpn) {
		return `${vnetName}'s only gateway is ExpressRoute: a VirtualNetworkGateway route must point at a VPN gateway`;
	}

	if (expressRoute && vpn) {
		return `${vnetName} has VPN and ExpressRoute gateways side by side: Azure refuses VirtualNetworkGateway routes there`;
	}

	return undefined;
}

function hasGatewayRoute(topology: Topology, tableName: string): boolean {
	return findNamed(topology.routeTables, tableName)?.item.routes.some((r) => r.nextHopType === 'VirtualNetworkGateway') ?? false;
}

export const addRoute: OpHandler = ({topology, a}) => {
	const table = lookupNamed(a, 'routeTable', topology.routeTables, 'route table', 'route tables');
	const r = a.object('route', ['name', 'addressPrefix', 'nextHopType', 'nextHopIpAddress']);
	if (!r) return undefined;
	const name = readNewName(r, 'name', 'route');
	const addressPrefix = readRoutePrefix(r, topology);
	const nextHopType = r.oneOf('nextHopType', userNextHopTypes);
	let nextHopIpAddress: string | undefined;
	// S-UDR: only a virtual appliance route names a next hop IP, and it must.
	if (nextHopType === 'VirtualAppliance') {
		if (r.has('nextHopIpAddress')) nextHopIpAddress = r.ip('nextHopIpAddress');
		else r.fail('nextHopIpAddress', 'a VirtualAppliance route needs the private IP of the appliance (a NIC or an internal load balancer frontend)');
	} else if (nextHopType !== undefined && r.has('nextHopIpAddress')) {
		r.fail('nextHopIpAddress', `only VirtualAppliance routes take a next hop IP address; a ${nextHopType} route has none`);
	}

	if (a.failed || !table || !name || !addressPrefix || !nextHopType) return undefined;
	const {routes} = table.item;
	if (routes.some((route) => route.name === name)) {
		return r.fail('name', `route table ${table.item.name} already has a route named ${name}`);
	}

	const samePrefix = routes.find((route) => route.addressPrefix.toLowerCase() === addressPrefix.toLowerCase());
	if (samePrefix) {
		return r.fail('addressPrefix', `route ${samePrefix.name} in ${table.item.name} already covers ${addressPrefix}: a table holds one route per prefix`);
	}

	if (routes.length >= limits.routesPerTable) {
		return a.fail('routeTable', `${table.item.name} already holds ${limits.routesPerTable} routes, Azure's limit per table`);
	}

	// S-UDR: "You can currently create 25 or less routes with service tags in each route table."
	if (looksLikeTag(addressPrefix) && routes.filter((route) => looksLikeTag(route.addressPrefix)).length >= limits.serviceTagRoutesPerTable) {
		return r.fail('addressPrefix', `${table.item.name} already has ${limits.serviceTagRoutesPerTable} service tag routes, Azure's limit per table`);
	}

	if (nextHopType === 'VirtualNetworkGateway') {
		for (const subnetId of subnetsUsingTable(topology, table.item.name)) {
			const problem = vpnGatewayProblem(topology, vnetOfSubnet(subnetId));
			if (problem) return r.fail('nextHopType', problem);
		}
	}

	const route: Route = {name, addressPrefix, nextHopType, ...(nextHopIpAddress === undefined ? {} : {nextHopIpAddress})};
	return updateItem(topology, 'routeTables', table.index, (t) => ({...t, routes: [...t.routes, route]}));
};

export const removeRoute: OpHandler = ({topology, a}) => {
	const table = lookupNamed(a, 'routeTable', topology.routeTables, 'route table', 'route tables');
	const name = a.string('name', 'the name of the route to remove');
	if (!table || name === undefined) return undefined;
	const index = table.item.routes.findIndex((route) => route.name === name);
	if (index < 0) {
		const known = table.item.routes.map((route) => route.name);
		const near = closestName(name, known);
		const hint = near ? ` (did you mean ${near}?)` : known.length > 0 ? ` (its routes: ${known.join(', ')})` : ': it has no routes';
		return a.fail('name', `route table ${table.item.name} has no route named ${name}${hint}`);
	}

	return updateItem(topology, 'routeTables', table.index, (t) => ({...t, routes: removeAt(t.routes, index)}));
};

export const createRouteTable: OpHandler = ({topology, a}) => {
	const name = readNewName(a, 'name', 'route table');
	const disable = a.boolean('disableBgpRoutePropagation', true);
	if (a.failed || name === undefined) return undefined;
	if (findNamed(topology.routeTables, name)) return a.fail('name', `a route table named ${name} already exists`);
	return appendItem(topology, 'routeTables', {name, disableBgpRoutePropagation: disable ?? false, routes: []});
};

export const associateRouteTable: OpHandler = ({topology, a}) => {
	const subnet = lookupSubnet(a, 'subnet', topology);
	const table = lookupNamed(a, 'routeTable', topology.routeTables, 'route table', 'route tables');
	if (!subnet || !table) return undefined;
	if (hasGatewayRoute(topology, table.item.name)) {
		const problem = vpnGatewayProblem(topology, subnet.vnet.name);
		if (problem) return a.fail('routeTable', `${table.item.name} has a VirtualNetworkGateway route, but ${problem}`);
	}

	return updateSubnet(topology, subnet, (s) => ({...s, routeTable: table.item.name}));
};

export const dissociateRouteTable: OpHandler = ({topology, a}) => {
	const subnet = lookupSubnet(a, 'subnet', topology);
	if (!subnet) return undefined;
	if (subnet.subnet.routeTable === undefined) return a.fail('subnet', `subnet ${subnet.id} has no route table`);
	return updateSubnet(topology, subnet, ({routeTable: _removed, ...rest}) => rest);
};

export const setRoutePropagation: OpHandler = ({topology, a}) => {
	const table = lookupNamed(a, 'routeTable', topology.routeTables, 'route table', 'route tables');
	const enabled = a.boolean('enabled');
	if (!table || enabled === undefined) return undefined;
	return updateItem(topology, 'routeTables', table.index, (t) => ({...t, disableBgpRoutePropagation: !enabled}));
};
