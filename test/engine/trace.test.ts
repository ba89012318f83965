/**
 * Packet trace, part 1: NSGs, appliances, peerings, gateways and Internet egress.
 * Each case names the documented behaviour it checks (doc keys from shared/azure-semantics.md).
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {trace} from '../../source/engine/trace/trace.js';
import {defaultSecurityRules, portInRange} from '../../source/engine/nsg.js';
import type {Trace} from '../../source/engine/results.js';
import type {SecurityRule, Topology} from '../../source/engine/topology.js';
import {loadFixture, variant} from '../helpers/fixtures.js';

const base = loadFixture('trace-hub-spoke.yaml');

type Case = {
	title: string;
	change?: (t: Topology) => void;
	from: string;
	to: string;
	protocol?: 'tcp' | 'udp' | 'icmp';
	port?: number;
	result: Trace['verdict']['result'];
	reason?: string;
	rule?: string;
	/** Names of the hops in order (a prefix of the full list is enough). */
	via?: string[];
	destination?: string;
	sourceIpSeen?: string;
	path?: string;
	/** A note the trace must carry (a documented ambiguity and the engine's choice). */
	note?: RegExp;
};

function rule(partial: Partial<SecurityRule> & Pick<SecurityRule, 'name' | 'priority' | 'direction' | 'access'>): SecurityRule {
	return {
		protocol: '*',
		sourceAddressPrefix: '*',
		sourcePortRange: '*',
		destinationAddressPrefix: '*',
		destinationPortRange: '*',
		...partial,
	};
}

function nsg(t: Topology, name: string) {
	return t.networkSecurityGroups.find((n) => n.name === name)!;
}

function nic(t: Topology, name: string) {
	return t.networkInterfaces.find((n) => n.name === name)!;
}

function subnet(t: Topology, id: string) {
	const [vnet, name] = id.split('/');
	return t.virtualNetworks.find((v) => v.name === vnet)!.subnets.find((s) => s.name === name)!;
}

function link(t: Topology, name: string) {
	return t.virtualNetworkPeerings.find((l) => l.name === name)!;
}

function routeTable(t: Topology, name: string, routes: Topology['routeTables'][number]['routes'], subnets: string[] = []) {
	t.routeTables.push({name, disableBgpRoutePropagation: false, routes});
	for (const id of subnets) subnet(t, id).routeTable = name;
}

/** Both spokes use the hub's VPN gateway (S-GWT: allow gateway transit on the hub links, use remote gateways on the spoke links). */
function gatewayTransit(t: Topology) {
	for (const spoke of ['spoke1', 'spoke2']) {
		link(t, `hub-to-${spoke}`).allowGatewayTransit = true;
		link(t, `${spoke}-to-hub`).useRemoteGateways = true;
	}
}

/** An ExpressRoute gateway beside the VPN gateway in the hub, with its own site (172.16.0.0/16). */
function coexistingExpressRoute(t: Topology) {
	t.virtualNetworkGateways.unshift({name: 'ergw', vnet: 'hub', gatewayType: 'ExpressRoute', publicIpAddress: '20.50.9.10'});
	t.localNetworks.push({name: 'datacenter', gateway: 'ergw', addressPrefixes: ['172.16.0.0/16'], dnsServers: [], dnsForwarding: [], hosts: [{name: 'dc-server', ipAddress: '172.16.1.5'}]});
}

/** vpngw sends Internet-bound traffic to site onprem (Set-AzVirtualNetworkGatewayDefaultSite). */
function defaultSite(t: Topology): void {
	t.virtualNetworkGateways.find((gateway) => gateway.name === 'vpngw')!.defaultSite = 'onprem';
}

