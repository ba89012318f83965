/**
 * The indexed network: a topology plus the lookups every query needs (objects by name,
 * parsed prefixes, who owns which IP). Built once per topology; queries cache their own
 * derived tables (effective routes per subnet) in `cache`, keyed by subnet id.
 * Expects a topology that passed validation (engine/validate.ts): names resolve, text parses.
 */
import {hostPrefix, ipToInt, maskOf, parsePrefix, type Prefix} from './address.js';
import type {
	DnsResolver,
	LoadBalancer,
	LocalNetwork,
	NatGateway,
	NetworkInterface,
	NetworkSecurityGroup,
	PrivateDnsZone,
	PrivateEndpoint,
	PrivateLinkService,
	Resource,
	RouteTable,
	Subnet,
	Topology,
	VirtualNetwork,
	VirtualNetworkGateway,
	VirtualNetworkPeering,
	InternetHost,
} from './topology.js';

export type IndexedSubnet = {
	/** `vnet/subnet`. */
	id: string;
	vnet: VirtualNetwork;
	subnet: Subnet;
	prefix: Prefix;
};

export type IndexedVnet = {
	vnet: VirtualNetwork;
	addressSpace: Prefix[];
	subnets: IndexedSubnet[];
};

/** Who answers at a private IP inside Azure. */
export type IpOwner =
	| {kind: 'nic'; nic: NetworkInterface}
	| {kind: 'private-endpoint'; endpoint: PrivateEndpoint}
	| {kind: 'load-balancer'; loadBalancer: LoadBalancer; frontend: string}
	| {kind: 'resolver'; resolver: DnsResolver}
	| {kind: 'pls-nat'; service: PrivateLinkService};

export type Network = {
	topology: Topology;
	vnets: Map<string, IndexedVnet>;
	subnets: Map<string, IndexedSubnet>;
	nics: Map<string, NetworkInterface>;
	routeTables: Map<string, RouteTable>;
	nsgs: Map<string, NetworkSecurityGroup>;
	natGateways: Map<string, NatGateway>;
	gateways: Map<string, VirtualNetworkGateway>;
	localNetworks: Map<string, LocalNetwork>;
	resources: Map<string, Resource>;
	privateEndpoints: Map<string, PrivateEndpoint>;
	loadBalancers: Map<string, LoadBalancer>;
	privateLinkServices: Map<string, PrivateLinkService>;
	dnsResolvers: Map<string, DnsResolver>;
	internetHosts: Map<string, InternetHost>;
	/** Zones by id. */
	zones: Map<string, PrivateDnsZone>;
	/** Peering links by `from>to`. */
	peeringLinks: Map<string, VirtualNetworkPeering>;
	/** Private IP -> owners, per VNet (address spaces may overlap across unpeered VNets). */
	ipOwners: Map<string, Map<number, IpOwner>>;
	/** Parsed prefixes by text, so queries never re-parse. */
	prefixCache: Map<string, Prefix>;
	/** Per-query caches (effective routes per subnet id, ...). */
	cache: Map<string, unknown>;
};

function byName<T extends {name: string}>(items: readonly T[]): Map<string, T> {
	return new Map(items.map((item) => [item.name, item]));
}

