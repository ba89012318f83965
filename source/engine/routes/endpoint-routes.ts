/**
 * Endpoint routes: service endpoint routes on the subnet that enables the endpoint (S-SE,
 * S-UDR 1.2) and private endpoint /32 routes in the endpoint's VNet and its Connected peers
 * (S-PENP, T-BN, T-CT).
 */
import type {Prefix} from '../address.js';
import {prefixOf, type IndexedSubnet, type Network} from '../network.js';
import {mergePrefixes, pairedRegion, regionalTagName, serviceForEndpoint, serviceTagPrefixes} from '../service-tags.js';
import {routingContext} from './context.js';
import {addNote, systemRecord, type RouteRecord} from './model.js';

/**
 * S-SE / S-UDR 1.2: one VirtualNetworkServiceEndpoint route per enabled service, only on this subnet
 * ("the route is only added to the route table of a subnet a service endpoint is enabled for"; not
 * across peering, T-BN), holding the prefixes of the service's tag (S-TAGS): for Storage and SQL,
 * which "are regional in nature" (S-FAQ), the VNet's region (plus the paired region for Storage,
 * S-STNS); for the other services, reachable "in another region through the virtual network service
 * endpoints" (S-FAQ), and for the cross-region Microsoft.Storage.Global, every region (the top-level tag).
 */
export function serviceEndpointRoutes(network: Network, subnet: IndexedSubnet, firstOrder: number): RouteRecord[] {
	const records: RouteRecord[] = [];
	const region = subnet.vnet.region;
	for (const endpoint of new Set(subnet.subnet.serviceEndpoints)) {
		const isStorageGlobal = endpoint.toLowerCase() === 'microsoft.storage.global';
		const service = isStorageGlobal ? 'Storage' : serviceForEndpoint(endpoint);
		if (!service) continue;
		// S-FAQ: "Azure Storage and Azure SQL are exceptions and are regional in nature"; other services work across regions.
		const regional = !isStorageGlobal && (service === 'Storage' || service === 'Sql');
		const prefixes: Prefix[] = [...(serviceTagPrefixes(network, regional ? regionalTagName(service, region) : service) ?? [])];
		const pair = regional && service === 'Storage' ? pairedRegion(region) : undefined;
		if (pair) prefixes.push(...(serviceTagPrefixes(network, regionalTagName(service, pair)) ?? []));
		if (prefixes.length === 0) continue;
		const record = systemRecord('service-endpoint', mergePrefixes(prefixes), 'VirtualNetworkServiceEndpoint', firstOrder + records.length);
		if (isStorageGlobal) {
			addNote(record, `${endpoint}: every region's Storage ranges (docs: Azure Storage cross-region service endpoints work "between virtual networks and storage service instances in any region").`);
		} else if (!regional) {
			addNote(
				record,
				`${endpoint}: every region's ${service} ranges (docs: VNet FAQ: "For most of the Azure services, virtual networks created in different regions can access Azure services in another region through the virtual network service endpoints"; Storage and SQL are regional).`,
			);
		}

		if (pair) {
			addNote(
				record,
				`${endpoint}: ${regionalTagName(service, region)} and the paired region's ${regionalTagName(service, pair)} (docs: Azure Storage firewalls and virtual networks: "expanded to include the paired region"); the VNet FAQ says Storage endpoints cover the same region only. The docs disagree; vnetlab follows docs: Azure Storage firewalls and virtual networks.`,
			);
		}

		records.push(record);
	}

	return records;
}

/**
 * S-PENP / T-BN / T-CT: a /32 InterfaceEndpoint route (source Default, no next hop IP) for each
 * private endpoint in the subnet's VNet and in every directly, Connected peered VNet.
 */
export function privateEndpointRoutes(network: Network, vnetName: string, firstOrder: number): RouteRecord[] {
	const records: RouteRecord[] = [];
	const context = routingContext(network);
	for (const vnet of [vnetName, ...(context.peers.get(vnetName) ?? [])]) {
		for (const endpoint of context.privateEndpoints.get(vnet) ?? []) {
			const prefix = prefixOf(network, `${endpoint.privateIpAddress}/32`);
			const record = systemRecord('private-endpoint', [prefix], 'InterfaceEndpoint', firstOrder + records.length);
			record.endpoint = endpoint;
			records.push(record);
		}
	}

	return records;
}
