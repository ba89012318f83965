/**
 * Who answers DNS at an IP address: a DNS Private Resolver inbound endpoint or a DNS server VM
 * (both hand the query to Azure DNS as seen from their own VNet), an on-premises DNS server, the
 * Azure-provided DNS address 168.63.129.16, or nobody.
 */
import {isIpv4Address, ipToInt, maskOf} from '../address.js';
import {connectedPeers, prefixOf, type IpOwner, type Network} from '../network.js';

/** The Azure-provided DNS virtual server, reachable only from inside a virtual network (S-168). */
export const azureDnsIp = '168.63.129.16';

/** Where a DNS query is sent from: a VNet, or an on-premises site (a local network). */
export type Vantage = {kind: 'vnet'; vnet: string} | {kind: 'on-premises'; localNetwork: string};

export type DnsServer =
	/** Azure DNS as seen from `vnet`: its linked private zones, then its linked rulesets, then public DNS. */
	| {kind: 'azure-dns'; vnet: string; description: string}
	/** An on-premises DNS server: its conditional forwarders, then public DNS. */
	| {kind: 'on-premises'; localNetwork: string; description: string}
	/** Nothing answers DNS at this address: the query times out. */
	| {kind: 'none'; description: string};

/** VNets in the order an address is looked for: the sender's own, its peers, then every other. */
function searchOrder(network: Network, from: Vantage): string[] {
	const all = network.topology.virtualNetworks.map((vnet) => vnet.name);
	if (from.kind !== 'vnet') return all;
	const first = [from.vnet, ...connectedPeers(network, from.vnet)];
	return [...first, ...all.filter((name) => !first.includes(name))];
}

function azureOwner(network: Network, ip: number, from: Vantage): {vnet: string; owner: IpOwner} | undefined {
	for (const vnet of searchOrder(network, from)) {
		const owner = network.ipOwners.get(vnet)?.get(ip);
		if (owner) return {vnet, owner};
	}

	return undefined;
}

function siteListing(network: Network, ip: string): string | undefined {
	return network.topology.localNetworks.find((site) => site.dnsServers.includes(ip))?.name;
}

/** True when the site lists `ip` among its DNS servers and the address is inside the site's own prefixes. */
function isSiteServer(network: Network, localNetwork: string, ip: string): boolean {
	const site = network.localNetworks.get(localNetwork);
	if (!site?.dnsServers.includes(ip)) return false;
	const address = ipToInt(ip);
	return site.addressPrefixes.some((text) => {
		const prefix = prefixOf(network, text);
		return ((address & maskOf(prefix.length)) >>> 0) === prefix.base;
	});
}

/** The DNS server at `ip` as seen from `from`. */
export function dnsServerAt(network: Network, ip: string, from: Vantage): DnsServer {
	if (ip === azureDnsIp) {
		// S-PEDNSI: "the query must be originated from the Virtual Network to Azure DNS".
		if (from.kind === 'vnet') return {kind: 'azure-dns', vnet: from.vnet, description: `${ip} is Azure-provided DNS, answering as seen from ${from.vnet}`};
		return {kind: 'none', description: `${ip} (Azure-provided DNS) only answers queries from inside an Azure virtual network, not from on-premises`};
	}

	if (!isIpv4Address(ip)) return {kind: 'none', description: `'${ip}' is not an IPv4 address, so no DNS server answers there`};
	// An address inside the sending site's own prefixes is that site's server, even if an unpeered VNet reuses it.
	if (from.kind === 'on-premises' && isSiteServer(network, from.localNetwork, ip)) {
		return {kind: 'on-premises', localNetwork: from.localNetwork, description: `${ip} is the DNS server of on-premises site ${from.localNetwork}`};
	}

	const found = azureOwner(network, ipToInt(ip), from);
	if (found) {
		const {vnet, owner} = found;
		switch (owner.kind) {
			case 'resolver':
				// S-RESOLVER / S-PEDNSI: the inbound endpoint answers with Azure DNS from its VNet, zones linked there included.
				return {kind: 'azure-dns', vnet, description: `${ip} is the inbound endpoint of DNS Private Resolver ${owner.resolver.name} in ${vnet}, which answers with Azure DNS as seen from ${vnet}`};
			case 'nic':
				// Modelling choice: a VM named as a DNS server forwards everything to 168.63.129.16 from its VNet (S-PEDNSI's forwarder VM).
				if (!owner.nic.running) return {kind: 'none', description: `${ip} is ${owner.nic.name}, a DNS server VM that is stopped, so nothing answers`};
				return {kind: 'azure-dns', vnet, description: `${ip} is ${owner.nic.name} in ${vnet}, a DNS server VM that forwards to Azure DNS (${azureDnsIp}) as seen from ${vnet}`};
			case 'private-endpoint':
				return {kind: 'none', description: `${ip} is private endpoint ${owner.endpoint.name}, which does not answer DNS queries`};
			case 'load-balancer':
				return {kind: 'none', description: `${ip} is a frontend of load balancer ${owner.loadBalancer.name}; DNS behind a load balancer is not modelled, so nothing answers`};
			case 'pls-nat':
				return {kind: 'none', description: `${ip} is a NAT IP of Private Link service ${owner.service.name}, which does not answer DNS queries`};
		}
	}

	const site = siteListing(network, ip);
	if (site) return {kind: 'on-premises', localNetwork: site, description: `${ip} is the DNS server of on-premises site ${site}`};
	return {kind: 'none', description: `nothing in the topology answers DNS at ${ip}, so the query times out`};
}
