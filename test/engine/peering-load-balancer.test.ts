/**
 * Virtual network peering's constraint on load balancers: resources in a globally peered VNet
 * cannot reach a Basic load balancer's frontend; a Standard one works over regional and global
 * peering alike (docs: Virtual network peering, requirements and constraints).
 */
import test from 'ava';
import {trace} from '../../source/engine/trace/trace.js';
import {loadedNetwork} from '../helpers/topology.js';

function network(spokeRegion: string) {
	const text = [
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: app, addressPrefix: 10.0.1.0/24}, {name: lb, addressPrefix: 10.0.2.0/24}]}',
		`  - {name: spoke, region: ${spokeRegion}, addressSpace: [10.5.0.0/16], subnets: [{name: app, addressPrefix: 10.5.1.0/24}]}`,
		'virtualNetworkPeerings:',
		'  - {name: hub-to-spoke, from: hub, to: spoke}',
		'  - {name: spoke-to-hub, from: spoke, to: hub}',
		'networkInterfaces:',
		'  - {name: vm-be1, subnet: hub/app, privateIpAddress: 10.0.1.4}',
		'  - {name: vm-be2, subnet: hub/app, privateIpAddress: 10.0.1.5}',
		'  - {name: vm-local, subnet: hub/app, privateIpAddress: 10.0.1.6}',
		'  - {name: vm-spoke, subnet: spoke/app, privateIpAddress: 10.5.1.4}',
		'loadBalancers:',
		'  - {name: lb-basic, sku: Basic, frontends: [{name: fe, subnet: hub/lb, privateIpAddress: 10.0.2.10}], backends: [vm-be1], rules: [{frontend: fe, protocol: Tcp, frontendPort: 443, backendPort: 443}]}',
		'  - {name: lb-std, sku: Standard, frontends: [{name: fe, subnet: hub/lb, privateIpAddress: 10.0.2.20}], backends: [vm-be2], rules: [{frontend: fe, protocol: Tcp, frontendPort: 443, backendPort: 443}]}',
		'',
	].join('\n');
	return loadedNetwork(text, 'lb.yaml');
}

const cases = [
	{title: 'Basic load balancer over global peering: not reachable', region: 'eastus', from: 'vm-spoke', to: '10.0.2.10', result: 'dropped', reason: 'basic-load-balancer-global-peering'},
	{title: 'Standard load balancer over global peering: reachable', region: 'eastus', from: 'vm-spoke', to: '10.0.2.20', result: 'delivered'},
	{title: 'Basic load balancer over regional peering: reachable', region: 'westeurope', from: 'vm-spoke', to: '10.0.2.10', result: 'delivered'},
	{title: 'Basic load balancer from its own VNet: reachable', region: 'eastus', from: 'vm-local', to: '10.0.2.10', result: 'delivered'},
] as const;

for (const c of cases) {
	test(c.title, (t) => {
		const result = trace(network(c.region), c.from, c.to);
		t.is(result.verdict.result, c.result, result.verdict.detail);
		if ('reason' in c) {
			t.is(result.verdict.reason, c.reason);
			t.is(result.verdict.rule, 'lb-basic');
		}
	});
}
