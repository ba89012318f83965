/**
 * Packet trace, part 2: service endpoints, private endpoints with private DNS, and Private Link
 * services. Each case names the documented behaviour it checks.
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {trace} from '../../source/engine/trace/trace.js';
import type {Trace} from '../../source/engine/results.js';
import type {Topology} from '../../source/engine/topology.js';
import {loadFixture, variant} from '../helpers/fixtures.js';

const base = loadFixture('trace-private-access.yaml');

type Case = {
	title: string;
	change?: (t: Topology) => void;
	from: string;
	to: string;
	port?: number;
	protocol?: 'tcp' | 'udp' | 'icmp';
	result: Trace['verdict']['result'];
	reason?: string;
	rule?: string;
	destination?: string;
	sourceIpSeen?: string;
	path?: string;
	notPath?: string;
	via?: string[];
	notVia?: string[];
	note?: RegExp;
};

const subnet = (t: Topology, id: string) => {
	const [vnet, name] = id.split('/');
	return t.virtualNetworks.find((v) => v.name === vnet)!.subnets.find((s) => s.name === name)!;
};

const resource = (t: Topology, name: string) => t.resources.find((r) => r.name === name)!;
const endpoint = (t: Topology, name: string) => t.privateEndpoints.find((p) => p.name === name)!;
const zone = (t: Topology) => t.privateDnsZones[0]!;

/** Service endpoint on hub/app and the storage firewall locked to it. */
function lockToAppSubnet(t: Topology) {
	subnet(t, 'hub/app').serviceEndpoints = ['Microsoft.Storage'];
	resource(t, 'stcontoso').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: ['hub/app'], ipRules: []};
}

