/**
 * Connections started from the Internet: a Standard public IP is closed to inbound traffic until
 * a network security group on the subnet or NIC allows it (docs: Public IP addresses), and a NAT
 * gateway's public IP takes no connection from outside at all (docs: What is Azure NAT Gateway?).
 */
import test from 'ava';
import {trace} from '../../source/engine/trace/trace.js';
import {loadedNetwork} from '../helpers/topology.js';

function network(webNsg: string) {
	const text = [
		'virtualNetworks:',
		'  - name: client',
		'    region: westeurope',
		'    addressSpace: [10.1.0.0/16]',
		'    subnets: [{name: app, addressPrefix: 10.1.1.0/24, natGateway: natgw}]',
		'  - name: web',
		'    region: westeurope',
		'    addressSpace: [10.2.0.0/16]',
		`    subnets: [{name: front, addressPrefix: 10.2.1.0/24${webNsg}}]`,
		'networkInterfaces:',
		'  - {name: vm-client, subnet: client/app, privateIpAddress: 10.1.1.4}',
		'  - {name: vm-web, subnet: web/front, privateIpAddress: 10.2.1.4, publicIpAddress: 20.60.0.4}',
		'natGateways:',
		'  - {name: natgw, publicIpAddress: 20.50.1.10}',
		'networkSecurityGroups:',
		'  - name: nsg-web',
		'    securityRules:',
		'      - {name: allow-https, priority: 100, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: Internet, sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "443"}',
		'',
	].join('\n');
	return loadedNetwork(text, 'inbound.yaml');
}

const cases = [
	{title: 'no NSG anywhere: the Standard public IP is closed', nsg: '', port: 443, result: 'dropped', reason: 'inbound-not-allowed', rule: 'vm-web'},
	{title: 'an NSG that allows HTTPS opens it for 443', nsg: ', networkSecurityGroup: nsg-web', port: 443, result: 'delivered'},
	{title: 'the same NSG keeps 22 closed (DenyAllInBound)', nsg: ', networkSecurityGroup: nsg-web', port: 22, result: 'dropped', reason: 'nsg-denied', rule: 'nsg-web/DenyAllInBound'},
] as const;

for (const c of cases) {
	test(c.title, (t) => {
		const result = trace(network(c.nsg), 'vm-client', '20.60.0.4', {protocol: 'tcp', port: c.port});
		t.is(result.verdict.result, c.result, result.verdict.detail);
		if ('reason' in c) {
			t.is(result.verdict.reason, c.reason);
			t.is(result.verdict.rule, c.rule);
		}
	});
}

test("a NAT gateway's public IP takes no connection from outside", (t) => {
	const result = trace(network(''), 'vm-client', '20.50.1.10');
	t.is(result.verdict.reason, 'inbound-not-allowed', result.verdict.detail);
	t.is(result.verdict.rule, 'natgw');
});
