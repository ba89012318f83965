/**
 * Service tags as an NSG rule sees them. VirtualNetwork and Internet are computed per subnet
 * from its context (design section 9), the others come from the service tag table.
 */
import {isPrivateAddress, prefixContains, type Prefix} from './address.js';
import {cached, isPeeringConnected, prefixOf, type Network} from './network.js';
import {effectiveRoutesForSubnet} from './routes.js';
import {gatewayRoutes} from './routes/gateway-routes.js';
import {serviceTagPrefixes} from './service-tags.js';

/** The host's virtual IP: health probes and platform DNS come from it (S-168). */
export const azurePlatformIp = '168.63.129.16';
const platformIp = 0xa83f8110; // 168.63.129.16
/** The instance metadata service (S-NSG Azure platform considerations). */
export const instanceMetadataIp = '169.254.169.254';
const metadataIp = 0xa9fea9fe; // 169.254.169.254

/**
 * A flow to a service of the host node (S-NSG, S-168), which "aren't subject to the configured network
 * security groups unless targeted by service tags specific to each service": `tag` is the tag a rule
 * must name to filter it. 168.63.129.16 serves DNS on 53 (AzurePlatformDNS) and the VM agent's
 * WireServer (80, 32526; no tag, never filtered). Undefined when the flow is not to the host node.
 */
export function platformService(destinationIp: string, protocol: string, port: number): {tag?: string} | undefined {
	if (destinationIp === instanceMetadataIp) return {tag: 'AzurePlatformIMDS'};
	if (destinationIp !== azurePlatformIp) return undefined;
	return protocol !== 'icmp' && port === 53 ? {tag: 'AzurePlatformDNS'} : {};
}

/** A Connected peer whose address space a VNet's VirtualNetwork tag leaves out, and the VNet's own link to it. */
export type HiddenPeer = {peer: string; link: string; prefixes: Prefix[]};

/**
 * The Connected peers of `vnetName` whose own link to them has allow virtual network access off:
 * "the VirtualNetwork service tag encompasses the virtual network and the peered virtual network"
 * only when the setting is Allow (docs: Manage a virtual network peering).
 */
export function hiddenPeers(network: Network, vnetName: string): HiddenPeer[] {
	return cached(network, `vnet-tag-hidden:${vnetName}`, () =>
		network.topology.virtualNetworkPeerings
			.filter((link) => link.from === vnetName && link.to !== vnetName && !link.allowVirtualNetworkAccess && isPeeringConnected(network, link.from, link.to))
			.map((link) => ({peer: link.to, link: link.name, prefixes: network.vnets.get(link.to)?.addressSpace ?? []})),
	);
}

/**
 * VirtualNetwork tag for a subnet (S-TAGS): its VNet's address space, peered spaces (only of peers
 * its own link allows virtual network access to), connected on-premises prefixes (behind its own
 * gateway or one used through transit, with or without route propagation) and UDR prefixes, plus
 * the host's virtual IP. The docs say it "might also contain default routes"; we leave a 0.0.0.0/0
 * UDR out, so AllowVnetOutBound never turns into allow-everything (ambiguity, noted in the trace).
 */
export function virtualNetworkTag(network: Network, subnetId: string): Prefix[] {
	return cached(network, `vnet-tag:${subnetId}`, () => {
		const vnetName = subnetId.slice(0, subnetId.indexOf('/'));
		const hidden = hiddenPeers(network, vnetName).flatMap((h) => h.prefixes);
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
				if (prefix.length === 0) continue;
				// Docs (Manage a virtual network peering): with allow virtual network access off, the peer is not in the tag.
				if (route.nextHopType === 'VNetPeering' && hidden.some((h) => h.base === prefix.base && h.length === prefix.length)) continue;
				prefixes.push(prefix);
			}
		}

		// S-NSG: "all connected on-premises address spaces", whether or not this subnet's route table
		// takes the gateway's routes (propagation off changes routing, not what the tag means).
		for (const record of gatewayRoutes(network, vnetName, 0)) prefixes.push(...record.prefixes.filter((prefix) => prefix.length > 0));

		return prefixes;
	});
}

/**
 * The trace's note for the ambiguity above (azure-semantics 13.9), when the subnet has a 0.0.0.0/0 UDR.
 * Undefined when the subnet has none.
 */
export function virtualNetworkTagNote(network: Network, subnetId: string): string | undefined {
	const defaultUdr = effectiveRoutesForSubnet(network, subnetId).some((r) => r.source === 'User' && r.addressPrefix.includes('0.0.0.0/0'));
	if (!defaultUdr) return undefined;
	// One wording for every subnet, so a path through several such subnets carries the note once.
	return `A subnet on this path has a user route for 0.0.0.0/0. The docs say the VirtualNetwork tag "might also contain default routes" without saying when; vnetlab leaves 0.0.0.0/0 out of VirtualNetwork (so AllowVnetOutBound/AllowVnetInBound do not allow everything) and keeps public addresses in Internet. Field reports say Azure widens the tag to 0.0.0.0/0 in this case, so the AllowVnet rules would allow far more: in Azure, check the NIC's effective security rules (az network nic list-effective-nsg) rather than relying on either.`;
}

function inVirtualNetworkTag(network: Network, ip: number, subnetId: string): boolean {
	if (ip === platformIp) return true;
	return virtualNetworkTag(network, subnetId).some((p) => prefixContains(p, ip));
}

/**
 * The peer holding `ip` that the subnet's VirtualNetwork tag leaves out because its VNet's link to
 * that peer has allow virtual network access off; undefined when the tag holds the IP anyway (a
 * user route's prefix, say) or no such peer holds it.
 */
export function peerHiddenFromTag(network: Network, subnetId: string, ip: number): HiddenPeer | undefined {
	const vnetName = subnetId.slice(0, subnetId.indexOf('/'));
	const holder = hiddenPeers(network, vnetName).find((h) => h.prefixes.some((p) => prefixContains(p, ip)));
	if (!holder || inVirtualNetworkTag(network, ip, subnetId)) return undefined;
	return holder;
}

function inHiddenPeer(network: Network, ip: number, subnetId: string): boolean {
	return hiddenPeers(network, subnetId.slice(0, subnetId.indexOf('/'))).some((h) => h.prefixes.some((p) => prefixContains(p, ip)));
}

/** Whether a named tag contains an address, in the context of a subnet. Tag names are case-insensitive, as ARM reads them. */
export function nsgTagContains(network: Network, tag: string, ip: number, subnetId: string): boolean {
	switch (tag.toLowerCase()) {
		case 'virtualnetwork':
			return inVirtualNetworkTag(network, ip, subnetId);
		case 'internet':
			// Public address space outside the virtual network (S-TAGS); private ranges are not Internet (S-IPFVCLI).
			// A peer left out of VirtualNetwork (access off) is still not "reachable by the public internet": not Internet either.
			return !isPrivateAddress(ip) && ip !== platformIp && !inVirtualNetworkTag(network, ip, subnetId) && !inHiddenPeer(network, ip, subnetId);
		case 'azureloadbalancer':
		case 'azureplatformdns':
			return ip === platformIp;
		case 'azureplatformimds':
			return ip === metadataIp;
		case 'azureplatformlkm':
			// Windows licence activation (KMS) endpoints are not in the topology: nothing modelled is in this tag.
			return false;
		default: {
			const prefixes = serviceTagPrefixes(network, tag);
			return prefixes !== undefined && prefixes.some((p) => prefixContains(p, ip));
		}
	}
}
