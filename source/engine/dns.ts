/**
 * DNS resolution as a client in the topology sees it: a VM (its NIC's VNet decides, S-RESOLVER),
 * an on-premises host (its site's DNS server, S-PEDNSI) or an Internet host (public DNS).
 * The path a query takes is in `steps`; each answer says where it came from.
 * The pieces live in engine/dns/: public DNS, private zones, forwarding, servers, recursion.
 */
import {cached, type Network} from './network.js';
import type {Resolution} from './results.js';
import {normalizeName} from './dns/names.js';
import {linkedZones} from './dns/private-zones.js';
import {capitalise, firstServerOf, resolveFrom, type FirstServer} from './dns/resolve.js';
import {azureDnsIp, dnsServerAt, type Vantage} from './dns/servers.js';

export type DnsClient =
	/** A VM: its NIC's VNet decides which DNS server it asks. */
	| {kind: 'vnet'; vnet: string; label: string}
	/** An on-premises host: it asks its site's DNS server. */
	| {kind: 'on-premises'; localNetwork: string; label: string}
	/** An Internet host: it asks a public resolver. */
	| {kind: 'internet'; label: string};

export {ownerOfName, privateLinkNameOf, publicNameOf, subResourcesOf, type NameOwner, type SubResource} from './dns/public-dns.js';
export {azureDnsIp} from './dns/servers.js';
export {maxCnames, maxForwards} from './dns/resolve.js';

/** On-premises hosts by name, with their site. */
function onPremisesHosts(network: Network): Map<string, string> {
	return cached(network, 'dns:on-premises-hosts', () => {
		const hosts = new Map<string, string>();
		for (const site of network.topology.localNetworks) {
			for (const host of site.hosts) if (!hosts.has(host.name)) hosts.set(host.name, site.name);
		}

		return hosts;
	});
}

/** The DNS client behind a name: a NIC (its VNet), an on-premises host (its site) or an Internet host. */
export function dnsClientFor(network: Network, from: string): DnsClient | undefined {
	const nic = network.nics.get(from);
	if (nic) return {kind: 'vnet', vnet: nic.subnet.slice(0, nic.subnet.indexOf('/')), label: from};
	const site = onPremisesHosts(network).get(from);
	if (site !== undefined) return {kind: 'on-premises', localNetwork: site, label: from};
	if (network.internetHosts.has(from)) return {kind: 'internet', label: from};
	return undefined;
}

/** Where a client's queries go first: `clause` completes "<client> is in <place>, ...", `more` follows it. */
type FirstHop = {first: FirstServer; clause: string; more: string[]; /** The custom DNS server's address, when the VNet names one. */ customServer?: string};

/**
 * Whether a query reaches a DNS server's address: undefined when it does, else why not. Without
 * `from` it is the client's own query to its first server; with it, a server forwarding from
 * there (an on-premises site's conditional forwarder). The trace supplies it (a UDP 53 packet),
 * so NSGs, routes, peerings and gateways decide; the DNS code itself stays free of routing.
 */
export type DnsReach = (serverIp: string, from?: Vantage) => string | undefined;

/** Where a VNet's VMs send their queries (S-RESOLVER step 2: custom DNS servers, else Azure-provided DNS). */
function vnetFirstHop(network: Network, vnet: string): FirstHop {
	return cached(network, `dns:first-hop:vnet:${vnet}`, () => {
		const servers = network.vnets.get(vnet)?.vnet.dnsServers ?? [];
		if (servers.length === 0) {
			return {first: {kind: 'context', context: {kind: 'azure-dns', vnet}}, clause: `which uses Azure-provided DNS (${azureDnsIp})`, more: []};
		}

		const ip = servers[0]!;
		const others = servers.length > 1 ? ` (the first of ${servers.join(', ')})` : '';
		const more: string[] = [];
		// S-RESOLVER: "Private DNS zones are not resolved when Custom DNS servers are configured".
		const hidden = [...linkedZones(network, vnet).keys()];
		if (hidden.length > 0 && ip !== azureDnsIp) {
			more.push(`The private zones linked to ${vnet} (${hidden.join(', ')}) are not consulted: a VNet with custom DNS servers does not use them directly.`);
		}

		const server = dnsServerAt(network, ip, {kind: 'vnet', vnet});
		more.push(`${capitalise(server.description)}.`);
		// Naming 168.63.129.16 as the custom server is Azure-provided DNS itself, not a forwarder.
		const first = firstServerOf(server, ip === azureDnsIp ? undefined : `custom DNS ${ip}`);
		return {first, clause: `which uses custom DNS servers: the query goes to ${ip}${others}`, more, ...(ip === azureDnsIp ? {} : {customServer: ip})};
	});
}