/** hub/private sends everything to the hub NVA (forced tunnelling to an appliance). */
function privateDefaultToNva(t: Topology) {
	routeTable(t, 'rt-private', [{name: 'default-via-nva', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/private']);
}

/** Spoke-to-spoke through the hub NVA: spoke1's UDR sends 10.2.0.0/16 to 10.0.2.4. */
function spokeToSpokeViaNva(t: Topology) {
	t.routeTables.find((r) => r.name === 'rt-spoke1')!.routes.push({name: 'to-spoke2', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'});
}

const cases: Case[] = [
	// --- Delivery and NSGs -------------------------------------------------------------
	{title: 'S-UDR: VnetLocal delivers inside the VNet', from: 'vm-app', to: '10.0.1.5', result: 'delivered', destination: 'vm-app2', via: ['vm-app', 'vm-app2']},
	{
		title: 'S-NSG: outbound evaluates the NIC NSG first, then the subnet NSG; both must allow',
		change: (t) => {
			nic(t, 'vm-app').networkSecurityGroup = 'nsg-vm';
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'allow-out', priority: 100, direction: 'Outbound', access: 'Allow'}));
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-out', priority: 100, direction: 'Outbound', access: 'Deny'}));
		},
		from: 'vm-app',
		to: '10.0.1.5',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-app/deny-out',
	},
	{
		title: 'S-NSG: inbound evaluates the subnet NSG first, then the NIC NSG (also inside one subnet)',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-in', priority: 100, direction: 'Inbound', access: 'Deny'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-vm/deny-in',
	},
	{
		title: 'S-NSG: the lower priority number is processed first and processing stops at the first match',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(
				rule({name: 'deny-443', priority: 200, direction: 'Inbound', access: 'Deny', destinationPortRange: '443'}),
				rule({name: 'allow-443', priority: 150, direction: 'Inbound', access: 'Allow', destinationPortRange: '443'}),
			);
		},
		from: 'vm-app',
		to: 'vm-app2',
		result: 'delivered',
	},
	{
		title: 'S-NSG: a rule for another port does not match; the default AllowVnetInBound does',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-80', priority: 100, direction: 'Inbound', access: 'Deny', destinationPortRange: '80'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		port: 443,
		result: 'delivered',
	},
	{
		title: 'S-NSG: port ranges match inclusively',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-range', priority: 100, direction: 'Inbound', access: 'Deny', destinationPortRange: '400-443'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		port: 443,
		result: 'dropped',
		rule: 'nsg-vm/deny-range',
	},
	{
		title: 'S-NSG: a Tcp rule does not match UDP',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-tcp', priority: 100, direction: 'Inbound', access: 'Deny', protocol: 'Tcp'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		protocol: 'udp',
		port: 53,
		result: 'delivered',
	},
	{
		title: 'S-IPFVCLI: default DenyAllOutBound drops a private address outside VirtualNetwork (172.31.0.100)',
		change: (t) => {
			nic(t, 'vm-app2').networkSecurityGroup = 'nsg-vm';
		},
		from: 'vm-app2',
		to: '172.31.0.100',
		port: 80,
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-vm/DenyAllOutBound',
	},
	{
		title: 'S-NSG: default DenyAllInBound drops Internet traffic to a public IP',
		change: (t) => {
			nic(t, 'vm-app2').publicIpAddress = '20.50.1.5';
		},
		from: 'onprem-pc',
		to: '20.50.1.5',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-app/DenyAllInBound',
	},
	{
		title: 'S-TAGS: the Internet tag in an outbound deny rule stops Internet traffic (and only it)',
		change: (t) => {
			subnet(t, 'hub/app').natGateway = 'natgw';
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-internet', priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'Internet'}));
		},
		from: 'vm-app',
		to: '203.0.113.10',
		result: 'dropped',
		rule: 'nsg-app/deny-internet',
	},
	{
		title: 'S-TAGS: VirtualNetwork includes peered address spaces',
		change: (t) => {
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-vnet', priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'VirtualNetwork'}));
		},
		from: 'vm-app',
		to: 'vm-spoke1',
		result: 'dropped',
		rule: 'nsg-app/deny-vnet',
	},
	{
		title: 'S-TAGS: VirtualNetwork includes on-premises prefixes learned by the gateway',
		change: (t) => {
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-vnet', priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'VirtualNetwork'}));
		},
		from: 'vm-app',
		to: 'onprem-pc',
		result: 'dropped',
		rule: 'nsg-app/deny-vnet',
	},
	{
		title: 'S-TAGS: a Storage service tag rule matches the account public IP',
		change: (t) => {
			subnet(t, 'hub/app').natGateway = 'natgw';
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-storage', priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'Storage'}));
		},
		from: 'vm-app',
		to: '52.239.10.20',
		result: 'dropped',
		rule: 'nsg-app/deny-storage',
	},

	{
		// S-TAGS: ARM reads service tag names case-insensitively (it accepts INTERNET; MicrosoftDocs/azure-docs PR 1206).
		title: 'S-TAGS: tag names are case-insensitive: an outbound rule for internet stops Internet traffic',
		change: (t) => {
			subnet(t, 'hub/app').natGateway = 'natgw';
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-internet', priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'internet'}));
		},
		from: 'vm-app',
		to: '203.0.113.10',
		result: 'dropped',
		rule: 'nsg-app/deny-internet',
	},
	{
		title: 'S-NSG: an Icmp rule matches ICMP',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-ping', priority: 100, direction: 'Inbound', access: 'Deny', protocol: 'Icmp'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		protocol: 'icmp',
		result: 'dropped',
		rule: 'nsg-vm/deny-ping',
	},
	{
		title: 'S-NSG: a rule for one port does not match ICMP, which has no port',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-80', priority: 100, direction: 'Inbound', access: 'Deny', destinationPortRange: '80'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		protocol: 'icmp',
		result: 'delivered',
	},
	{
		// S-NSG: source port 0-65535 is every port, as '*' is (the client's ephemeral port is not modelled).
		title: 'S-NSG: a source port range of 0-65535 matches like *',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-all-ports', priority: 100, direction: 'Inbound', access: 'Deny', sourcePortRange: '0-65535'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		result: 'dropped',
		rule: 'nsg-vm/deny-all-ports',
	},
	{
		title: 'S-NSG: a narrower source port range does not match, and the trace notes that source ports are not modelled',
		change: (t) => {
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-from-1000', priority: 100, direction: 'Inbound', access: 'Deny', sourcePortRange: '1000'}));
		},
		from: 'vm-app',
		to: 'vm-app2',
		result: 'delivered',
		note: /Source ports are not modelled/,
	},
	{
		title: 'S-TAGS ambiguity (13.9): with a 0.0.0.0/0 UDR the trace notes that VirtualNetwork leaves the default route out',
		change: (t) => routeTable(t, 'rt-app', [{name: 'force-onprem', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway'}], ['hub/app']),
		from: 'vm-app',
		to: 'vm-app2',
		result: 'delivered',
		note: /might also contain default routes/,
	},
	{
		// S-168: 168.63.129.16 is a virtual IP of the host node, "not subject to user defined routes"; DNS to it is not
		// subject to NSGs "unless targeted using the AzurePlatformDNS service tag".
		title: 'S-168: a VM reaches Azure DNS at 168.63.129.16 despite a deny-all NSG, a 0.0.0.0/0 UDR and no outbound access',
		change: (t) => {
			privateDefaultToNva(t);
			nsg(t, 'nsg-app').securityRules.push(rule({name: 'deny-all-out', priority: 100, direction: 'Outbound', access: 'Deny'}));
			subnet(t, 'hub/private').networkSecurityGroup = 'nsg-app';
		},
		from: 'vm-private',
		to: '168.63.129.16',
		protocol: 'udp',
		port: 53,
		result: 'delivered',
		via: ['vm-private'],
		destination: '168.63.129.16',
	},
	{
		title: 'S-168: an outbound rule naming AzurePlatformDNS blocks DNS to 168.63.129.16',
		change: (t) => {
			nic(t, 'vm-app').networkSecurityGroup = 'nsg-vm';
			nsg(t, 'nsg-vm').securityRules.push(rule({name: 'deny-azure-dns', priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'AzurePlatformDNS'}));
		},
		from: 'vm-app',
		to: '168.63.129.16',
		protocol: 'udp',
		port: 53,
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-vm/deny-azure-dns',
	},

	// --- Appliances --------------------------------------------------------------------
	{
		title: 'S-UDR: a UDR to a forwarding NVA takes the packet through it',
		change: (t) => routeTable(t, 'rt-app', [{name: 'to-private', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/app']),
		from: 'vm-app',
		to: 'vm-private',
		result: 'delivered',
		via: ['vm-app', 'nva', 'vm-private'],
		sourceIpSeen: '10.0.1.4',
	},
	{
		title: 'S-NIC: without IP forwarding on the NVA NIC Azure drops traffic not addressed to it',
		change: (t) => {
			routeTable(t, 'rt-app', [{name: 'to-private', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/app']);
			nic(t, 'nva').enableIpForwarding = false;
		},
		from: 'vm-app',
		to: 'vm-private',
		result: 'dropped',
		reason: 'ip-forwarding-disabled',
	},
	{
		title: 'S-UDR: IP forwarding in Azure is not enough; the guest OS must forward too',
		change: (t) => {
			routeTable(t, 'rt-app', [{name: 'to-private', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/app']);
			nic(t, 'nva').appliance = {forwards: false, snat: false};
		},
		from: 'vm-app',
		to: 'vm-private',
		result: 'dropped',
		reason: 'appliance-not-forwarding',
	},
	{
		title: 'S-UDR ambiguity 8: a stopped appliance is an unreachable next hop (simulated as a drop)',
		change: (t) => {
			routeTable(t, 'rt-app', [{name: 'to-private', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/app']);
			nic(t, 'nva').running = false;
		},
		from: 'vm-app',
		to: 'vm-private',
		result: 'dropped',
		reason: 'next-hop-unreachable',
	},
	{
		title: 'S-UDR: a next hop IP no NIC owns loses the packet',
		change: (t) => routeTable(t, 'rt-app', [{name: 'to-nowhere', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.99'}], ['hub/app']),
		from: 'vm-app',
		to: 'vm-private',
		result: 'dropped',
		reason: 'next-hop-unreachable',
		rule: 'to-nowhere',
	},
	{
		title: 'S-UDR: an NVA that SNATs makes the destination see the appliance address',
		change: (t) => {
			routeTable(t, 'rt-app', [{name: 'to-private', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/app']);
			nic(t, 'nva').appliance = {forwards: true, snat: true};
		},
		from: 'vm-app',
		to: 'vm-private',
		result: 'delivered',
		sourceIpSeen: '10.0.2.4',
	},
	{
		title: 'S-UDR: two appliances routing to each other form a loop',
		change: (t) => {
			t.virtualNetworks[0]!.subnets.push({name: 'nva2', addressPrefix: '10.0.6.0/24', serviceEndpoints: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false});
			t.networkInterfaces.push({name: 'nva2', subnet: 'hub/nva2', privateIpAddress: '10.0.6.4', enableIpForwarding: true, appliance: {forwards: true, snat: false}, running: true});
			routeTable(t, 'rt-app', [{name: 'to-nva1', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/app']);
			routeTable(t, 'rt-nva1', [{name: 'to-nva2', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.6.4'}], ['hub/nva']);
			routeTable(t, 'rt-nva2', [{name: 'back-to-nva1', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/nva2']);
		},
		from: 'vm-app',
		to: 'vm-private',
		result: 'dropped',
		reason: 'routing-loop',
	},
	{
		title: 'S-UDR: a user route with next hop None drops the packet and names the route',
		change: (t) => routeTable(t, 'rt-app', [{name: 'blackhole', addressPrefix: '10.0.5.0/24', nextHopType: 'None'}], ['hub/app']),
		from: 'vm-app',
		to: 'vm-private',
		result: 'dropped',
		reason: 'next-hop-none',
		rule: 'blackhole',
	},

	{
		// S-UDR: an appliance routing to a public address "must either proxy the traffic or perform network address
		// translation (NAT) from the source's private IP address to its own private IP address. Azure then performs NAT".
		title: 'S-UDR: an NVA that forwards Internet traffic without SNAT gets no outbound NAT, even with its own public IP',
		change: (t) => {
			privateDefaultToNva(t);
			nic(t, 'nva').publicIpAddress = '20.50.2.4';
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'dropped',
		reason: 'no-outbound-access',
		rule: 'nva',
		via: ['vm-private', 'nva'],
	},
	{
		title: "S-UDR: an NVA that SNATs to its own address leaves with its public IP",
		change: (t) => {
			privateDefaultToNva(t);
			nic(t, 'nva').publicIpAddress = '20.50.2.4';
			nic(t, 'nva').appliance = {forwards: true, snat: true};
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'delivered',
		via: ['vm-private', 'nva'],
		sourceIpSeen: '20.50.2.4',
	},
	{
		title: "design 9: a 0.0.0.0/0 UDR to an appliance decides before the source subnet's NAT gateway; the NVA subnet's NAT gateway applies",
		change: (t) => {
			privateDefaultToNva(t);
			subnet(t, 'hub/private').natGateway = 'natgw';
			t.natGateways.push({name: 'natgw-nva', publicIpAddress: '20.50.0.2'});
			subnet(t, 'hub/nva').natGateway = 'natgw-nva';
			nic(t, 'nva').publicIpAddress = '20.50.2.4';
			nic(t, 'nva').appliance = {forwards: true, snat: true};
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'delivered',
		via: ['vm-private', 'nva'],
		sourceIpSeen: '20.50.0.2',
	},
	{
		title: 'S-DOA: an NVA that SNATs but sits in a private subnet without an outbound method cannot reach the Internet',
		change: (t) => {
			privateDefaultToNva(t);
			nic(t, 'nva').appliance = {forwards: true, snat: true};
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'dropped',
		reason: 'no-outbound-access',
		rule: 'hub/nva',
	},

	// --- Peering -----------------------------------------------------------------------
	{title: 'S-PEER: a Connected peering delivers hub to spoke', from: 'vm-app', to: 'vm-spoke1', result: 'delivered', path: 'peering'},
	{
		title: 'S-PEER: peering is not transitive: spoke1 has no route to spoke2 and 10.0.0.0/8 None drops it',
		from: 'vm-spoke1',
		to: 'vm-spoke2',
		result: 'dropped',
		reason: 'next-hop-none',
		rule: 'System Route',
	},
	{
		title: 'S-PEER: spoke to spoke through the hub NVA needs allow forwarded traffic on the receiving spoke link',
		change: spokeToSpokeViaNva,
		from: 'vm-spoke1',
		to: 'vm-spoke2',
		result: 'dropped',
		reason: 'forwarded-traffic-not-allowed',
		rule: 'spoke2-to-hub',
	},
	{
		title: 'S-PEER: with allow forwarded traffic on spoke2-to-hub the forwarded packet is delivered',
		change: (t) => {
			spokeToSpokeViaNva(t);
			link(t, 'spoke2-to-hub').allowForwardedTraffic = true;
		},
		from: 'vm-spoke1',
		to: 'vm-spoke2',
		result: 'delivered',
		via: ['vm-spoke1', 'nva', 'vm-spoke2'],
	},
	{
		title: 'design 9: allow forwarded traffic on the sending side (hub-to-spoke2) does not help',
		change: (t) => {
			spokeToSpokeViaNva(t);
			link(t, 'hub-to-spoke2').allowForwardedTraffic = true;
		},
		from: 'vm-spoke1',
		to: 'vm-spoke2',
		result: 'dropped',
		reason: 'forwarded-traffic-not-allowed',
	},
	{
		// Manage a virtual network peering: traffic doesn't flow by default; more cases in peering-access.test.ts.
		title: 'S-PEER: allow virtual network access off on the sending link stops traffic in that direction when no NSG explicitly allows it',
		change: (t) => {
			link(t, 'hub-to-spoke1').allowVirtualNetworkAccess = false;
		},
		from: 'vm-private',
		to: 'vm-spoke1',
		result: 'dropped',
		reason: 'peering-access-disabled',
		rule: 'hub-to-spoke1',
	},
	{
		title: "S-PEER: with access off the VNet's VirtualNetwork tag leaves the peer out, so default NSG rules deny the sender's packets",
		change: (t) => {
			link(t, 'hub-to-spoke1').allowVirtualNetworkAccess = false;
		},
		from: 'vm-app',
		to: 'vm-spoke1',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-app/DenyAllOutBound',
		note: /hub's VirtualNetwork tag leaves out spoke1/,
	},
	{
		// Manage a virtual network peering: the setting changes the VirtualNetwork tag of the VNet whose link it is.
		title: "S-PEER: access off on hub-to-spoke1 takes spoke1 out of hub's VirtualNetwork tag, so hub's default rules deny spoke1's packets",
		change: (t) => {
			link(t, 'hub-to-spoke1').allowVirtualNetworkAccess = false;
		},
		from: 'vm-spoke1',
		to: 'vm-app',
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-app/DenyAllInBound',
		note: /hub's VirtualNetwork tag leaves out spoke1/,
	},
	{
		title: 'S-PEER: access off on the receiving link only, no NSG at the receiver: nothing filters it, so it flows',
		change: (t) => {
			link(t, 'hub-to-spoke1').allowVirtualNetworkAccess = false;
		},
		from: 'vm-spoke1',
		to: 'vm-private',
		result: 'delivered',
		note: /Where hub has no NSG, nothing filters them/,
	},
	{
		title: 'S-PEER: a half-created peering is not Connected and adds no route',
		change: (t) => {
			t.virtualNetworks[1]!.addressSpace = ['172.20.0.0/16'];
			t.virtualNetworks[1]!.subnets[0]!.addressPrefix = '172.20.1.0/24';
			nic(t, 'vm-spoke1').privateIpAddress = '172.20.1.4';
			t.virtualNetworkPeerings = t.virtualNetworkPeerings.filter((l) => l.name !== 'spoke1-to-hub');
		},
		from: 'vm-private',
		to: '172.20.1.4',
		result: 'dropped',
		reason: 'peering-not-connected',
	},

	// --- Gateways ----------------------------------------------------------------------
	{title: 'S-UDR: gateway routes take hub traffic to on-premises', from: 'vm-app', to: 'onprem-pc', result: 'delivered', path: 'gateway', destination: 'onprem-pc'},
	{title: 'S-GWT: on-premises reaches the gateway VNet', from: 'onprem-pc', to: 'vm-app', result: 'delivered', via: ['onprem-pc', 'vpngw', 'vm-app']},
	{
		title: 'S-GWT: without gateway transit a spoke is not advertised to on-premises',
		from: 'onprem-pc',
		to: 'vm-spoke1',
		result: 'dropped',
		reason: 'no-route',
	},
	{
		title: 'S-GWT: with allow gateway transit and use remote gateways the spoke reaches on-premises',
		change: (t) => {
			link(t, 'hub-to-spoke1').allowGatewayTransit = true;
			link(t, 'spoke1-to-hub').useRemoteGateways = true;
		},
		from: 'vm-spoke1',
		to: 'onprem-pc',
		result: 'delivered',
		via: ['vm-spoke1', 'vpngw', 'onprem'],
	},
	{
		title: 'S-GWT: with gateway transit on-premises reaches the spoke (no allow forwarded traffic needed)',
		change: (t) => {
			link(t, 'hub-to-spoke1').allowGatewayTransit = true;
			link(t, 'spoke1-to-hub').useRemoteGateways = true;
		},
		from: 'onprem-pc',
		to: 'vm-spoke1',
		result: 'delivered',
	},
	{
		title: 'S-PEER: on-premises traffic an NVA forwards into a spoke is forwarded traffic: the spoke link must allow it',
		change: (t) => {
			link(t, 'hub-to-spoke1').allowGatewayTransit = true;
			link(t, 'spoke1-to-hub').useRemoteGateways = true;
			routeTable(t, 'rt-gateway', [{name: 'spoke1-via-nva', addressPrefix: '10.1.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/GatewaySubnet']);
		},
		from: 'onprem-pc',
		to: 'vm-spoke1',
		result: 'dropped',
		reason: 'forwarded-traffic-not-allowed',
		via: ['onprem-pc', 'vpngw', 'nva'],
	},
	{
		title: 'S-PEER: with allow forwarded traffic on the spoke link, the inspected on-premises traffic arrives',
		change: (t) => {
			link(t, 'hub-to-spoke1').allowGatewayTransit = true;
			link(t, 'spoke1-to-hub').useRemoteGateways = true;
			link(t, 'spoke1-to-hub').allowForwardedTraffic = true;
			routeTable(t, 'rt-gateway', [{name: 'spoke1-via-nva', addressPrefix: '10.1.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'}], ['hub/GatewaySubnet']);
		},
		from: 'onprem-pc',
		to: 'vm-spoke1',
		result: 'delivered',
		via: ['onprem-pc', 'vpngw', 'nva', 'vm-spoke1'],
	},
	{
		title: 'S-UDR 2.4 / S2S forced tunnelling: Internet traffic goes to the default site, which egresses with its own IP',
		change: (t) => {
			routeTable(t, 'rt-app', [{name: 'force-onprem', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway'}], ['hub/app']);
			defaultSite(t);
		},
		from: 'vm-app',
		to: 'example-web',
		result: 'delivered',
		via: ['vm-app', 'vpngw', 'onprem'],
		sourceIpSeen: '198.51.100.7',
	},
	{
		title: 'S2S forced tunnelling: without a default site (or a BGP 0.0.0.0/0), the gateway has nowhere to send Internet traffic',
		change: (t) => routeTable(t, 'rt-app', [{name: 'force-onprem', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway'}], ['hub/app']),
		from: 'vm-app',
		to: 'example-web',
		result: 'dropped',
		reason: 'no-route',
		via: ['vm-app', 'vpngw'],
	},
	{
		title: 'S2S forced tunnelling: a site advertising 0.0.0.0/0 over BGP takes Internet traffic out of its own edge (no UDR, no default site)',
		change: (t) => t.localNetworks.find((site) => site.name === 'onprem')!.addressPrefixes.push('0.0.0.0/0'),
		from: 'vm-app',
		to: 'example-web',
		result: 'delivered',
		via: ['vm-app', 'vpngw', 'onprem'],
		sourceIpSeen: '198.51.100.7',
	},

	{
		// S-GWT / S-PEER: with gateway transit, spoke-to-spoke through the hub VPN gateway needs UDRs with next hop VirtualNetworkGateway.
		title: 'S-GWT: spoke to spoke through the hub VPN gateway with a VirtualNetworkGateway UDR',
		change: (t) => {
			gatewayTransit(t);
			t.routeTables.find((r) => r.name === 'rt-spoke1')!.routes.push({name: 'spoke2-via-gateway', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualNetworkGateway'});
		},
		from: 'vm-spoke1',
		to: 'vm-spoke2',
		result: 'delivered',
		via: ['vm-spoke1', 'vpngw', 'vm-spoke2'],
		path: 'gateway',
	},
	{
		title: 'S-UDR 2.4: forced tunnelling a private address that is not on-premises: the site has no route for it',
		change: (t) => {
			routeTable(t, 'rt-private', [{name: 'force-onprem', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway'}], ['hub/private']);
			defaultSite(t);
		},
		from: 'vm-private',
		to: '10.9.9.9',
		result: 'dropped',
		reason: 'no-route',
		via: ['vm-private', 'vpngw', 'onprem'],
		note: /outside Azure/,
	},
	{
		title: 'S-UDR 1.2: with VPN and ExpressRoute gateways side by side, each site is reached through its own gateway',
		change: coexistingExpressRoute,
		from: 'vm-app',
		to: 'dc-server',
		result: 'delivered',
		via: ['vm-app', 'ergw', 'datacenter'],
	},
	{
		title: 'S-UDR 1.2: with both gateways, the VPN site is still reached through the VPN gateway',
		change: coexistingExpressRoute,
		from: 'vm-app',
		to: 'onprem-pc',
		result: 'delivered',
		via: ['vm-app', 'vpngw', 'onprem'],
	},

	// --- Internet egress ---------------------------------------------------------------
	{
		title: 'S-DOA: a private subnet with no explicit outbound method cannot reach the Internet',
		from: 'vm-private',
		to: 'example-web',
		result: 'dropped',
		reason: 'no-outbound-access',
	},
	{
		title: 'S-DOA: a NAT gateway on the private subnet gives it outbound with the NAT IP',
		change: (t) => {
			subnet(t, 'hub/private').natGateway = 'natgw';
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'delivered',
		sourceIpSeen: '20.50.0.1',
	},
	{
		title: 'S-DOA: an instance public IP is an explicit outbound method',
		change: (t) => {
			nic(t, 'vm-private').publicIpAddress = '20.50.1.9';
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'delivered',
		sourceIpSeen: '20.50.1.9',
	},
	{
		title: 'NAT gateway doc: the NAT gateway takes precedence over an instance public IP',
		change: (t) => {
			nic(t, 'vm-private').publicIpAddress = '20.50.1.9';
			subnet(t, 'hub/private').natGateway = 'natgw';
		},
		from: 'vm-private',
		to: 'example-web',
		result: 'delivered',
		sourceIpSeen: '20.50.0.1',
	},
	{
		title: 'S-UDR: an unmodelled public address exits to the Internet',
		change: (t) => {
			subnet(t, 'hub/private').natGateway = 'natgw';
		},
		from: 'vm-private',
		to: '13.107.21.200',
		result: 'exited',
	},
	{
		title: 'S-DOA: a private subnet still reaches a Storage account in the same region',
		from: 'vm-private',
		to: '52.239.10.20',
		result: 'delivered',
		destination: 'stcontoso',
	},
	{
		title: 'S-UDR 1.1: the reserved range 100.64.0.0/10 hits a None system route',
		from: 'vm-private',
		to: '100.64.1.1',
		result: 'dropped',
		reason: 'next-hop-none',
		rule: 'System Route',
	},
];

for (const c of cases) {
	test(c.title, (t) => {
		const network = buildNetwork(variant(base, c.change));
		const result = trace(network, c.from, c.to, {protocol: c.protocol, port: c.port});
		const summary = `${JSON.stringify(result.verdict)}\nhops: ${result.hops.map((h) => h.at.name).join(' > ')}`;
		t.is(result.verdict.result, c.result, summary);
		if (c.reason) t.is(result.verdict.reason as string | undefined, c.reason, summary);
		if (c.rule) t.is(result.verdict.rule, c.rule, summary);
		if (c.via) t.deepEqual(result.hops.map((h) => h.at.name).slice(0, c.via.length), c.via, summary);
		if (c.destination) t.is(result.destination?.name, c.destination, summary);
		if (c.sourceIpSeen) t.is(result.sourceIpSeen, c.sourceIpSeen, summary);
		if (c.path) t.true(result.paths.includes(c.path as never), summary);
		if (c.note) t.true(result.notes.some((n) => c.note!.test(n)), `${summary}\nnotes: ${result.notes.join(' | ')}`);
	});
}

test('design 3 / S-NSG: the six default rules, with the names and priorities the API returns', (t) => {
	t.deepEqual(
		defaultSecurityRules.map((r) => `${r.direction} ${r.priority} ${r.name} ${r.access} ${r.sourceAddressPrefix}>${r.destinationAddressPrefix}`),
		[
			'Inbound 65000 AllowVnetInBound Allow VirtualNetwork>VirtualNetwork',
			'Inbound 65001 AllowAzureLoadBalancerInBound Allow AzureLoadBalancer>*',
			'Inbound 65500 DenyAllInBound Deny *>*',
			'Outbound 65000 AllowVnetOutBound Allow VirtualNetwork>VirtualNetwork',
			'Outbound 65001 AllowInternetOutBound Allow *>Internet',
			'Outbound 65500 DenyAllOutBound Deny *>*',
		],
	);
});

test('S-NSG: an allowed packet names the deciding default rule of each NSG, outbound NIC then subnet, inbound subnet then NIC', (t) => {
	const network = buildNetwork(variant(base, (topology) => {
		nic(topology, 'vm-app').networkSecurityGroup = 'nsg-vm';
	}));
	const rules = (result: Trace) => result.hops.flatMap((h) => h.steps.filter((s) => s.kind === 'nsg').map((s) => s.rule));
	t.deepEqual(rules(trace(network, 'vm-app', 'vm-app2')), ['nsg-vm/AllowVnetOutBound', 'nsg-app/AllowVnetOutBound', 'nsg-app/AllowVnetInBound', 'nsg-vm/AllowVnetInBound']);
	t.deepEqual(rules(trace(network, 'vm-app', '13.107.21.200')).slice(0, 2), ['nsg-vm/AllowInternetOutBound', 'nsg-app/AllowInternetOutBound']);
});

test('S-NSG: destination port ranges: *, one port, an inclusive range, a comma list', (t) => {
	const cases: Array<[string, number, boolean]> = [
		['*', 22, true],
		['443', 443, true],
		['443', 80, false],
		['1000-2000', 1000, true],
		['1000-2000', 2000, true],
		['1000-2000', 2001, false],
		['80,443', 443, true],
		['80, 8000-8080', 8080, true],
		['80,443', 22, false],
	];
	for (const [range, port, matches] of cases) t.is(portInRange(port, range), matches, `${port} in '${range}'`);
});

test('design 3: a chain of appliances longer than the hop limit ends with hop-limit', (t) => {
	const network = buildNetwork(variant(base, (topology) => {
		const hub = topology.virtualNetworks.find((v) => v.name === 'hub')!;
		const count = 20;
		for (let i = 0; i < count; i++) {
			hub.subnets.push({name: `chain${i}`, addressPrefix: `10.0.${100 + i}.0/24`, serviceEndpoints: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false});
			topology.networkInterfaces.push({name: `nva${i}`, subnet: `hub/chain${i}`, privateIpAddress: `10.0.${100 + i}.4`, enableIpForwarding: true, appliance: {forwards: true, snat: false}, running: true});
			if (i + 1 < count) routeTable(topology, `rt-chain${i}`, [{name: `next${i}`, addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: `10.0.${101 + i}.4`}], [`hub/chain${i}`]);
		}

		routeTable(topology, 'rt-app', [{name: 'into-chain', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.100.4'}], ['hub/app']);
	}));
	const result = trace(network, 'vm-app', 'vm-private');
	t.is(result.verdict.reason, 'hop-limit', JSON.stringify(result.verdict));
	t.is(result.verdict.result, 'dropped');
});

test('every hop records the packet addresses and a drop names its deciding rule in a step', (t) => {
	const network = buildNetwork(base);
	const result = trace(network, 'vm-spoke1', 'vm-spoke2');
	const last = result.hops[result.hops.length - 1]!;
	t.is(last.steps[last.steps.length - 1]!.kind, 'drop');
	const route = result.hops[0]!.steps.find((s) => s.kind === 'route')!;
	t.true((route.beaten ?? []).length > 0, 'the None route beat the 0.0.0.0/0 Internet route');
	t.deepEqual(result.hops[0]!.packet, {sourceIp: '10.1.1.4', destinationIp: '10.2.1.4'});
});

test('the trace is deterministic and leaves the topology untouched', (t) => {
	const topology = variant(base);
	const before = structuredClone(topology);
	const network = buildNetwork(topology);
	t.deepEqual(trace(network, 'vm-app', 'onprem-pc'), trace(network, 'vm-app', 'onprem-pc'));
	t.deepEqual(topology, before);
});

test('an unknown source is an input error, not a trace', (t) => {
	const network = buildNetwork(base);
	t.throws(() => trace(network, 'nobody', '10.0.1.4'), {message: /unknown source 'nobody'/});
	t.throws(() => trace(network, 'vm-app', 'no_such_thing'), {message: /unknown destination/});
});

test('S-UDR 1.3 "next hop IP without direct connectivity": a NIC holding the next hop IP in a VNet that is not peered is named, and the drop says why', (t) => {
	// spoke1 and spoke2 are both peered with the hub, not with each other (S-PEER: not transitive).
	const network = buildNetwork(variant(base, (topology) => {
		topology.routeTables.find((r) => r.name === 'rt-spoke1')!.routes.push({name: 'via-spoke2', addressPrefix: '203.0.113.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.2.1.4'});
	}));
	const result = trace(network, 'vm-spoke1', 'example-web');
	t.like(result.verdict, {result: 'dropped', reason: 'next-hop-unreachable', rule: 'via-spoke2'});
	t.regex(result.verdict.detail, /10\.2\.1\.4 of route via-spoke2 is vm-spoke2's network interface in spoke2, which is neither spoke1 nor a VNet peered with it: without direct connectivity/);
	t.notRegex(result.verdict.detail, /No network interface has/);
});

test('S-UDR 3 an unreachable next hop IP that no NIC holds still says so', (t) => {
	const network = buildNetwork(variant(base, (topology) => {
		topology.routeTables.find((r) => r.name === 'rt-spoke1')!.routes.push({name: 'via-nothing', addressPrefix: '203.0.113.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.1.1.99'});
	}));
	const result = trace(network, 'vm-spoke1', 'example-web');
	t.like(result.verdict, {result: 'dropped', reason: 'next-hop-unreachable'});
	t.regex(result.verdict.detail, /^No network interface has the next hop address 10\.1\.1\.99 of route via-nothing/);
});

test('S-GWT spoke to spoke through the hub VPN gateway: the gateway routes the packet back into Azure and never says it entered the tunnel; to on-premises it does', (t) => {
	const network = buildNetwork(variant(base, (topology) => {
		gatewayTransit(topology);
		topology.routeTables.find((r) => r.name === 'rt-spoke1')!.routes.push({name: 'spoke2-via-gateway', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualNetworkGateway'});
	}));
	const toSpoke = trace(network, 'vm-spoke1', 'vm-spoke2');
	t.is(toSpoke.verdict.result, 'delivered');
	const gatewayHop = toSpoke.hops.find((h) => h.at.kind === 'gateway')!;
	const details = gatewayHop.steps.map((s) => s.detail).join('\n');
	t.notRegex(details, /tunnel to on-premises/);
	t.is(gatewayHop.steps[0]!.decision, 'back into Azure');
	t.regex(gatewayHop.steps[0]!.detail, /10\.2\.1\.4 is in spoke2, not on-premises, so vpngw \(Vpn\) does not send it into a tunnel/);

	const toSite = trace(network, 'vm-spoke1', 'onprem-pc');
	const siteGateway = toSite.hops.find((h) => h.at.kind === 'gateway')!;
	t.regex(siteGateway.steps.map((s) => s.detail).join('\n'), /vpngw \(Vpn\) sends the packet into its tunnel to on-premises/);
});
