/**
 * A large hub-and-spoke topology for the benchmarks: a hub with an NVA, a VPN gateway and
 * an on-premises site; spokes peered both ways with the hub; a route table per spoke full
 * of UDRs; NSGs on every subnet; private endpoints to storage accounts; private DNS zones
 * linked to every VNet. Every name and address is unique and valid, so it passes validation.
 * Deterministic: the same options always give the same topology.
 */
import {stringify} from 'yaml';
import {emptyTopology, type NetworkSecurityGroup, type Route, type Topology} from '../../source/engine/topology.js';

export type HubSpokeOptions = {
	/** Spoke VNets, 1..250 (spoke i is 10.i.0.0/16). */
	spokes: number;
	/** Subnets per spoke, 2..250; the last one holds the private endpoints. */
	subnetsPerSpoke: number;
	/** UDRs in each spoke's route table. */
	udrsPerTable: number;
	/** Private endpoints, spread round-robin over the spokes. */
	privateEndpoints: number;
	/** Private DNS zones, each linked to the hub and every spoke. Default 50. */
	privateDnsZones?: number;
};

export type GeneratedTopology = {
	topology: Topology;
	/** The same topology as a topology file. */
	yaml: string;
	/** A VM NIC in spoke 1 (its subnet has a route table full of UDRs). */
	probeNic: string;
	/** Destinations worth looking up from probeNic: spokes, on-premises, PEs, Internet. */
	probeDestinations: string[];
};

export const benchmarkOptions: HubSpokeOptions = {spokes: 200, subnetsPerSpoke: 10, udrsPerTable: 100, privateEndpoints: 1000};

const nvaIp = '10.0.1.4';
const region = 'westeurope';

function spokeName(index: number): string {
	return `spoke${index}`;
}

/** The UDRs of spoke `spoke`'s route table: a default route, other spokes, on-premises, blackholes, public hosts. */
function spokeRoutes(spoke: number, options: HubSpokeOptions): Route[] {
	const routes: Route[] = [{name: 'default-via-nva', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp}];
	for (let n = 0; routes.length < options.udrsPerTable; n++) {
		const kind = n % 5;
		const k = Math.floor(n / 5);
		if (kind === 0) {
			// Another spoke (or, past the last spoke, a /20 of the 10.251-254 space), via the NVA.
			const other = ((spoke + k) % options.spokes) + 1;
			const prefix = k < options.spokes - 1 && other !== spoke ? `10.${other}.0.0/16` : `10.${251 + (k % 4)}.${(k * 16) % 256}.0/20`;
			routes.push({name: `to-${prefix.replace(/[./]/g, '-')}`, addressPrefix: prefix, nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp});
		} else if (kind === 1) {
			routes.push({name: `onprem-${k}`, addressPrefix: `192.168.${k % 256}.0/24`, nextHopType: 'VirtualNetworkGateway'});
		} else if (kind === 2) {
			routes.push({name: `blackhole-${k}`, addressPrefix: `172.16.${k % 256}.0/24`, nextHopType: 'None'});
		} else if (kind === 3) {
			routes.push({name: `partner-${k}`, addressPrefix: `203.0.113.${k % 256}/32`, nextHopType: 'Internet'});
		} else {
			routes.push({name: `inspect-${k}`, addressPrefix: `198.51.${k % 256}.0/24`, nextHopType: 'VirtualAppliance', nextHopIpAddress: nvaIp});
		}
	}

	return routes;
}

function subnetNsg(name: string, index: number): NetworkSecurityGroup {
	return {
		name,
		securityRules: [
			{
				name: 'allow-https-in',
				priority: 100,
				direction: 'Inbound',
				access: 'Allow',
				protocol: 'Tcp',
				sourceAddressPrefix: 'VirtualNetwork',
				sourcePortRange: '*',
				destinationAddressPrefix: '*',
				destinationPortRange: '443',
			},
			{
				name: 'deny-web-out',
				priority: 200 + (index % 100),
				direction: 'Outbound',
				access: 'Deny',
				protocol: 'Tcp',
				sourceAddressPrefix: '*',
				sourcePortRange: '*',
				destinationAddressPrefix: 'Internet',
				destinationPortRange: '80',
			},
		],
	};
}

