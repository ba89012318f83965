/**
 * validateTopology, table-driven: each case is a small topology (a base hub and spoke plus the
 * collections the case replaces), and the exact list of problems it must give: field path,
 * a fragment of the message, severity. Any other problem fails the case, so cascades show up.
 * Defaults are filled by the published schema, as the loader does.
 */
import test from 'ava';
import {validateTopology, closestName, type TopologyProblem} from '../../source/engine/validate.js';
import type {Topology} from '../../source/engine/topology.js';
import {formatFieldPath} from '../../source/lab/diagnostics.js';
import {topologyValidator} from '../../source/lab/topology-schema.js';

type Input = Record<string, unknown>;

const hub = {
	name: 'hub',
	region: 'westeurope',
	subscription: 'contoso',
	addressSpace: ['10.0.0.0/16'],
	subnets: [
		{name: 'app', addressPrefix: '10.0.1.0/24'},
		{name: 'nva', addressPrefix: '10.0.2.0/24'},
		{name: 'pe', addressPrefix: '10.0.3.0/24'},
		{name: 'pls', addressPrefix: '10.0.5.0/24', privateLinkServiceNetworkPolicies: 'Disabled'},
		{name: 'GatewaySubnet', addressPrefix: '10.0.255.0/27'},
	],
};
const spoke = {name: 'spoke', region: 'westeurope', subscription: 'contoso', addressSpace: ['10.1.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.1.1.0/24'}]};
const base: Input = {
	virtualNetworks: [hub, spoke],
	networkInterfaces: [
		{name: 'vm-app', subnet: 'hub/app', privateIpAddress: '10.0.1.4'},
		{name: 'nva', subnet: 'hub/nva', privateIpAddress: '10.0.2.4', enableIpForwarding: true},
	],
	resources: [{name: 'stcontoso', type: 'Microsoft.Storage/storageAccounts', region: 'westeurope', subscription: 'contoso', publicIpAddress: '52.239.10.20'}],
};

const vpn = {name: 'vpngw', vnet: 'hub', gatewayType: 'Vpn', publicIpAddress: '20.50.9.9'};
const er = {name: 'ergw', vnet: 'hub', gatewayType: 'ExpressRoute'};
const peered = [
	{name: 'hub-to-spoke', from: 'hub', to: 'spoke', allowGatewayTransit: true},
	{name: 'spoke-to-hub', from: 'spoke', to: 'hub', useRemoteGateways: true},
];
const lb = (sku = 'Standard') => ({name: 'lb', sku, frontends: [{name: 'fe', subnet: 'hub/app', privateIpAddress: '10.0.1.10'}], backends: ['vm-app']});
const pe = (over: Input = {}, connection: Input = {}) => ({
	name: 'pe-blob',
	subnet: 'hub/pe',
	privateIpAddress: '10.0.3.4',
	subscription: 'contoso',
	...over,
	connection: {target: 'stcontoso', groupId: 'blob', status: 'Approved', ...connection},
});
const route = (name: string, addressPrefix: string, nextHopType: string, nextHopIpAddress?: string) => ({name, addressPrefix, nextHopType, ...(nextHopIpAddress ? {nextHopIpAddress} : {})});
const rule = (name: string, priority: number, direction = 'Inbound', over: Input = {}) => ({
	name,
	priority,
	direction,
	access: 'Allow',
	protocol: 'Tcp',
	sourceAddressPrefix: '*',
	sourcePortRange: '*',
	destinationAddressPrefix: '*',
	destinationPortRange: '443',
	...over,
});
/** hub with one subnet changed. */
const hubWith = (subnet: string, over: Input) => ({...hub, subnets: hub.subnets.map((s) => (s.name === subnet ? {...s, ...over} : s))});

/**
 * The base with some collections replaced, defaults filled by the schema. The case must pass
 * the schema's structure; pattern and range errors are allowed (the semantic checks restate them).
 */
function topology(over: Input): Topology {
	const data = structuredClone({...base, ...over}) as Record<string, unknown>;
	const validate = topologyValidator();
	validate(data);
	const structural = (validate.errors ?? []).filter((e) => !['pattern', 'minimum', 'maximum'].includes(e.keyword));
	if (structural.length > 0) throw new Error(`case fails the schema: ${JSON.stringify(structural.map((e) => [e.instancePath, e.message]))}`);
	for (const zone of data.privateDnsZones as Array<Record<string, unknown>>) zone.id ??= zone.name;
	return data as unknown as Topology;
}

type Expected = [path: string, fragment: string, severity?: 'error' | 'warning'];
type Case = {title: string; topology: Input; expect: Expected[]};

