/**
 * A peering link with allow virtual network access off (docs: Manage a virtual network peering):
 * traffic "doesn't flow between the peered virtual networks by default", but "may still flow if
 * explicitly allowed through a network security group rule that includes the appropriate IP
 * addresses"; the setting "only changes the definition of the VirtualNetwork service tag", which
 * "encompasses the virtual network and the peered virtual network" only when it is Allow.
 */
import test from 'ava';
import {virtualNetworkTag} from '../../source/engine/nsg-tags.js';
import type {DropReason, Trace} from '../../source/engine/results.js';
import {trace} from '../../source/engine/trace/trace.js';
import {net, peering, type NsgInput, type PeeringInput, type SecurityRuleInput, type TopologyInput} from '../helpers/topology.js';

/** Spokes a (10.1.0.0/16) and b (10.2.0.0/16) peered with hub (10.0.0.0/16), whose NVA forwards between them. */
type Setup = {
	/** Flags of each link, by link name (a-to-b, b-to-a, hub-to-b, ...). */
	links?: Record<string, boolean>;
	/** NSGs by subnet id or NIC name; rules given are added to an NSG that otherwise has only the defaults. */
	nsgs?: Record<string, SecurityRuleInput[]>;
	/** Send a to b through the hub NVA (a UDR on a/work) instead of over the a-b peering. */
	viaNva?: boolean;
};

const out = (name: string, destinationAddressPrefix: string, priority = 100): SecurityRuleInput => ({name, priority, direction: 'Outbound', destinationAddressPrefix});
const into = (name: string, sourceAddressPrefix: string, priority = 100): SecurityRuleInput => ({name, priority, direction: 'Inbound', sourceAddressPrefix});

