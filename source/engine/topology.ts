/**
 * The topology: the engine's input, shaped exactly like the topology YAML file
 * (design section 2) with every optional field filled with its default by the loader.
 * Plain data only, so an edit is a function from Topology to Topology and a lab's
 * progress can be replayed. Field names mirror Azure's own (addressPrefix, nextHopType, ...).
 */

/** Subnet-level network policy for private endpoints (S-PENP). */
export type PrivateEndpointNetworkPolicies =
	| 'Disabled'
	| 'NetworkSecurityGroupEnabled'
	| 'RouteTableEnabled'
	| 'Enabled';

export type EnabledDisabled = 'Enabled' | 'Disabled';

export type Subnet = {
	name: string;
	addressPrefix: string;
	routeTable?: string;
	networkSecurityGroup?: string;
	natGateway?: string;
	/** Service identifiers such as Microsoft.Storage; default []. */
	serviceEndpoints: string[];
	/** Default Disabled: network policies are off for private endpoints unless turned on. */
	privateEndpointNetworkPolicies: PrivateEndpointNetworkPolicies;
	privateLinkServiceNetworkPolicies: EnabledDisabled;
	/** Default false: new VNets are private since 2026-03-31 (S-DOA). */
	defaultOutboundAccess: boolean;
};

export type VirtualNetwork = {
	name: string;
	region: string;
	/** Default 'default'. */
	subscription: string;
	addressSpace: string[];
	/** [] means Azure-provided DNS. */
	dnsServers: string[];
	subnets: Subnet[];
};

export type VirtualNetworkPeering = {
	name: string;
	from: string;
	to: string;
	/** Governs traffic from `from` into `to`. Default true. */
	allowVirtualNetworkAccess: boolean;
	/** On the receiving VNet's own link: accept traffic an NVA forwarded. Default false. */
	allowForwardedTraffic: boolean;
	allowGatewayTransit: boolean;
	useRemoteGateways: boolean;
};

export type ApplianceSettings = {
	/** The guest OS forwards packets not addressed to it. */
	forwards: boolean;
	/** The guest OS source-NATs forwarded packets to its own IP. */
	snat: boolean;
};

export type NetworkInterface = {
	name: string;
	/** `vnet/subnet`. */
	subnet: string;
	privateIpAddress: string;
	/** Azure's IP forwarding setting on the NIC. Default false. */
	enableIpForwarding: boolean;
	networkSecurityGroup?: string;
	publicIpAddress?: string;
	appliance?: ApplianceSettings;
	/** A stopped VM answers nothing. Default true. */
	running: boolean;
};

export type NatGateway = {name: string; publicIpAddress: string};

export type GatewayType = 'Vpn' | 'ExpressRoute';

export type VirtualNetworkGateway = {
	name: string;
	vnet: string;
	gatewayType: GatewayType;
	publicIpAddress?: string;
	/**
	 * A VPN gateway's default site: the local network that receives Internet-bound traffic sent to
	 * the gateway (forced tunnelling; Set-AzVirtualNetworkGatewayDefaultSite). Without it, and without a
	 * site advertising 0.0.0.0/0, such traffic has nowhere to go.
	 */
	defaultSite?: string;
};

export type DnsForwardingRule = {domain: string; targets: string[]};

export type OnPremisesHost = {name: string; ipAddress: string};

export type LocalNetwork = {
	name: string;
	gateway: string;
	addressPrefixes: string[];
	dnsServers: string[];
	publicIpAddress?: string;
	dnsForwarding: DnsForwardingRule[];
	hosts: OnPremisesHost[];
};

/** Next hop types a user-defined route may name (S-UDR). */
export type UserNextHopType = 'VirtualAppliance' | 'VirtualNetworkGateway' | 'VnetLocal' | 'Internet' | 'None';

export type Route = {
	name: string;
	/** A CIDR or a service tag (Storage, Storage.WestEurope, ...). */
	addressPrefix: string;
	nextHopType: UserNextHopType;
	nextHopIpAddress?: string;
};

export type RouteTable = {
	name: string;
	/** Default false. When true, gateway routes are not propagated to associated subnets. */
	disableBgpRoutePropagation: boolean;
	routes: Route[];
};

export type SecurityRuleDirection = 'Inbound' | 'Outbound';
export type SecurityRuleAccess = 'Allow' | 'Deny';
export type SecurityRuleProtocol = 'Tcp' | 'Udp' | 'Icmp' | '*';

