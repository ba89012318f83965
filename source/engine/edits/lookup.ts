/**
 * Finding the objects an edit names, the way the topology file names them: by `name` within
 * a kind, a subnet as `vnet/subnet`, a private DNS zone by id (or by name when only one zone
 * has it). A miss becomes an EditError on the argument, with suggestions.
 */
import type {PrivateDnsZone, Subnet, Topology, VirtualNetwork} from '../topology.js';
import type {ArgReader} from './args.js';
import {unknownName} from './names.js';

export type Found<T> = {index: number; item: T};

export function findNamed<T extends {name: string}>(list: readonly T[], name: string): Found<T> | undefined {
	const index = list.findIndex((item) => item.name === name);
	return index < 0 ? undefined : {index, item: list[index]!};
}

/** Reads the string argument `key` and finds the object of that name in `list`. */
export function lookupNamed<T extends {name: string}>(
	a: ArgReader,
	key: string,
	list: readonly T[],
	kind: string,
	plural: string,
): Found<T> | undefined {
	const name = a.string(key, `the name of a ${kind}`);
	if (name === undefined) return undefined;
	const found = findNamed(list, name);
	if (!found) a.fail(key, unknownName(kind, plural, name, list.map((item) => item.name)));

	return found;
}

export type SubnetRef = {
	/** `vnet/subnet`. */
	id: string;
	vnetIndex: number;
	subnetIndex: number;
	vnet: VirtualNetwork;
	subnet: Subnet;
};

/** The subnet `vnet/subnet`, if it exists. */
export function findSubnet(topology: Topology, id: string): SubnetRef | undefined {
	const [vnetName, subnetName, extra] = id.split('/');
	if (extra !== undefined || subnetName === undefined) return undefined;
	const vnetIndex = topology.virtualNetworks.findIndex((v) => v.name === vnetName);
	if (vnetIndex < 0) return undefined;
	const vnet = topology.virtualNetworks[vnetIndex]!;
	const subnetIndex = vnet.subnets.findIndex((s) => s.name === subnetName);
	if (subnetIndex < 0) return undefined;
	return {id, vnetIndex, subnetIndex, vnet, subnet: vnet.subnets[subnetIndex]!};
}

/** Every subnet of the topology. */
export function allSubnets(topology: Topology): SubnetRef[] {
	return topology.virtualNetworks.flatMap((vnet, vnetIndex) =>
		vnet.subnets.map((subnet, subnetIndex) => ({id: `${vnet.name}/${subnet.name}`, vnetIndex, subnetIndex, vnet, subnet})),
	);
}

/** Reads a `vnet/subnet` argument and finds it. */
export function lookupSubnet(a: ArgReader, key: string, topology: Topology): SubnetRef | undefined {
	const id = a.string(key, 'a subnet as vnet/subnet');
	if (id === undefined) return undefined;
	const parts = id.split('/');
	if (parts.length !== 2 || !parts[0] || !parts[1]) {
		return a.fail(key, `'${id}' is not a subnet reference: write it as vnet/subnet, e.g. hub/app`);
	}

	const [vnetName, subnetName] = parts as [string, string];
	const vnet = topology.virtualNetworks.find((v) => v.name === vnetName);
	if (!vnet) {
		const known = topology.virtualNetworks.map((v) => v.name);
		return a.fail(key, unknownName('virtual network', 'virtual networks', vnetName, known));
	}

	const found = findSubnet(topology, id);
	if (!found) {
		const known = vnet.subnets.map((s) => s.name);
		const message = unknownName('subnet', 'subnets', subnetName, known);
		return a.fail(key, message.replace(`'${subnetName}'`, `'${subnetName}' in ${vnetName}`));
	}

	return found;
}

/** Zones an argument may mean: the zone of that id, else the zones of that name. */
export function zonesMatching(topology: Topology, text: string): Array<Found<PrivateDnsZone>> {
	const zones = topology.privateDnsZones;
	const byId = zones.findIndex((z) => z.id === text);
	if (byId >= 0) return [{index: byId, item: zones[byId]!}];
	return zones.flatMap((item, index) => (item.name === text ? [{index, item}] : []));
}

/** Reads a zone argument: a zone id, or a zone name when exactly one zone has it. */
export function lookupZone(a: ArgReader, key: string, topology: Topology): Found<PrivateDnsZone> | undefined {
	const text = a.string(key, 'a private DNS zone id or name');
	if (text === undefined) return undefined;
	const matches = zonesMatching(topology, text);
	if (matches.length === 1) return matches[0];
	if (matches.length > 1) {
		const ids = matches.map((m) => m.item.id).join(', ');
		return a.fail(key, `several zones are named ${text} (ids ${ids}): give the id of the one you mean`);
	}

	const known = [...new Set(topology.privateDnsZones.flatMap((z) => (z.id === z.name ? [z.name] : [z.id, z.name])))];
	return a.fail(key, unknownName('private DNS zone', 'private DNS zones', text, known));
}