function forceTunnelToNva(t: Topology) {
	t.routeTables.push({
		name: 'rt-app',
		disableBgpRoutePropagation: false,
		routes: [{name: 'default-via-nva', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.4.4'}],
	});
	subnet(t, 'hub/app').routeTable = 'rt-app';
}

const cases: Case[] = [
	// --- Service endpoints -------------------------------------------------------------
	{
		title: 'S-SE: with the endpoint and a virtual network rule, default Deny lets the subnet in with its private IP',
		change: lockToAppSubnet,
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'delivered',
		destination: 'stcontoso',
		sourceIpSeen: '10.0.1.4',
		path: 'service-endpoint',
		notPath: 'internet',
	},
	{
		title: 'S-FAQ: the endpoint alone does not restrict or admit: without the virtual network rule default Deny refuses',
		change: (t) => {
			subnet(t, 'hub/app').serviceEndpoints = ['Microsoft.Storage'];
			resource(t, 'stcontoso').networkRuleSet.defaultAction = 'Deny';
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
		rule: 'networkRuleSet/defaultAction',
	},
	{
		title: 'S-FAQ: a virtual network rule counts only where the subnet has the endpoint enabled',
		change: (t) => {
			resource(t, 'stcontoso').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: ['hub/app'], ipRules: []};
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
	},
	{
		title: 'S-STNS: default action Allow admits everyone; an account in another region sees the NAT gateway IP',
		from: 'vm-app',
		to: '52.240.10.20',
		result: 'delivered',
		destination: 'steast',
		sourceIpSeen: '20.50.0.1',
		path: 'internet',
	},
	{
		title: 'S-STNS: an IP rule admits the NAT gateway address of a client in another region',
		change: (t) => {
			resource(t, 'steast').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: [], ipRules: ['20.50.0.0/24']};
		},
		from: 'vm-app',
		to: '52.240.10.20',
		result: 'delivered',
		sourceIpSeen: '20.50.0.1',
	},
	{
		title: 'S-STNS: same-region requests come from private Azure addresses, so the account does not see the NAT IP',
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'delivered',
		sourceIpSeen: 'azure-private-ip',
		note: /private Azure addresses/,
	},
	{
		title: 'S-STNS: IP rules have no effect on requests from the account\'s own region',
		change: (t) => {
			resource(t, 'stcontoso').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: [], ipRules: ['20.50.0.0/24']};
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
	},
	{
		title: 'S-SE: once the endpoint is on, the source is private and public IP rules stop matching',
		change: (t) => {
			subnet(t, 'hub/app').serviceEndpoints = ['Microsoft.Storage'];
			resource(t, 'stcontoso').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: [], ipRules: ['20.50.0.0/24']};
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
	},
	{
		title: 'S-UDR 2.4: the service endpoint route bypasses a 0.0.0.0/0 UDR to an appliance',
		change: (t) => {
			lockToAppSubnet(t);
			forceTunnelToNva(t);
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'delivered',
		path: 'service-endpoint',
		notVia: ['nva'],
	},
	{
		title: 'S-UDR 2.4: without the endpoint, forced tunnelling takes storage traffic through the appliance',
		change: forceTunnelToNva,
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'delivered',
		via: ['vm-app', 'nva'],
		sourceIpSeen: 'azure-private-ip',
	},
	{
		title: 'S-SE: endpoint routes exist only on the enabling subnet: hub/data goes the public way and is refused',
		change: lockToAppSubnet,
		from: 'vm-data',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
		sourceIpSeen: undefined,
	},
	{
		title: 'S-SE: endpoint routes are not carried over peering: the spoke goes the public way',
		change: (t) => {
			lockToAppSubnet(t);
			subnet(t, 'spoke/workload').natGateway = 'natgw';
		},
		from: 'vm-spoke',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
	},
	{
		title: 'S-STPE: public network access Disabled closes the public endpoint, service endpoint or not',
		change: (t) => {
			lockToAppSubnet(t);
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'public-network-access-disabled',
	},
	{
		title: 'S-SE: a Microsoft.Sql endpoint and a SQL virtual network rule admit the subnet',
		change: (t) => {
			subnet(t, 'hub/app').serviceEndpoints = ['Microsoft.Sql'];
			resource(t, 'sqlcontoso').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: ['hub/app'], ipRules: []};
		},
		from: 'vm-app',
		to: 'sqlcontoso.database.windows.net',
		port: 1433,
		result: 'delivered',
		sourceIpSeen: '10.0.1.4',
		path: 'service-endpoint',
	},
	{
		title: 'S-SE: DNS is unchanged by a service endpoint: the name still resolves to the public IP',
		change: lockToAppSubnet,
		from: 'vm-app',
		to: 'stother.blob.core.windows.net',
		result: 'delivered',
		destination: 'stother',
		sourceIpSeen: '10.0.1.4',
		path: 'service-endpoint',
	},

	{
		// S-STNS: Storage endpoints are "expanded to include the paired region" (semantics 13.5: S-FAQ says same region; noted).
		title: 'S-STNS: a Storage endpoint reaches an account in the paired region, and the virtual network rule admits the subnet',
		change: (t) => {
			lockToAppSubnet(t);
			t.resources.push({...resource(t, 'stcontoso'), name: 'stnorth', region: 'northeurope', publicIpAddress: '52.236.1.1'});
		},
		from: 'vm-app',
		to: '52.236.1.1',
		result: 'delivered',
		destination: 'stnorth',
		sourceIpSeen: '10.0.1.4',
		path: 'service-endpoint',
		note: /paired region/,
	},
	{
		// S-STNS: "Service Endpoints do not apply to traffic outside the region of the Virtual Network and the designated region pair."
		title: 'S-STNS: a Storage endpoint does not reach an account outside the region and its pair: the virtual network rule never matches',
		change: (t) => {
			subnet(t, 'hub/app').serviceEndpoints = ['Microsoft.Storage'];
			resource(t, 'steast').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: ['hub/app'], ipRules: []};
		},
		from: 'vm-app',
		to: '52.240.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
		path: 'internet',
		notPath: 'service-endpoint',
	},
	{
		// S-SE: "For Azure SQL, a service endpoint applies only to Azure service traffic within a virtual network's region."
		title: 'S-SE: a SQL endpoint does not reach a server in another region, even the paired one',
		change: (t) => {
			subnet(t, 'hub/app').serviceEndpoints = ['Microsoft.Sql'];
			t.resources.push({...resource(t, 'sqlcontoso'), name: 'sqlnorth', region: 'northeurope', publicIpAddress: '40.69.1.1'});
			resource(t, 'sqlnorth').networkRuleSet = {defaultAction: 'Deny', virtualNetworkRules: ['hub/app'], ipRules: []};
		},
		from: 'vm-app',
		to: '40.69.1.1',
		port: 1433,
		result: 'dropped',
		reason: 'firewall-denied',
		notPath: 'service-endpoint',
	},
	{
		// S-SE: "Endpoints can't be used for traffic from your premises to Azure services."
		title: 'S-SE: on-premises traffic cannot use the service endpoint: the account sees the site\'s public IP and refuses it',
		change: lockToAppSubnet,
		from: 'onprem-pc',
		to: '52.239.10.20',
		result: 'dropped',
		reason: 'firewall-denied',
		notPath: 'service-endpoint',
	},
	{
		// Design 2: accounts may share a public IP; the firewall of the account the client named decides.
		title: 'S-STNS: two accounts behind one public IP: the named account\'s firewall decides (admitted)',
		change: (t) => {
			resource(t, 'stcontoso').networkRuleSet.defaultAction = 'Deny';
			resource(t, 'stother').publicIpAddress = '52.239.10.20';
		},
		from: 'vm-spoke',
		to: 'stother.blob.core.windows.net',
		result: 'delivered',
		destination: 'stother',
	},
	{
		title: 'S-STNS: two accounts behind one public IP: the named account\'s firewall decides (refused)',
		change: (t) => {
			resource(t, 'stother').publicIpAddress = '52.239.10.20';
			resource(t, 'stother').networkRuleSet.defaultAction = 'Deny';
		},
		from: 'vm-spoke',
		to: 'stother.blob.core.windows.net',
		result: 'dropped',
		reason: 'firewall-denied',
		rule: 'networkRuleSet/defaultAction',
	},

	// --- Private endpoints -------------------------------------------------------------
	{
		title: 'S-PEDNS: the linked privatelink zone answers the private IP and the packet takes the private endpoint',
		from: 'vm-data',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		destination: 'stcontoso',
		path: 'private-endpoint',
		sourceIpSeen: '10.0.2.4',
	},
	{
		title: 'S-STPE: the firewall and public network access do not apply through an approved private endpoint',
		change: (t) => {
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
			resource(t, 'stcontoso').networkRuleSet.defaultAction = 'Deny';
		},
		from: 'vm-data',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		path: 'private-endpoint',
	},
	{
		title: 'S-DNSLINK: a zone not linked to the client VNet leaves the public answer (and a closed public endpoint)',
		change: (t) => {
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
		},
		from: 'vm-spoke',
		to: 'stcontoso.blob.core.windows.net',
		result: 'dropped',
		reason: 'public-network-access-disabled',
	},
	{
		title: 'S-PEDNSI: linking the zone to the peered spoke too gives it the private IP over the peering',
		change: (t) => {
			zone(t).virtualNetworkLinks.push({name: 'link-spoke', vnet: 'spoke', resolutionPolicy: 'Default'});
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
		},
		from: 'vm-spoke',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		path: 'private-endpoint',
		via: ['vm-spoke', 'pe-blob', 'stcontoso'],
	},
	{
		title: 'design 9: a linked privatelink zone without the record gives NXDOMAIN',
		change: (t) => {
			zone(t).records = [];
		},
		from: 'vm-data',
		to: 'stcontoso.blob.core.windows.net',
		result: 'dropped',
		reason: 'dns-nxdomain',
	},
	{
		title: 'S-NXR: with NxDomainRedirect the missing record falls back to the public answer',
		change: (t) => {
			zone(t).records = [];
			zone(t).virtualNetworkLinks[0]!.resolutionPolicy = 'NxDomainRedirect';
		},
		from: 'vm-data',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		path: 'internet',
		notPath: 'private-endpoint',
	},
	...(['Pending', 'Rejected', 'Disconnected'] as const).map(
		(status): Case => ({
			title: `S-PE: a ${status} connection carries no traffic`,
			change: (t) => {
				endpoint(t, 'pe-blob').connection.status = status;
			},
			from: 'vm-data',
			to: 'stcontoso.blob.core.windows.net',
			result: 'dropped',
			reason: 'private-endpoint-not-approved',
			rule: 'pe-blob/connection',
		}),
	),
	{
		title: 'S-PE: exfiltration protection: the endpoint reaches only its mapped account',
		change: (t) => {
			// stother has its own private endpoint elsewhere, so its public name CNAMEs into privatelink;
			// a wrong record in the hub zone points it at stcontoso's endpoint.
			t.privateEndpoints.push({name: 'pe-other', subnet: 'spoke/workload', privateIpAddress: '10.1.1.10', subscription: 'contoso', connection: {target: 'stother', groupId: 'blob', status: 'Approved'}});
			zone(t).records.push({name: 'stother', type: 'A', value: '10.0.3.4'});
		},
		from: 'vm-data',
		to: 'stother.blob.core.windows.net',
		result: 'dropped',
		reason: 'not-mapped-resource',
	},
	{
		title: 'S-PENP: with network policies Disabled the subnet NSG does not filter traffic to the endpoint',
		from: 'vm-app',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		path: 'private-endpoint',
	},
	{
		title: 'S-PENP: with NSG network policies enabled the subnet NSG filters traffic to the endpoint',
		change: (t) => {
			subnet(t, 'hub/pe').privateEndpointNetworkPolicies = 'NetworkSecurityGroupEnabled';
		},
		from: 'vm-app',
		to: 'stcontoso.blob.core.windows.net',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-pe/deny-app-to-pe',
	},
	{
		title: 'S-PENP: without route table policies a VNet-wide UDR does not capture the /32 endpoint route',
		change: (t) => {
			t.routeTables.push({name: 'rt-data', disableBgpRoutePropagation: false, routes: [{name: 'vnet-via-nva', addressPrefix: '10.0.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.4.4'}]});
			subnet(t, 'hub/data').routeTable = 'rt-data';
		},
		from: 'vm-data',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		notVia: ['nva'],
	},
	{
		title: 'S-PENP: with route table policies the same UDR invalidates the /32 and the appliance sees the flow (asymmetry noted)',
		change: (t) => {
			t.routeTables.push({name: 'rt-data', disableBgpRoutePropagation: false, routes: [{name: 'vnet-via-nva', addressPrefix: '10.0.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.4.4'}]});
			subnet(t, 'hub/data').routeTable = 'rt-data';
			subnet(t, 'hub/pe').privateEndpointNetworkPolicies = 'RouteTableEnabled';
		},
		from: 'vm-data',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		via: ['vm-data', 'nva', 'pe-blob'],
		note: /bypassing the appliance/,
	},
	{
		// S-PENP: route-table policies alone leave NSGs bypassed for the endpoint.
		title: 'S-PENP: with only route table policies enabled the subnet NSG still does not filter traffic to the endpoint',
		change: (t) => {
			subnet(t, 'hub/pe').privateEndpointNetworkPolicies = 'RouteTableEnabled';
		},
		from: 'vm-app',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		path: 'private-endpoint',
	},
	{
		// S-PENP: "Enabled" turns on both NSG and route table policies.
		title: 'S-PENP: with network policies Enabled the subnet NSG filters traffic to the endpoint',
		change: (t) => {
			subnet(t, 'hub/pe').privateEndpointNetworkPolicies = 'Enabled';
		},
		from: 'vm-app',
		to: 'stcontoso.blob.core.windows.net',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-pe/deny-app-to-pe',
	},
	{
		// S-PE: "you would need separate private endpoints to access the file and blob subresources".
		title: 'S-PE: a blob private endpoint does not give file: the file name stays public and meets the closed public endpoint',
		change: (t) => {
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
		},
		from: 'vm-data',
		to: 'stcontoso.file.core.windows.net',
		result: 'dropped',
		reason: 'public-network-access-disabled',
	},
	{
		// S-PE: the endpoint maps one resource and one sub-resource; file through the blob endpoint's IP fails.
		title: 'S-PE: a file request sent to the blob private endpoint\'s IP is not for the mapped sub-resource',
		change: (t) => {
			t.privateEndpoints.push({name: 'pe-file', subnet: 'spoke/workload', privateIpAddress: '10.1.1.11', subscription: 'contoso', connection: {target: 'stcontoso', groupId: 'file', status: 'Approved'}});
			t.privateDnsZones.push({name: 'privatelink.file.core.windows.net', id: 'privatelink.file.core.windows.net', records: [{name: 'stcontoso', type: 'A', value: '10.0.3.4'}], virtualNetworkLinks: [{name: 'link-hub', vnet: 'hub', resolutionPolicy: 'Default'}]});
		},
		from: 'vm-data',
		to: 'stcontoso.file.core.windows.net',
		result: 'dropped',
		reason: 'not-mapped-resource',
	},
	{
		title: 'S-PEDNSI: on-premises forwarding blob.core.windows.net to the resolver inbound endpoint reaches the private endpoint',
		change: (t) => {
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
		},
		from: 'onprem-pc',
		to: 'stcontoso.blob.core.windows.net',
		result: 'delivered',
		path: 'private-endpoint',
		via: ['onprem-pc', 'vpngw', 'pe-blob', 'stcontoso'],
		sourceIpSeen: '192.168.1.50',
	},
	{
		title: 'S-PEDNSI: without the conditional forwarder on-premises gets the public IP and meets the closed public endpoint',
		change: (t) => {
			resource(t, 'stcontoso').publicNetworkAccess = 'Disabled';
			t.localNetworks[0]!.dnsForwarding = [];
		},
		from: 'onprem-pc',
		to: 'stcontoso.blob.core.windows.net',
		result: 'dropped',
		reason: 'public-network-access-disabled',
	},
	{
		title: 'S-PE: private endpoints carry TCP and UDP, not ICMP',
		from: 'vm-data',
		to: '10.0.3.4',
		protocol: 'icmp',
		result: 'dropped',
		reason: 'protocol-not-supported',
	},

	// --- Private Link service ------------------------------------------------------------
	{
		title: 'S-PLS: the backend sees the NAT IP, although consumer and provider address spaces overlap',
		from: 'vm-app',
		to: 'pe-pls',
		result: 'delivered',
		destination: 'vm-backend',
		sourceIpSeen: '10.0.9.4',
		via: ['vm-app', 'pe-pls', 'pls-app', 'lb-app', 'vm-backend'],
	},
	{
		title: 'S-PLS: a subscription outside the visibility list cannot use the service',
		change: (t) => {
			t.privateLinkServices[0]!.visibility = ['fabrikam'];
		},
		from: 'vm-app',
		to: 'pe-pls',
		result: 'dropped',
		reason: 'private-link-service-not-visible',
	},
	{
		// S-PLS: "Supports TCP and UDP traffic only"; a UDP load-balancing rule carries UDP.
		title: 'S-PLS: UDP through the service follows a UDP load-balancing rule',
		change: (t) => {
			t.loadBalancers[0]!.rules.push({frontend: 'fe', protocol: 'Udp', frontendPort: 8443, backendPort: 8443});
			t.networkSecurityGroups.find((n) => n.name === 'nsg-backend')!.securityRules[0]!.protocol = '*';
		},
		from: 'vm-app',
		to: 'pe-pls',
		protocol: 'udp',
		port: 8443,
		result: 'delivered',
		destination: 'vm-backend',
		sourceIpSeen: '10.0.9.4',
	},
	{
		// S-PLS: visibility "Role-based access control only": the provider's own subscription may connect without being listed.
		title: 'S-PLS: the provider\'s own subscription sees its service though visibility lists nobody',
		change: (t) => {
			t.privateLinkServices[0]!.visibility = [];
			t.virtualNetworks.find((v) => v.name === 'provider')!.subnets.push({name: 'pe', addressPrefix: '10.0.5.0/24', serviceEndpoints: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false});
			t.networkInterfaces.push({name: 'vm-provider', subnet: 'provider/app', privateIpAddress: '10.0.1.20', enableIpForwarding: false, running: true});
			t.privateEndpoints.push({name: 'pe-own', subnet: 'provider/pe', privateIpAddress: '10.0.5.4', subscription: 'fabrikam', connection: {target: 'pls-app', groupId: '', status: 'Approved'}});
		},
		from: 'vm-provider',
		to: 'pe-own',
		result: 'delivered',
		destination: 'vm-backend',
		sourceIpSeen: '10.0.9.4',
	},
	{
		title: 'S-PLS: only approved connections send traffic to the service',
		change: (t) => {
			endpoint(t, 'pe-pls').connection.status = 'Pending';
		},
		from: 'vm-app',
		to: 'pe-pls',
		result: 'dropped',
		reason: 'private-endpoint-not-approved',
	},
	{
		title: 'S-PLS: the load balancer needs a rule for the port',
		from: 'vm-app',
		to: 'pe-pls',
		port: 80,
		result: 'dropped',
		reason: 'no-load-balancer-rule',
	},
	{
		title: 'S-PLS: the provider NSG sees the NAT IP as the source',
		change: (t) => {
			t.networkSecurityGroups.find((n) => n.name === 'nsg-backend')!.securityRules.push({
				name: 'deny-nat-range',
				priority: 90,
				direction: 'Inbound',
				access: 'Deny',
				protocol: '*',
				sourceAddressPrefix: '10.0.9.0/24',
				sourcePortRange: '*',
				destinationAddressPrefix: '*',
				destinationPortRange: '*',
			});
		},
		from: 'vm-app',
		to: 'pe-pls',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-backend/deny-nat-range',
	},
];

for (const c of cases) {
	test(c.title, (t) => {
		const network = buildNetwork(variant(base, c.change));
		const result = trace(network, c.from, c.to, {port: c.port, protocol: c.protocol});
		const names = result.hops.map((h) => h.at.name);
		const summary = `${JSON.stringify(result.verdict)}\nhops: ${names.join(' > ')}\npaths: ${result.paths.join(',')}\nnotes: ${result.notes.join(' | ')}`;
		t.is(result.verdict.result, c.result, summary);
		if (c.reason) t.is(result.verdict.reason as string | undefined, c.reason, summary);
		if (c.rule) t.is(result.verdict.rule, c.rule, summary);
		if (c.destination) t.is(result.destination?.name, c.destination, summary);
		if (c.sourceIpSeen) t.is(result.sourceIpSeen, c.sourceIpSeen, summary);
		if (c.path) t.true(result.paths.includes(c.path as never), summary);
		if (c.notPath) t.false(result.paths.includes(c.notPath as never), summary);
		if (c.via) t.deepEqual(names.slice(0, c.via.length), c.via, summary);
		for (const name of c.notVia ?? []) t.false(names.includes(name), summary);
		if (c.note) t.true(result.notes.some((n) => c.note!.test(n)), summary);
	});
}

test('S-PE approval states: a private endpoint to a Private Link service shows its Approved connection step, as one to a resource does', (t) => {
	const network = buildNetwork(base);
	const result = trace(network, 'vm-app', 'pe-pls');
	const hop = result.hops.find((h) => h.at.kind === 'private-endpoint')!;
	t.like(hop.steps.find((s) => s.kind === 'connection'), {decision: 'approved', rule: 'pe-pls/connection'});
	t.regex(hop.steps.find((s) => s.kind === 'connection')!.detail, /pe-pls connects to Private Link service pls-app; the connection is Approved/);
});

test('a trace by name starts with the DNS step and keeps the resolution', (t) => {
	const result = trace(buildNetwork(base), 'vm-data', 'stcontoso.blob.core.windows.net');
	const first = result.hops[0]!.steps[0]!;
	t.is(first.kind, 'dns');
	t.regex(first.decision, /10\.0\.3\.4/);
	t.is(result.resolution?.result, 'ip');
	t.true(result.resolution!.answers.some((a) => a.type === 'CNAME' && a.value === 'stcontoso.privatelink.blob.core.windows.net'));
});

test('S-STPE: a trace to the privatelink name still works, with a note to use the usual name; the usual name gets no such note', (t) => {
	const network = buildNetwork(base);
	const direct = trace(network, 'vm-data', 'stcontoso.privatelink.blob.core.windows.net');
	t.is(direct.verdict.result, 'delivered', direct.verdict.detail);
	t.true(direct.notes.some((note) => /privatelink name\. Connect with the service's usual name/.test(note)), direct.notes.join('\n'));
	const usual = trace(network, 'vm-data', 'stcontoso.blob.core.windows.net');
	t.false(usual.notes.some((note) => /privatelink name/.test(note)), usual.notes.join('\n'));
});
