/**
 * A connection from on-premises needs a way back: a spoke subnet whose route table turns off
 * gateway route propagation gets no route to the office (Virtual network traffic routing; VPN
 * gateway transit: "prevent the route distribution to those subnets"), so its reply meets the
 * reserved None route and the connection cannot complete, although the first packet arrives.
 */
import test from 'ava';
import {trace} from '../../source/engine/trace/trace.js';
import {loadedNetwork} from '../helpers/topology.js';

function network(propagationOff: boolean) {
	const text = [
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: GatewaySubnet, addressPrefix: 10.0.255.0/27}]}',
		'  - {name: spoke, region: westeurope, addressSpace: [10.2.0.0/16], subnets: [{name: w, addressPrefix: 10.2.1.0/24, routeTable: rt-spoke}]}',
		'virtualNetworkPeerings:',
		'  - {name: hub-spoke, from: hub, to: spoke, allowGatewayTransit: true}',
		'  - {name: spoke-hub, from: spoke, to: hub, useRemoteGateways: true}',
		'networkInterfaces:',
		'  - {name: vm-spoke, subnet: spoke/w, privateIpAddress: 10.2.1.4}',
		'virtualNetworkGateways:',
		'  - {name: vpngw, vnet: hub, gatewayType: Vpn, publicIpAddress: 20.50.9.9}',
		'localNetworks:',
		'  - {name: onprem, gateway: vpngw, addressPrefixes: [192.168.0.0/16], hosts: [{name: onprem-pc, ipAddress: 192.168.1.50}]}',
		'routeTables:',
		`  - {name: rt-spoke, disableBgpRoutePropagation: ${propagationOff}, routes: []}`,
		'',
	].join('\n');
	return loadedNetwork(text, 'return.yaml');
}

test('propagation on: on-premises reaches the spoke VM through gateway transit', (t) => {
	const result = trace(network(false), 'onprem-pc', 'vm-spoke');
	t.is(result.verdict.result, 'delivered', result.verdict.detail);
});

test('propagation off on the spoke: the reply meets the 192.168.0.0/16 None route, so the connection cannot complete', (t) => {
	const result = trace(network(true), 'onprem-pc', 'vm-spoke');
	t.is(result.verdict.result, 'dropped', result.verdict.detail);
	t.is(result.verdict.reason, 'no-return-route');
	t.is(result.verdict.rule, 'System Route');
	t.regex(result.verdict.detail, /192\.168\.0\.0\/16 → None/);
	// The other direction says the same from the spoke's side.
	t.is(trace(network(true), 'vm-spoke', 'onprem-pc').verdict.reason, 'next-hop-none');
});
