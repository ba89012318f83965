/**
 * An internal load balancer's frontend as a route's next hop (appliances behind it): only flows a
 * rule on that frontend matches are passed to a backend appliance; an HA ports rule (protocol All,
 * ports 0) matches every TCP and UDP flow (docs: High availability ports overview).
 */
import test from 'ava';
import type {LoadBalancerRule} from '../../source/engine/topology.js';
import {trace} from '../../source/engine/trace/trace.js';
import {loadedNetwork} from '../helpers/topology.js';

function network(rules: string) {
	const text = [
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: app, addressPrefix: 10.0.1.0/24, routeTable: rt-app}, {name: nva, addressPrefix: 10.0.3.0/24}]}',
		'networkInterfaces:',
		'  - {name: vm-app, subnet: hub/app, privateIpAddress: 10.0.1.4}',
		'  - {name: nva1, subnet: hub/nva, privateIpAddress: 10.0.3.4, enableIpForwarding: true, appliance: {forwards: true, snat: true}}',
		'  - {name: nva2, subnet: hub/nva, privateIpAddress: 10.0.3.5, enableIpForwarding: true, appliance: {forwards: true, snat: true}}',
		'natGateways:',
		'  - {name: nat, publicIpAddress: 20.50.1.10}',
		'loadBalancers:',
		'  - name: ilb',
		'    sku: Standard',
		'    frontends: [{name: fe, subnet: hub/nva, privateIpAddress: 10.0.3.10}]',
		'    backends: [nva1, nva2]',
		`    rules: ${rules}`,
		'routeTables:',
		'  - {name: rt-app, routes: [{name: web-via-ilb, addressPrefix: 203.0.113.0/24, nextHopType: VirtualAppliance, nextHopIpAddress: 10.0.3.10}]}',
		'internetHosts:',
		'  - {name: web, ipAddress: 203.0.113.10}',
		'',
	].join('\n');
	return loadedNetwork(text, 'ilb.yaml');
}

const haPorts: LoadBalancerRule = {frontend: 'fe', protocol: 'All', frontendPort: 0, backendPort: 0};
const rulesText = (rules: LoadBalancerRule[]) => JSON.stringify(rules);

const cases = [
	{title: 'no rule at all: the flow is dropped at the frontend', rules: [], protocol: 'tcp', port: 443, passes: false},
	{title: 'a TCP 443 rule passes TCP 443 to an appliance', rules: [{frontend: 'fe', protocol: 'Tcp', frontendPort: 443, backendPort: 443}], protocol: 'tcp', port: 443, passes: true},
	{title: 'a TCP 443 rule does not pass TCP 80', rules: [{frontend: 'fe', protocol: 'Tcp', frontendPort: 443, backendPort: 443}], protocol: 'tcp', port: 80, passes: false},
	{title: 'a TCP 443 rule does not pass UDP 53', rules: [{frontend: 'fe', protocol: 'Tcp', frontendPort: 443, backendPort: 443}], protocol: 'udp', port: 53, passes: false},
	{title: 'an HA ports rule passes TCP 80', rules: [haPorts], protocol: 'tcp', port: 80, passes: true},
	{title: 'an HA ports rule passes UDP 53', rules: [haPorts], protocol: 'udp', port: 53, passes: true},
] as const;

for (const c of cases) {
	test(c.title, (t) => {
		const result = trace(network(rulesText([...c.rules])), 'vm-app', 'web', {protocol: c.protocol, port: c.port});
		const names = result.hops.map((hop) => hop.at.name);
		if (c.passes) {
			t.true(names.includes('nva1'), names.join(' → '));
			t.not(result.verdict.reason, 'no-load-balancer-rule');
		} else {
			t.is(result.verdict.reason, 'no-load-balancer-rule', result.verdict.detail);
			t.is(result.verdict.rule, 'ilb/fe');
			t.false(names.includes('nva1'));
			t.regex(result.verdict.detail, /HA ports rule/);
		}
	});
}
