/**
 * Build topologies in tests with only the fields a case cares about: `topo({...})` fills every
 * missing collection and every default of design section 2 (subnets, peerings, NICs, route
 * tables, ...), the way the loader does for a topology file. `net({...})` also indexes it.
 * Generic on purpose: any engine test may use it.
 */
import {parse} from 'yaml';
import {ipToInt} from '../../source/engine/address.js';
import {buildNetwork, type Network} from '../../source/engine/network.js';
import {loadTopologyText} from '../../source/lab/load-topology.js';
import {
	emptyTopology,
	type DnsResolver,
	type LoadBalancer,
	type LocalNetwork,
	type NetworkInterface,
	type NetworkSecurityGroup,
	type PrivateDnsZone,
	type PrivateEndpoint,
	type PrivateLinkService,
	type Resource,
	type RouteTable,
	type SecurityRule,
	type Subnet,
	type Topology,
	type VirtualNetwork,
	type VirtualNetworkGateway,
	type VirtualNetworkPeering,
} from '../../source/engine/topology.js';

/** Make the listed keys optional. */
type Loose<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type SubnetInput = Loose<Subnet, 'serviceEndpoints' | 'privateEndpointNetworkPolicies' | 'privateLinkServiceNetworkPolicies' | 'defaultOutboundAccess'>;
export type VnetInput = Loose<Omit<VirtualNetwork, 'subnets'>, 'region' | 'subscription' | 'dnsServers'> & {subnets?: SubnetInput[]};
export type PeeringInput = Loose<VirtualNetworkPeering, 'name' | 'allowVirtualNetworkAccess' | 'allowForwardedTraffic' | 'allowGatewayTransit' | 'useRemoteGateways'>;
export type NicInput = Loose<NetworkInterface, 'enableIpForwarding' | 'running'>;
export type GatewayInput = Loose<VirtualNetworkGateway, 'gatewayType'>;
export type LocalNetworkInput = Loose<LocalNetwork, 'dnsServers' | 'dnsForwarding' | 'hosts'>;
export type RouteTableInput = Loose<RouteTable, 'disableBgpRoutePropagation' | 'routes'>;
export type SecurityRuleInput = Loose<SecurityRule, 'access' | 'protocol' | 'sourceAddressPrefix' | 'sourcePortRange' | 'destinationAddressPrefix' | 'destinationPortRange'>;
export type NsgInput = {name: string; securityRules?: SecurityRuleInput[]};
export type ResourceInput = Loose<Resource, 'region' | 'subscription' | 'publicNetworkAccess' | 'networkRuleSet'> & {
	networkRuleSet?: Partial<Resource['networkRuleSet']>;
};
export type PrivateEndpointInput = Loose<Omit<PrivateEndpoint, 'connection'>, 'subscription'> & {
	connection: Loose<PrivateEndpoint['connection'], 'groupId' | 'status'>;
};
export type PrivateDnsZoneInput = Loose<Omit<PrivateDnsZone, 'virtualNetworkLinks'>, 'id' | 'records'> & {
	virtualNetworkLinks?: Array<{name?: string; vnet: string; resolutionPolicy?: 'Default' | 'NxDomainRedirect'}>;
};
export type DnsResolverInput = Loose<DnsResolver, 'forwardingRulesets'>;
export type LoadBalancerInput = Loose<LoadBalancer, 'sku' | 'frontends' | 'backends' | 'rules'>;
export type PrivateLinkServiceInput = Loose<PrivateLinkService, 'natIpConfigurations' | 'visibility' | 'autoApproval' | 'enableProxyProtocol'>;

export type TopologyInput = {
	virtualNetworks?: VnetInput[];
	virtualNetworkPeerings?: PeeringInput[];
	networkInterfaces?: NicInput[];
	natGateways?: Topology['natGateways'];
	virtualNetworkGateways?: GatewayInput[];
	localNetworks?: LocalNetworkInput[];
	routeTables?: RouteTableInput[];
	networkSecurityGroups?: NsgInput[];
	resources?: ResourceInput[];
	privateEndpoints?: PrivateEndpointInput[];
	privateDnsZones?: PrivateDnsZoneInput[];
	dnsResolvers?: DnsResolverInput[];
	loadBalancers?: LoadBalancerInput[];
	privateLinkServices?: PrivateLinkServiceInput[];
	internetHosts?: Topology['internetHosts'];
	serviceTags?: Topology['serviceTags'];
};

const defaultRegion = 'westeurope';

export function subnet(input: SubnetInput): Subnet {
	return {
		serviceEndpoints: [],
		privateEndpointNetworkPolicies: 'Disabled',
		privateLinkServiceNetworkPolicies: 'Enabled',
		defaultOutboundAccess: false,
		...input,
	};
}

