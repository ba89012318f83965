/**
 * Edits (engine/edits): every op applied to one hub-and-spoke topology, table-driven.
 * Valid edits give the expected change and never mutate their input; rejections name the
 * argument at fault; warnings flag accepted-but-broken changes; applyEdits stops at the first
 * failure; azCliFor and describeEdit cover every op.
 */
import test from 'ava';
import {applyEdit, applyEdits, azCliFor, describeEdit, editArguments, editOps, type Edit, type EditOp} from '../../source/engine/edits/index.js';
import type {Topology} from '../../source/engine/topology.js';
import {validateTopology, type TopologyProblem} from '../../source/engine/validate.js';
import {topo} from '../helpers/topology.js';

const base: Topology = topo({
	virtualNetworks: [
		{
			name: 'hub',
			subscription: 'contoso',
			addressSpace: ['10.0.0.0/16'],
			subnets: [
				{name: 'app', addressPrefix: '10.0.1.0/24', routeTable: 'rt-app', serviceEndpoints: ['Microsoft.Storage']},
				{name: 'fw', addressPrefix: '10.0.2.0/24'},
				{name: 'pe', addressPrefix: '10.0.3.0/24'},
				{name: 'resolver-in', addressPrefix: '10.0.4.0/24'},
				{name: 'GatewaySubnet', addressPrefix: '10.0.255.0/27'},
			],
		},
		{name: 'spoke1', subscription: 'contoso', addressSpace: ['10.1.0.0/16'], subnets: [{name: 'web', addressPrefix: '10.1.1.0/24', natGateway: 'natgw-spoke'}]},
		{name: 'spoke2', subscription: 'contoso', addressSpace: ['10.2.0.0/16'], subnets: [{name: 'web', addressPrefix: '10.2.1.0/24'}]},
		{
			name: 'er',
			subscription: 'contoso',
			addressSpace: ['10.3.0.0/16'],
			subnets: [
				{name: 'app', addressPrefix: '10.3.1.0/24', routeTable: 'rt-er'},
				{name: 'GatewaySubnet', addressPrefix: '10.3.255.0/27'},
			],
		},
		{
			name: 'provider',
			subscription: 'fabrikam',
			addressSpace: ['10.5.0.0/16'],
			subnets: [
				{name: 'app', addressPrefix: '10.5.0.0/24'},
				{name: 'pls-nat', addressPrefix: '10.5.1.0/24', privateLinkServiceNetworkPolicies: 'Disabled'},
			],
		},
		{name: 'partner', subscription: 'tailspin', addressSpace: ['10.9.0.0/16'], subnets: [{name: 'pe', addressPrefix: '10.9.1.0/24'}]},
		{name: 'stranger', subscription: 'woodgrove', addressSpace: ['10.8.0.0/16'], subnets: [{name: 'pe', addressPrefix: '10.8.1.0/24'}]},
		{name: 'overlap', subscription: 'contoso', addressSpace: ['10.0.0.0/16'], subnets: [{name: 'app', addressPrefix: '10.0.1.0/24'}]},
	],
	virtualNetworkPeerings: [
		{name: 'hub-to-spoke1', from: 'hub', to: 'spoke1'},
		{name: 'spoke1-to-hub', from: 'spoke1', to: 'hub'},
	],
	networkInterfaces: [
		{name: 'vm-app', subnet: 'hub/app', privateIpAddress: '10.0.1.4'},
		{name: 'vm-fw', subnet: 'hub/fw', privateIpAddress: '10.0.2.4', enableIpForwarding: true},
		{name: 'vm-off', subnet: 'hub/fw', privateIpAddress: '10.0.2.5', enableIpForwarding: true, running: false},
		{name: 'vm-noforward', subnet: 'hub/fw', privateIpAddress: '10.0.2.6'},
		{name: 'vm-web', subnet: 'provider/app', privateIpAddress: '10.5.0.4'},
	],
	natGateways: [
		{name: 'natgw-hub', publicIpAddress: '20.50.0.1'},
		{name: 'natgw-spoke', publicIpAddress: '20.50.0.2'},
	],
	virtualNetworkGateways: [
		{name: 'vpngw', vnet: 'hub', gatewayType: 'Vpn', publicIpAddress: '20.50.9.9'},
		{name: 'ergw', vnet: 'er', gatewayType: 'ExpressRoute', publicIpAddress: '20.50.9.10'},
	],
	localNetworks: [{name: 'onprem', gateway: 'vpngw', addressPrefixes: ['192.168.0.0/16'], dnsServers: ['192.168.1.10']}],
	routeTables: [
		{
			name: 'rt-app',
			routes: [
				{name: 'to-onprem', addressPrefix: '192.168.0.0/16', nextHopType: 'VirtualNetworkGateway'},
				{name: 'default-via-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'},
			],
		},
		{name: 'rt-empty'},
		{name: 'rt-er'},
	],
	networkSecurityGroups: [
		{
			name: 'nsg-app',
			securityRules: [
				{name: 'deny-web-out', priority: 100, direction: 'Outbound', access: 'Deny', protocol: 'Tcp', destinationAddressPrefix: 'Internet', destinationPortRange: '80'},
			],
		},
	],
	resources: [
		{
			name: 'stcontoso',
			type: 'Microsoft.Storage/storageAccounts',
			subscription: 'contoso',
			publicIpAddress: '52.239.10.20',
			networkRuleSet: {defaultAction: 'Deny', virtualNetworkRules: ['hub/app'], ipRules: []},
		},
		{name: 'sqlcontoso', type: 'Microsoft.Sql/servers', subscription: 'contoso', publicIpAddress: '40.68.1.1'},
		{name: 'kvcontoso', type: 'Microsoft.KeyVault/vaults', subscription: 'contoso', publicIpAddress: '51.105.1.1'},
	],
	privateEndpoints: [
		{name: 'pe-st-blob', subnet: 'hub/pe', privateIpAddress: '10.0.3.4', subscription: 'contoso', connection: {target: 'stcontoso', groupId: 'blob', status: 'Approved'}},
		{name: 'pe-pls', subnet: 'hub/pe', privateIpAddress: '10.0.3.5', subscription: 'contoso', connection: {target: 'pls-app', groupId: '', status: 'Pending'}},
		{name: 'pe-old', subnet: 'hub/pe', privateIpAddress: '10.0.3.6', subscription: 'contoso', connection: {target: 'sqlcontoso', groupId: 'sqlServer', status: 'Disconnected'}},
	],
	privateDnsZones: [
		{
			name: 'privatelink.blob.core.windows.net',
			records: [{name: 'stcontoso', type: 'A', value: '10.0.3.4'}],
			virtualNetworkLinks: [{name: 'link-hub', vnet: 'hub'}],
		},
		{name: 'privatelink.database.windows.net', id: 'zone-sql-a', virtualNetworkLinks: [{name: 'link-hub', vnet: 'hub'}]},
		{name: 'privatelink.database.windows.net', id: 'zone-sql-b'},
		{name: 'corp.contoso.com', records: [{name: 'intranet', type: 'A', value: '10.0.1.4'}]},
	],
	dnsResolvers: [{name: 'resolver-hub', vnet: 'hub', inboundEndpointIp: '10.0.4.4'}],
	loadBalancers: [
		{
			name: 'lb-app',
			frontends: [
				{name: 'fe', subnet: 'provider/app', privateIpAddress: '10.5.0.10'},
				{name: 'fe2', subnet: 'provider/app', privateIpAddress: '10.5.0.11'},
			],
			backends: ['vm-web'],
		},
		{name: 'lb-basic', sku: 'Basic', frontends: [{name: 'fe', subnet: 'provider/app', privateIpAddress: '10.5.0.20'}]},
	],
	privateLinkServices: [
		{
			name: 'pls-app',
			loadBalancer: 'lb-app',
			frontend: 'fe',
			natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.4'}],
			visibility: ['contoso', 'tailspin'],
			autoApproval: ['contoso'],
			alias: 'pls-app.3f8a1c2e.westeurope.azure.privatelinkservice',
		},
	],
});

// ---- small readers over a topology ----

const subnetOf = (t: Topology, id: string) => {
	const [vnet, subnet] = id.split('/');
	return t.virtualNetworks.find((v) => v.name === vnet)!.subnets.find((s) => s.name === subnet)!;
};

const table = (t: Topology, name: string) => t.routeTables.find((r) => r.name === name)!;
const resource = (t: Topology, name: string) => t.resources.find((r) => r.name === name)!;
const endpoint = (t: Topology, name: string) => t.privateEndpoints.find((e) => e.name === name);
const zone = (t: Topology, id: string) => t.privateDnsZones.find((z) => z.id === id)!;
const peering = (t: Topology, name: string) => t.virtualNetworkPeerings.find((p) => p.name === name);

test('the base topology has no validation errors (so every new error is the edit\'s)', (t) => {
	t.deepEqual(
		validateTopology(base).filter((p) => p.severity === 'error'),
		[],
	);
});

// ---- valid edits: the change, no mutation, the warnings ----

type ValidCase = {
	title: string;
	edit: Edit;
	check: (after: Topology) => unknown;
	/** Fragments each expected warning contains; absent means none. */
	warnings?: string[];
};

