/**
 * Small questions edits ask about a topology (which IPs are taken in a VNet, which gateways
 * serve it, where a Private Link service lives), answered without assuming the topology is
 * valid: text that does not parse is skipped, never thrown on.
 */
import {cidrProblem, ipToInt, isIpv4Address, maskOf} from '../address.js';
import type {PrivateLinkService, Topology, VirtualNetworkGateway} from '../topology.js';
import {findSubnet} from './lookup.js';

/** True when `ip` lies in the CIDR `prefix` (false for text that does not parse). */
export function prefixHolds(prefix: string, ip: string): boolean {
	if (cidrProblem(prefix) || !isIpv4Address(ip)) return false;
	const [base, length] = prefix.split('/') as [string, string];
	return ((ipToInt(ip) & maskOf(Number(length))) >>> 0) === ipToInt(base);
}

/** Azure keeps the first four addresses and the last of every subnet for itself. */
export function isReservedInSubnet(prefix: string, ip: string): boolean {
	if (!prefixHolds(prefix, ip)) return false;
	const length = Number(prefix.split('/')[1]);
	const offset = (ipToInt(ip) - ipToInt(prefix.split('/')[0]!)) >>> 0;
	const size = 2 ** (32 - length);
	return offset < 4 || offset === size - 1;
}

/** True when two CIDR prefixes share any address. */
export function prefixesIntersect(a: string, b: string): boolean {
	if (cidrProblem(a) || cidrProblem(b)) return false;
	return prefixHolds(a, b.split('/')[0]!) || prefixHolds(b, a.split('/')[0]!);
}

/** The VNet name of a `vnet/subnet` reference. */
export function vnetOfSubnet(subnetId: string): string {
	return subnetId.split('/')[0]!;
}

/** Who holds each private IP in a VNet, described for a message ("NIC vm-app"). */
export function ipHolders(topology: Topology, vnetName: string): Map<string, string> {
	const holders = new Map<string, string>();
	const inVnet = (subnetId: string) => vnetOfSubnet(subnetId) === vnetName;
	for (const nic of topology.networkInterfaces) {
		if (inVnet(nic.subnet)) holders.set(nic.privateIpAddress, `NIC ${nic.name}`);
	}

	for (const endpoint of topology.privateEndpoints) {
		if (inVnet(endpoint.subnet)) holders.set(endpoint.privateIpAddress, `private endpoint ${endpoint.name}`);
	}

	for (const lb of topology.loadBalancers) {
		for (const frontend of lb.frontends) {
			if (inVnet(frontend.subnet)) holders.set(frontend.privateIpAddress, `load balancer frontend ${lb.name}/${frontend.name}`);
		}
	}

	for (const resolver of topology.dnsResolvers) {
		if (resolver.vnet === vnetName) holders.set(resolver.inboundEndpointIp, `DNS resolver ${resolver.name}`);
	}

	for (const service of topology.privateLinkServices) {
		for (const nat of service.natIpConfigurations) {
			if (inVnet(nat.subnet)) holders.set(nat.privateIpAddress, `NAT IP of private link service ${service.name}`);
		}
	}

	return holders;
}

/**
 * Why `ip` cannot be given to a new private endpoint or NAT IP in `subnetId`, or undefined
 * (S-PE: the endpoint's address comes from its subnet).
 */
export function staticIpProblem(topology: Topology, subnetId: string, ip: string): string | undefined {
	const ref = findSubnet(topology, subnetId);
	if (!ref) return undefined;
	const prefix = ref.subnet.addressPrefix;
	if (!prefixHolds(prefix, ip)) return `${ip} is outside subnet ${subnetId} (${prefix})`;
	if (isReservedInSubnet(prefix, ip)) {
		return `${ip} is reserved by Azure in ${prefix} (the first four addresses and the last one of a subnet)`;
	}

	const holder = ipHolders(topology, ref.vnet.name).get(ip);
	return holder ? `${ip} is already used by ${holder}` : undefined;
}

/**
 * The gateways a VNet's subnets send VirtualNetworkGateway traffic to: its own, or through
 * the peering link it uses remote gateways on (S-GWT).
 */
export function gatewaysServing(topology: Topology, vnetName: string): VirtualNetworkGateway[] {
	const own = topology.virtualNetworkGateways.filter((g) => g.vnet === vnetName);
	if (own.length > 0) return own;
	const link = topology.virtualNetworkPeerings.find((p) => p.from === vnetName && p.useRemoteGateways);
	return link ? topology.virtualNetworkGateways.filter((g) => g.vnet === link.to) : [];
}

/** The VNet a Private Link service lives in (its load balancer frontend's), if known. */
export function vnetOfService(topology: Topology, service: PrivateLinkService): string | undefined {
	const lb = topology.loadBalancers.find((l) => l.name === service.loadBalancer);
	const frontend = lb?.frontends.find((f) => f.name === service.frontend);
	const subnetId = frontend?.subnet ?? service.natIpConfigurations[0]?.subnet;
	return subnetId ? vnetOfSubnet(subnetId) : undefined;
}

/** The subscription a Private Link service belongs to (its VNet's). */
export function subscriptionOfService(topology: Topology, service: PrivateLinkService): string | undefined {
	const vnetName = vnetOfService(topology, service);
	return topology.virtualNetworks.find((v) => v.name === vnetName)?.subscription;
}

/** The resource or Private Link service a private endpoint's `target` names (a PLS also by alias). */
export function findTarget(
	topology: Topology,
	target: string,
): {kind: 'resource'; resource: Topology['resources'][number]} | {kind: 'service'; service: PrivateLinkService} | undefined {
	const resource = topology.resources.find((r) => r.name === target);
	if (resource) return {kind: 'resource', resource};
	const service = topology.privateLinkServices.find((s) => s.name === target || (s.alias !== undefined && s.alias === target));
	return service ? {kind: 'service', service} : undefined;
}

/** Subnets (`vnet/subnet`) a route table is associated with. */
export function subnetsUsingTable(topology: Topology, tableName: string): string[] {
	return topology.virtualNetworks.flatMap((vnet) =>
		vnet.subnets.filter((s) => s.routeTable === tableName).map((s) => `${vnet.name}/${s.name}`),
	);
}

/** DNS names: dot-separated labels of letters, digits and hyphens, no trailing dot. */
export function dnsNameProblem(text: string): string | undefined {
	if (text.endsWith('.')) return `'${text}' ends with a dot: write it without (${text.slice(0, -1)})`;
	const label = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;
	if (text.length > 253 || !text.split('.').every((part) => label.test(part))) {
		return `'${text}' is not a DNS name (labels of letters, digits and hyphens, separated by dots)`;
	}

	return undefined;
}
