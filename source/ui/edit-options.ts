/**
 * What an edit form's object fields offer: the names of the current topology's objects as the
 * topology file writes them (subnets as `vnet/subnet`, private DNS zones by id), and the
 * objects inside one (the routes of a route table, the rules of an NSG). Pure.
 */
import {subResourcesOf} from '../engine/dns.js';
import type {Topology} from '../engine/topology.js';

const names = (list: ReadonlyArray<{name: string}>): string[] => list.map((item) => item.name);

export const routeTableNames = (topology: Topology): string[] => names(topology.routeTables);

export function routeNames(topology: Topology, routeTable: string | undefined): string[] {
	return names(topology.routeTables.find((table) => table.name === routeTable)?.routes ?? []);
}

export function subnetIds(topology: Topology): string[] {
	return topology.virtualNetworks.flatMap((vnet) => vnet.subnets.map((subnet) => `${vnet.name}/${subnet.name}`));
}

/** Subnets with a route table (those a dissociation can apply to). */
export function subnetsWithRouteTable(topology: Topology): string[] {
	return topology.virtualNetworks.flatMap((vnet) => vnet.subnets.filter((subnet) => subnet.routeTable).map((subnet) => `${vnet.name}/${subnet.name}`));
}

export function subnetOf(topology: Topology, id: string | undefined) {
	const [vnet, subnet] = (id ?? '').split('/');
	return topology.virtualNetworks.find((v) => v.name === vnet)?.subnets.find((s) => s.name === subnet);
}

export const nicNames = (topology: Topology): string[] => names(topology.networkInterfaces);
export const resourceNames = (topology: Topology): string[] => names(topology.resources);
export const vnetNames = (topology: Topology): string[] => names(topology.virtualNetworks);
export const peeringNames = (topology: Topology): string[] => names(topology.virtualNetworkPeerings);
export const privateEndpointNames = (topology: Topology): string[] => names(topology.privateEndpoints);
export const nsgNames = (topology: Topology): string[] => names(topology.networkSecurityGroups);
export const localNetworkNames = (topology: Topology): string[] => names(topology.localNetworks);
export const natGatewayNames = (topology: Topology): string[] => names(topology.natGateways);
export const loadBalancerNames = (topology: Topology): string[] => names(topology.loadBalancers);
export const privateLinkServiceNames = (topology: Topology): string[] => names(topology.privateLinkServices);

/** Private DNS zones as edits name them: by id (the name, unless two zones share it). */
export const zoneIds = (topology: Topology): string[] => topology.privateDnsZones.map((zone) => zone.id);

function zoneOf(topology: Topology, id: string | undefined) {
	return topology.privateDnsZones.find((zone) => zone.id === id) ?? topology.privateDnsZones.find((zone) => zone.name === id);
}

/** Record names of a zone, each once. */
export function recordNames(topology: Topology, zone: string | undefined): string[] {
	return [...new Set((zoneOf(topology, zone)?.records ?? []).map((record) => record.name))];
}

/** VNets a zone is linked to. */
export function linkedVnets(topology: Topology, zone: string | undefined): string[] {
	return (zoneOf(topology, zone)?.virtualNetworkLinks ?? []).map((link) => link.vnet);
}

export function nsgRuleNames(topology: Topology, nsg: string | undefined): string[] {
	return names(topology.networkSecurityGroups.find((group) => group.name === nsg)?.securityRules ?? []);
}

export function frontendNames(topology: Topology, loadBalancer: string | undefined): string[] {
	return names(topology.loadBalancers.find((lb) => lb.name === loadBalancer)?.frontends ?? []);
}

/** A resource firewall's virtual network rules. */
export function vnetRules(topology: Topology, resource: string | undefined): string[] {
	return topology.resources.find((r) => r.name === resource)?.networkRuleSet.virtualNetworkRules ?? [];
}

/** What a private endpoint can point at: resources, then Private Link services (by name and by alias). */
export function endpointTargets(topology: Topology): string[] {
	const aliases = topology.privateLinkServices.flatMap((service) => (service.alias ? [service.alias] : []));
	return [...resourceNames(topology), ...privateLinkServiceNames(topology), ...aliases];
}

/** A target's sub-resources (blob, file... for storage); '' (none) for a Private Link service. */
export function groupIdsOf(topology: Topology, target: string | undefined): string[] {
	const resource = topology.resources.find((r) => r.name === target);
	return resource ? subResourcesOf(resource.type).map((sub) => sub.groupId) : ['(none)'];
}