const validCases: ValidCase[] = [
	{
		title: 'add-route: a virtual appliance route',
		edit: {op: 'add-route', routeTable: 'rt-empty', route: {name: 'default-via-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}},
		check: (after) => table(after, 'rt-empty').routes,
	},
	{
		title: 'add-route: a service tag prefix with next hop Internet',
		edit: {op: 'add-route', routeTable: 'rt-empty', route: {name: 'storage-direct', addressPrefix: 'Storage.WestEurope', nextHopType: 'Internet'}},
		check: (after) => table(after, 'rt-empty').routes,
	},
	{
		title: 'add-route: a VirtualNetworkGateway route where the gateway is VPN',
		edit: {op: 'add-route', routeTable: 'rt-app', route: {name: 'to-spoke2', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualNetworkGateway'}},
		check: (after) => table(after, 'rt-app').routes.map((r) => r.name),
	},
	{
		title: 'add-route: VirtualAppliance next hop with IP forwarding off warns',
		edit: {op: 'add-route', routeTable: 'rt-empty', route: {name: 'via-noforward', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.6'}},
		check: (after) => table(after, 'rt-empty').routes.length,
		warnings: ['vm-noforward', 'IP forwarding off'],
	},
	{
		title: 'add-route: VirtualAppliance next hop on a stopped VM warns',
		edit: {op: 'add-route', routeTable: 'rt-empty', route: {name: 'via-off', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.5'}},
		check: (after) => table(after, 'rt-empty').routes.length,
		warnings: ['vm-off (10.0.2.5), a stopped VM'],
	},
	{
		title: 'remove-route',
		edit: {op: 'remove-route', routeTable: 'rt-app', name: 'to-onprem'},
		check: (after) => table(after, 'rt-app').routes.map((r) => r.name),
	},
	{
		title: 'create-route-table: propagation on by default',
		edit: {op: 'create-route-table', name: 'rt-new'},
		check: (after) => table(after, 'rt-new'),
	},
	{
		title: 'create-route-table: propagation off',
		edit: {op: 'create-route-table', name: 'rt-new', disableBgpRoutePropagation: true},
		check: (after) => table(after, 'rt-new'),
	},
	{
		title: 'associate-route-table: replaces the subnet\'s table',
		edit: {op: 'associate-route-table', subnet: 'hub/app', routeTable: 'rt-empty'},
		check: (after) => subnetOf(after, 'hub/app').routeTable,
	},
	{
		title: 'associate-route-table: a 0.0.0.0/0 table on GatewaySubnet warns',
		edit: {op: 'associate-route-table', subnet: 'hub/GatewaySubnet', routeTable: 'rt-app'},
		check: (after) => subnetOf(after, 'hub/GatewaySubnet').routeTable,
		warnings: ['sends 0.0.0.0/0 away from the gateway subnet'],
	},
	{
		title: 'dissociate-route-table: the key is gone',
		edit: {op: 'dissociate-route-table', subnet: 'hub/app'},
		check: (after) => 'routeTable' in subnetOf(after, 'hub/app'),
	},
	{
		title: 'set-route-propagation: enabled false is disableBgpRoutePropagation true',
		edit: {op: 'set-route-propagation', routeTable: 'rt-app', enabled: false},
		check: (after) => table(after, 'rt-app').disableBgpRoutePropagation,
	},
	{
		title: 'set-service-endpoints: replaces the list',
		edit: {op: 'set-service-endpoints', subnet: 'hub/app', services: ['Microsoft.Storage', 'Microsoft.Sql']},
		check: (after) => subnetOf(after, 'hub/app').serviceEndpoints,
	},
	{
		title: 'set-service-endpoints: [] removes them, and the storage rule on that subnet now matches nothing',
		edit: {op: 'set-service-endpoints', subnet: 'hub/app', services: []},
		check: (after) => subnetOf(after, 'hub/app').serviceEndpoints,
		warnings: ['stcontoso allows hub/app, but that subnet has no Microsoft.Storage service endpoint'],
	},
	{
		title: 'add-vnet-rule: on a resource with default action Allow and no endpoint, two warnings',
		edit: {op: 'add-vnet-rule', resource: 'kvcontoso', subnet: 'hub/app'},
		check: (after) => resource(after, 'kvcontoso').networkRuleSet.virtualNetworkRules,
		warnings: ['no Microsoft.KeyVault service endpoint', 'default action is Allow'],
	},
	{
		title: 'add-vnet-rule: a second subnet of a storage account',
		edit: {op: 'add-vnet-rule', resource: 'stcontoso', subnet: 'spoke1/web'},
		check: (after) => resource(after, 'stcontoso').networkRuleSet.virtualNetworkRules,
		warnings: ['stcontoso allows spoke1/web, but that subnet has no Microsoft.Storage'],
	},
	{
		title: 'remove-vnet-rule',
		edit: {op: 'remove-vnet-rule', resource: 'stcontoso', subnet: 'hub/app'},
		check: (after) => resource(after, 'stcontoso').networkRuleSet.virtualNetworkRules,
	},
	{
		title: 'set-default-action: Allow with rules warns they do nothing',
		edit: {op: 'set-default-action', resource: 'stcontoso', action: 'Allow'},
		check: (after) => resource(after, 'stcontoso').networkRuleSet.defaultAction,
		warnings: ['default action is Allow'],
	},
	{
		title: 'set-default-action: Deny on SQL',
		edit: {op: 'set-default-action', resource: 'sqlcontoso', action: 'Deny'},
		check: (after) => resource(after, 'sqlcontoso').networkRuleSet.defaultAction,
	},
	{
		title: 'set-public-network-access',
		edit: {op: 'set-public-network-access', resource: 'stcontoso', access: 'Disabled'},
		check: (after) => resource(after, 'stcontoso').publicNetworkAccess,
	},
	{
		title: 'create-private-endpoint: to a resource, Approved, in its VNet\'s subscription',
		edit: {op: 'create-private-endpoint', name: 'pe-st-file', subnet: 'hub/pe', privateIpAddress: '10.0.3.7', target: 'stcontoso', groupId: 'file'},
		check: (after) => endpoint(after, 'pe-st-file'),
	},
	{
		title: 'create-private-endpoint: to a PLS that auto-approves the subscription',
		edit: {op: 'create-private-endpoint', name: 'pe-pls2', subnet: 'spoke1/web', privateIpAddress: '10.1.1.10', target: 'pls-app'},
		check: (after) => endpoint(after, 'pe-pls2')!.connection,
	},
	{
		title: 'create-private-endpoint: by alias from a visible, not auto-approved subscription is Pending',
		edit: {op: 'create-private-endpoint', name: 'pe-partner', subnet: 'partner/pe', privateIpAddress: '10.9.1.4', target: 'pls-app.3f8a1c2e.westeurope.azure.privatelinkservice', groupId: ''},
		check: (after) => endpoint(after, 'pe-partner'),
	},
	{
		title: 'create-private-endpoint: an explicit status wins',
		edit: {op: 'create-private-endpoint', name: 'pe-kv', subnet: 'hub/pe', privateIpAddress: '10.0.3.8', target: 'kvcontoso', groupId: 'vault', status: 'Pending'},
		check: (after) => endpoint(after, 'pe-kv')!.connection.status,
	},
	{
		title: 'delete-private-endpoint: its DNS record is left pointing at nothing',
		edit: {op: 'delete-private-endpoint', name: 'pe-st-blob'},
		check: (after) => after.privateEndpoints.map((e) => e.name),
		warnings: ['stcontoso.privatelink.blob.core.windows.net points at 10.0.3.4, which no private endpoint has'],
	},
	{
		title: 'set-connection-status: approve a pending connection',
		edit: {op: 'set-connection-status', privateEndpoint: 'pe-pls', status: 'Approved'},
		check: (after) => endpoint(after, 'pe-pls')!.connection.status,
	},
	{
		title: 'set-connection-status: reject',
		edit: {op: 'set-connection-status', privateEndpoint: 'pe-st-blob', status: 'Rejected'},
		check: (after) => endpoint(after, 'pe-st-blob')!.connection.status,
	},
	{
		title: 'create-private-dns-zone: id defaults to the name',
		edit: {op: 'create-private-dns-zone', name: 'privatelink.vaultcore.azure.net'},
		check: (after) => zone(after, 'privatelink.vaultcore.azure.net'),
	},
	{
		title: 'create-private-dns-zone: a second zone of a name with its own id',
		edit: {op: 'create-private-dns-zone', name: 'privatelink.blob.core.windows.net', id: 'zone-blob-2'},
		check: (after) => zone(after, 'zone-blob-2'),
	},
	{
		title: 'add-dns-record: an A record, zone by name',
		edit: {op: 'add-dns-record', zone: 'corp.contoso.com', record: {name: 'app', type: 'A', value: '10.0.1.4'}},
		check: (after) => zone(after, 'corp.contoso.com').records,
	},
	{
		title: 'add-dns-record: a CNAME, zone by id',
		edit: {op: 'add-dns-record', zone: 'zone-sql-b', record: {name: 'alias', type: 'CNAME', value: 'sqlcontoso.privatelink.database.windows.net'}},
		check: (after) => zone(after, 'zone-sql-b').records,
	},
	{
		title: 'add-dns-record: an A record at an IP no private endpoint has warns',
		edit: {op: 'add-dns-record', zone: 'privatelink.blob.core.windows.net', record: {name: 'other', type: 'A', value: '10.0.3.99'}},
		check: (after) => zone(after, 'privatelink.blob.core.windows.net').records.length,
		warnings: ['other.privatelink.blob.core.windows.net points at 10.0.3.99'],
	},
	{
		title: 'remove-dns-record',
		edit: {op: 'remove-dns-record', zone: 'privatelink.blob.core.windows.net', name: 'stcontoso'},
		check: (after) => zone(after, 'privatelink.blob.core.windows.net').records,
	},
	{
		title: 'link-dns-zone: default name, NxDomainRedirect',
		edit: {op: 'link-dns-zone', zone: 'privatelink.blob.core.windows.net', vnet: 'spoke1', resolutionPolicy: 'NxDomainRedirect'},
		check: (after) => zone(after, 'privatelink.blob.core.windows.net').virtualNetworkLinks,
	},
	{
		title: 'link-dns-zone: a named link with the default policy',
		edit: {op: 'link-dns-zone', zone: 'zone-sql-b', vnet: 'spoke1', name: 'sql-spoke1'},
		check: (after) => zone(after, 'zone-sql-b').virtualNetworkLinks,
	},
	{
		title: 'unlink-dns-zone',
		edit: {op: 'unlink-dns-zone', zone: 'privatelink.blob.core.windows.net', vnet: 'hub'},
		check: (after) => zone(after, 'privatelink.blob.core.windows.net').virtualNetworkLinks,
	},
	{
		title: 'create-private-link-service: defaults and a generated alias',
		edit: {
			op: 'create-private-link-service',
			name: 'pls-two',
			loadBalancer: 'lb-app',
			frontend: 'fe2',
			natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.5'}],
		},
		check: (after) => after.privateLinkServices.find((s) => s.name === 'pls-two'),
	},
	{
		title: 'create-private-link-service: visibility, auto-approval and an alias given',
		edit: {
			op: 'create-private-link-service',
			name: 'pls-three',
			loadBalancer: 'lb-app',
			frontend: 'fe2',
			natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.6'}, {subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.7'}],
			visibility: ['*'],
			autoApproval: ['contoso'],
			alias: 'pls-three.0000.westeurope.azure.privatelinkservice',
			enableProxyProtocol: true,
		},
		check: (after) => after.privateLinkServices.find((s) => s.name === 'pls-three'),
	},
	{
		title: 'set-ip-forwarding: on',
		edit: {op: 'set-ip-forwarding', nic: 'vm-app', enabled: true},
		check: (after) => after.networkInterfaces.find((n) => n.name === 'vm-app')!.enableIpForwarding,
	},
	{
		title: 'set-ip-forwarding: off on the appliance rt-app routes through warns',
		edit: {op: 'set-ip-forwarding', nic: 'vm-fw', enabled: false},
		check: (after) => after.networkInterfaces.find((n) => n.name === 'vm-fw')!.enableIpForwarding,
		warnings: ['route default-via-fw in rt-app sends traffic to vm-fw (10.0.2.4), whose NIC has IP forwarding off'],
	},
	{
		title: 'add-nsg-rule: unspecified protocol, prefixes and ports are *',
		edit: {op: 'add-nsg-rule', nsg: 'nsg-app', rule: {name: 'allow-https-in', priority: 100, direction: 'Inbound', access: 'Allow', destinationPortRange: '443'}},
		check: (after) => after.networkSecurityGroups[0]!.securityRules[1],
	},
	{
		title: 'add-nsg-rule: tags, CIDRs and port ranges',
		edit: {
			op: 'add-nsg-rule',
			nsg: 'nsg-app',
			rule: {
				name: 'deny-storage',
				priority: 200,
				direction: 'Outbound',
				access: 'Deny',
				protocol: 'Udp',
				sourceAddressPrefix: '10.0.1.0/24',
				sourcePortRange: '1000-2000',
				destinationAddressPrefix: 'Storage.WestEurope',
				destinationPortRange: '*',
			},
		},
		check: (after) => after.networkSecurityGroups[0]!.securityRules[1],
	},
	{
		title: 'remove-nsg-rule',
		edit: {op: 'remove-nsg-rule', nsg: 'nsg-app', name: 'deny-web-out'},
		check: (after) => after.networkSecurityGroups[0]!.securityRules,
	},
	{
		title: 'set-peering: change a flag of an existing link',
		edit: {op: 'set-peering', name: 'spoke1-to-hub', allowForwardedTraffic: true},
		check: (after) => peering(after, 'spoke1-to-hub'),
	},
	{
		title: 'set-peering: from and to create a missing link with the defaults',
		edit: {op: 'set-peering', name: 'hub-to-spoke2', from: 'hub', to: 'spoke2', allowGatewayTransit: true},
		check: (after) => peering(after, 'hub-to-spoke2'),
	},
	{
		title: 'set-peering: useRemoteGateways before the hub allows transit warns',
		edit: {op: 'set-peering', name: 'spoke1-to-hub', useRemoteGateways: true},
		check: (after) => peering(after, 'spoke1-to-hub')!.useRemoteGateways,
		warnings: ['does not set allowGatewayTransit'],
	},
	{
		title: 'set-subnet-policies: one policy',
		edit: {op: 'set-subnet-policies', subnet: 'hub/pe', privateEndpointNetworkPolicies: 'Enabled'},
		check: (after) => [subnetOf(after, 'hub/pe').privateEndpointNetworkPolicies, subnetOf(after, 'hub/pe').privateLinkServiceNetworkPolicies],
	},
	{
		title: 'set-subnet-policies: both',
		edit: {op: 'set-subnet-policies', subnet: 'hub/pe', privateEndpointNetworkPolicies: 'RouteTableEnabled', privateLinkServiceNetworkPolicies: 'Disabled'},
		check: (after) => [subnetOf(after, 'hub/pe').privateEndpointNetworkPolicies, subnetOf(after, 'hub/pe').privateLinkServiceNetworkPolicies],
	},
	{
		title: 'set-dns-servers: the resolver\'s inbound endpoint',
		edit: {op: 'set-dns-servers', vnet: 'spoke1', servers: ['10.0.4.4']},
		check: (after) => after.virtualNetworks[1]!.dnsServers,
	},
	{
		title: 'set-dns-servers: an address where no DNS server is warns',
		edit: {op: 'set-dns-servers', vnet: 'spoke1', servers: ['10.0.9.9']},
		check: (after) => after.virtualNetworks[1]!.dnsServers,
		warnings: ['spoke1 sends DNS queries to 10.0.9.9, where no DNS server is'],
	},
	{
		title: 'set-subnet-nat-gateway: attach',
		edit: {op: 'set-subnet-nat-gateway', subnet: 'hub/app', natGateway: 'natgw-hub'},
		check: (after) => subnetOf(after, 'hub/app').natGateway,
	},
	{
		title: 'set-subnet-nat-gateway: null detaches',
		edit: {op: 'set-subnet-nat-gateway', subnet: 'spoke1/web', natGateway: null},
		check: (after) => 'natGateway' in subnetOf(after, 'spoke1/web'),
	},
	{
		title: 'set-dns-forwarding: replaces the rules',
		edit: {op: 'set-dns-forwarding', localNetwork: 'onprem', rules: [{domain: 'blob.core.windows.net', targets: ['10.0.4.4']}]},
		check: (after) => after.localNetworks[0]!.dnsForwarding,
	},
	{
		title: 'set-dns-forwarding: a privatelink. domain warns (S-PEDNSI)',
		edit: {op: 'set-dns-forwarding', localNetwork: 'onprem', rules: [{domain: 'privatelink.blob.core.windows.net', targets: ['10.0.4.4']}]},
		check: (after) => after.localNetworks[0]!.dnsForwarding.length,
		warnings: ['forward blob.core.windows.net, not privatelink.blob.core.windows.net'],
	},
];

/** The expected change of each valid case, in order (what `check` returns). */
const expected: unknown[] = [
	[{name: 'default-via-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}],
	[{name: 'storage-direct', addressPrefix: 'Storage.WestEurope', nextHopType: 'Internet'}],
	['to-onprem', 'default-via-fw', 'to-spoke2'],
	1,
	1,
	['default-via-fw'],
	{name: 'rt-new', disableBgpRoutePropagation: false, routes: []},
	{name: 'rt-new', disableBgpRoutePropagation: true, routes: []},
	'rt-empty',
	'rt-app',
	false,
	true,
	['Microsoft.Storage', 'Microsoft.Sql'],
	[],
	['hub/app'],
	['hub/app', 'spoke1/web'],
	[],
	'Allow',
	'Deny',
	'Disabled',
	{name: 'pe-st-file', subnet: 'hub/pe', privateIpAddress: '10.0.3.7', subscription: 'contoso', connection: {target: 'stcontoso', groupId: 'file', status: 'Approved'}},
	{target: 'pls-app', groupId: '', status: 'Approved'},
	{
		name: 'pe-partner',
		subnet: 'partner/pe',
		privateIpAddress: '10.9.1.4',
		subscription: 'tailspin',
		connection: {target: 'pls-app.3f8a1c2e.westeurope.azure.privatelinkservice', groupId: '', status: 'Pending'},
	},
	'Pending',
	['pe-pls', 'pe-old'],
	'Approved',
	'Rejected',
	{name: 'privatelink.vaultcore.azure.net', id: 'privatelink.vaultcore.azure.net', records: [], virtualNetworkLinks: []},
	{name: 'privatelink.blob.core.windows.net', id: 'zone-blob-2', records: [], virtualNetworkLinks: []},
	[
		{name: 'intranet', type: 'A', value: '10.0.1.4'},
		{name: 'app', type: 'A', value: '10.0.1.4'},
	],
	[{name: 'alias', type: 'CNAME', value: 'sqlcontoso.privatelink.database.windows.net'}],
	2,
	[],
	[
		{name: 'link-hub', vnet: 'hub', resolutionPolicy: 'Default'},
		{name: 'link-spoke1', vnet: 'spoke1', resolutionPolicy: 'NxDomainRedirect'},
	],
	[{name: 'sql-spoke1', vnet: 'spoke1', resolutionPolicy: 'Default'}],
	[],
	{
		name: 'pls-two',
		loadBalancer: 'lb-app',
		frontend: 'fe2',
		natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.5'}],
		visibility: [],
		autoApproval: [],
		alias: 'pls-two.8887c671.westeurope.azure.privatelinkservice',
		enableProxyProtocol: false,
	},
	{
		name: 'pls-three',
		loadBalancer: 'lb-app',
		frontend: 'fe2',
		natIpConfigurations: [
			{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.6'},
			{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.7'},
		],
		visibility: ['*'],
		autoApproval: ['contoso'],
		alias: 'pls-three.0000.westeurope.azure.privatelinkservice',
		enableProxyProtocol: true,
	},
	true,
	false,
	{
		name: 'allow-https-in',
		priority: 100,
		direction: 'Inbound',
		access: 'Allow',
		protocol: '*',
		sourceAddressPrefix: '*',
		sourcePortRange: '*',
		destinationAddressPrefix: '*',
		destinationPortRange: '443',
	},
	{
		name: 'deny-storage',
		priority: 200,
		direction: 'Outbound',
		access: 'Deny',
		protocol: 'Udp',
		sourceAddressPrefix: '10.0.1.0/24',
		sourcePortRange: '1000-2000',
		destinationAddressPrefix: 'Storage.WestEurope',
		destinationPortRange: '*',
	},
	[],
	{name: 'spoke1-to-hub', from: 'spoke1', to: 'hub', allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false},
	{name: 'hub-to-spoke2', from: 'hub', to: 'spoke2', allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: true, useRemoteGateways: false},
	true,
	['Enabled', 'Enabled'],
	['RouteTableEnabled', 'Disabled'],
	['10.0.4.4'],
	['10.0.9.9'],
	'natgw-hub',
	false,
	[{domain: 'blob.core.windows.net', targets: ['10.0.4.4']}],
	1,
];

test('every valid case has its expected change', (t) => {
	t.is(expected.length, validCases.length);
});

for (const [index, {title, edit, check, warnings}] of validCases.entries()) {
	test(`applies ${title}`, (t) => {
		const snapshot = structuredClone(base);
		const result = applyEdit(base, edit);
		if (!result.ok) {
			t.fail(JSON.stringify(result.errors));
			return;
		}

		t.deepEqual(base, snapshot, 'the input topology is untouched');
		t.deepEqual(check(result.topology), expected[index]);
		if (warnings) {
			for (const fragment of warnings) t.true(result.warnings.some((w) => w.includes(fragment)), `${fragment} in ${JSON.stringify(result.warnings)}`);
		} else {
			t.deepEqual(result.warnings, []);
		}
	});
}

test('every op has at least one valid case', (t) => {
	const covered = new Set(validCases.map((c) => c.edit.op));
	t.deepEqual(
		editOps.filter((op) => !covered.has(op)),
		[],
	);
});

test('every valid case uses only the arguments its op declares', (t) => {
	for (const {edit} of validCases) {
		const {required, optional} = editArguments[edit.op];
		for (const key of Object.keys(edit)) t.true(key === 'op' || required.includes(key) || optional.includes(key), `${edit.op}.${key}`);
		for (const key of required) t.true(key in edit, `${edit.op} requires ${key}`);
	}
});

test('an edit shares what it did not change with its input', (t) => {
	const result = applyEdit(base, {op: 'set-ip-forwarding', nic: 'vm-app', enabled: true});
	t.true(result.ok);
	if (!result.ok) return;
	t.is(result.topology.routeTables, base.routeTables);
	t.is(result.topology.virtualNetworks, base.virtualNetworks);
	t.not(result.topology.networkInterfaces, base.networkInterfaces);
	t.is(result.topology.networkInterfaces[1], base.networkInterfaces[1]);
});

// ---- rejections: the field at fault and why ----

type RejectCase = {title: string; edit: unknown; field: string; message: string; allowedOps?: string[]};

const r = (title: string, edit: unknown, field: string, message: string): RejectCase => ({title, edit, field, message});
const route = (extra: Record<string, unknown>) => ({op: 'add-route', routeTable: 'rt-empty', route: {name: 'x', addressPrefix: '10.7.0.0/16', nextHopType: 'None', ...extra}});
const pe = (extra: Record<string, unknown>) => ({op: 'create-private-endpoint', name: 'pe-new', subnet: 'hub/pe', privateIpAddress: '10.0.3.20', target: 'stcontoso', groupId: 'blob', ...extra});
const nsgRule = (extra: Record<string, unknown>) => ({
	op: 'add-nsg-rule',
	nsg: 'nsg-app',
	rule: {name: 'new-rule', priority: 300, direction: 'Inbound', access: 'Allow', ...extra},
});
const pls = (extra: Record<string, unknown>) => ({
	op: 'create-private-link-service',
	name: 'pls-new',
	loadBalancer: 'lb-app',
	frontend: 'fe2',
	natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.9'}],
	...extra,
});

const rejectCases: RejectCase[] = [
	r('an edit that is not a record', 'add-route', '', 'an edit is a record'),
	r('no op', {routeTable: 'rt-app'}, 'op', 'missing'),
	r('an unknown op, with the near one', {op: 'add-rout'}, 'op', 'did you mean add-route?'),
	{title: 'an op the lab does not allow', edit: {op: 'remove-route', routeTable: 'rt-app', name: 'to-onprem'}, field: 'op', message: 'this lab does not allow remove-route edits: it allows add-route', allowedOps: ['add-route']},
	r('an unknown argument, with the near one', {op: 'remove-route', routetable: 'rt-app', name: 'to-onprem'}, 'routetable', 'did you mean routeTable?'),
	r('a missing argument', {op: 'remove-route', routeTable: 'rt-app'}, 'name', 'missing'),
	r('an argument of the wrong type', {op: 'remove-route', routeTable: 5, name: 'to-onprem'}, 'routeTable', 'expected text'),
	// S-PE 6.2 / S-PLS: a request across subscriptions starts Pending; the consumer cannot approve it itself.
	r('create-private-endpoint: Approved at creation, to a PLS of another subscription that does not auto-approve it', {op: 'create-private-endpoint', name: 'pe-self', subnet: 'partner/pe', privateIpAddress: '10.9.1.6', target: 'pls-app.3f8a1c2e.westeurope.azure.privatelinkservice', groupId: '', status: 'Approved'}, 'status', 'the request starts Pending until the provider approves it'),
	// add-route
	r('add-route: unknown table, near name', {op: 'add-route', routeTable: 'rt-ap', route: {name: 'x', addressPrefix: '10.7.0.0/16', nextHopType: 'None'}}, 'routeTable', "no route table named 'rt-ap' (did you mean rt-app?)"),
	r('add-route: unknown table, names listed', {op: 'add-route', routeTable: 'zzz', route: {}}, 'routeTable', '(route tables: rt-app, rt-empty, rt-er)'),
	r('add-route: no route object', {op: 'add-route', routeTable: 'rt-app'}, 'route', 'missing'),
	r('add-route: route not an object', {op: 'add-route', routeTable: 'rt-app', route: 'x'}, 'route', 'expected an object'),
	r('add-route: unknown key inside route', route({addresPrefix: '10.7.0.0/16'}), 'route.addresPrefix', 'did you mean addressPrefix?'),
	r('add-route: host bits set, with the hint', route({addressPrefix: '10.0.1.0/16'}), 'route.addressPrefix', 'did you mean 10.0.0.0/16?'),
	r('add-route: a short form', route({addressPrefix: '10.0.0/16'}), 'route.addressPrefix', 'valid IPv4'),
	r('add-route: a length over 32', route({addressPrefix: '10.0.0.0/33'}), 'route.addressPrefix', 'outside 0..32'),
	r('add-route: an NSG-only tag', route({addressPrefix: 'VirtualNetwork'}), 'route.addressPrefix', 'NSG rules only'),
	r('add-route: a misspelt tag', route({addressPrefix: 'Storag'}), 'route.addressPrefix', 'did you mean Storage?'),
	r('add-route: next hop type in the wrong case', route({nextHopType: 'virtualappliance'}), 'route.nextHopType', 'did you mean VirtualAppliance?'),
	r('add-route: a system-only next hop type', route({nextHopType: 'VNetPeering'}), 'route.nextHopType', 'is not one of'),
	r('add-route: VirtualAppliance without IP (S-UDR)', route({nextHopType: 'VirtualAppliance'}), 'route.nextHopIpAddress', 'needs the private IP'),
	r('add-route: an IP on another type (S-UDR)', route({nextHopType: 'Internet', nextHopIpAddress: '10.0.2.4'}), 'route.nextHopIpAddress', 'only VirtualAppliance'),
	r('add-route: a bad IP', route({nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.256'}), 'route.nextHopIpAddress', 'not an IPv4 address'),
	r('add-route: a prefix as next hop IP', route({nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4/32'}), 'route.nextHopIpAddress', 'is a prefix'),
	r('add-route: a bad route name', route({name: 'bad name'}), 'route.name', 'not a valid route name'),
	r('add-route: same name twice', {op: 'add-route', routeTable: 'rt-app', route: {name: 'to-onprem', addressPrefix: '10.7.0.0/16', nextHopType: 'None'}}, 'route.name', 'already has a route named to-onprem'),
	r('add-route: same prefix twice', {op: 'add-route', routeTable: 'rt-app', route: {name: 'x', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet'}}, 'route.addressPrefix', 'default-via-fw in rt-app already covers 0.0.0.0/0'),
	r('add-route: VirtualNetworkGateway where the only gateway is ExpressRoute (S-UDR)', {op: 'add-route', routeTable: 'rt-er', route: {name: 'x', addressPrefix: '10.7.0.0/16', nextHopType: 'VirtualNetworkGateway'}}, 'route.nextHopType', 'only gateway is ExpressRoute'),
	// other route table ops
	r('remove-route: no such route', {op: 'remove-route', routeTable: 'rt-app', name: 'to-onprm'}, 'name', 'did you mean to-onprem?'),
	r('create-route-table: exists', {op: 'create-route-table', name: 'rt-app'}, 'name', 'already exists'),
	r('create-route-table: bad name', {op: 'create-route-table', name: 'rt app'}, 'name', 'not a valid route table name'),
	r('create-route-table: propagation not boolean', {op: 'create-route-table', name: 'rt-x', disableBgpRoutePropagation: 'yes'}, 'disableBgpRoutePropagation', 'expected true or false'),
	r('associate-route-table: not vnet/subnet', {op: 'associate-route-table', subnet: 'hub', routeTable: 'rt-app'}, 'subnet', 'write it as vnet/subnet'),
	r('associate-route-table: unknown VNet', {op: 'associate-route-table', subnet: 'hubb/app', routeTable: 'rt-app'}, 'subnet', 'did you mean hub?'),
	r('associate-route-table: unknown subnet', {op: 'associate-route-table', subnet: 'hub/ap', routeTable: 'rt-app'}, 'subnet', "no subnet named 'ap' in hub (did you mean app?)"),
	r('associate-route-table: a gateway route into an ExpressRoute-only VNet', {op: 'associate-route-table', subnet: 'er/app', routeTable: 'rt-app'}, 'routeTable', 'only gateway is ExpressRoute'),
	r('dissociate-route-table: nothing associated', {op: 'dissociate-route-table', subnet: 'hub/fw'}, 'subnet', 'has no route table'),
	r('set-route-propagation: enabled not boolean', {op: 'set-route-propagation', routeTable: 'rt-app', enabled: 'no'}, 'enabled', 'expected true or false'),
	// service endpoints and resource firewalls
	r('set-service-endpoints: a case slip', {op: 'set-service-endpoints', subnet: 'hub/app', services: ['Microsoft.storage']}, 'services[0]', 'did you mean Microsoft.Storage?'),
	r('set-service-endpoints: unknown service', {op: 'set-service-endpoints', subnet: 'hub/app', services: ['Storage']}, 'services[0]', 'not a service endpoint service'),
	r('set-service-endpoints: listed twice', {op: 'set-service-endpoints', subnet: 'hub/app', services: ['Microsoft.Sql', 'Microsoft.Sql']}, 'services[1]', 'listed twice'),
	r('set-service-endpoints: local and global storage', {op: 'set-service-endpoints', subnet: 'hub/app', services: ['Microsoft.Storage', 'Microsoft.Storage.Global']}, 'services', 'cannot both'),
	r('set-service-endpoints: not a list', {op: 'set-service-endpoints', subnet: 'hub/app', services: 'Microsoft.Sql'}, 'services', 'expected a list'),
	r('add-vnet-rule: unknown resource', {op: 'add-vnet-rule', resource: 'stcontso', subnet: 'hub/app'}, 'resource', 'did you mean stcontoso?'),
	r('add-vnet-rule: already there', {op: 'add-vnet-rule', resource: 'stcontoso', subnet: 'hub/app'}, 'subnet', 'already allows hub/app'),
	r('remove-vnet-rule: not there', {op: 'remove-vnet-rule', resource: 'stcontoso', subnet: 'hub/fw'}, 'subnet', 'its rules allow hub/app'),
	r('set-default-action: case slip', {op: 'set-default-action', resource: 'stcontoso', action: 'deny'}, 'action', 'did you mean Deny?'),
	r('set-public-network-access: bad value', {op: 'set-public-network-access', resource: 'stcontoso', access: 'Off'}, 'access', 'is not one of Enabled, Disabled'),
	// private endpoints
	r('create-private-endpoint: name taken', pe({name: 'pe-st-blob'}), 'name', 'already exists'),
	r('create-private-endpoint: IP outside the subnet', pe({privateIpAddress: '10.0.1.20'}), 'privateIpAddress', 'outside subnet hub/pe'),
	r('create-private-endpoint: IP reserved by Azure', pe({privateIpAddress: '10.0.3.1'}), 'privateIpAddress', 'reserved by Azure'),
	r('create-private-endpoint: broadcast address reserved', pe({privateIpAddress: '10.0.3.255'}), 'privateIpAddress', 'reserved by Azure'),
	r('create-private-endpoint: IP taken', pe({privateIpAddress: '10.0.3.4'}), 'privateIpAddress', 'already used by private endpoint pe-st-blob'),
	r('create-private-endpoint: unknown target', pe({target: 'stcontos'}), 'target', 'did you mean stcontoso?'),
	r('create-private-endpoint: groupId case slip', pe({groupId: 'Blob'}), 'groupId', 'did you mean blob?'),
	r('create-private-endpoint: groupId of another type', pe({groupId: 'vault'}), 'groupId', 'not a sub-resource of a Microsoft.Storage/storageAccounts'),
	r('create-private-endpoint: groupId missing for a resource', pe({groupId: undefined}), 'groupId', 'missing'),
	r('create-private-endpoint: groupId for a PLS', pe({target: 'pls-app', groupId: 'blob'}), 'groupId', 'no sub-resources'),
	r('create-private-endpoint: PLS not visible (S-PLS)', pe({subnet: 'stranger/pe', privateIpAddress: '10.8.1.4', target: 'pls-app', groupId: ''}), 'target', 'not visible to subscription woodgrove'),
	r('create-private-endpoint: another subscription than the VNet (S-PE)', pe({subscription: 'fabrikam'}), 'subscription', 'hub is in contoso'),
	r('create-private-endpoint: bad status', pe({status: 'Accepted'}), 'status', 'is not one of'),
	r('delete-private-endpoint: unknown', {op: 'delete-private-endpoint', name: 'pe-nope'}, 'name', "no private endpoint named 'pe-nope'"),
	r('set-connection-status: Pending cannot be set', {op: 'set-connection-status', privateEndpoint: 'pe-st-blob', status: 'Pending'}, 'status', 'Pending only until the owner acts'),
	r('set-connection-status: a removed connection stays removed', {op: 'set-connection-status', privateEndpoint: 'pe-old', status: 'Approved'}, 'privateEndpoint', 'delete the endpoint and create it again'),
	// DNS
	r('create-private-dns-zone: exists', {op: 'create-private-dns-zone', name: 'privatelink.blob.core.windows.net'}, 'name', 'give the new one an id'),
	r('create-private-dns-zone: id taken', {op: 'create-private-dns-zone', name: 'privatelink.database.windows.net', id: 'zone-sql-a'}, 'id', 'already exists'),
	r('create-private-dns-zone: not a DNS name', {op: 'create-private-dns-zone', name: 'privatelink..net'}, 'name', 'not a DNS name'),
	r('create-private-dns-zone: trailing dot', {op: 'create-private-dns-zone', name: 'contoso.com.'}, 'name', 'ends with a dot'),
	r('create-private-dns-zone: one label', {op: 'create-private-dns-zone', name: 'contoso'}, 'name', 'at least two'),
	r('add-dns-record: a zone name two zones share', {op: 'add-dns-record', zone: 'privatelink.database.windows.net', record: {name: 'x', type: 'A', value: '10.0.3.4'}}, 'zone', 'ids zone-sql-a, zone-sql-b'),
	r('add-dns-record: unknown zone', {op: 'add-dns-record', zone: 'privatelink.blob.core.windows.ne', record: {name: 'x', type: 'A', value: '10.0.3.4'}}, 'zone', 'did you mean privatelink.blob.core.windows.net?'),
	r('add-dns-record: a full name instead of a relative one', {op: 'add-dns-record', zone: 'corp.contoso.com', record: {name: 'app.corp.contoso.com', type: 'A', value: '10.0.1.4'}}, 'record.name', 'write app, not app.corp.contoso.com'),
	r('add-dns-record: A exists', {op: 'add-dns-record', zone: 'privatelink.blob.core.windows.net', record: {name: 'stcontoso', type: 'A', value: '10.0.3.9'}}, 'record.name', 'already has an A record for stcontoso (10.0.3.4)'),
	r('add-dns-record: CNAME beside an A', {op: 'add-dns-record', zone: 'corp.contoso.com', record: {name: 'intranet', type: 'CNAME', value: 'www.contoso.com'}}, 'record.name', 'shares its name with no other record'),
	r('add-dns-record: A with a bad IP', {op: 'add-dns-record', zone: 'corp.contoso.com', record: {name: 'x', type: 'A', value: 'www.contoso.com'}}, 'record.value', 'not an IPv4 address'),
	r('add-dns-record: type AAAA', {op: 'add-dns-record', zone: 'corp.contoso.com', record: {name: 'x', type: 'AAAA', value: '::1'}}, 'record.type', 'is not one of A, CNAME'),
	r('remove-dns-record: none of that name', {op: 'remove-dns-record', zone: 'corp.contoso.com', name: 'app'}, 'name', 'its records: intranet'),
	r('link-dns-zone: already linked', {op: 'link-dns-zone', zone: 'privatelink.blob.core.windows.net', vnet: 'hub'}, 'vnet', 'already linked to hub'),
	r('link-dns-zone: a twin zone already linked (one zone of a name per VNet)', {op: 'link-dns-zone', zone: 'zone-sql-b', vnet: 'hub'}, 'vnet', 'another zone named privatelink.database.windows.net (id zone-sql-a)'),
	r('link-dns-zone: NxDomainRedirect outside privatelink (S-NXR)', {op: 'link-dns-zone', zone: 'corp.contoso.com', vnet: 'hub', resolutionPolicy: 'NxDomainRedirect'}, 'resolutionPolicy', 'only to links of privatelink'),
	r('link-dns-zone: unknown VNet', {op: 'link-dns-zone', zone: 'corp.contoso.com', vnet: 'spoke'}, 'vnet', "no virtual network named 'spoke'"),
	r('unlink-dns-zone: not linked', {op: 'unlink-dns-zone', zone: 'corp.contoso.com', vnet: 'hub'}, 'vnet', 'it has no links'),
	r('set-dns-servers: a bad address', {op: 'set-dns-servers', vnet: 'hub', servers: ['10.0.4.400']}, 'servers[0]', 'not an IPv4 address'),
	r('set-dns-forwarding: unknown site', {op: 'set-dns-forwarding', localNetwork: 'on-prem', rules: []}, 'localNetwork', 'did you mean onprem?'),
	r('set-dns-forwarding: trailing dot', {op: 'set-dns-forwarding', localNetwork: 'onprem', rules: [{domain: 'blob.core.windows.net.', targets: ['10.0.4.4']}]}, 'rules[0].domain', 'ends with a dot'),
	r('set-dns-forwarding: no targets', {op: 'set-dns-forwarding', localNetwork: 'onprem', rules: [{domain: 'blob.core.windows.net', targets: []}]}, 'rules[0].targets', 'at least one'),
	r('set-dns-forwarding: a domain twice', {op: 'set-dns-forwarding', localNetwork: 'onprem', rules: [{domain: 'a.com', targets: ['10.0.4.4']}, {domain: 'A.com', targets: ['10.0.4.4']}]}, 'rules[1].domain', 'two rules'),
	// Private Link service
	r('create-private-link-service: Basic load balancer (S-PLS)', pls({loadBalancer: 'lb-basic', frontend: 'fe'}), 'loadBalancer', 'needs a Standard one'),
	r('create-private-link-service: frontend taken', pls({frontend: 'fe'}), 'frontend', 'already belongs to private link service pls-app'),
	r('create-private-link-service: unknown frontend', pls({frontend: 'fe3'}), 'frontend', 'lb-app has no frontend'),
	r('create-private-link-service: no NAT IPs', pls({natIpConfigurations: []}), 'natIpConfigurations', 'give 1 to 8'),
	r('create-private-link-service: NAT subnet with policies on (S-PLSNP)', pls({natIpConfigurations: [{subnet: 'provider/app', privateIpAddress: '10.5.0.30'}]}), 'natIpConfigurations[0].subnet', 'set them to Disabled first'),
	r('create-private-link-service: NAT subnet in another VNet', pls({natIpConfigurations: [{subnet: 'hub/pe', privateIpAddress: '10.0.3.30'}]}), 'natIpConfigurations[0].subnet', "load balancer's virtual network (provider)"),
	r('create-private-link-service: NAT IP taken', pls({natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.4'}]}), 'natIpConfigurations[0].privateIpAddress', 'already used by NAT IP of private link service pls-app'),
	r('create-private-link-service: not an alias', pls({alias: 'pls-new'}), 'alias', 'ends in .azure.privatelinkservice'),
	// NICs and NSGs
	r('set-ip-forwarding: unknown NIC', {op: 'set-ip-forwarding', nic: 'vm-ap', enabled: true}, 'nic', 'did you mean vm-app?'),
	r('add-nsg-rule: same priority and direction (S-NSG)', nsgRule({priority: 100, direction: 'Outbound'}), 'rule.priority', 'already has Outbound rule deny-web-out at priority 100'),
	r('add-nsg-rule: priority out of range', nsgRule({priority: 50}), 'rule.priority', 'outside 100..4096'),
	r('add-nsg-rule: priority not whole', nsgRule({priority: 150.5}), 'rule.priority', 'whole number'),
	r('add-nsg-rule: name taken', nsgRule({name: 'deny-web-out'}), 'rule.name', 'already has a rule named deny-web-out'),
	r('add-nsg-rule: bad port', nsgRule({destinationPortRange: '70000'}), 'rule.destinationPortRange', 'not a port range'),
	r('add-nsg-rule: inverted range', nsgRule({sourcePortRange: '2000-1000'}), 'rule.sourcePortRange', 'not a port range'),
	r('add-nsg-rule: host bits set', nsgRule({sourceAddressPrefix: '10.0.0.1/8'}), 'rule.sourceAddressPrefix', 'did you mean 10.0.0.0/8?'),
	r('add-nsg-rule: misspelt tag', nsgRule({destinationAddressPrefix: 'Interweb'}), 'rule.destinationAddressPrefix', 'did you mean Internet?'),
	r('add-nsg-rule: protocol case slip', nsgRule({protocol: 'TCP'}), 'rule.protocol', 'did you mean Tcp?'),
	r('remove-nsg-rule: a default rule (S-NSG)', {op: 'remove-nsg-rule', nsg: 'nsg-app', name: 'DenyAllInBound'}, 'name', 'default rules cannot be removed'),
	// peering
	r('set-peering: no such link and no ends', {op: 'set-peering', name: 'hub-to-spoke9', allowForwardedTraffic: true}, 'name', 'give from and to to create it'),
	r('set-peering: nothing to change', {op: 'set-peering', name: 'hub-to-spoke1'}, '', 'nothing to change'),
	r('set-peering: changing a link\'s ends', {op: 'set-peering', name: 'hub-to-spoke1', from: 'spoke2', allowForwardedTraffic: true}, 'from', 'cannot change'),
	r('set-peering: overlapping spaces (S-PEER)', {op: 'set-peering', name: 'hub-to-overlap', from: 'hub', to: 'overlap'}, 'to', 'overlap'),
	r('set-peering: a second link in one direction', {op: 'set-peering', name: 'hub-spoke1-again', from: 'hub', to: 'spoke1'}, 'name', 'already has a link to spoke1: hub-to-spoke1'),
	r('set-peering: to itself', {op: 'set-peering', name: 'loop', from: 'hub', to: 'hub'}, 'to', 'cannot peer with itself'),
	r('set-peering: unknown VNet', {op: 'set-peering', name: 'x', from: 'hub', to: 'spoke3'}, 'to', "no virtual network named 'spoke3'"),
	r('set-peering: remote gateways with a gateway of its own (S-PEER)', {op: 'set-peering', name: 'hub-to-spoke1', useRemoteGateways: true}, 'useRemoteGateways', 'its own gateway vpngw'),
	r('set-peering: remote gateways where there are none', {op: 'set-peering', name: 'spoke2-to-spoke1', from: 'spoke2', to: 'spoke1', useRemoteGateways: true}, 'useRemoteGateways', 'spoke1 has no virtual network gateway'),
	// subnet settings
	r('set-subnet-policies: neither policy', {op: 'set-subnet-policies', subnet: 'hub/pe'}, '', 'give privateEndpointNetworkPolicies'),
	r('set-subnet-policies: bad value', {op: 'set-subnet-policies', subnet: 'hub/pe', privateEndpointNetworkPolicies: 'On'}, 'privateEndpointNetworkPolicies', 'is not one of'),
	r('set-subnet-policies: enabling policies under NAT IPs (S-PLSNP)', {op: 'set-subnet-policies', subnet: 'provider/pls-nat', privateLinkServiceNetworkPolicies: 'Enabled'}, 'privateLinkServiceNetworkPolicies', 'must stay Disabled'),
	r('set-subnet-nat-gateway: missing', {op: 'set-subnet-nat-gateway', subnet: 'hub/app'}, 'natGateway', 'or null to remove it'),
	r('set-subnet-nat-gateway: unknown', {op: 'set-subnet-nat-gateway', subnet: 'hub/app', natGateway: 'natgw'}, 'natGateway', 'NAT gateways: natgw-hub, natgw-spoke'),
	r('set-subnet-nat-gateway: GatewaySubnet', {op: 'set-subnet-nat-gateway', subnet: 'hub/GatewaySubnet', natGateway: 'natgw-hub'}, 'subnet', 'GatewaySubnet'),
	r('set-subnet-nat-gateway: across VNets', {op: 'set-subnet-nat-gateway', subnet: 'hub/app', natGateway: 'natgw-spoke'}, 'natGateway', 'cannot span virtual networks'),
	r('set-subnet-nat-gateway: null where there is none', {op: 'set-subnet-nat-gateway', subnet: 'hub/app', natGateway: null}, 'natGateway', 'no NAT gateway to remove'),
];

for (const {title, edit, field, message, allowedOps} of rejectCases) {
	test(`rejects ${title}`, (t) => {
		const snapshot = structuredClone(base);
		const result = applyEdit(base, edit, allowedOps ? {allowedOps} : {});
		t.false(result.ok);
		t.false('topology' in result, 'no topology on a rejection');
		if (result.ok) return;
		t.true(
			result.errors.some((e) => e.field === field && e.message.includes(message)),
			`expected ${field}: …${message}…, got ${JSON.stringify(result.errors)}`,
		);
		t.deepEqual(base, snapshot);
	});
}

test('a missing route object reports the table error too', (t) => {
	const result = applyEdit(base, {op: 'add-route', routeTable: 'nope'});
	t.false(result.ok);
	if (result.ok) return;
	t.deepEqual(
		result.errors.map((e) => e.field),
		['routeTable', 'route'],
	);
});

test('create-private-link-service: auto-approval outside visibility is applied with a warning (S-PLS)', (t) => {
	const result = applyEdit(base, pls({visibility: ['contoso'], autoApproval: ['tailspin']}));
	t.true(result.ok);
	if (result.ok) t.true(result.warnings.some((w) => w.includes("'tailspin' is auto-approved but not in visibility")), JSON.stringify(result.warnings));
});

test('allowedOps lets a listed op through', (t) => {
	t.true(applyEdit(base, {op: 'remove-route', routeTable: 'rt-app', name: 'to-onprem'}, {allowedOps: ['remove-route']}).ok);
});

// ---- validation of the result (design 6) ----

/** A stand-in validator: an error for a route named 'forbidden', a warning for one named 'odd', and an old error always there. */
function fakeValidate(topology: Topology): TopologyProblem[] {
	const problems: TopologyProblem[] = [{path: ['virtualNetworks', 0], message: 'an old problem', severity: 'error'}];
	for (const [i, table] of topology.routeTables.entries()) {
		for (const [j, route] of table.routes.entries()) {
			const path = ['routeTables', i, 'routes', j, 'name'];
			if (route.name === 'forbidden') problems.push({path, message: `route ${route.name} is forbidden`, severity: 'error'});
			if (route.name === 'odd') problems.push({path, message: `route ${route.name} looks odd`, severity: 'warning'});
		}
	}

	return problems;
}

test('a new error-severity problem rejects the edit, named after the edit field; old problems do not', (t) => {
	const edit = {op: 'add-route', routeTable: 'rt-empty', route: {name: 'forbidden', addressPrefix: '10.7.0.0/16', nextHopType: 'None'}};
	const result = applyEdit(base, edit, {validate: fakeValidate});
	t.deepEqual(result, {ok: false, errors: [{field: 'route.name', message: 'route forbidden is forbidden'}]});
});

test('a new warning-severity problem is returned with the topology', (t) => {
	const edit = {op: 'add-route', routeTable: 'rt-empty', route: {name: 'odd', addressPrefix: '10.7.0.0/16', nextHopType: 'None'}};
	const result = applyEdit(base, edit, {validate: fakeValidate});
	t.true(result.ok);
	if (result.ok) t.deepEqual(result.warnings, ['route odd looks odd']);
});

test('an unrelated edit does not repeat problems the input already had', (t) => {
	const withOdd = applyEdit(base, {op: 'add-route', routeTable: 'rt-empty', route: {name: 'odd', addressPrefix: '10.7.0.0/16', nextHopType: 'None'}}, {validate: fakeValidate});
	t.true(withOdd.ok);
	if (!withOdd.ok) return;
	const next = applyEdit(withOdd.topology, {op: 'set-ip-forwarding', nic: 'vm-app', enabled: true}, {validate: fakeValidate});
	t.deepEqual(next.ok && next.warnings, []);
});

// ---- applyEdits ----

test('applyEdits applies in order and collects warnings by index', (t) => {
	const result = applyEdits(base, [
		{op: 'create-route-table', name: 'rt-new'},
		{op: 'add-route', routeTable: 'rt-new', route: {name: 'via-noforward', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.6'}},
		{op: 'associate-route-table', subnet: 'spoke1/web', routeTable: 'rt-new'},
	]);
	t.true(result.ok);
	if (!result.ok) return;
	t.is(subnetOf(result.topology, 'spoke1/web').routeTable, 'rt-new');
	t.deepEqual(
		result.warnings.map((w) => w.index),
		[1],
	);
});

test('applyEdits stops at the first bad edit, with its index and the state before it', (t) => {
	const snapshot = structuredClone(base);
	const result = applyEdits(base, [
		{op: 'create-route-table', name: 'rt-new'},
		{op: 'remove-route', routeTable: 'rt-app', name: 'to-onprem'},
		{op: 'remove-route', routeTable: 'rt-app', name: 'to-onprem'},
		{op: 'create-route-table', name: 'rt-later'},
	]);
	t.false(result.ok);
	if (result.ok) return;
	t.is(result.index, 2);
	t.is(result.errors[0]!.field, 'name');
	t.truthy(table(result.topology, 'rt-new'));
	t.deepEqual(
		table(result.topology, 'rt-app').routes.map((x) => x.name),
		['default-via-fw'],
	);
	t.false(result.topology.routeTables.some((x) => x.name === 'rt-later'));
	t.deepEqual(base, snapshot);
});

test('applyEdits replays 50 edits quickly (undo replays from the start)', (t) => {
	const edits = Array.from({length: 50}, (_, i) => ({
		op: 'add-route',
		routeTable: 'rt-empty',
		route: {name: `r${i}`, addressPrefix: `10.100.${i}.0/24`, nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'},
	}));
	const started = performance.now();
	const result = applyEdits(base, edits);
	const elapsed = performance.now() - started;
	t.true(result.ok);
	if (result.ok) t.is(table(result.topology, 'rt-empty').routes.length, 50);
	t.log(`50 edits in ${elapsed.toFixed(1)} ms`);
	t.true(elapsed < 2000);
});

// ---- describeEdit and azCliFor, every op ----

test('describeEdit: the add-route example of the brief', (t) => {
	t.is(
		describeEdit({op: 'add-route', routeTable: 'rt-app', route: {name: 'default-via-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}}),
		'Add route default-via-fw 0.0.0.0/0 → VirtualAppliance 10.0.2.4 to rt-app',
	);
});

test('describeEdit: on and off come right after "Turn"', (t) => {
	t.is(describeEdit({op: 'set-ip-forwarding', nic: 'fw', enabled: true}), 'Turn on IP forwarding on NIC fw');
	t.is(describeEdit({op: 'set-ip-forwarding', nic: 'fw', enabled: false}), 'Turn off IP forwarding on NIC fw');
	t.is(describeEdit({op: 'set-route-propagation', routeTable: 'rt-app', enabled: false}), 'Turn off gateway route propagation for rt-app');
});

test('describeEdit gives one distinct line for every valid case', (t) => {
	const lines = validCases.map((c) => describeEdit(c.edit));
	for (const line of lines) t.regex(line, /^[A-Z][^\n]+$/);
	t.true(new Set(lines).size >= lines.length - 8, 'mostly distinct');
});

const cliCases: Array<[Edit, string]> = [
	[
		{op: 'add-route', routeTable: 'rt-app', route: {name: 'default-via-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}},
		'az network route-table route create --resource-group <rg> --route-table-name rt-app --name default-via-fw --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.0.2.4',
	],
	[{op: 'remove-route', routeTable: 'rt-app', name: 'to-onprem'}, 'az network route-table route delete --resource-group <rg> --route-table-name rt-app --name to-onprem'],
	[{op: 'create-route-table', name: 'rt-new', disableBgpRoutePropagation: true}, 'az network route-table create --resource-group <rg> --name rt-new --disable-bgp-route-propagation true'],
	[{op: 'associate-route-table', subnet: 'hub/app', routeTable: 'rt-app'}, 'az network vnet subnet update --resource-group <rg> --vnet-name hub --name app --route-table rt-app'],
	[{op: 'dissociate-route-table', subnet: 'hub/app'}, 'az network vnet subnet update --resource-group <rg> --vnet-name hub --name app --route-table null'],
	[{op: 'set-route-propagation', routeTable: 'rt-app', enabled: false}, 'az network route-table update --resource-group <rg> --name rt-app --disable-bgp-route-propagation true'],
	[{op: 'set-service-endpoints', subnet: 'hub/app', services: ['Microsoft.Storage']}, 'az network vnet subnet update --resource-group <rg> --vnet-name hub --name app --service-endpoints Microsoft.Storage'],
	[{op: 'set-service-endpoints', subnet: 'hub/app', services: []}, 'az network vnet subnet update --resource-group <rg> --vnet-name hub --name app --service-endpoints null'],
	[{op: 'add-vnet-rule', resource: 'stcontoso', subnet: 'hub/app'}, 'az storage account network-rule add --resource-group <rg> --account-name stcontoso --vnet-name hub --subnet app'],
	[{op: 'add-vnet-rule', resource: 'sqlcontoso', subnet: 'hub/app'}, 'az sql server vnet-rule create --resource-group <rg> --server sqlcontoso --name hub-app --vnet-name hub --subnet app'],
	[{op: 'add-vnet-rule', resource: 'kvcontoso', subnet: 'hub/app'}, 'az keyvault network-rule add --resource-group <rg> --name kvcontoso --vnet-name hub --subnet app'],
	[{op: 'remove-vnet-rule', resource: 'stcontoso', subnet: 'hub/app'}, 'az storage account network-rule remove --resource-group <rg> --account-name stcontoso --vnet-name hub --subnet app'],
	[{op: 'remove-vnet-rule', resource: 'sqlcontoso', subnet: 'hub/app'}, 'az sql server vnet-rule delete --resource-group <rg> --server sqlcontoso --name hub-app'],
	[{op: 'set-default-action', resource: 'stcontoso', action: 'Deny'}, 'az storage account update --resource-group <rg> --name stcontoso --default-action Deny'],
	[{op: 'set-default-action', resource: 'kvcontoso', action: 'Deny'}, 'az keyvault update --resource-group <rg> --name kvcontoso --default-action Deny'],
	[{op: 'set-default-action', resource: 'sqlcontoso', action: 'Allow'}, 'az sql server firewall-rule create --resource-group <rg> --server sqlcontoso --name allow-all --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255'],
	[{op: 'set-public-network-access', resource: 'stcontoso', access: 'Disabled'}, 'az storage account update --resource-group <rg> --name stcontoso --public-network-access Disabled'],
	[{op: 'set-public-network-access', resource: 'sqlcontoso', access: 'Disabled'}, 'az sql server update --resource-group <rg> --name sqlcontoso --enable-public-network false'],
	[{op: 'set-public-network-access', resource: 'kvcontoso', access: 'Enabled'}, 'az keyvault update --resource-group <rg> --name kvcontoso --public-network-access Enabled'],
	[
		{op: 'create-private-endpoint', name: 'pe-st-file', subnet: 'hub/pe', privateIpAddress: '10.0.3.7', target: 'stcontoso', groupId: 'file'},
		'az network private-endpoint create --resource-group <rg> --name pe-st-file --vnet-name hub --subnet pe --private-connection-resource-id $(az storage account show --resource-group <rg> --name stcontoso --query id --output tsv) --group-id file --connection-name pe-st-file-connection --ip-config name=pe-st-file-ipconfig private-ip-address=10.0.3.7 group-id=file member-name=file',
	],
	// A consumer in another subscription cannot `az ... show` the provider's service: the full resource id (CLI reference).
	[
		{op: 'create-private-endpoint', name: 'pe-partner2', subnet: 'partner/pe', privateIpAddress: '10.9.1.5', target: 'pls-app'},
		'az network private-endpoint create --resource-group <rg> --name pe-partner2 --vnet-name partner --subnet pe --private-connection-resource-id /subscriptions/<fabrikam-id>/resourceGroups/<rg>/providers/Microsoft.Network/privateLinkServices/pls-app --connection-name pe-partner2-connection --ip-config name=pe-partner2-ipconfig private-ip-address=10.9.1.5 --manual-request true',
	],
	[
		{op: 'set-default-action', resource: 'sqlcontoso', action: 'Deny'},
		'# remove the rule that admits every address (az sql server firewall-rule list shows its name)\naz sql server firewall-rule delete --resource-group <rg> --server sqlcontoso --name <rule-name>',
	],
	[
		{op: 'create-private-endpoint', name: 'pe-partner', subnet: 'partner/pe', privateIpAddress: '10.9.1.4', target: 'pls-app.3f8a1c2e.westeurope.azure.privatelinkservice'},
		'az network private-endpoint create --resource-group <rg> --name pe-partner --vnet-name partner --subnet pe --private-connection-resource-id pls-app.3f8a1c2e.westeurope.azure.privatelinkservice --connection-name pe-partner-connection --ip-config name=pe-partner-ipconfig private-ip-address=10.9.1.4 --manual-request true',
	],
	[
		{op: 'create-private-endpoint', name: 'pe-kv', subnet: 'hub/pe', privateIpAddress: '10.0.3.8', target: 'kvcontoso', groupId: 'vault'},
		'az network private-endpoint create --resource-group <rg> --name pe-kv --vnet-name hub --subnet pe --private-connection-resource-id $(az keyvault show --resource-group <rg> --name kvcontoso --query id --output tsv) --group-id vault --connection-name pe-kv-connection --ip-config name=pe-kv-ipconfig private-ip-address=10.0.3.8 group-id=vault member-name=default',
	],
	[{op: 'delete-private-endpoint', name: 'pe-st-blob'}, 'az network private-endpoint delete --resource-group <rg> --name pe-st-blob'],
	[
		{op: 'set-connection-status', privateEndpoint: 'pe-pls', status: 'Approved'},
		'az network private-endpoint-connection approve --resource-group <rg> --resource-name pls-app --type Microsoft.Network/privateLinkServices --name pe-pls.<guid>',
	],
	[
		{op: 'set-connection-status', privateEndpoint: 'pe-st-blob', status: 'Rejected'},
		'az network private-endpoint-connection reject --resource-group <rg> --resource-name stcontoso --type Microsoft.Storage/storageAccounts --name pe-st-blob.<guid>',
	],
	[
		{op: 'set-connection-status', privateEndpoint: 'pe-st-blob', status: 'Disconnected'},
		'az network private-endpoint-connection delete --resource-group <rg> --resource-name stcontoso --type Microsoft.Storage/storageAccounts --name pe-st-blob.<guid> --yes',
	],
	[
		{op: 'set-connection-status', privateEndpoint: 'pe-st-blob', status: 'Pending'},
		'# no CLI command: a connection is Pending only until the owner approves, rejects or removes it',
	],
	[{op: 'create-private-dns-zone', name: 'privatelink.vaultcore.azure.net'}, 'az network private-dns zone create --resource-group <rg> --name privatelink.vaultcore.azure.net'],
	[
		{op: 'add-dns-record', zone: 'privatelink.blob.core.windows.net', record: {name: 'stcontoso', type: 'A', value: '10.0.3.4'}},
		'az network private-dns record-set a add-record --resource-group <rg> --zone-name privatelink.blob.core.windows.net --record-set-name stcontoso --ipv4-address 10.0.3.4',
	],
	[
		{op: 'add-dns-record', zone: 'zone-sql-b', record: {name: 'alias', type: 'CNAME', value: 'x.contoso.com'}},
		'az network private-dns record-set cname set-record --resource-group <rg> --zone-name privatelink.database.windows.net --record-set-name alias --cname x.contoso.com',
	],
	[
		{op: 'remove-dns-record', zone: 'corp.contoso.com', name: 'intranet'},
		'az network private-dns record-set a delete --resource-group <rg> --zone-name corp.contoso.com --name intranet --yes',
	],
	[
		{op: 'link-dns-zone', zone: 'privatelink.blob.core.windows.net', vnet: 'spoke1'},
		'az network private-dns link vnet create --resource-group <rg> --zone-name privatelink.blob.core.windows.net --name link-spoke1 --virtual-network spoke1 --registration-enabled false',
	],
	[
		{op: 'unlink-dns-zone', zone: 'privatelink.blob.core.windows.net', vnet: 'hub'},
		'az network private-dns link vnet delete --resource-group <rg> --zone-name privatelink.blob.core.windows.net --name link-hub --yes',
	],
	[
		{op: 'create-private-link-service', name: 'pls-two', loadBalancer: 'lb-app', frontend: 'fe2', natIpConfigurations: [{subnet: 'provider/pls-nat', privateIpAddress: '10.5.1.5'}], visibility: ['contoso'], autoApproval: ['contoso']},
		'az network private-link-service create --resource-group <rg> --name pls-two --lb-name lb-app --lb-frontend-ip-configs fe2 --vnet-name provider --subnet pls-nat --private-ip-address 10.5.1.5 --private-ip-allocation-method Static --visibility <contoso-id> --auto-approval <contoso-id>',
	],
	[{op: 'set-ip-forwarding', nic: 'vm-fw', enabled: true}, 'az network nic update --resource-group <rg> --name vm-fw --ip-forwarding true'],
	[
		{op: 'add-nsg-rule', nsg: 'nsg-app', rule: {name: 'deny-web-out', priority: 100, direction: 'Outbound', access: 'Deny', protocol: 'Tcp', destinationAddressPrefix: 'Internet', destinationPortRange: '80'}},
		"az network nsg rule create --resource-group <rg> --nsg-name nsg-app --name deny-web-out --priority 100 --direction Outbound --access Deny --protocol Tcp --source-address-prefixes '*' --source-port-ranges '*' --destination-address-prefixes Internet --destination-port-ranges 80",
	],
	[{op: 'remove-nsg-rule', nsg: 'nsg-app', name: 'deny-web-out'}, 'az network nsg rule delete --resource-group <rg> --nsg-name nsg-app --name deny-web-out'],
	[{op: 'set-peering', name: 'spoke1-to-hub', allowForwardedTraffic: true}, 'az network vnet peering update --resource-group <rg> --vnet-name spoke1 --name spoke1-to-hub --set allowForwardedTraffic=true'],
	[
		{op: 'set-peering', name: 'hub-to-spoke2', from: 'hub', to: 'spoke2', allowGatewayTransit: true},
		'az network vnet peering create --resource-group <rg> --name hub-to-spoke2 --vnet-name hub --remote-vnet spoke2 --allow-vnet-access true --allow-gateway-transit true',
	],
	[
		{op: 'set-peering', name: 'hub-to-spoke2', from: 'hub', to: 'spoke2', allowVirtualNetworkAccess: false, allowForwardedTraffic: true},
		'az network vnet peering create --resource-group <rg> --name hub-to-spoke2 --vnet-name hub --remote-vnet spoke2 --allow-vnet-access false --allow-forwarded-traffic true',
	],
	[
		{op: 'set-peering', name: 'hub-to-partner', from: 'hub', to: 'partner'},
		'az network vnet peering create --resource-group <rg> --name hub-to-partner --vnet-name hub --remote-vnet /subscriptions/<tailspin-id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/partner --allow-vnet-access true',
	],
	[
		{op: 'set-subnet-policies', subnet: 'hub/pe', privateEndpointNetworkPolicies: 'Enabled'},
		'az network vnet subnet update --resource-group <rg> --vnet-name hub --name pe --private-endpoint-network-policies Enabled',
	],
	[{op: 'set-dns-servers', vnet: 'hub', servers: ['10.0.4.4']}, 'az network vnet update --resource-group <rg> --name hub --dns-servers 10.0.4.4'],
	[{op: 'set-dns-servers', vnet: 'hub', servers: []}, 'az network vnet update --resource-group <rg> --name hub --dns-servers null'],
	[{op: 'set-subnet-nat-gateway', subnet: 'hub/app', natGateway: 'natgw-hub'}, 'az network vnet subnet update --resource-group <rg> --vnet-name hub --name app --nat-gateway natgw-hub'],
	[{op: 'set-subnet-nat-gateway', subnet: 'spoke1/web', natGateway: null}, 'az network vnet subnet update --resource-group <rg> --vnet-name spoke1 --name web --nat-gateway null'],
	[
		{op: 'set-dns-forwarding', localNetwork: 'onprem', rules: [{domain: 'blob.core.windows.net', targets: ['10.0.4.4']}]},
		'# on-premises DNS of onprem (not an Azure resource), in Windows Server DNS PowerShell:\nAdd-DnsServerConditionalForwarderZone -Name blob.core.windows.net -MasterServers 10.0.4.4',
	],
];

for (const [edit, command] of cliCases) {
	test(`azCliFor ${describeEdit(edit)}`, (t) => {
		t.is(azCliFor(edit, base), command);
	});
}

test('azCliFor covers every op', (t) => {
	const covered = new Set<EditOp>(cliCases.map(([edit]) => edit.op));
	t.deepEqual(
		editOps.filter((op) => !covered.has(op)),
		[],
	);
});
