/**
 * Private DNS zones as one virtual network sees them: only zones linked to it count (S-DNSLINK),
 * at most one zone per name, and the most specific linked zone is authoritative for a name.
 */
import {cached, type Network} from '../network.js';
import type {DnsRecord, PrivateDnsZone, VirtualNetworkLink} from '../topology.js';
import {longestSuffixMatch, normalizeName, relativeName} from './names.js';

export type LinkedZone = {
	zone: PrivateDnsZone;
	link: VirtualNetworkLink;
	/** The zone name, normalised. */
	name: string;
};

/** The zones linked to a VNet, by normalised zone name. */
export function linkedZones(network: Network, vnet: string): ReadonlyMap<string, LinkedZone> {
	return cached(network, `dns:linked-zones:${vnet}`, () => {
		const table = new Map<string, LinkedZone>();
		for (const zone of network.topology.privateDnsZones) {
			// S-DNSLINK: a zone is "not immediately accessible from any virtual network" until linked to it.
			const name = normalizeName(zone.name);
			// Design 2: a VNet links at most one zone of a name; if a topology breaks that, the first wins.
			if (table.has(name)) continue;
			const link = zone.virtualNetworkLinks.find((candidate) => candidate.vnet === vnet);
			if (link) table.set(name, {zone, link, name});
		}

		return table;
	});
}

/** The linked zone authoritative for a name: the longest zone name that is the name or a parent of it. */
export function linkedZoneFor(network: Network, vnet: string, name: string): LinkedZone | undefined {
	return longestSuffixMatch(linkedZones(network, vnet), name);
}

/** A zone's records by normalised relative name (`@` for the apex). */
function zoneRecords(network: Network, zone: PrivateDnsZone): ReadonlyMap<string, DnsRecord[]> {
	return cached(network, `dns:zone-records:${zone.id}`, () => {
		const table = new Map<string, DnsRecord[]>();
		for (const record of zone.records) {
			const name = normalizeName(record.name) || '@';
			table.set(name, [...(table.get(name) ?? []), record]);
		}

		return table;
	});
}

/** The records a linked zone holds for a name under it (empty when the name does not exist there). */
export function recordsFor(network: Network, linked: LinkedZone, name: string): readonly DnsRecord[] {
	return zoneRecords(network, linked.zone).get(relativeName(name, linked.name)) ?? [];
}

/** How an answer names the zone: its name, plus its id when the id differs (two zones may share a name). */
export function zoneLabel(zone: PrivateDnsZone): string {
	return zone.id === zone.name ? zone.name : `${zone.name} (${zone.id})`;
}

/** True for a `privatelink.` zone, the only kind a link's NxDomainRedirect policy applies to (S-NXR). */
export function isPrivateLinkZone(name: string): boolean {
	return name.startsWith('privatelink.');
}