const cases: Case[] = [
	// --- Address text
	{title: 'octal address space', topology: {virtualNetworks: [{...hub, addressSpace: ['010.0.0.0/8']}, spoke]}, expect: [['virtualNetworks[0].addressSpace[0]', "'010.0.0.0/8' does not start with a valid IPv4 address"]]},
	{title: 'short address space', topology: {virtualNetworks: [hub, {...spoke, addressSpace: ['10.1.0/16']}]}, expect: [['virtualNetworks[1].addressSpace[0]', "'10.1.0/16' does not start with a valid IPv4 address"]]},
	{title: 'junk after the length', topology: {virtualNetworks: [hub, {...spoke, addressSpace: ['10.1.0.0/16x']}]}, expect: [['virtualNetworks[1].addressSpace[0]', "invalid prefix length '16x'"]]},
	{title: 'host bits set', topology: {virtualNetworks: [hubWith('app', {addressPrefix: '10.0.1.1/24'}), spoke]}, expect: [['virtualNetworks[0].subnets[0].addressPrefix', 'did you mean 10.0.1.0/24?']]},
	{title: '/33', topology: {virtualNetworks: [hub, {...spoke, addressSpace: ['10.1.0.0/33']}]}, expect: [['virtualNetworks[1].addressSpace[0]', 'outside 0..32']]},
	{title: 'NIC IP with leading zero', topology: {networkInterfaces: [{name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.1.04'}]}, expect: [['networkInterfaces[0].privateIpAddress', "'10.0.1.04' is not an IPv4 address"]]},
	{title: 'NIC IP with a length', topology: {networkInterfaces: [{name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.1.4/32'}]}, expect: [['networkInterfaces[0].privateIpAddress', 'without a prefix length']]},
	{title: 'DNS server and public IPs checked', topology: {virtualNetworks: [{...hub, dnsServers: ['10.0.1.4', '8.8.8']}, spoke], natGateways: [{name: 'nat', publicIpAddress: '1.2.3.256'}]}, expect: [
		['virtualNetworks[0].dnsServers[1]', "'8.8.8' is not an IPv4 address"],
		['natGateways[0].publicIpAddress', "'1.2.3.256' is not an IPv4 address"],
	]},
	{title: 'route prefixes: CIDR and service tags are fine', topology: {routeTables: [{name: 'rt', routes: [
		route('a', '10.9.0.0/16', 'None'), route('b', 'Storage', 'Internet'), route('c', 'Storage.WestEurope', 'Internet'), route('d', 'AzureCloud.eastus2', 'Internet'),
	]}]}, expect: []},
	{title: 'route prefix that is neither', topology: {routeTables: [{name: 'rt', routes: [route('a', '10.9.0.0/33', 'None'), route('b', '10.9.1.4', 'None')]}]}, expect: [
		['routeTables[0].routes[0].addressPrefix', 'outside 0..32'],
		['routeTables[0].routes[1].addressPrefix', 'is not a CIDR prefix'],
	]},
	// S-UDR §4: a route's prefix is a CIDR or a service tag ARM knows; NSG-only tags are not route prefixes.
	{title: 'route prefix: an unknown tag, and an NSG-only tag, are refused', topology: {routeTables: [{name: 'rt', routes: [route('a', 'Storag', 'Internet'), route('b', 'VirtualNetwork', 'None')]}]}, expect: [
		['routeTables[0].routes[0].addressPrefix', "'Storag' is not a known service tag (did you mean Storage?)"],
		['routeTables[0].routes[1].addressPrefix', 'VirtualNetwork is a tag for NSG rules only'],
	]},
	// S-PEFW: up to 400 routes per table; S-UDR: up to 25 routes with service tags per table.
	{title: 'route table limits: 401 routes, 26 service-tag routes', topology: {routeTables: [
		{name: 'big', routes: Array.from({length: 401}, (_, index) => route(`r${index}`, `10.${100 + Math.floor(index / 256)}.${index % 256}.0/24`, 'None'))},
		{name: 'tags', routes: Array.from({length: 26}, (_, index) => route(`t${index}`, `AzureCloud.region${index}`, 'Internet'))},
	]}, expect: [
		['routeTables[0].routes', 'big has 401 routes: a route table holds at most 400'],
		['routeTables[1].routes', 'tags has 26 routes written with service tags: a route table takes at most 25'],
	]},
	// S-NSG §8: ARM refuses a rule naming a tag it does not know (SecurityRuleInvalidAddressPrefix).
	{title: 'NSG prefix: an unknown service tag is refused, with the closest one', topology: {networkSecurityGroups: [{name: 'nsg', securityRules: [
		rule('a', 100, 'Inbound', {sourceAddressPrefix: 'VirtualNetwerk'}),
	]}]}, expect: [['networkSecurityGroups[0].securityRules[0].sourceAddressPrefix', "'VirtualNetwerk' is not a known service tag (did you mean VirtualNetwork?)"]]},
	// S-NSG (Azure platform considerations): the platform service tags are how a rule filters DNS, IMDS and licensing.
	{title: 'NSG prefix: the AzurePlatformDNS, AzurePlatformIMDS and AzurePlatformLKM tags are accepted; a route refuses them', topology: {
		networkSecurityGroups: [{name: 'nsg', securityRules: [
			rule('a', 100, 'Outbound', {destinationAddressPrefix: 'AzurePlatformDNS'}),
			rule('b', 110, 'Outbound', {destinationAddressPrefix: 'AzurePlatformIMDS'}),
			rule('c', 120, 'Outbound', {destinationAddressPrefix: 'AzurePlatformLKM'}),
		]}],
		routeTables: [{name: 'rt', routes: [route('a', 'AzurePlatformDNS', 'None')]}],
	}, expect: [['routeTables[0].routes[0].addressPrefix', 'AzurePlatformDNS is a tag for NSG rules only']]},
	// docs (About VPN Gateway configuration settings): an NSG on GatewaySubnet is not supported.
	{title: 'an NSG on GatewaySubnet is a warning', topology: {
		virtualNetworks: [hubWith('GatewaySubnet', {networkSecurityGroup: 'nsg'}), spoke],
		networkSecurityGroups: [{name: 'nsg', securityRules: []}],
	}, expect: [['virtualNetworks[0].subnets[4].networkSecurityGroup', 'Azure does not support an NSG on the gateway subnet', 'warning']]},
	{title: 'NSG prefixes: star, tag, IP, CIDR are fine; junk is not', topology: {networkSecurityGroups: [{name: 'nsg', securityRules: [
		rule('a', 100, 'Inbound', {sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: '10.0.1.4'}),
		rule('b', 110, 'Inbound', {sourceAddressPrefix: 'AzureLoadBalancer', destinationAddressPrefix: '10.0.0.0/16'}),
		rule('c', 120, 'Inbound', {sourceAddressPrefix: '10.0.0.1/16', destinationAddressPrefix: '10.0.1.400'}),
	]}]}, expect: [
		['networkSecurityGroups[0].securityRules[2].sourceAddressPrefix', 'did you mean 10.0.0.0/16?'],
		['networkSecurityGroups[0].securityRules[2].destinationAddressPrefix', "'10.0.1.400' is not an IPv4 address"],
	]},
	{title: 'port ranges', topology: {networkSecurityGroups: [{name: 'nsg', securityRules: [
		rule('a', 100, 'Inbound', {sourcePortRange: '1000-2000', destinationPortRange: '0'}),
		rule('b', 110, 'Inbound', {sourcePortRange: '70000', destinationPortRange: '90-80'}),
		rule('c', 120, 'Inbound', {sourcePortRange: 'http', destinationPortRange: '080'}),
	]}]}, expect: [
		['networkSecurityGroups[0].securityRules[1].sourcePortRange', 'above 65535'],
		['networkSecurityGroups[0].securityRules[1].destinationPortRange', "write the lower port first ('80-90')"],
		['networkSecurityGroups[0].securityRules[2].sourcePortRange', "'http' is not a port range"],
		['networkSecurityGroups[0].securityRules[2].destinationPortRange', "'080' is not a port range"],
	]},
	{title: 'service tag overrides', topology: {serviceTags: {'Storage.WestEurope': ['52.239.0.0/16'], 'Storage.WestEurope2': ['52.239.0.1/16']}}, expect: [['serviceTags["Storage.WestEurope2"][0]', 'did you mean 52.239.0.0/16?']]},
	{title: 'storage IP rules take an IP or a CIDR', topology: {resources: [{...(base.resources as Input[])[0], networkRuleSet: {ipRules: ['203.0.113.7', '203.0.113.0/24', '203.0.113.1/24']}}]}, expect: [['resources[0].networkRuleSet.ipRules[2]', 'did you mean 203.0.113.0/24?']]},
	{
		title: 'S-STNS: storage IP rules take public addresses only, and no /31 or /32 range',
		topology: {resources: [{...(base.resources as Input[])[0], networkRuleSet: {ipRules: ['10.0.1.0/24', '172.20.0.5', '192.168.1.0/24', '198.51.100.6/31', '198.51.100.9/32', '198.51.100.10', '198.51.100.0/30']}}]},
		expect: [
			['resources[0].networkRuleSet.ipRules[0]', 'private address (inside 10.0.0.0/8)'],
			['resources[0].networkRuleSet.ipRules[1]', 'private address (inside 172.16.0.0/12)'],
			['resources[0].networkRuleSet.ipRules[2]', 'private address (inside 192.168.0.0/16)'],
			['resources[0].networkRuleSet.ipRules[3]', 'do not take /31 or /32 ranges'],
			['resources[0].networkRuleSet.ipRules[4]', 'do not take /31 or /32 ranges'],
		],
	},
	{title: 'A record value must be an IP, CNAME a name', topology: {privateDnsZones: [{name: 'privatelink.blob.core.windows.net', records: [
		{name: 'a', type: 'A', value: 'stcontoso'}, {name: 'b', type: 'CNAME', value: 'x.blob.core.windows.net'}, {name: 'c', type: 'CNAME', value: 'not a name'},
	]}]}, expect: [
		['privateDnsZones[0].records[0].value', "'stcontoso' is not an IPv4 address"],
		['privateDnsZones[0].records[2].value', 'is not a host name'],
	]},

	// --- Names
	{title: 'duplicate virtual network names', topology: {virtualNetworks: [hub, {...spoke, name: 'hub', addressSpace: ['10.9.0.0/16'], subnets: []}]}, expect: [['virtualNetworks[1].name', "another virtual network is already named 'hub'"]]},
	{title: 'duplicate subnet names within a VNet', topology: {virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24'}, {name: 'app', addressPrefix: '10.1.2.0/24'}]}]}, expect: [['virtualNetworks[1].subnets[1].name', "spoke already has a subnet named 'app'"]]},
	{title: 'duplicate NIC names', topology: {networkInterfaces: [{name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.1.4'}, {name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.1.5'}]}, expect: [['networkInterfaces[1].name', "another network interface is already named 'vm' (networkInterfaces[0])"]]},
	{title: 'duplicate route names', topology: {routeTables: [{name: 'rt', routes: [route('r', '10.9.0.0/16', 'None'), route('r', '10.8.0.0/16', 'None')]}]}, expect: [['routeTables[0].routes[1].name', "already has a route named 'r'"]]},
	{title: 'duplicate security rule names', topology: {networkSecurityGroups: [{name: 'nsg', securityRules: [rule('r', 100), rule('r', 200)]}]}, expect: [['networkSecurityGroups[0].securityRules[1].name', "already has a rule named 'r'"]]},
	{title: 'two zones with the same name and no id', topology: {privateDnsZones: [{name: 'privatelink.blob.core.windows.net'}, {name: 'privatelink.blob.core.windows.net'}]}, expect: [['privateDnsZones[1].id', "already has id 'privatelink.blob.core.windows.net'"]]},
	{title: 'two zones with the same name and distinct ids are fine', topology: {privateDnsZones: [{name: 'privatelink.blob.core.windows.net', id: 'a'}, {name: 'privatelink.blob.core.windows.net', id: 'b'}]}, expect: []},

	// --- Address spaces, subnets, private IPs
	{title: 'overlapping ranges in one address space', topology: {virtualNetworks: [{...hub, addressSpace: ['10.0.0.0/16', '10.0.128.0/17']}, spoke]}, expect: [['virtualNetworks[0].addressSpace[1]', '10.0.128.0/17 overlaps 10.0.0.0/16']]},
	{title: 'peered VNets with overlapping spaces', topology: {
		virtualNetworks: [hub, {...spoke, addressSpace: ['10.0.0.0/8'], subnets: [{name: 'app', addressPrefix: '10.200.1.0/24'}]}],
		virtualNetworkPeerings: [{name: 'spoke-to-hub', from: 'spoke', to: 'hub'}, {name: 'hub-to-spoke', from: 'hub', to: 'spoke'}],
	}, expect: [['virtualNetworkPeerings[0].to', 'overlapping address spaces and cannot be peered']]},
	{title: 'overlapping VNets that are not peered are fine, even with the same IPs in use', topology: {
		virtualNetworks: [hub, {...spoke, addressSpace: ['10.0.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.0.1.0/24'}]}],
		networkInterfaces: [{name: 'a', subnet: 'hub/app', privateIpAddress: '10.0.1.4'}, {name: 'b', subnet: 'spoke/app', privateIpAddress: '10.0.1.4'}],
	}, expect: []},
	{title: 'subnet outside the address space', topology: {virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.2.1.0/24'}]}]}, expect: [['virtualNetworks[1].subnets[0].addressPrefix', "outside spoke's address space (10.1.0.0/16)"]]},
	{title: 'overlapping subnets', topology: {virtualNetworks: [hub, {...spoke, subnets: [{name: 'a', addressPrefix: '10.1.0.0/16'}, {name: 'b', addressPrefix: '10.1.1.0/24'}]}]}, expect: [['virtualNetworks[1].subnets[1].addressPrefix', 'overlaps subnet a (10.1.0.0/16)']]},
	{title: 'subnet smaller than /29', topology: {virtualNetworks: [hub, {...spoke, subnets: [{name: 'tiny', addressPrefix: '10.1.1.0/30'}]}]}, expect: [['virtualNetworks[1].subnets[0].addressPrefix', "Azure's smallest subnet is a /29"]]},
	{title: 'NIC IP outside its subnet', topology: {networkInterfaces: [{name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.2.10'}]}, expect: [['networkInterfaces[0].privateIpAddress', '10.0.2.10 is outside subnet hub/app (10.0.1.0/24)']]},
	{title: 'first address of a subnet is reserved', topology: {networkInterfaces: [{name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.1.1'}]}, expect: [['networkInterfaces[0].privateIpAddress', 'reserved by Azure in hub/app']]},
	{title: 'last address of a subnet is reserved', topology: {privateEndpoints: [pe({privateIpAddress: '10.0.3.255'})]}, expect: [['privateEndpoints[0].privateIpAddress', 'the first usable is 10.0.3.4']]},
	{title: 'same IP for a NIC and a private endpoint in one VNet', topology: {privateEndpoints: [pe({subnet: 'hub/app', privateIpAddress: '10.0.1.4'})]}, expect: [['privateEndpoints[0].privateIpAddress', '10.0.1.4 is already used by network interface vm-app']]},
	{title: 'same IP for a NIC and a load balancer frontend', topology: {loadBalancers: [{...lb(), frontends: [{name: 'fe', subnet: 'hub/nva', privateIpAddress: '10.0.2.4'}]}]}, expect: [['loadBalancers[0].frontends[0].privateIpAddress', 'already used by network interface nva']]},
	{title: 'same IP for a resolver and a PLS NAT IP', topology: {
		dnsResolvers: [{name: 'dns', vnet: 'hub', inboundEndpointIp: '10.0.5.4'}],
		loadBalancers: [lb()],
		privateLinkServices: [{name: 'pls', loadBalancer: 'lb', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.5.4'}]}],
	}, expect: [['dnsResolvers[0].inboundEndpointIp', 'already used by Private Link service pls NAT IP']]},
	{title: 'resolver inbound IP in no subnet', topology: {dnsResolvers: [{name: 'dns', vnet: 'hub', inboundEndpointIp: '10.0.200.4'}]}, expect: [['dnsResolvers[0].inboundEndpointIp', '10.0.200.4 is in no subnet of hub']]},
	{title: 'on-premises host outside its site', topology: {
		virtualNetworkGateways: [vpn],
		localNetworks: [{name: 'onprem', gateway: 'vpngw', addressPrefixes: ['192.168.0.0/16'], hosts: [{name: 'pc', ipAddress: '172.16.0.5'}]}],
	}, expect: [['localNetworks[0].hosts[0].ipAddress', "outside onprem's address prefixes (192.168.0.0/16)"]]},

	{
		title: 'S2S forced tunnelling: a default site names one of the VPN gateway\'s own sites; ExpressRoute has none',
		topology: {
			virtualNetworkGateways: [{...vpn, defaultSite: 'branch'}, {...er, defaultSite: 'dc'}],
			localNetworks: [{name: 'onprem', gateway: 'vpngw', addressPrefixes: ['192.168.0.0/16']}, {name: 'dc', gateway: 'ergw', addressPrefixes: ['172.16.0.0/16']}],
		},
		expect: [
			['virtualNetworkGateways[0].defaultSite', "'branch' is not a local network connected to vpngw (its sites: onprem)"],
			['virtualNetworkGateways[1].defaultSite', 'ergw is an ExpressRoute gateway: a default site is a VPN gateway setting'],
		],
	},

	// --- References
	{title: 'subnet names a missing route table, NSG and NAT gateway', topology: {virtualNetworks: [hubWith('app', {routeTable: 'rt-ap', networkSecurityGroup: 'nsg', natGateway: 'nat'}), spoke], routeTables: [{name: 'rt-app'}]}, expect: [
		['virtualNetworks[0].subnets[0].routeTable', "no route table named 'rt-ap' (did you mean 'rt-app'?)"],
		['virtualNetworks[0].subnets[0].networkSecurityGroup', "no network security group named 'nsg'"],
		['virtualNetworks[0].subnets[0].natGateway', "no NAT gateway named 'nat'"],
	]},
	{title: 'peering to a missing VNet', topology: {virtualNetworkPeerings: [{name: 'p', from: 'hub', to: 'spok'}, {name: 'q', from: 'hubb', to: 'spoke'}]}, expect: [
		['virtualNetworkPeerings[0].to', "no virtual network named 'spok' (did you mean 'spoke'?)"],
		['virtualNetworkPeerings[1].from', "no virtual network named 'hubb' (did you mean 'hub'?)"],
	]},
	{title: 'gateway in a missing VNet, and in a VNet without GatewaySubnet', topology: {virtualNetworkGateways: [{...vpn, vnet: 'nowhere'}, {...vpn, name: 'gw2', vnet: 'spoke'}]}, expect: [
		['virtualNetworkGateways[0].vnet', "no virtual network named 'nowhere'"],
		['virtualNetworkGateways[1].vnet', 'spoke has no subnet named GatewaySubnet'],
	]},
	{title: 'local network behind a missing gateway', topology: {localNetworks: [{name: 'onprem', gateway: 'vpn-gw', addressPrefixes: ['192.168.0.0/16']}]}, expect: [['localNetworks[0].gateway', "no virtual network gateway named 'vpn-gw'"]]},
	{title: 'NIC subnet references: malformed, missing VNet, missing subnet; missing NIC NSG', topology: {networkInterfaces: [
		{name: 'a', subnet: 'app', privateIpAddress: '10.0.1.4'},
		{name: 'b', subnet: 'hb/app', privateIpAddress: '10.0.1.5'},
		{name: 'c', subnet: 'hub/ap', privateIpAddress: '10.0.1.6', networkSecurityGroup: 'nsg-vm'},
	]}, expect: [
		['networkInterfaces[0].subnet', "'app' is not a subnet reference: write it as vnet/subnet"],
		['networkInterfaces[1].subnet', "no virtual network named 'hb' (did you mean 'hub'?)"],
		['networkInterfaces[2].subnet', "hub has no subnet 'ap' (did you mean 'app'?); its subnets are app, nva, pe, pls, GatewaySubnet"],
		['networkInterfaces[2].networkSecurityGroup', "no network security group named 'nsg-vm'"],
	]},
	{title: 'virtual network rule for a missing subnet', topology: {resources: [{...(base.resources as Input[])[0], networkRuleSet: {defaultAction: 'Deny', virtualNetworkRules: ['hub/app', 'spoke/db']}}]}, expect: [
		['resources[0].networkRuleSet.virtualNetworkRules[1]', "spoke has no subnet 'db'"],
		['resources[0].networkRuleSet.virtualNetworkRules[0]', 'hub/app, but that subnet has no Microsoft.Storage service endpoint', 'warning'],
	]},
	// --- Service endpoints and regions (S-SE, S-STNS §5)
	{title: 'S-STNS local and cross-region Storage endpoints on one subnet', topology: {virtualNetworks: [hubWith('app', {serviceEndpoints: ['Microsoft.Storage', 'Microsoft.Storage.Global']}), spoke]}, expect: [
		['virtualNetworks[0].subnets[0].serviceEndpoints', 'both Microsoft.Storage and Microsoft.Storage.Global: Azure does not allow local and cross-region Storage endpoints on one subnet'],
	]},
	{title: 'S-SE a virtual network rule counts only with the endpoint: none on the subnet is a warning; Storage.Global counts', topology: {
		virtualNetworks: [hubWith('app', {serviceEndpoints: ['Microsoft.Storage.Global']}), spoke],
		resources: [{...(base.resources as Input[])[0], networkRuleSet: {defaultAction: 'Deny', virtualNetworkRules: ['hub/app', 'spoke/app']}}],
	}, expect: [['resources[0].networkRuleSet.virtualNetworkRules[1]', 'spoke/app, but that subnet has no Microsoft.Storage service endpoint, so the rule matches nothing', 'warning']]},
	{title: 'region names: a display name or a typo is a warning with the fix', topology: {
		virtualNetworks: [{...hub, region: 'West Europe'}, spoke],
		resources: [{...(base.resources as Input[])[0], region: 'wsteurope'}],
	}, expect: [
		['virtualNetworks[0].region', "write it as Azure's region name 'westeurope'", 'warning'],
		['resources[0].region', "did you mean 'westeurope'?", 'warning'],
	]},
	{title: 'S-PLS the NAT IP subnet is in the load balancer\'s VNet', topology: {
		virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', privateLinkServiceNetworkPolicies: 'Disabled'}]}],
		loadBalancers: [lb()],
		privateLinkServices: [{name: 'pls', loadBalancer: 'lb', frontend: 'fe', natIpConfigurations: [{subnet: 'spoke/app', privateIpAddress: '10.1.1.9'}]}],
	}, expect: [['privateLinkServices[0].natIpConfigurations[0].subnet', "NAT IP subnet spoke/app is in spoke, but pls's load balancer lb is in hub"]]},
	{title: 'private endpoint in a missing subnet, to a missing target', topology: {privateEndpoints: [pe({subnet: 'hub/private'}, {target: 'stcontoso2'})]}, expect: [
		['privateEndpoints[0].subnet', "hub has no subnet 'private'"],
		['privateEndpoints[0].connection.target', "no resource, Private Link service or alias named 'stcontoso2' (did you mean 'stcontoso'?)"],
	]},
	{title: 'zone linked to a missing VNet', topology: {privateDnsZones: [{name: 'privatelink.blob.core.windows.net', virtualNetworkLinks: [{name: 'l', vnet: 'hubb'}]}]}, expect: [['privateDnsZones[0].virtualNetworkLinks[0].vnet', "no virtual network named 'hubb'"]]},
	{title: 'resolver in a missing VNet; ruleset linked to a missing VNet', topology: {dnsResolvers: [
		{name: 'a', vnet: 'nowhere', inboundEndpointIp: '10.0.1.20'},
		{name: 'b', vnet: 'hub', inboundEndpointIp: '10.0.1.21', forwardingRulesets: [{name: 'rs', vnetLinks: ['spoke', 'spoke9'], rules: [{domain: 'corp.contoso.com', targets: ['192.168.1.10']}]}]},
	]}, expect: [
		['dnsResolvers[0].vnet', "no virtual network named 'nowhere'"],
		['dnsResolvers[1].forwardingRulesets[0].vnetLinks[1]', "no virtual network named 'spoke9'"],
	]},
	{
		title: 'S-RESOLVER: a forwarding ruleset links only to VNets in its own region',
		topology: {
			virtualNetworks: [...(base.virtualNetworks as Input[]), {name: 'east', region: 'eastus', addressSpace: ['10.50.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.50.1.0/24'}]}],
			dnsResolvers: [{name: 'b', vnet: 'hub', inboundEndpointIp: '10.0.1.21', forwardingRulesets: [{name: 'rs', vnetLinks: ['spoke', 'east'], rules: [{domain: 'corp.contoso.com', targets: ['192.168.1.10']}]}]}],
		},
		expect: [['dnsResolvers[0].forwardingRulesets[0].vnetLinks[1]', 'east is in eastus, but ruleset rs belongs to b in westeurope: a forwarding ruleset links only to virtual networks in its own region']],
	},
	{
		title: "a ruleset rule's target cannot be Azure DNS, 168.63.129.16 (private-resolver-endpoints-rulesets, rule processing)",
		topology: {dnsResolvers: [{name: 'b', vnet: 'hub', inboundEndpointIp: '10.0.1.21', forwardingRulesets: [{name: 'rs', vnetLinks: ['spoke'], rules: [
			{domain: 'corp.contoso.com', targets: ['192.168.1.10', '168.63.129.16']},
			{domain: '.', targets: ['168.63.129.16']},
		]}]}]},
		expect: [
			['dnsResolvers[0].forwardingRulesets[0].rules[0].targets[1]', "168.63.129.16 is Azure-provided DNS, which Azure refuses as a forwarding rule's destination"],
			['dnsResolvers[0].forwardingRulesets[0].rules[1].targets[0]', "168.63.129.16 is Azure-provided DNS, which Azure refuses as a forwarding rule's destination"],
		],
	},
	{
		title: "an on-premises site's conditional forwarder to 168.63.129.16 is not a ruleset rule: Azure does not refuse it",
		topology: {
			virtualNetworks: [hub, spoke], virtualNetworkGateways: [vpn],
			localNetworks: [{name: 'onprem', gateway: 'vpngw', addressPrefixes: ['192.168.0.0/16'], dnsForwarding: [{domain: 'blob.core.windows.net', targets: ['168.63.129.16']}]}],
		},
		expect: [],
	},
	{title: 'load balancer: missing frontend subnet, backend NIC, rule frontend', topology: {loadBalancers: [{
		name: 'lb', sku: 'Standard', frontends: [{name: 'fe', subnet: 'hub/web', privateIpAddress: '10.0.1.10'}], backends: ['vm-app', 'vm-web'],
		rules: [{frontend: 'fe1', protocol: 'Tcp', frontendPort: 443, backendPort: 443}],
	}]}, expect: [
		['loadBalancers[0].frontends[0].subnet', "hub has no subnet 'web'"],
		['loadBalancers[0].backends[1]', "no network interface named 'vm-web'"],
		['loadBalancers[0].rules[0].frontend', "load balancer lb has no frontend 'fe1' (did you mean 'fe'?)"],
	]},
	{title: 'Private Link service: missing load balancer and NAT subnet', topology: {privateLinkServices: [{name: 'pls', loadBalancer: 'lb1', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/nat', privateIpAddress: '10.0.5.4'}]}]}, expect: [
		['privateLinkServices[0].loadBalancer', "no load balancer named 'lb1'"],
		['privateLinkServices[0].natIpConfigurations[0].subnet', "hub has no subnet 'nat'"],
	]},

	// --- Routes
	{title: 'VirtualAppliance route without a next hop IP', topology: {routeTables: [{name: 'rt', routes: [route('r', '0.0.0.0/0', 'VirtualAppliance')]}]}, expect: [['routeTables[0].routes[0].nextHopIpAddress', 'has no nextHopIpAddress']]},
	{title: 'next hop IP on an Internet route', topology: {routeTables: [{name: 'rt', routes: [route('r', '0.0.0.0/0', 'Internet', '10.0.2.4')]}]}, expect: [['routeTables[0].routes[0].nextHopIpAddress', 'Internet, which takes no nextHopIpAddress']]},
	{title: 'two routes for one prefix', topology: {routeTables: [{name: 'rt', routes: [route('a', '10.9.0.0/16', 'None'), route('b', '10.9.0.0/16', 'Internet'), route('c', 'Storage', 'Internet'), route('d', 'storage', 'None')]}]}, expect: [
		['routeTables[0].routes[1].addressPrefix', 'same addressPrefix (10.9.0.0/16) as route a'],
		['routeTables[0].routes[3].addressPrefix', 'same addressPrefix (storage) as route c'],
	]},
	{title: 'gateway route where the only gateway is ExpressRoute', topology: {
		virtualNetworks: [hubWith('app', {routeTable: 'rt'}), spoke], virtualNetworkGateways: [er],
		routeTables: [{name: 'rt', routes: [route('r', '192.168.0.0/16', 'VirtualNetworkGateway')]}],
	}, expect: [['routeTables[0].routes[0].nextHopType', 'the only gateway in hub is ExpressRoute']]},
	{title: 'gateway route where VPN and ExpressRoute coexist', topology: {
		virtualNetworks: [hubWith('app', {routeTable: 'rt'}), spoke], virtualNetworkGateways: [vpn, er],
		routeTables: [{name: 'rt', routes: [route('r', '192.168.0.0/16', 'VirtualNetworkGateway')]}],
	}, expect: [['routeTables[0].routes[0].nextHopType', 'VPN and ExpressRoute gateways coexist in hub']]},
	// S-UDR §3: Azure accepts the route (a route table stands alone); its traffic is dropped, so a warning.
	{title: 'gateway route in a VNet with no gateway at all is accepted with a warning', topology: {
		virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', routeTable: 'rt'}]}],
		routeTables: [{name: 'rt', routes: [route('r', '192.168.0.0/16', 'VirtualNetworkGateway')]}],
	}, expect: [['routeTables[0].routes[0].nextHopType', 'spoke has no virtual network gateway and no peering with useRemoteGateways, so traffic on this route is dropped', 'warning']]},
	{title: 'gateway route through a remote VPN gateway is fine', topology: {
		virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', routeTable: 'rt'}]}],
		virtualNetworkGateways: [vpn], virtualNetworkPeerings: peered,
		routeTables: [{name: 'rt', routes: [route('r', '192.168.0.0/16', 'VirtualNetworkGateway')]}],
	}, expect: []},
	{title: 'gateway route through a remote ExpressRoute-only gateway', topology: {
		virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', routeTable: 'rt'}]}],
		virtualNetworkGateways: [er], virtualNetworkPeerings: peered,
		routeTables: [{name: 'rt', routes: [route('r', '192.168.0.0/16', 'VirtualNetworkGateway')]}],
	}, expect: [['routeTables[0].routes[0].nextHopType', 'the only gateway in hub (reached through spoke\'s remote-gateway peering) is ExpressRoute']]},

	// --- NSG
	{title: 'priority outside 100..4096', topology: {networkSecurityGroups: [{name: 'nsg', securityRules: [rule('a', 99), rule('b', 4097, 'Outbound')]}]}, expect: [
		['networkSecurityGroups[0].securityRules[0].priority', 'priority 99 of rule a is outside 100..4096'],
		['networkSecurityGroups[0].securityRules[1].priority', 'priority 4097 of rule b is outside 100..4096'],
	]},
	{title: 'duplicate priority in one direction; the other direction is fine', topology: {networkSecurityGroups: [{name: 'nsg', securityRules: [rule('a', 100), rule('b', 100, 'Outbound'), rule('c', 100)]}]}, expect: [
		['networkSecurityGroups[0].securityRules[2].priority', 'priority 100, already taken by a for Inbound traffic'],
	]},

	// --- Peering
	{title: 'useRemoteGateways on a VNet with its own gateway', topology: {
		virtualNetworkGateways: [vpn, {name: 'gw-spoke', vnet: 'spoke', gatewayType: 'Vpn'}],
		virtualNetworks: [hub, {...spoke, subnets: [...spoke.subnets, {name: 'GatewaySubnet', addressPrefix: '10.1.255.0/27'}]}],
		virtualNetworkPeerings: peered,
	}, expect: [['virtualNetworkPeerings[1].useRemoteGateways', 'spoke has its own gateway, so it cannot use remote gateways']]},
	{title: 'two useRemoteGateways links from one VNet', topology: {
		virtualNetworks: [hub, spoke, {name: 'hub2', region: 'westeurope', subscription: 'contoso', addressSpace: ['10.2.0.0/16'], subnets: [{name: 'GatewaySubnet', addressPrefix: '10.2.255.0/27'}]}],
		virtualNetworkGateways: [vpn, {name: 'gw2', vnet: 'hub2', gatewayType: 'Vpn'}],
		virtualNetworkPeerings: [...peered, {name: 'hub2-to-spoke', from: 'hub2', to: 'spoke', allowGatewayTransit: true}, {name: 'spoke-to-hub2', from: 'spoke', to: 'hub2', useRemoteGateways: true}],
	}, expect: [['virtualNetworkPeerings[3].useRemoteGateways', 'spoke already uses remote gateways through peering spoke-to-hub']]},
	{title: 'useRemoteGateways without gateway transit on the remote link is a warning', topology: {
		virtualNetworkGateways: [vpn], virtualNetworkPeerings: [{name: 'hub-to-spoke', from: 'hub', to: 'spoke'}, peered[1]],
	}, expect: [['virtualNetworkPeerings[1].useRemoteGateways', "hub's link hub-to-spoke does not set allowGatewayTransit", 'warning']]},
	{title: 'useRemoteGateways toward a VNet with no gateway', topology: {virtualNetworkPeerings: peered}, expect: [['virtualNetworkPeerings[1].useRemoteGateways', 'hub has no virtual network gateway for spoke to use']]},
	{title: 'two links with the same from and to', topology: {virtualNetworkPeerings: [{name: 'a', from: 'hub', to: 'spoke'}, {name: 'b', from: 'hub', to: 'spoke'}]}, expect: [['virtualNetworkPeerings[1].to', 'virtualNetworkPeerings[0] already links hub to spoke']]},
	{title: 'a VNet peered with itself', topology: {virtualNetworkPeerings: [{name: 'a', from: 'hub', to: 'hub'}]}, expect: [['virtualNetworkPeerings[0].to', 'links hub to itself']]},
	{title: 'two VPN gateways in one VNet', topology: {virtualNetworkGateways: [vpn, {...vpn, name: 'vpngw2'}]}, expect: [['virtualNetworkGateways[1].gatewayType', 'hub already has a Vpn gateway (vpngw)']]},

	// --- Private access
	{title: 'private endpoint IP outside its subnet', topology: {privateEndpoints: [pe({privateIpAddress: '10.0.4.4'})]}, expect: [['privateEndpoints[0].privateIpAddress', '10.0.4.4 is outside subnet hub/pe (10.0.3.0/24)']]},
	{title: 'groupId not a sub-resource of a storage account', topology: {privateEndpoints: [pe({}, {groupId: 'sqlServer'})]}, expect: [['privateEndpoints[0].connection.groupId', "groupId 'sqlServer' is not a sub-resource of Microsoft.Storage/storageAccounts stcontoso: use blob, blob_secondary, file, queue, table, web, dfs"]]},
	{title: 'groupId for SQL and Key Vault', topology: {
		resources: [...(base.resources as Input[]), {name: 'sql1', type: 'Microsoft.Sql/servers', region: 'westeurope', publicIpAddress: '40.0.0.1'}, {name: 'kv1', type: 'Microsoft.KeyVault/vaults', region: 'westeurope', publicIpAddress: '40.0.0.2'}],
		privateEndpoints: [pe({name: 'a'}, {target: 'sql1', groupId: 'sqlServer'}), pe({name: 'b', privateIpAddress: '10.0.3.5'}, {target: 'sql1', groupId: 'vault'}), pe({name: 'c', privateIpAddress: '10.0.3.6'}, {target: 'kv1', groupId: 'blob'})],
	}, expect: [
		['privateEndpoints[1].connection.groupId', 'use sqlServer'],
		['privateEndpoints[2].connection.groupId', 'use vault'],
	]},
	{title: 'a Private Link service target takes an empty groupId; by name or alias', topology: {
		loadBalancers: [lb()],
		privateLinkServices: [{name: 'pls', loadBalancer: 'lb', frontend: 'fe', alias: 'pls.1234.westeurope.azure.privatelinkservice', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.5.4'}]}],
		privateEndpoints: [pe({name: 'a'}, {target: 'pls', groupId: ''}), pe({name: 'b', privateIpAddress: '10.0.3.5'}, {target: 'pls.1234.westeurope.azure.privatelinkservice', groupId: 'blob'})],
	}, expect: [['privateEndpoints[1].connection.groupId', "use '' (empty)"]]},
	{title: 'private endpoint in another subscription than its VNet', topology: {privateEndpoints: [pe({subscription: 'fabrikam'})]}, expect: [['privateEndpoints[0].subscription', "its virtual network hub is in 'contoso': set subscription: contoso"]]},
	{title: 'a VNet linked to two zones of the same name', topology: {privateDnsZones: [
		{name: 'privatelink.blob.core.windows.net', id: 'zone-a', virtualNetworkLinks: [{name: 'l1', vnet: 'hub'}]},
		{name: 'privatelink.blob.core.windows.net', id: 'zone-b', virtualNetworkLinks: [{name: 'l1', vnet: 'spoke'}, {name: 'l2', vnet: 'hub'}]},
	]}, expect: [['privateDnsZones[1].virtualNetworkLinks[1].vnet', 'hub is already linked to another zone named privatelink.blob.core.windows.net (id zone-a)']]},
	{title: 'Private Link service on a Basic load balancer, frontend not on it', topology: {
		loadBalancers: [lb('Basic')],
		privateLinkServices: [{name: 'pls', loadBalancer: 'lb', frontend: 'fe2', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.5.4'}]}],
	}, expect: [
		['privateLinkServices[0].loadBalancer', 'load balancer lb is Basic SKU; a Private Link service needs a Standard load balancer'],
		['privateLinkServices[0].frontend', "load balancer lb has no frontend 'fe2' (did you mean 'fe'?)"],
	]},
	{title: 'PLS NAT IP outside its subnet, and in a subnet with network policies Enabled', topology: {
		loadBalancers: [lb()],
		privateLinkServices: [{name: 'pls', loadBalancer: 'lb', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.6.4'}, {subnet: 'hub/app', privateIpAddress: '10.0.1.20'}]}],
	}, expect: [
		['privateLinkServices[0].natIpConfigurations[0].privateIpAddress', '10.0.6.4 is outside subnet hub/pls'],
		['privateLinkServices[0].natIpConfigurations[1].subnet', 'subnet hub/app has privateLinkServiceNetworkPolicies Enabled: set it to Disabled'],
	]},
	{title: 'auto-approved subscription not in visibility is a warning; visibility * allows all', topology: {
		loadBalancers: [lb(), {...lb(), name: 'lb2', frontends: [{name: 'fe', subnet: 'hub/app', privateIpAddress: '10.0.1.11'}]}],
		privateLinkServices: [
			{name: 'pls', loadBalancer: 'lb', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.5.4'}], visibility: ['contoso'], autoApproval: ['contoso', 'fabrikam']},
			{name: 'pls2', loadBalancer: 'lb2', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.5.5'}], visibility: ['*'], autoApproval: ['fabrikam']},
		],
	}, expect: [['privateLinkServices[0].autoApproval[1]', "subscription 'fabrikam' is auto-approved but not in visibility", 'warning']]},
	// S-PLS §7: only subscriptions in visibility can request a connection; for one made earlier the docs are silent.
	{title: 'a private endpoint from a subscription outside the service\'s visibility is a warning; the provider\'s own is fine', topology: {
		virtualNetworks: [hub, spoke, {name: 'consumer', region: 'westeurope', subscription: 'fabrikam', addressSpace: ['10.50.0.0/16'], subnets: [{name: 'pe', addressPrefix: '10.50.1.0/24'}]}],
		loadBalancers: [lb()],
		privateLinkServices: [{name: 'pls', loadBalancer: 'lb', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.5.4'}], visibility: ['northwind']}],
		privateEndpoints: [
			pe({name: 'pe-fabrikam', subnet: 'consumer/pe', privateIpAddress: '10.50.1.4', subscription: 'fabrikam'}, {target: 'pls', groupId: ''}),
			pe({name: 'pe-own'}, {target: 'pls', groupId: ''}),
		],
	}, expect: [['privateEndpoints[0].subscription', "subscription 'fabrikam' is not in pls's visibility", 'warning']]},

	// --- Warnings: accepted by Azure, broken network
	{title: 'appliance next hop that nothing owns', topology: {
		virtualNetworks: [hubWith('app', {routeTable: 'rt'}), spoke],
		routeTables: [{name: 'rt', routes: [route('r', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.5')]}],
	}, expect: [['routeTables[0].routes[0].nextHopIpAddress', 'no network interface or load balancer frontend in hub has 10.0.2.5', 'warning']]},
	{title: 'appliance next hop in a peered VNet, or a load balancer frontend, is fine', topology: {
		virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', routeTable: 'rt'}]}],
		virtualNetworkPeerings: [{name: 'a', from: 'hub', to: 'spoke'}, {name: 'b', from: 'spoke', to: 'hub'}],
		loadBalancers: [lb()],
		routeTables: [{name: 'rt', routes: [route('r', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4'), route('s', '10.9.0.0/16', 'VirtualAppliance', '10.0.1.10')]}],
	}, expect: []},
	{title: 'appliance next hop in an unpeered VNet', topology: {
		virtualNetworks: [hub, {...spoke, subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', routeTable: 'rt'}]}],
		routeTables: [{name: 'rt', routes: [route('r', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4')]}],
	}, expect: [['routeTables[0].routes[0].nextHopIpAddress', 'in spoke has 10.0.2.4', 'warning']]},
	{title: 'GatewaySubnet route table with 0.0.0.0/0 and propagation disabled', topology: {
		virtualNetworks: [hubWith('GatewaySubnet', {routeTable: 'rt-gw'}), spoke], virtualNetworkGateways: [vpn],
		routeTables: [{name: 'rt-gw', disableBgpRoutePropagation: true, routes: [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4'), route('spoke', '10.1.0.0/16', 'VirtualAppliance', '10.0.2.4')]}],
	}, expect: [
		['routeTables[0].routes[0].addressPrefix', 'sends 0.0.0.0/0 away from the gateway subnet (hub/GatewaySubnet)', 'warning'],
		['routeTables[0].disableBgpRoutePropagation', 'route propagation is disabled on rt-gw, which is associated with hub/GatewaySubnet', 'warning'],
	]},
];

test('the base topology is clean', (t) => {
	t.deepEqual(validateTopology(topology({})), []);
});

for (const c of cases) {
	test(c.title, (t) => {
		const problems = validateTopology(topology(c.topology));
		const shown = (p: TopologyProblem) => `${p.severity} ${formatFieldPath(p.path)}: ${p.message}`;
		t.is(problems.length, c.expect.length, problems.map(shown).join('\n'));
		for (const [path, fragment, severity = 'error'] of c.expect) {
			const found = problems.find((p) => formatFieldPath(p.path) === path);
			t.truthy(found, `no problem at ${path}; got:\n${problems.map(shown).join('\n')}`);
			if (!found) continue;
			t.true(found.message.includes(fragment), `${path}: '${found.message}' lacks '${fragment}'`);
			t.is(found.severity, severity, shown(found));
		}
	});
}

test('a miscased next hop type is the schema\'s error alone: its next hop IP is not blamed as well', (t) => {
	const data = topology({routeTables: [{name: 'rt', routes: [route('r', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4')]}]});
	(data.routeTables[0]!.routes[0] as {nextHopType: string}).nextHopType = 'virtualappliance';
	t.deepEqual(validateTopology(data).filter((p) => formatFieldPath(p.path) === 'routeTables[0].routes[0].nextHopIpAddress'), []);
});

test('several problems at once', (t) => {
	const problems = validateTopology(topology({
		virtualNetworks: [hubWith('app', {addressPrefix: '10.0.1.0/33', routeTable: 'missing'}), spoke],
		networkInterfaces: [{name: 'vm', subnet: 'hub/nva', privateIpAddress: '10.0.2.0'}],
		networkSecurityGroups: [{name: 'nsg', securityRules: [rule('a', 5000)]}],
	}));
	t.deepEqual(problems.map((p) => formatFieldPath(p.path)).sort(), [
		'networkInterfaces[0].privateIpAddress',
		'networkSecurityGroups[0].securityRules[0].priority',
		'virtualNetworks[0].subnets[0].addressPrefix',
		'virtualNetworks[0].subnets[0].routeTable',
	]);
});

test('hub-and-spoke style topology with every kind is clean', (t) => {
	const problems = validateTopology(topology({
		virtualNetworks: [hubWith('GatewaySubnet', {routeTable: 'rt-gw'}), {...spoke, dnsServers: ['10.0.1.20'], subnets: [{name: 'app', addressPrefix: '10.1.1.0/24', routeTable: 'rt-spoke', networkSecurityGroup: 'nsg'}]}],
		virtualNetworkPeerings: peered,
		virtualNetworkGateways: [vpn],
		localNetworks: [{name: 'onprem', gateway: 'vpngw', addressPrefixes: ['192.168.0.0/16'], hosts: [{name: 'pc', ipAddress: '192.168.1.50'}]}],
		routeTables: [
			{name: 'rt-spoke', routes: [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4'), route('onprem', '192.168.0.0/16', 'VirtualNetworkGateway')]},
			{name: 'rt-gw', routes: [route('spoke', '10.1.0.0/16', 'VirtualAppliance', '10.0.2.4')]},
		],
		networkSecurityGroups: [{name: 'nsg', securityRules: [rule('https', 100), rule('deny-out', 100, 'Outbound', {access: 'Deny', destinationAddressPrefix: 'Internet'})]}],
		privateEndpoints: [pe()],
		privateDnsZones: [{name: 'privatelink.blob.core.windows.net', records: [{name: 'stcontoso', type: 'A', value: '10.0.3.4'}], virtualNetworkLinks: [{name: 'hub', vnet: 'hub'}, {name: 'spoke', vnet: 'spoke'}]}],
		dnsResolvers: [{name: 'dns', vnet: 'hub', inboundEndpointIp: '10.0.1.20', forwardingRulesets: [{name: 'rs', vnetLinks: ['spoke'], rules: [{domain: 'corp.contoso.com', targets: ['192.168.1.10']}]}]}],
		internetHosts: [{name: 'web', ipAddress: '203.0.113.10', fqdn: 'www.example.com'}],
	}));
	t.deepEqual(problems, []);
});

test('closestName suggests near misses only', (t) => {
	t.is(closestName('adressPrefix', ['addressPrefix', 'name']), 'addressPrefix');
	t.is(closestName('inbound', ['Inbound', 'Outbound']), 'Inbound');
	t.is(closestName('zzz', ['addressPrefix', 'name']), undefined);
});