export type SecurityRule = {
	name: string;
	priority: number;
	direction: SecurityRuleDirection;
	access: SecurityRuleAccess;
	protocol: SecurityRuleProtocol;
	sourceAddressPrefix: string;
	sourcePortRange: string;
	destinationAddressPrefix: string;
	destinationPortRange: string;
};

export type NetworkSecurityGroup = {name: string; securityRules: SecurityRule[]};

export type ResourceType = 'Microsoft.Storage/storageAccounts' | 'Microsoft.Sql/servers' | 'Microsoft.KeyVault/vaults';

export type NetworkRuleSet = {
	defaultAction: 'Allow' | 'Deny';
	/** Subnets (`vnet/subnet`); each counts only where that subnet has the service endpoint. */
	virtualNetworkRules: string[];
	ipRules: string[];
};

export type Resource = {
	name: string;
	type: ResourceType;
	region: string;
	subscription: string;
	publicIpAddress: string;
	publicNetworkAccess: EnabledDisabled;
	networkRuleSet: NetworkRuleSet;
};

export type ConnectionStatus = 'Approved' | 'Pending' | 'Rejected' | 'Disconnected';

export type PrivateEndpoint = {
	name: string;
	subnet: string;
	privateIpAddress: string;
	subscription: string;
	connection: {
		/** A resource name, a privateLinkServices name, or a PLS alias. */
		target: string;
		/** Sub-resource; '' for a Private Link service. */
		groupId: string;
		status: ConnectionStatus;
	};
};

export type DnsRecord = {name: string; type: 'A' | 'CNAME'; value: string};

export type ResolutionPolicy = 'Default' | 'NxDomainRedirect';

export type VirtualNetworkLink = {name: string; vnet: string; resolutionPolicy: ResolutionPolicy};

export type PrivateDnsZone = {
	name: string;
	/** Defaults to the name; two zones may share a name with different ids. */
	id: string;
	records: DnsRecord[];
	virtualNetworkLinks: VirtualNetworkLink[];
};

export type ForwardingRuleset = {name: string; vnetLinks: string[]; rules: DnsForwardingRule[]};

export type DnsResolver = {
	name: string;
	vnet: string;
	inboundEndpointIp: string;
	forwardingRulesets: ForwardingRuleset[];
};

export type LoadBalancerFrontend = {name: string; subnet: string; privateIpAddress: string};
export type LoadBalancerRule = {frontend: string; protocol: 'Tcp' | 'Udp' | 'All'; frontendPort: number; backendPort: number};

export type LoadBalancer = {
	name: string;
	sku: 'Standard' | 'Basic';
	frontends: LoadBalancerFrontend[];
	/** networkInterfaces names. */
	backends: string[];
	rules: LoadBalancerRule[];
};

export type PrivateLinkService = {
	name: string;
	loadBalancer: string;
	frontend: string;
	natIpConfigurations: Array<{subnet: string; privateIpAddress: string}>;
	/** Subscriptions that may see it; ['*'] means anyone with the alias. */
	visibility: string[];
	autoApproval: string[];
	alias?: string;
	enableProxyProtocol: boolean;
};

export type InternetHost = {name: string; ipAddress: string; fqdn?: string};

export type Topology = {
	virtualNetworks: VirtualNetwork[];
	virtualNetworkPeerings: VirtualNetworkPeering[];
	networkInterfaces: NetworkInterface[];
	natGateways: NatGateway[];
	virtualNetworkGateways: VirtualNetworkGateway[];
	localNetworks: LocalNetwork[];
	routeTables: RouteTable[];
	networkSecurityGroups: NetworkSecurityGroup[];
	resources: Resource[];
	privateEndpoints: PrivateEndpoint[];
	privateDnsZones: PrivateDnsZone[];
	dnsResolvers: DnsResolver[];
	loadBalancers: LoadBalancer[];
	privateLinkServices: PrivateLinkService[];
	internetHosts: InternetHost[];
	/** Overrides or extends the built-in sample service tag ranges. */
	serviceTags: Record<string, string[]>;
};

/** An empty topology: every collection present and empty. */
export function emptyTopology(): Topology {
	return {
		virtualNetworks: [],
		virtualNetworkPeerings: [],
		networkInterfaces: [],
		natGateways: [],
		virtualNetworkGateways: [],
		localNetworks: [],
		routeTables: [],
		networkSecurityGroups: [],
		resources: [],
		privateEndpoints: [],
		privateDnsZones: [],
		dnsResolvers: [],
		loadBalancers: [],
		privateLinkServices: [],
		internetHosts: [],
		serviceTags: {},
	};
}
