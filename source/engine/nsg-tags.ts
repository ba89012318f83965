/**
 * Service tags as an NSG rule sees them. VirtualNetwork and Internet are computed per subnet
 * from its context (design section 9), the others come from the service tag table.
 */
import {isPrivateAddress, prefixContains, type Prefix} from './address.js';
import {cached, prefixOf, type Network} from './network.js';
import {effectiveRoutesForSubnet} from './routes.js';
import {serviceTagPrefixes} from './service-tags.js';

/** The host's virtual IP: health probes and platform DNS come from it (S-168). */
export const azurePlatformIp = '168.63.129.16';
const platformIp = 0xa83f8110; // 168.63.129.16

/**
 * VirtualNetwork tag for a subnet (S-TAGS): its VNet's address space, peered spaces, connected
 * on-premises prefixes and UDR prefixes, plus the host's virtual IP. The docs say it "might also
 * contain default routes"; we leave a 0.0.0.0/0 UDR out, so AllowVnetOutBound never turns into
 * allow-everything (ambiguity, noted in the trace).
 */
export function virtualNetworkTag(network: Network, subnetId: string): Prefix[] {
	return cached(network, `vnet-tag:${subnetId}`, () => {
		const prefixes: Prefix[] = [];
		for (const route of effectiveRoutesForSubnet(network, subnetId)) {
			const counts =
				route.nextHopType === 'VnetLocal' ||
				route.nextHopType === 'VNetPeering' ||
				route.source === 'VirtualNetworkGateway' ||
				(route.source === 'User' && route.serviceTag === undefined);
			if (!counts) continue;
			for (const text of route.addressPrefix) {
				const prefix = prefixOf(network, text);
				if (prefix.length > 0) prefixes.push(prefix);
			}
		}

		return prefixes;
	});
}

function inVirtualNetworkTag(network: Network, ip: number, subnetId: string): boolean {
	if (ip === platformIp) return true;
	return virtualNetworkTag(network, subnetId).some((p) => prefixContains(p, ip));
}

/** Whether a named tag contains an address, in the context of a subnet. */
export function nsgTagContains(network: Network, tag: string, ip: number, subnetId: string): boolean {
	switch (tag) {
		case 'VirtualNetwork':
			return inVirtualNetworkTag(network, ip, subnetId);
		case 'Internet':
			// Public address space outside the virtual network (S-TAGS); private ranges are not Internet (S-IPFVCLI).
			return !isPrivateAddress(ip) && ip !== platformIp && !inVirtualNetworkTag(network, ip, subnetId);
		case 'AzureLoadBalancer':
			return ip === platformIp;
		default: {
			const prefixes = serviceTagPrefixes(network, tag);
			return prefixes !== undefined && prefixes.some((p) => prefixContains(p, ip));
		}
	}
}
