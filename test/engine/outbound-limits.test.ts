/**
 * Two outbound rules from the docs: a NAT gateway carries TCP and UDP only, so ICMP from its
 * subnet does not get out (NAT gateway overview); and a VM in the backend pool of a Standard
 * internal load balancer loses default outbound access (Default outbound access).
 */
import test from 'ava';
import {trace} from '../../source/engine/trace/trace.js';
import {loadedNetwork} from '../helpers/topology.js';

const network = (() => {
	const text = [
		'virtualNetworks:',
		'  - name: vnet',
		'    region: westeurope',
		'    addressSpace: [10.0.0.0/16]',
		'    subnets:',
		'      - {name: nat, addressPrefix: 10.0.1.0/24, natGateway: natgw}',
		'      - {name: open, addressPrefix: 10.0.2.0/24, defaultOutboundAccess: true}',
		'networkInterfaces:',
		'  - {name: vm-nat, subnet: vnet/nat, privateIpAddress: 10.0.1.4}',
		'  - {name: vm-pool, subnet: vnet/open, privateIpAddress: 10.0.2.4}',
		'  - {name: vm-alone, subnet: vnet/open, privateIpAddress: 10.0.2.5}',
		'natGateways:',
		'  - {name: natgw, publicIpAddress: 20.50.1.10}',
		'loadBalancers:',
		'  - {name: ilb, sku: Standard, frontends: [{name: fe, subnet: vnet/open, privateIpAddress: 10.0.2.10}], backends: [vm-pool], rules: [{frontend: fe, protocol: Tcp, frontendPort: 80, backendPort: 80}]}',
		'internetHosts:',
		'  - {name: web, ipAddress: 203.0.113.10}',
		'',
	].join('\n');
	return loadedNetwork(text, 'outbound.yaml');
})();

const cases = [
	{title: 'NAT gateway: TCP gets out from its public IP', from: 'vm-nat', protocol: 'tcp', result: 'delivered', seen: '20.50.1.10'},
	{title: 'NAT gateway: UDP gets out too', from: 'vm-nat', protocol: 'udp', result: 'delivered', seen: '20.50.1.10'},
	{title: 'NAT gateway: ICMP is not supported and is dropped at the NAT gateway', from: 'vm-nat', protocol: 'icmp', result: 'dropped', reason: 'protocol-not-supported', rule: 'natgw'},
	{title: 'default outbound access: a VM outside any pool still gets out', from: 'vm-alone', protocol: 'tcp', result: 'delivered', seen: 'default-outbound-ip'},
	{title: 'default outbound access: a VM in a Standard internal load balancer pool does not', from: 'vm-pool', protocol: 'tcp', result: 'dropped', reason: 'no-outbound-access', rule: 'ilb'},
] as const;

for (const c of cases) {
	test(c.title, (t) => {
		const result = trace(network, c.from, 'web', {protocol: c.protocol, port: 443});
		t.is(result.verdict.result, c.result, result.verdict.detail);
		if ('reason' in c) {
			t.is(result.verdict.reason, c.reason);
			t.is(result.verdict.rule, c.rule);
		}

		if ('seen' in c) t.is(result.sourceIpSeen, c.seen);
	});
}
