/**
 * The VirtualNetwork tag as an NSG rule sees it, per subnet (S-NSG, design 9): the VNet's space,
 * peered spaces, connected on-premises spaces and user route prefixes; never 0.0.0.0/0 (the
 * documented ambiguity "might also contain default routes" is noted by the trace instead).
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {virtualNetworkTag} from '../../source/engine/nsg-tags.js';
import type {Topology} from '../../source/engine/topology.js';
import {trace} from '../../source/engine/trace/trace.js';
import {loadFixture, variant} from '../helpers/fixtures.js';

const base = loadFixture('hub-spoke.yaml');
const tagOf = (topology: Topology, subnet: string) => virtualNetworkTag(buildNetwork(topology), subnet).map((prefix) => prefix.text);

const cases: Array<{title: string; subnet: string; change?: (t: Topology) => void; has: string[]; lacks: string[]}> = [
	{
		title: 'S-NSG: the VNet, its peers and the on-premises space behind the gateway it uses through transit',
		subnet: 'spoke1/app',
		has: ['10.1.0.0/16', '10.0.0.0/16', '192.168.0.0/16'],
		lacks: ['0.0.0.0/0'],
	},
	{
		title: 'S-NSG: route propagation off (as on spoke1/app) still leaves the connected on-premises space in the tag',
		subnet: 'spoke1/app',
		change: (t) => {
			t.routeTables.find((table) => table.name === 'rt-spoke1')!.disableBgpRoutePropagation = true;
		},
		has: ['192.168.0.0/16'],
		lacks: [],
	},
	{
		title: 'S-GWT: without use remote gateways the spoke is not connected to the site, so its space is not in the tag',
		subnet: 'spoke1/app',
		change: (t) => {
			t.virtualNetworkPeerings.find((peering) => peering.name === 'spoke1-to-hub')!.useRemoteGateways = false;
			t.routeTables.find((table) => table.name === 'rt-spoke1')!.routes = [];
		},
		has: ['10.0.0.0/16'],
		lacks: ['192.168.0.0/16'],
	},
	{
		title: 'S-NSG: user route prefixes count (spoke2 reached through the NVA), 0.0.0.0/0 does not',
		subnet: 'spoke1/app',
		has: ['10.2.0.0/16'],
		lacks: ['0.0.0.0/0'],
	},
];

for (const c of cases) {
	test(c.title, (t) => {
		const tag = tagOf(variant(base, c.change), c.subnet);
		for (const prefix of c.has) t.true(tag.includes(prefix), `${prefix} in ${tag.join(', ')}`);
		for (const prefix of c.lacks) t.false(tag.includes(prefix), `${prefix} not in ${tag.join(', ')}`);
	});
}

test('so AllowVnetOutBound lets a spoke VM reach the office through the hub NVA, though its subnet takes no gateway routes', (t) => {
	const result = trace(buildNetwork(base), 'vm-spoke1', 'onprem-pc');
	t.is(result.verdict.result, 'delivered', result.verdict.detail);
	const first = result.hops[0]!.steps.find((step) => step.kind === 'nsg');
	t.regex(first?.rule ?? '', /AllowVnetOutBound/);
});
