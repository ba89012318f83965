/**
 * Default system routes of a subnet (S-UDR 1.1) and VNet peering routes (S-UDR 1.2, S-PEER):
 * one VnetLocal route per address-space range of the VNet (never per subnet), 0.0.0.0/0 Internet,
 * the four reserved None routes (minus those the address spaces or a 0.0.0.0/0 UDR remove), and
 * one VNetPeering route per address-space range of each directly, Connected peered VNet.
 */
import {prefixCovers, privateRanges, type Prefix} from '../address.js';
import type {Network} from '../network.js';
import {routingContext} from './context.js';
import {addNote, systemRecord, type RouteRecord} from './model.js';

const everywhere: Prefix = {base: 0, length: 0, text: '0.0.0.0/0'};

export type SystemRouteOptions = {
	/** The subnet's route table has a user route for 0.0.0.0/0. */
	hasUserDefaultRoute: boolean;
};

export function systemRoutes(network: Network, vnetName: string, options: SystemRouteOptions): RouteRecord[] {
	const records: RouteRecord[] = [];
	const own = network.vnets.get(vnetName)?.addressSpace ?? [];
	/** Address ranges that rewrite the reserved None routes: the VNet's own and (our choice) its peers'. */
	const rewriting: Prefix[] = [...own];

	// S-UDR 1.1: "Azure creates an individual route for each address range" of the address space; none per subnet.
	for (const range of own) {
		const record = systemRecord('vnet-local', [range], 'VnetLocal', records.length);
		noteReservedRewrite(record, range, false);
		records.push(record);
	}

	// S-UDR 1.2 / S-PEER: a VNetPeering route per address range of each directly peered VNet, only when Connected;
	// never a peer's peer ("Peerings are not transitive").
	const ownRegion = network.vnets.get(vnetName)?.vnet.region.toLowerCase();
	for (const peer of routingContext(network).peers.get(vnetName) ?? []) {
		const peerVnet = network.vnets.get(peer);
		const global = ownRegion !== undefined && peerVnet !== undefined && peerVnet.vnet.region.toLowerCase() !== ownRegion;
		for (const range of peerVnet?.addressSpace ?? []) {
			const record = systemRecord('peering', [range], 'VNetPeering', records.length);
			noteReservedRewrite(record, range, true);
			// Docs (Virtual Network Manager secured hub-and-spoke tutorial): a peered VNet in another region shows next hop VNetGlobalPeering.
			if (global) addNote(record, globalPeeringNote(peer, peerVnet.vnet.region));
			rewriting.push(range);
			records.push(record);
		}
	}

	// S-UDR 1.1: 0.0.0.0/0 to the Internet.
	records.push(systemRecord('internet', [everywhere], 'Internet', records.length));

	// S-UDR routing example: a user route for 0.0.0.0/0 removes all four reserved None routes from the subnet.
	if (options.hasUserDefaultRoute) return records;

	// S-UDR 1.1: None for 10/8, 172.16/12, 192.168/16, 100.64/10; a range equal to one replaces it (the VnetLocal
	// route is already there), a range that includes it removes it, a range inside it keeps it (routing example:
	// 10.0.0.0/8 None stays for a 10.0.0.0/16 VNet). Applied to peered ranges too: our choice, noted on the route.
	for (const reserved of privateRanges) {
		if (rewriting.some((range) => prefixCovers(range, reserved))) continue;
		records.push(systemRecord('reserved', [reserved], 'None', records.length));
	}

	return records;
}

/** A peering to a VNet in another region (global peering): Azure's label differs from the one vnetlab keeps. */
export function globalPeeringNote(peer: string, region: string): string {
	return `${peer} is in another region (${region}): Azure's effective routes label a global peering route VNetGlobalPeering (docs: Virtual Network Manager secured hub-and-spoke tutorial); vnetlab keeps VNetPeering for regional and global peering alike.`;
}

function noteReservedRewrite(record: RouteRecord, range: Prefix, isPeer: boolean): void {
	for (const reserved of privateRanges) {
		if (!prefixCovers(range, reserved)) continue;
		const how = range.length === reserved.length ? 'replaces' : 'includes, so removes,';
		addNote(record, `This range ${how} the reserved ${reserved.text} None route (docs: Virtual network traffic routing default routes).`);
		if (isPeer) {
			addNote(
				record,
				"The docs state the rewrite for the VNet's own address space only; vnetlab applies it to peered address spaces too.",
			);
		}
	}
}
