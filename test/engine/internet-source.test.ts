/**
 * A packet started by a host on the Internet (an `internetHosts` entry as the trace source): it
 * reaches only public addresses. A VM's Standard public IP is closed until an NSG allows the
 * traffic (docs: Public IP addresses), the NSGs see the VM's private IP after translation and
 * the Internet tag covers the sender (docs: Network security groups), a storage account's
 * firewall judges the client's public IP (docs: Configure Azure Storage firewalls and virtual
 * networks), and private ranges are not routed on the Internet.
 */
import test from 'ava';
import {findSource, sourceNames, trace, TraceInputError} from '../../source/engine/trace/trace.js';
import {loadedNetwork} from '../helpers/topology.js';

function network(extra: {webNsg?: boolean; storage?: string; forcedTunnel?: boolean} = {}) {
	const text = [
		'virtualNetworks:',
		'  - name: web',
		'    region: westeurope',
		'    addressSpace: [10.2.0.0/16]',
		`    subnets: [{name: front, addressPrefix: 10.2.1.0/24${extra.webNsg === false ? '' : ', networkSecurityGroup: nsg-web'}${extra.forcedTunnel ? ', routeTable: rt-front' : ''}}, {name: back, addressPrefix: 10.2.2.0/24}]`,
		'routeTables:',
		'  - {name: rt-front, routes: [{name: all-via-nva, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance, nextHopIpAddress: 10.2.2.4}]}',
		'networkInterfaces:',
		'  - {name: vm-web, subnet: web/front, privateIpAddress: 10.2.1.4, publicIpAddress: 20.60.0.4}',
		'  - {name: vm-back, subnet: web/back, privateIpAddress: 10.2.2.4}',
		'networkSecurityGroups:',
		'  - name: nsg-web',
		'    securityRules:',
		'      - {name: allow-https, priority: 100, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: Internet, sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "443"}',
		'resources:',
		`  - {name: stweb, type: Microsoft.Storage/storageAccounts, region: westeurope, publicIpAddress: 52.239.20.5${extra.storage ?? ''}}`,
		'internetHosts:',
		'  - {name: partner, ipAddress: 198.51.100.7, fqdn: partner.example.com}',
		'',
	].join('\n');
	return loadedNetwork(text, 'internet.yaml');
}

const firewall = (ipRules: string) => `, networkRuleSet: {defaultAction: Deny, ipRules: [${ipRules}]}`;

const cases = [
	{title: 'Public IP addresses: an NSG rule for Internet on 443 opens the VM\'s public IP; the VM sees the client\'s own address', to: '20.60.0.4', port: 443, result: 'delivered', seen: '198.51.100.7'},
	{title: 'NSG: a port no rule allows meets DenyAllInBound', to: '20.60.0.4', port: 3389, result: 'dropped', reason: 'nsg-denied', rule: 'nsg-web/DenyAllInBound'},
	{title: 'Public IP addresses: with no NSG on the NIC or subnet, the Standard public IP is closed', net: {webNsg: false}, to: '20.60.0.4', port: 443, result: 'dropped', reason: 'inbound-not-allowed', rule: 'vm-web'},
	{title: 'Virtual network traffic routing: with a 0.0.0.0/0 route to an appliance, the subnet is not reachable from the Internet directly (the reply would not return)', net: {forcedTunnel: true}, to: '20.60.0.4', port: 443, result: 'dropped', reason: 'asymmetric-routing', rule: 'all-via-nva'},
	{title: 'a VM named as the destination is reached at its public IP', to: 'vm-web', port: 443, result: 'delivered'},
	{title: 'a private address is not routed on the Internet', to: '10.2.2.4', port: 443, result: 'dropped', reason: 'private-address-on-internet'},
	{title: 'a VM without a public IP cannot be addressed from the Internet', to: 'vm-back', port: 443, result: 'dropped', reason: 'private-address-on-internet'},
	{title: 'Storage firewall: default action Deny with no IP rule for the client refuses it', net: {storage: firewall('')}, to: 'stweb', port: 443, result: 'dropped', reason: 'firewall-denied'},
	{title: 'Storage firewall: an IP rule for the client\'s public address admits it', net: {storage: firewall('198.51.100.0/24')}, to: 'stweb', port: 443, result: 'delivered', seen: '198.51.100.7'},
	{title: 'Storage: public network access Disabled closes the public endpoint to the Internet', net: {storage: ', publicNetworkAccess: Disabled'}, to: 'stweb', port: 443, result: 'dropped', reason: 'public-network-access-disabled'},
] as const;

for (const c of cases) {
	test(c.title, (t) => {
		const result = trace(network('net' in c ? c.net : {}), 'partner', c.to, {protocol: 'tcp', port: c.port});
		t.is(result.verdict.result, c.result, result.verdict.detail);
		t.is(result.hops[0]?.at.kind, 'internet');
		if ('reason' in c) t.is(result.verdict.reason, c.reason);
		if ('rule' in c) t.is(result.verdict.rule, c.rule);
		if ('seen' in c) t.is(result.sourceIpSeen, c.seen);
	});
}

test('an Internet host is a source the CLI and the TUI offer, after NICs and on-premises hosts', (t) => {
	const net = network();
	t.deepEqual(sourceNames(net), ['vm-web', 'vm-back', 'partner']);
	t.is(findSource(net, 'partner')?.kind, 'internet');
	t.throws(() => trace(net, 'partne', 'vm-web'), {instanceOf: TraceInputError, message: /an Internet host/});
});
