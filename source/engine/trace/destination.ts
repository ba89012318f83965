/**
 * What a trace's `--to` may name besides an IP or a DNS name. A PaaS resource (storage account,
 * SQL server, key vault) is reached by its usual DNS name, so its resource name stands for that
 * name. Other modelled objects (a VNet, a subnet, a gateway, ...) are not somewhere a packet is
 * addressed to: the message says why and what to type instead. Pure.
 */
import type {Network} from '../network.js';
import type {Resource} from '../topology.js';
import {privateEndpointsFor, publicNameOf, subResourcesOf} from '../dns/public-dns.js';

/** The kinds of name `--to` accepts, for messages and help. */
export const destinationKinds = 'an IPv4 address, a DNS name, or the name of a NIC, an on-premises or Internet host, a private endpoint, or a storage account, SQL server or key vault';

const resourceKinds: Record<Resource['type'], string> = {
	'Microsoft.Storage/storageAccounts': 'storage account',
	'Microsoft.Sql/servers': 'SQL server',
	'Microsoft.KeyVault/vaults': 'key vault',
};

/** The resource a name (any case) names, if it is one. */
function resourceNamed(network: Network, name: string): Resource | undefined {
	const lower = name.toLowerCase();
	return network.resources.get(name) ?? network.topology.resources.find((r) => r.name.toLowerCase() === lower);
}

export type UsualName = {name: string; note: string};

/**
 * The DNS name a client uses for a resource typed by its resource name: the public name of its
 * first sub-resource that has a private endpoint, else of its first (a storage account's blob
 * name). Undefined when `to` is not a resource's name.
 */
export function usualNameOf(network: Network, to: string): UsualName | undefined {
	const resource = resourceNamed(network, to);
	if (!resource) return undefined;
	const subResources = subResourcesOf(resource.type);
	const chosen = subResources.find((sub) => privateEndpointsFor(network, resource, sub).length > 0) ?? subResources[0]!;
	const name = publicNameOf(resource, chosen);
	const kind = resourceKinds[resource.type];
	const others = subResources.filter((sub) => sub !== chosen);
	const other = others.length > 0 ? ` For another service give its name instead, like ${publicNameOf(resource, others[0]!)}.` : '';
	return {
		name,
		note: `${resource.name} is a ${kind}: clients reach it by name, so the trace follows its ${chosen.groupId} name, ${name}, from DNS on.${other}`,
	};
}

function listed(names: readonly string[], limit = 3): string {
	return names.length > limit ? `${names.slice(0, limit).join(', ')}, ...` : names.join(', ');
}

function nicsIn(network: Network, inside: (subnet: string) => boolean): string[] {
	return network.topology.networkInterfaces.filter((nic) => inside(nic.subnet)).map((nic) => nic.name);
}

/** `a NIC in it (vm-a, vm-b) or an IP in 10.1.0.0/16`. */
function insteadInside(nics: readonly string[], prefixes: readonly string[]): string {
	const ip = `an IP in ${prefixes.join(' or ')}`;
	return nics.length > 0 ? `a NIC in it (${listed(nics)}) or ${ip}` : ip;
}

/**
 * Why a modelled object that is not a packet destination cannot be traced to, and what to
 * type instead; undefined when `to` names no such object.
 */
export function notADestination(network: Network, to: string): string | undefined {
	const is = (what: string, why: string, instead: string) => `'${to}' is ${what}: ${why}. Trace to ${instead}.`;
	const vnet = network.vnets.get(to);
	if (vnet) {
		const nics = nicsIn(network, (subnet) => subnet.startsWith(`${to}/`));
		return is('a virtual network', 'a packet goes to an address inside it, not to the network itself', insteadInside(nics, vnet.vnet.addressSpace));
	}

	const subnet = network.subnets.get(to);
	if (subnet) {
		return is('a subnet', 'a packet goes to an address inside it, not to the subnet itself', insteadInside(nicsIn(network, (s) => s === to), [subnet.subnet.addressPrefix]));
	}

	const gateway = network.gateways.get(to);
	if (gateway) {
		const sites = network.topology.localNetworks.filter((site) => site.gateway === to);
		const hosts = sites.flatMap((site) => site.hosts.map((host) => host.name));
		const prefixes = sites.flatMap((site) => site.addressPrefixes);
		const instead = hosts.length > 0 ? `a host behind it (${listed(hosts)})${prefixes.length > 0 ? ` or an IP in ${prefixes.join(' or ')}` : ''}` : prefixes.length > 0 ? `an IP in ${prefixes.join(' or ')}` : 'a host on the network behind it';
		return is(`a ${gateway.gatewayType === 'ExpressRoute' ? 'ExpressRoute' : 'VPN'} gateway`, 'packets pass through it to the networks behind it, it is not their destination', instead);
	}

	const site = network.localNetworks.get(to);
	if (site) {
		const hosts = site.hosts.map((host) => host.name);
		const ip = `an IP in ${site.addressPrefixes.join(' or ')}`;
		return is('an on-premises site', 'a packet goes to a host there, not to the site', hosts.length > 0 ? `one of its hosts (${listed(hosts)}) or ${ip}` : ip);
	}

	const resolver = network.dnsResolvers.get(to);
	if (resolver) return is('a DNS resolver', 'it answers at its inbound endpoint', `that address, ${resolver.inboundEndpointIp} (udp 53)`);
	const loadBalancer = network.loadBalancers.get(to);
	if (loadBalancer) {
		return is('a load balancer', 'it answers at its frontend addresses', loadBalancer.frontends.map((frontend) => frontend.privateIpAddress).join(' or ') || 'one of its frontends');
	}

	if (network.privateLinkServices.has(to)) return is('a private link service', 'clients reach it through a private endpoint that connects to it', 'that private endpoint');
	if (network.natGateways.has(to)) return is('a NAT gateway', 'it carries outbound packets to the Internet, it is not their destination', 'an Internet host or a public IP');
	if (network.nsgs.has(to)) return is('a network security group', 'its rules filter packets, it is not a place', 'a NIC or an IP the group protects');
	if (network.routeTables.has(to)) return is('a route table', 'its routes steer packets, it is not a place', 'an IP its routes cover');
	if (network.topology.virtualNetworkPeerings.some((peering) => peering.name === to)) {
		return is('a peering', 'it links two virtual networks, it is not a place', 'a NIC or an IP in the peered network');
	}

	if (network.topology.privateDnsZones.some((zone) => zone.name === to)) return is('a private DNS zone', 'it holds names, it is not a place', `a name in it, like <name>.${to}`);
	return undefined;
}
