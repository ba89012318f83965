/**
 * Copy-on-write helpers: every edit returns a new topology that shares all it did not change
 * with the old one, which is never mutated (undo is replaying from the start).
 */
import type {Subnet, Topology} from '../topology.js';
import type {SubnetRef} from './lookup.js';

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
	const copy = list.slice();
	copy[index] = item;
	return copy;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
	return [...list.slice(0, index), ...list.slice(index + 1)];
}

/** Topology keys that hold a list of named objects. */
type ListKey = {[K in keyof Topology]: Topology[K] extends readonly unknown[] ? K : never}[keyof Topology];

/** The topology with `topology[key][index]` replaced by `fn` of it. */
export function updateItem<K extends ListKey>(
	topology: Topology,
	key: K,
	index: number,
	fn: (item: Topology[K][number]) => Topology[K][number],
): Topology {
	const list = topology[key] as ReadonlyArray<Topology[K][number]>;
	return {...topology, [key]: replaceAt(list, index, fn(list[index]!))};
}

/** The topology with one item appended to `topology[key]`. */
export function appendItem<K extends ListKey>(topology: Topology, key: K, item: Topology[K][number]): Topology {
	return {...topology, [key]: [...(topology[key] as ReadonlyArray<Topology[K][number]>), item]};
}

/** The topology without `topology[key][index]`. */
export function removeItem<K extends ListKey>(topology: Topology, key: K, index: number): Topology {
	return {...topology, [key]: removeAt(topology[key] as ReadonlyArray<Topology[K][number]>, index)};
}

/** The topology with one subnet changed. */
export function updateSubnet(topology: Topology, ref: SubnetRef, fn: (subnet: Subnet) => Subnet): Topology {
	return updateItem(topology, 'virtualNetworks', ref.vnetIndex, (vnet) => ({
		...vnet,
		subnets: replaceAt(vnet.subnets, ref.subnetIndex, fn(vnet.subnets[ref.subnetIndex]!)),
	}));
}
