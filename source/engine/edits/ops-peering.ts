/**
 * VNet peering links: change the flags of a link, or create the link when none of that name
 * exists (then `from` and `to` are required). One link is one direction; a peering is
 * Connected once both directions exist (S-PEER).
 */
import type {VirtualNetworkPeering} from '../topology.js';
import {prefixesIntersect} from './facts.js';
import {findNamed, lookupNamed} from './lookup.js';
import {readNewName, type OpHandler} from './op.js';
import {appendItem, updateItem} from './update.js';

const flags = ['allowVirtualNetworkAccess', 'allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'] as const;

export const setPeering: OpHandler = ({topology, a, warn}) => {
	const name = a.string('name', 'the name of the peering link');
	const values: Partial<Pick<VirtualNetworkPeering, (typeof flags)[number]>> = {};
	for (const flag of flags) {
		const value = a.boolean(flag, true);
		if (value !== undefined) values[flag] = value;
	}

	if (a.failed || name === undefined) return undefined;
	const existing = findNamed(topology.virtualNetworkPeerings, name);
	let link: VirtualNetworkPeering;
	if (existing) {
		for (const end of ['from', 'to'] as const) {
			const given = a.optionalString(end);
			if (given !== undefined && given !== existing.item[end]) {
				a.fail(end, `peering ${name} goes ${existing.item.from} → ${existing.item.to}: a link's ends cannot change (delete it and create another)`);
			}
		}

		if (a.failed) return undefined;
		if (Object.keys(values).length === 0) return a.fail('', `nothing to change on ${name}: give at least one of ${flags.join(', ')}`);
		link = {...existing.item, ...values};
	} else {
		if (!a.has('from') && !a.has('to')) {
			const known = topology.virtualNetworkPeerings.map((p) => p.name);
			const hint = known.length > 0 && known.length <= 8 ? ` (links: ${known.join(', ')})` : '';
			return a.fail('name', `no peering link named ${name}${hint}: give from and to to create it`);
		}

		readNewName(a, 'name', 'peering');
		const from = lookupNamed(a, 'from', topology.virtualNetworks, 'virtual network', 'virtual networks');
		const to = lookupNamed(a, 'to', topology.virtualNetworks, 'virtual network', 'virtual networks');
		if (a.failed || !from || !to) return undefined;
		if (from.item.name === to.item.name) return a.fail('to', 'a virtual network cannot peer with itself');
		const twin = topology.virtualNetworkPeerings.find((p) => p.from === from.item.name && p.to === to.item.name);
		if (twin) return a.fail('name', `${from.item.name} already has a link to ${to.item.name}: ${twin.name}`);
		// S-PEER: the address spaces of peered virtual networks must not overlap.
		for (const ours of from.item.addressSpace) {
			const theirs = to.item.addressSpace.find((prefix) => prefixesIntersect(ours, prefix));
			if (theirs) return a.fail('to', `${from.item.name} (${ours}) and ${to.item.name} (${theirs}) overlap: peered address spaces must not`);
		}

		link = {
			name,
			from: from.item.name,
			to: to.item.name,
			allowVirtualNetworkAccess: true,
			allowForwardedTraffic: false,
			allowGatewayTransit: false,
			useRemoteGateways: false,
			...values,
		};
	}

	if (link.useRemoteGateways && values.useRemoteGateways) {
		// S-PEER: "You cannot use remote gateways if you already have a gateway configured in your virtual network."
		const own = topology.virtualNetworkGateways.find((g) => g.vnet === link.from);
		if (own) return a.fail('useRemoteGateways', `${link.from} has its own gateway ${own.name}: it cannot use a remote one`);
		// S-PEER: "Only one peering for this virtual network can have this setting enabled."
		const other = topology.virtualNetworkPeerings.find((p) => p.from === link.from && p.name !== link.name && p.useRemoteGateways);
		if (other) return a.fail('useRemoteGateways', `${link.from} already uses remote gateways through ${other.name}: only one link may`);
		if (!topology.virtualNetworkGateways.some((g) => g.vnet === link.to)) {
			return a.fail('useRemoteGateways', `${link.to} has no virtual network gateway to use`);
		}

		// A missing allowGatewayTransit on the way back is validateTopology's warning.
	}

	if (link.allowGatewayTransit && values.allowGatewayTransit && !topology.virtualNetworkGateways.some((g) => g.vnet === link.from)) {
		warn(`${link.from} has no virtual network gateway: allowing gateway transit shares nothing yet`);
	}

	return existing ? updateItem(topology, 'virtualNetworkPeerings', existing.index, () => link) : appendItem(topology, 'virtualNetworkPeerings', link);
};
