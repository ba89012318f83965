/**
 * A VM's query must reach its VNet's custom DNS server before anything answers (S-RESOLVER step 2:
 * the query is forwarded to the custom servers' addresses). The query is a UDP 53 packet like any
 * other: with no peering to the server's VNet, or an NSG rule against it, it times out.
 * Azure-provided DNS (168.63.129.16) is a platform address that routes do not touch and NSGs filter
 * only through the AzurePlatformDNS tag (S-168).
 */
import test from 'ava';
import {resolve} from '../../source/engine/dns.js';
import {buildNetwork} from '../../source/engine/network.js';
import {evaluateObjective} from '../../source/engine/objectives.js';
import type {SecurityRule, Topology} from '../../source/engine/topology.js';
import {dnsReachFrom, trace} from '../../source/engine/trace/trace.js';
import {loadFixture, variant} from '../helpers/fixtures.js';

const base = loadFixture('hub-spoke.yaml');
const name = 'stcontoso.blob.core.windows.net';

const denyDnsOut: SecurityRule = {
	name: 'deny-dns-out',
	priority: 100,
	direction: 'Outbound',
	access: 'Deny',
	protocol: 'Udp',
	sourceAddressPrefix: '*',
	sourcePortRange: '*',
	destinationAddressPrefix: '*',
	destinationPortRange: '53',
};

const unpeer = (t: Topology) => {
	t.virtualNetworkPeerings = t.virtualNetworkPeerings.filter((peering) => peering.from !== 'spoke1' && peering.to !== 'spoke1');
};

const cases: Array<{title: string; change?: (t: Topology) => void; result: 'ip' | 'no-answer'; why?: RegExp}> = [
	{title: 'S-RESOLVER: over the peering, the hub resolver inbound endpoint answers the spoke VM', result: 'ip'},
	{title: 'S-PEER: without a peering to the hub, the spoke VM cannot reach the resolver, so nothing answers', change: unpeer, result: 'no-answer', why: /never gets there/},
	{
		title: 'S-NSG: an outbound NSG rule against UDP 53 stops the query, and the rule is named',
		change: (t) => t.networkSecurityGroups.find((nsg) => nsg.name === 'nsg-app')!.securityRules.push(denyDnsOut),
		result: 'no-answer',
		why: /nsg-app\/deny-dns-out/,
	},
	{
		title: 'S-168: with Azure-provided DNS, the same NSG rule does not apply (platform DNS is not subject to NSGs)',
		change: (t) => {
			for (const vnet of t.virtualNetworks) vnet.dnsServers = [];
			t.privateDnsZones[0]!.virtualNetworkLinks.push({name: 'link-spoke1', vnet: 'spoke1', resolutionPolicy: 'Default'});
			t.networkSecurityGroups.find((nsg) => nsg.name === 'nsg-app')!.securityRules.push(denyDnsOut);
		},
		result: 'ip',
	},
	{
		title: 'S-168: a rule naming the AzurePlatformDNS tag does filter Azure-provided DNS: the query times out',
		change: (t) => {
			for (const vnet of t.virtualNetworks) vnet.dnsServers = [];
			t.privateDnsZones[0]!.virtualNetworkLinks.push({name: 'link-spoke1', vnet: 'spoke1', resolutionPolicy: 'Default'});
			t.networkSecurityGroups.find((nsg) => nsg.name === 'nsg-app')!.securityRules.push({...denyDnsOut, name: 'deny-platform-dns', destinationAddressPrefix: 'AzurePlatformDNS'});
		},
		result: 'no-answer',
		why: /168\.63\.129\.16 \(UDP 53\) never gets there: .*nsg-app\/deny-platform-dns/,
	},
];

for (const c of cases) {
	test(c.title, (t) => {
		const network = buildNetwork(variant(base, c.change));
		const resolution = resolve(network, 'vm-spoke1', name, dnsReachFrom(network, 'vm-spoke1'));
		t.is(resolution.result, c.result, resolution.steps.join('\n'));
		if (c.why) t.regex(resolution.steps.join(' '), c.why);
		const packet = trace(network, 'vm-spoke1', name);
		if (c.result === 'no-answer') {
			t.is(packet.verdict.result, 'dropped');
			t.is(packet.verdict.reason, 'dns-no-answer', packet.verdict.detail);
		} else {
			t.is(packet.hops[0]!.steps[0]!.kind, 'dns');
			t.not(packet.verdict.reason, 'dns-no-answer');
		}
	});
}

test('a dns objective sees the same timeout as the trace', (t) => {
	const network = buildNetwork(variant(base, unpeer));
	const status = evaluateObjective(network, {id: 'x', text: 'resolves', dns: {from: 'vm-spoke1', name}, expect: {result: 'ip'}});
	t.false(status.passed);
});

// S-PEDNSI: on-premises reaches the inbound endpoint over the VPN or ExpressRoute connection; a
// conditional forwarder whose target the site cannot reach answers nothing.
const siteCases: Array<{title: string; change?: (t: Topology) => void; result: 'ip' | 'no-answer'; why?: RegExp}> = [
	{title: 'S-PEDNSI: the site forwarder reaches the hub resolver over the VPN gateway and gets the private answer', result: 'ip'},
	{
		title: 'S-PEDNSI: a forwarder aimed at a VNet the site has no path to times out instead of answering',
		change: (t) => {
			t.virtualNetworks.push({name: 'lonely', region: 'westeurope', addressSpace: ['10.9.0.0/16'], dnsServers: [], subnets: [{name: 'dns', addressPrefix: '10.9.0.0/24', serviceEndpoints: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: true}]} as unknown as Topology['virtualNetworks'][number]);
			t.dnsResolvers.push({name: 'resolver-lonely', vnet: 'lonely', inboundEndpointIp: '10.9.0.4', forwardingRulesets: []} as unknown as Topology['dnsResolvers'][number]);
			t.localNetworks[0]!.dnsForwarding = [{domain: 'blob.core.windows.net', targets: ['10.9.0.4']}];
		},
		result: 'no-answer',
		why: /forwarded query to 10\.9\.0\.4 \(UDP 53\) never gets there: the packet is dropped \(no-route\)/,
	},
];

for (const c of siteCases) {
	test(c.title, (t) => {
		const network = buildNetwork(variant(base, c.change));
		const resolution = resolve(network, 'onprem-pc', name, dnsReachFrom(network, 'onprem-pc'));
		t.is(resolution.result, c.result, resolution.steps.join('\n'));
		if (c.why) t.regex(resolution.steps.join(' '), c.why);
		t.is(trace(network, 'onprem-pc', name).verdict.reason === 'dns-no-answer', c.result === 'no-answer');
	});
}