export function vnet(input: VnetInput): VirtualNetwork {
	return {
		region: defaultRegion,
		subscription: 'default',
		dnsServers: [],
		...input,
		subnets: (input.subnets ?? []).map(subnet),
	};
}

export function peeringLink(input: PeeringInput): VirtualNetworkPeering {
	return {
		name: `${input.from}-to-${input.to}`,
		allowVirtualNetworkAccess: true,
		allowForwardedTraffic: false,
		allowGatewayTransit: false,
		useRemoteGateways: false,
		...input,
	};
}

/** Both links of a Connected peering; `ab` and `ba` set each direction's flags. */
export function peering(
	a: string,
	b: string,
	ab: Partial<VirtualNetworkPeering> = {},
	ba: Partial<VirtualNetworkPeering> = {},
): PeeringInput[] {
	return [
		{from: a, to: b, ...ab},
		{from: b, to: a, ...ba},
	];
}

function securityRule(input: SecurityRuleInput): SecurityRule {
	return {
		access: 'Allow',
		protocol: '*',
		sourceAddressPrefix: '*',
		sourcePortRange: '*',
		destinationAddressPrefix: '*',
		destinationPortRange: '*',
		...input,
	};
}

/** A complete topology from the parts a test cares about. */
export function topo(input: TopologyInput = {}): Topology {
	const base = emptyTopology();
	return {
		...base,
		virtualNetworks: (input.virtualNetworks ?? []).map(vnet),
		virtualNetworkPeerings: (input.virtualNetworkPeerings ?? []).map(peeringLink),
		networkInterfaces: (input.networkInterfaces ?? []).map((nic) => ({enableIpForwarding: false, running: true, ...nic})),
		natGateways: input.natGateways ?? [],
		virtualNetworkGateways: (input.virtualNetworkGateways ?? []).map((gateway) => ({gatewayType: 'Vpn' as const, ...gateway})),
		localNetworks: (input.localNetworks ?? []).map((site) => ({dnsServers: [], dnsForwarding: [], hosts: [], ...site})),
		routeTables: (input.routeTables ?? []).map((table) => ({disableBgpRoutePropagation: false, routes: [], ...table})),
		networkSecurityGroups: (input.networkSecurityGroups ?? []).map((nsg) => ({
			name: nsg.name,
			securityRules: (nsg.securityRules ?? []).map(securityRule),
		})),
		resources: (input.resources ?? []).map((resource) => ({
			region: defaultRegion,
			subscription: 'default',
			publicNetworkAccess: 'Enabled' as const,
			...resource,
			networkRuleSet: {defaultAction: 'Allow' as const, virtualNetworkRules: [], ipRules: [], ...resource.networkRuleSet},
		})),
		privateEndpoints: (input.privateEndpoints ?? []).map((endpoint) => ({
			subscription: 'default',
			...endpoint,
			connection: {groupId: '', status: 'Approved' as const, ...endpoint.connection},
		})),
		privateDnsZones: (input.privateDnsZones ?? []).map((zone) => ({
			id: zone.name,
			records: [],
			...zone,
			virtualNetworkLinks: (zone.virtualNetworkLinks ?? []).map((link) => ({
				name: `${zone.name}-${link.vnet}`,
				resolutionPolicy: 'Default' as const,
				...link,
			})),
		})),
		dnsResolvers: (input.dnsResolvers ?? []).map((resolver) => ({forwardingRulesets: [], ...resolver})),
		loadBalancers: (input.loadBalancers ?? []).map((lb) => ({sku: 'Standard' as const, frontends: [], backends: [], rules: [], ...lb})),
		privateLinkServices: (input.privateLinkServices ?? []).map((service) => ({
			natIpConfigurations: [],
			visibility: [],
			autoApproval: [],
			enableProxyProtocol: false,
			...service,
		})),
		internetHosts: input.internetHosts ?? [],
		serviceTags: input.serviceTags ?? {},
	};
}

/** `topo` then `buildNetwork`. */
export function net(input: TopologyInput = {}): Network {
	return buildNetwork(topo(input));
}

/** A topology file's text (design section 2), defaults filled by `topo`; no schema validation. */
export function topoFromYaml(text: string): Topology {
	return topo((parse(text) ?? {}) as TopologyInput);
}

/**
 * A topology file's text through the real loader (schema, defaults, semantic checks), indexed;
 * throws with the diagnostics when the text is not a valid topology, so a case cannot silently
 * test a network that never loaded.
 */
export function loadedNetwork(text: string, file = 'case.yaml'): Network {
	const {topology, diagnostics} = loadTopologyText(text, file);
	if (!topology) throw new Error(diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
	return buildNetwork(topology);
}

/** Dotted-quad text to the engine's unsigned 32-bit form. */
export const ip = ipToInt;
