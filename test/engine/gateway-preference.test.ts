/**
 * VPN and ExpressRoute gateways side by side in one VNet: for the same prefix the ExpressRoute
 * route is preferred over the site-to-site VPN route, whichever is listed first; a longer prefix
 * still wins first (docs: Configure ExpressRoute and site-to-site coexisting connections).
 */
import test from 'ava';
import {ipToInt} from '../../source/engine/address.js';
import {lookupRoute} from '../../source/engine/routes.js';
import {trace} from '../../source/engine/trace/trace.js';
import {describeBeaten} from '../../source/format/next-hop.js';
import {loadedNetwork} from '../helpers/topology.js';

function coexisting(order: 'vpn-first' | 'er-first', vpnPrefixes = '[192.168.0.0/16]') {
	const gateways = ['  - {name: vpngw, vnet: hub, gatewayType: Vpn, publicIpAddress: 20.50.9.9}', '  - {name: ergw, vnet: hub, gatewayType: ExpressRoute}'];
	const text = [
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: app, addressPrefix: 10.0.1.0/24}, {name: GatewaySubnet, addressPrefix: 10.0.255.0/27}]}',
		'networkInterfaces:',
		'  - {name: vm-hub, subnet: hub/app, privateIpAddress: 10.0.1.4}',
		'virtualNetworkGateways:',
		...(order === 'vpn-first' ? gateways : [...gateways].reverse()),
		'localNetworks:',
		`  - {name: branch-vpn, gateway: vpngw, addressPrefixes: ${vpnPrefixes}}`,
		'  - {name: dc-er, gateway: ergw, addressPrefixes: [192.168.0.0/16]}',
		'',
	].join('\n');
	return loadedNetwork(text, 'coexist.yaml');
}

const cases = [
	{title: 'equal prefix, VPN gateway listed first: ExpressRoute wins', network: coexisting('vpn-first'), gateway: 'ergw', why: 'expressroute-preferred'},
	{title: 'equal prefix, ExpressRoute listed first: ExpressRoute wins', network: coexisting('er-first'), gateway: 'ergw', why: 'expressroute-preferred'},
	{title: 'the VPN site advertises a longer prefix: longest prefix match beats the ExpressRoute preference', network: coexisting('vpn-first', '[192.168.1.0/24]'), gateway: 'vpngw', why: 'shorter-prefix'},
] as const;

for (const c of cases) {
	test(c.title, (t) => {
		const result = lookupRoute(c.network, 'hub/app', ipToInt('192.168.1.5'));
		t.is(result.nextHopType, 'VirtualNetworkGateway');
		const loser = result.beaten.find((beaten) => beaten.route.source === 'VirtualNetworkGateway');
		t.is(loser?.why, c.why);
		t.deepEqual(result.notes, [], 'no "first listed" tie note');
		t.is(trace(c.network, 'vm-hub', '192.168.1.5').hops[1]?.at.name, c.gateway);
	});
}

test('the beaten VPN route says why in words', (t) => {
	const result = lookupRoute(coexisting('vpn-first'), 'hub/app', ipToInt('192.168.1.5'));
	const loser = result.beaten.find((beaten) => beaten.why === 'expressroute-preferred')!;
	t.is(describeBeaten(loser, result), "the ExpressRoute gateway's route is preferred over the VPN gateway's for the same prefix");
});