export function buildNetwork(topology: Topology): Network {
	const prefixCache = new Map<string, Prefix>();
	const prefix = (text: string): Prefix => {
		let parsed = prefixCache.get(text);
		if (!parsed) {
			parsed = parsePrefix(text);
			prefixCache.set(text, parsed);
		}

		return parsed;
	};

	const vnets = new Map<string, IndexedVnet>();
	const subnets = new Map<string, IndexedSubnet>();
	for (const vnet of topology.virtualNetworks) {
		const indexed: IndexedVnet = {vnet, addressSpace: vnet.addressSpace.map(prefix), subnets: []};
		for (const subnet of vnet.subnets) {
			const entry: IndexedSubnet = {id: `${vnet.name}/${subnet.name}`, vnet, subnet, prefix: prefix(subnet.addressPrefix)};
			indexed.subnets.push(entry);
			subnets.set(entry.id, entry);
		}

		vnets.set(vnet.name, indexed);
	}

	const ipOwners = new Map<string, Map<number, IpOwner>>();
	const own = (subnetId: string, ip: string, owner: IpOwner) => {
		const vnetName = subnetId.split('/')[0]!;
		let owners = ipOwners.get(vnetName);
		if (!owners) {
			owners = new Map();
			ipOwners.set(vnetName, owners);
		}

		owners.set(ipToInt(ip), owner);
	};

	for (const nic of topology.networkInterfaces) own(nic.subnet, nic.privateIpAddress, {kind: 'nic', nic});
	for (const endpoint of topology.privateEndpoints) {
		own(endpoint.subnet, endpoint.privateIpAddress, {kind: 'private-endpoint', endpoint});
	}

	for (const loadBalancer of topology.loadBalancers) {
		for (const frontend of loadBalancer.frontends) {
			own(frontend.subnet, frontend.privateIpAddress, {kind: 'load-balancer', loadBalancer, frontend: frontend.name});
		}
	}

	for (const resolver of topology.dnsResolvers) {
		const vnet = vnets.get(resolver.vnet);
		const containing = vnet?.subnets.find((s) => (ipToInt(resolver.inboundEndpointIp) & maskOf(s.prefix.length)) >>> 0 === s.prefix.base);
		if (containing) own(containing.id, resolver.inboundEndpointIp, {kind: 'resolver', resolver});
		else if (vnet) own(`${resolver.vnet}/`, resolver.inboundEndpointIp, {kind: 'resolver', resolver});
	}

	for (const service of topology.privateLinkServices) {
		for (const nat of service.natIpConfigurations) own(nat.subnet, nat.privateIpAddress, {kind: 'pls-nat', service});
	}

	const peeringLinks = new Map<string, VirtualNetworkPeering>();
	for (const link of topology.virtualNetworkPeerings) peeringLinks.set(`${link.from}>${link.to}`, link);

	return {
		topology,
		vnets,
		subnets,
		nics: byName(topology.networkInterfaces),
		routeTables: byName(topology.routeTables),
		nsgs: byName(topology.networkSecurityGroups),
		natGateways: byName(topology.natGateways),
		gateways: byName(topology.virtualNetworkGateways),
		localNetworks: byName(topology.localNetworks),
		resources: byName(topology.resources),
		privateEndpoints: byName(topology.privateEndpoints),
		loadBalancers: byName(topology.loadBalancers),
		privateLinkServices: byName(topology.privateLinkServices),
		dnsResolvers: byName(topology.dnsResolvers),
		internetHosts: byName(topology.internetHosts),
		zones: new Map(topology.privateDnsZones.map((zone) => [zone.id, zone])),
		peeringLinks,
		ipOwners,
		prefixCache,
		cache: new Map(),
	};
}

/** A parsed prefix for validated text, cached on the network. */
export function prefixOf(network: Network, text: string): Prefix {
	let parsed = network.prefixCache.get(text);
	if (!parsed) {
		parsed = text.includes('/') ? parsePrefix(text) : hostPrefix(text);
		network.prefixCache.set(text, parsed);
	}

	return parsed;
}

/**
 * A peering is Connected only when both directions exist (S-PEER: "not successfully
 * established until the peering status for both virtual network peerings is Connected").
 */
export function isPeeringConnected(network: Network, a: string, b: string): boolean {
	return network.peeringLinks.has(`${a}>${b}`) && network.peeringLinks.has(`${b}>${a}`);
}

/** VNets directly and fully peered with `vnetName` (never a peer's peer: peering is not transitive). */
export function connectedPeers(network: Network, vnetName: string): string[] {
	const peers: string[] = [];
	for (const link of network.topology.virtualNetworkPeerings) {
		if (link.from === vnetName && isPeeringConnected(network, link.from, link.to)) peers.push(link.to);
	}

	return peers;
}

/** The subnet of a VNet that contains an IP, if any. */
export function subnetContaining(network: Network, vnetName: string, ip: number): IndexedSubnet | undefined {
	const vnet = network.vnets.get(vnetName);
	if (!vnet) return undefined;
	return vnet.subnets.find((s) => ((ip & maskOf(s.prefix.length)) >>> 0) === s.prefix.base);
}

/** Memoise a derived value on the network (each network is immutable once built). */
export function cached<T>(network: Network, key: string, compute: () => T): T {
	if (network.cache.has(key)) return network.cache.get(key) as T;
	const value = compute();
	network.cache.set(key, value);
	return value;
}