function build(setup: Setup) {
	const nsgName = (where: string) => `nsg-${where.replace('/', '-')}`;
	const nsgs: NsgInput[] = Object.entries(setup.nsgs ?? {}).map(([where, securityRules]) => ({name: nsgName(where), securityRules}));
	const nsgOf = (where: string) => (setup.nsgs?.[where] ? nsgName(where) : undefined);
	const access = (name: string) => setup.links?.[name] ?? true;
	const links: PeeringInput[] = [
		...peering('a', 'b', {name: 'a-to-b', allowVirtualNetworkAccess: access('a-to-b')}, {name: 'b-to-a', allowVirtualNetworkAccess: access('b-to-a')}),
		...peering('hub', 'a', {name: 'hub-to-a', allowVirtualNetworkAccess: access('hub-to-a')}, {name: 'a-to-hub', allowVirtualNetworkAccess: access('a-to-hub')}),
		...peering(
			'hub',
			'b',
			{name: 'hub-to-b', allowVirtualNetworkAccess: access('hub-to-b')},
			{name: 'b-to-hub', allowVirtualNetworkAccess: access('b-to-hub'), allowForwardedTraffic: true},
		),
	];
	const subnet = (vnet: string, prefix: string, extra: {routeTable?: string} = {}) => {
		const id = `${vnet}/work`;
		const group = nsgOf(id);
		return {name: 'work', addressPrefix: prefix, ...(group ? {networkSecurityGroup: group} : {}), ...extra};
	};

	const nic = (name: string, subnetId: string, ip: string, extra: Partial<{enableIpForwarding: boolean; appliance: {forwards: boolean; snat: boolean}}> = {}) => {
		const group = nsgOf(name);
		return {name, subnet: subnetId, privateIpAddress: ip, ...(group ? {networkSecurityGroup: group} : {}), ...extra};
	};

	const input: TopologyInput = {
		virtualNetworks: [
			{name: 'hub', addressSpace: ['10.0.0.0/16'], subnets: [subnet('hub', '10.0.1.0/24')]},
			{name: 'a', addressSpace: ['10.1.0.0/16'], subnets: [subnet('a', '10.1.1.0/24', setup.viaNva ? {routeTable: 'rt-a'} : {})]},
			{name: 'b', addressSpace: ['10.2.0.0/16'], subnets: [subnet('b', '10.2.1.0/24')]},
		],
		virtualNetworkPeerings: setup.viaNva ? links.filter((l) => l.from === 'hub' || l.to === 'hub') : links,
		networkInterfaces: [
			nic('nva', 'hub/work', '10.0.1.4', {enableIpForwarding: true, appliance: {forwards: true, snat: false}}),
			nic('vm-a', 'a/work', '10.1.1.4'),
			nic('vm-b', 'b/work', '10.2.1.4'),
		],
		routeTables: setup.viaNva ? [{name: 'rt-a', routes: [{name: 'b-via-nva', addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4'}]}] : [],
		networkSecurityGroups: nsgs,
	};
	return net(input);
}

type Case = {
	title: string;
	setup: Setup;
	result: Trace['verdict']['result'];
	reason?: DropReason;
	rule?: string;
	/** Text the verdict detail or a note must carry. */
	says?: RegExp;
};

const blocked = {'a-to-b': false, 'b-to-a': false};

const cases: Case[] = [
	{
		title: 'access off, no NSGs: traffic doesn\'t flow between the peered VNets by default (peering-access-disabled)',
		setup: {links: blocked},
		result: 'dropped',
		reason: 'peering-access-disabled',
		rule: 'a-to-b',
		says: /explicit|names b's addresses/,
	},
	{
		title: 'access off on the sending link only, no NSGs: still dropped by default',
		setup: {links: {'a-to-b': false}},
		result: 'dropped',
		reason: 'peering-access-disabled',
		rule: 'a-to-b',
	},
	{
		title: 'access off, default NSGs only: the VirtualNetwork tag leaves the peer out, so AllowVnetOutBound misses and DenyAllOutBound drops it',
		setup: {links: blocked, nsgs: {'a/work': [], 'b/work': []}},
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-a-work/DenyAllOutBound',
		says: /a-to-b has allow virtual network access off, so a's VirtualNetwork tag leaves out b/,
	},
	{
		title: 'access off, no NSG on the sender and default rules at the receiver: dropped by default at the peering',
		setup: {links: blocked, nsgs: {'b/work': []}},
		result: 'dropped',
		reason: 'peering-access-disabled',
		rule: 'a-to-b',
	},
	{
		title: 'access off: a rule naming the VirtualNetwork tag is no explicit allow of the peer (the tag leaves it out)',
		setup: {links: blocked, nsgs: {'a/work': [out('allow-vnet', 'VirtualNetwork')], 'b/work': [into('allow-a', '10.1.0.0/16')]}},
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-a-work/DenyAllOutBound',
	},
	{
		title: 'access off: traffic may still flow if explicitly allowed by NSG rules with the IP addresses on both sides',
		setup: {links: blocked, nsgs: {'a/work': [out('allow-to-b', '10.2.0.0/16')], 'b/work': [into('allow-from-a', '10.1.0.0/16')]}},
		result: 'delivered',
		says: /a-to-b has allow virtual network access off, but nsg-a-work\/allow-to-b explicitly allowed/,
	},
	{
		title: 'access off: an explicit allow in the sender\'s NIC NSG counts like one in its subnet NSG',
		setup: {links: blocked, nsgs: {'vm-a': [out('allow-to-b', '10.2.1.4')], 'b/work': [into('allow-from-a', '10.1.1.0/24')]}},
		result: 'delivered',
	},
	{
		title: 'access off: an explicit outbound allow crosses, but the receiver\'s default rules deny it (its tag leaves the peer out)',
		setup: {links: blocked, nsgs: {'a/work': [out('allow-to-b', '10.2.0.0/16')], 'b/work': []}},
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-b-work/DenyAllInBound',
		says: /b-to-a has allow virtual network access off, so b's VirtualNetwork tag leaves out a/,
	},
	{
		title: 'only the sending link off: the receiver\'s tag still holds the sender, so AllowVnetInBound admits the explicitly allowed packet',
		setup: {links: {'a-to-b': false}, nsgs: {'a/work': [out('allow-to-b', '10.2.0.0/16')], 'b/work': []}},
		result: 'delivered',
	},
	{
		title: 'only the receiving link off: the receiver\'s tag leaves the sender out, so its default rules deny',
		setup: {links: {'b-to-a': false}, nsgs: {'a/work': [], 'b/work': []}},
		result: 'dropped',
		reason: 'nsg-denied',
		rule: 'nsg-b-work/DenyAllInBound',
		says: /b-to-a has allow virtual network access off, so b's VirtualNetwork tag leaves out a/,
	},
	{
		title: 'only the receiving link off: an inbound rule naming the sender\'s addresses lets it flow',
		setup: {links: {'b-to-a': false}, nsgs: {'a/work': [], 'b/work': [into('allow-from-a', '10.1.0.0/16')]}},
		result: 'delivered',
	},
	{
		title: 'forwarded by an appliance, access off on hub-to-b: without an explicit rule on the appliance NIC it does not flow by default',
		setup: {viaNva: true, links: {'hub-to-b': false}},
		result: 'dropped',
		reason: 'peering-access-disabled',
		rule: 'hub-to-b',
		says: /no NSG filtered it on the way out of hub/,
	},
	{
		title: 'forwarded by an appliance, access off on hub-to-b: an explicit allow in the appliance NIC\'s NSG lets it flow',
		setup: {viaNva: true, links: {'hub-to-b': false}, nsgs: {nva: [out('allow-to-b', '10.2.0.0/16'), into('allow-in', '*')]}},
		result: 'delivered',
	},
];

for (const c of cases) {
	test(`Manage a virtual network peering: ${c.title}`, (t) => {
		const result = trace(build(c.setup), 'vm-a', 'vm-b', {protocol: 'tcp', port: 443});
		t.is(result.verdict.result, c.result, result.verdict.detail);
		if (c.reason) t.is(result.verdict.reason, c.reason, result.verdict.detail);
		if (c.rule) t.is(result.verdict.rule, c.rule);
		if (c.says) {
			const texts = [result.verdict.detail, ...result.notes, ...result.hops.flatMap((hop) => hop.steps.map((step) => step.detail))];
			t.true(
				texts.some((text) => c.says!.test(text)),
				texts.join('\n'),
			);
		}
	});
}

const tagCases: Array<{title: string; links: Record<string, boolean>; subnet: string; has: string[]; lacks: string[]}> = [
	{title: 'the VirtualNetwork tag encompasses the peered VNet when allow virtual network access is on', links: {}, subnet: 'a/work', has: ['10.1.0.0/16', '10.2.0.0/16'], lacks: []},
	{title: 'the VirtualNetwork tag leaves out the peered VNet when its own link has access off', links: {'a-to-b': false}, subnet: 'a/work', has: ['10.1.0.0/16', '10.0.0.0/16'], lacks: ['10.2.0.0/16']},
	{title: 'the VirtualNetwork tag follows the VNet\'s own link only: the peer\'s link off leaves it unchanged', links: {'b-to-a': false}, subnet: 'a/work', has: ['10.2.0.0/16'], lacks: []},
	{title: 'the VirtualNetwork tag of the peer whose link is on still holds the other VNet', links: {'a-to-b': false}, subnet: 'b/work', has: ['10.1.0.0/16', '10.2.0.0/16'], lacks: []},
];

for (const c of tagCases) {
	test(`Manage a virtual network peering: ${c.title}`, (t) => {
		const tag = virtualNetworkTag(build({links: c.links}), c.subnet).map((prefix) => prefix.text);
		for (const prefix of c.has) t.true(tag.includes(prefix), `${prefix} in ${tag.join(', ')}`);
		for (const prefix of c.lacks) t.false(tag.includes(prefix), `${prefix} not in ${tag.join(', ')}`);
	});
}