/** Build the topology object. */
export function generateTopology(options: HubSpokeOptions): Topology {
	const {spokes, subnetsPerSpoke, privateEndpoints} = options;
	if (spokes < 1 || spokes > 250) throw new RangeError('spokes must be 1..250');
	if (subnetsPerSpoke < 2 || subnetsPerSpoke > 250) throw new RangeError('subnetsPerSpoke must be 2..250');
	if (privateEndpoints > spokes * 250) throw new RangeError('too many private endpoints for the spokes');
	const topology = emptyTopology();
	const subnetDefaults = () => ({
		serviceEndpoints: [] as string[],
		privateEndpointNetworkPolicies: 'Disabled' as const,
		privateLinkServiceNetworkPolicies: 'Enabled' as const,
		defaultOutboundAccess: false,
	});

	// The hub: gateway, NVA and shared services.
	topology.virtualNetworks.push({
		name: 'hub',
		region,
		subscription: 'default',
		addressSpace: ['10.0.0.0/16'],
		dnsServers: [],
		subnets: [
			{name: 'GatewaySubnet', addressPrefix: '10.0.255.0/27', ...subnetDefaults()},
			{name: 'nva', addressPrefix: '10.0.1.0/24', networkSecurityGroup: 'nsg-hub-nva', ...subnetDefaults()},
			{name: 'shared', addressPrefix: '10.0.2.0/24', networkSecurityGroup: 'nsg-hub-shared', ...subnetDefaults()},
		],
	});
	topology.networkSecurityGroups.push(subnetNsg('nsg-hub-nva', 0), subnetNsg('nsg-hub-shared', 1));
	topology.networkInterfaces.push(
		{name: 'nva', subnet: 'hub/nva', privateIpAddress: nvaIp, enableIpForwarding: true, appliance: {forwards: true, snat: true}, running: true},
		{name: 'vm-hub', subnet: 'hub/shared', privateIpAddress: '10.0.2.4', enableIpForwarding: false, running: true},
	);
	topology.virtualNetworkGateways.push({name: 'vpngw', vnet: 'hub', gatewayType: 'Vpn', publicIpAddress: '20.50.9.9'});
	topology.localNetworks.push({
		name: 'onprem',
		gateway: 'vpngw',
		addressPrefixes: ['192.168.0.0/16'],
		dnsServers: [],
		dnsForwarding: [],
		hosts: [{name: 'onprem-pc', ipAddress: '192.168.1.50'}],
	});

	for (let spoke = 1; spoke <= spokes; spoke++) {
		const vnet = spokeName(spoke);
		const routeTable = `rt-${vnet}`;
		const subnets = [];
		for (let index = 0; index < subnetsPerSpoke; index++) {
			const isEndpoints = index === subnetsPerSpoke - 1;
			const name = isEndpoints ? 'pe' : `snet${index}`;
			const nsg = `nsg-${vnet}-${name}`;
			topology.networkSecurityGroups.push(subnetNsg(nsg, spoke * subnetsPerSpoke + index));
			subnets.push({
				name,
				addressPrefix: `10.${spoke}.${index}.0/24`,
				routeTable: isEndpoints ? undefined : routeTable,
				networkSecurityGroup: nsg,
				...subnetDefaults(),
			});
		}

		topology.virtualNetworks.push({name: vnet, region, subscription: 'default', addressSpace: [`10.${spoke}.0.0/16`], dnsServers: [], subnets});
		topology.routeTables.push({name: routeTable, disableBgpRoutePropagation: false, routes: spokeRoutes(spoke, options)});
		topology.networkInterfaces.push({name: `vm-${vnet}`, subnet: `${vnet}/snet0`, privateIpAddress: `10.${spoke}.0.4`, enableIpForwarding: false, running: true});
		topology.virtualNetworkPeerings.push(
			{name: `hub-to-${vnet}`, from: 'hub', to: vnet, allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: true, useRemoteGateways: false},
			{name: `${vnet}-to-hub`, from: vnet, to: 'hub', allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: true},
		);
	}

	// Private endpoints to storage accounts, round-robin over the spokes' pe subnets.
	const blobRecords = [];
	for (let index = 0; index < privateEndpoints; index++) {
		const spoke = (index % spokes) + 1;
		const host = 4 + Math.floor(index / spokes);
		const account = `stbench${String(index).padStart(4, '0')}`;
		const ip = `10.${spoke}.${subnetsPerSpoke - 1}.${host}`;
		topology.resources.push({
			name: account,
			type: 'Microsoft.Storage/storageAccounts',
			region,
			subscription: 'default',
			publicIpAddress: `52.239.${Math.floor(index / 250)}.${(index % 250) + 1}`,
			publicNetworkAccess: 'Enabled',
			networkRuleSet: {defaultAction: 'Allow', virtualNetworkRules: [], ipRules: []},
		});
		topology.privateEndpoints.push({
			name: `pe-${account}-blob`,
			subnet: `${spokeName(spoke)}/pe`,
			privateIpAddress: ip,
			subscription: 'default',
			connection: {target: account, groupId: 'blob', status: 'Approved'},
		});
		blobRecords.push({name: account, type: 'A' as const, value: ip});
	}

	// Private DNS zones, each linked to every VNet.
	const links = (zone: number) =>
		topology.virtualNetworks.map((vnet) => ({name: `link-${zone}-${vnet.name}`, vnet: vnet.name, resolutionPolicy: 'Default' as const}));
	const zoneCount = options.privateDnsZones ?? 50;
	for (let zone = 0; zone < zoneCount; zone++) {
		const name = zone === 0 ? 'privatelink.blob.core.windows.net' : `zone${zone}.contoso.internal`;
		const records = zone === 0 ? blobRecords : [{name: 'app', type: 'A' as const, value: `10.0.2.${(zone % 250) + 4}`}];
		topology.privateDnsZones.push({name, id: name, records, virtualNetworkLinks: links(zone)});
	}

	return topology;
}

/** Remove undefined fields, so the YAML text holds only what a file would. */
function withoutUndefined<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** The topology, its YAML text and probes for lookups. */
export function generateHubSpoke(options: HubSpokeOptions = benchmarkOptions): GeneratedTopology {
	const topology = withoutUndefined(generateTopology(options));
	const yaml = `# yaml-language-server: $schema=../../labs/schema/topology.schema.json\n${stringify(topology)}`;
	const probeDestinations: string[] = [];
	for (let index = 0; index < 64; index++) {
		const spoke = (index % options.spokes) + 1;
		probeDestinations.push(
			`10.${spoke}.${index % options.subnetsPerSpoke}.${(index * 7) % 250 + 4}`,
			`192.168.${index}.${index + 1}`,
			`172.16.${index}.9`,
			`203.0.113.${index}`,
			`52.239.${index % 4}.${index + 1}`,
			`8.8.${index}.8`,
			`10.0.${index % 3}.${index + 10}`,
		);
	}

	return {topology, yaml, probeNic: 'vm-spoke1', probeDestinations};
}