/** Where an on-premises host sends its queries: its site's first DNS server, else public DNS (S-PEDNSI). */
function siteFirstHop(network: Network, localNetwork: string): FirstHop {
	return cached(network, `dns:first-hop:site:${localNetwork}`, () => {
		const servers = network.localNetworks.get(localNetwork)?.dnsServers ?? [];
		if (servers.length === 0) {
			return {first: {kind: 'context', context: {kind: 'public'}}, clause: 'which has no DNS server of its own, so its hosts ask public DNS', more: []};
		}

		const ip = servers[0]!;
		const server = dnsServerAt(network, ip, {kind: 'on-premises', localNetwork});
		const isOwn = server.kind === 'on-premises' && server.localNetwork === localNetwork;
		return {first: firstServerOf(server), clause: `whose DNS server is ${ip}`, more: isOwn ? [] : [`${capitalise(server.description)}.`]};
	});
}

/**
 * Resolve a name for a client. Names are case-insensitive and a trailing dot is ignored.
 * With `reach`, a VM's query must first get to its VNet's custom DNS server, and an on-premises
 * server's forwarded query to its target: a server the query cannot reach (no peering, no
 * gateway path, an NSG, a None route) answers nothing, and the query times out.
 */
export function resolveName(network: Network, client: DnsClient, name: string, reach?: DnsReach): Resolution {
	const normalized = normalizeName(name);
	switch (client.kind) {
		case 'vnet': {
			const {first, clause, more, customServer} = vnetFirstHop(network, client.vnet);
			const intro = [`${client.label} is in ${client.vnet}, ${clause}.`, ...more];
			// A custom DNS server is reached like any other address (S-RESOLVER step 2 forwards the query there);
			// Azure-provided DNS at 168.63.129.16 only through an NSG rule naming AzurePlatformDNS (S-168).
			const server = customServer ?? azureDnsIp;
			const blocked = first.kind !== 'none' ? reach?.(server) : undefined;
			if (blocked !== undefined) {
				return resolveFrom(network, {kind: 'none'}, normalized, client.label, [...intro, `The query to ${server} (UDP 53) never gets there: ${blocked}. It times out.`]);
			}

			return resolveFrom(network, first, normalized, client.label, intro, reach);
		}

		case 'on-premises': {
			const {first, clause, more} = siteFirstHop(network, client.localNetwork);
			return resolveFrom(network, first, normalized, client.label, [`${client.label} is in on-premises site ${client.localNetwork}, ${clause}.`, ...more], reach);
		}

		case 'internet':
			return resolveFrom(network, {kind: 'context', context: {kind: 'public'}}, normalized, client.label, [`${client.label} is on the Internet and asks public DNS.`]);
	}
}

/** Resolve a name as seen from a NIC, an on-premises host or an Internet host; throws for an unknown `from`. */
export function resolve(network: Network, from: string, name: string, reach?: DnsReach): Resolution {
	const client = dnsClientFor(network, from);
	if (!client) throw new Error(`unknown DNS client '${from}': expected a network interface, an on-premises host or an Internet host`);
	return resolveName(network, client, name, reach);
}
