/**
 * The text formatters (source/format/) on hand-made engine results: exact strings for
 * small cases, and the 80-column fit for the wide ones.
 */
import test from 'ava';
import type {EffectiveRoute, NextHopResult, Resolution} from '../../source/engine/results.js';
import {describeBeaten, formatNextHop} from '../../source/format/next-hop.js';
import {formatResolution} from '../../source/format/resolution.js';
import {formatEffectiveRoutes} from '../../source/format/routes.js';
import {formatTable} from '../../source/format/table.js';
import {noBreak, wordPieces, wrapHanging, wrapText} from '../../source/format/wrap.js';

const route = (fields: Partial<EffectiveRoute>): EffectiveRoute => ({
	source: 'Default',
	state: 'Active',
	addressPrefix: ['0.0.0.0/0'],
	nextHopType: 'Internet',
	nextHopIpAddress: [],
	name: null,
	...fields,
});

test('wrapText breaks at spaces, then at hyphens and camelCase, then cuts', (t) => {
	t.deepEqual(wrapText('10.0.0.0/8, 172.16.0.0/12', 13), ['10.0.0.0/8,', '172.16.0.0/12']);
	t.deepEqual(wrapText('VirtualNetworkServiceEndpoint', 16), ['VirtualNetwork', 'ServiceEndpoint']);
	t.deepEqual(wrapText('default-via-firewall', 12), ['default-via-', 'firewall']);
	t.deepEqual(wrapText('abcdefgh', 3), ['abc', 'def', 'gh']);
	t.deepEqual(wrapText('', 5), ['']);
});

test('wrapHanging indents later lines and keeps no-break words together', (t) => {
	t.deepEqual(wrapHanging('Matched: ', `10.10.0.0/16 VirtualNetworkGateway (VirtualNetworkGateway, System${noBreak}Route)`, 80), [
		'Matched: 10.10.0.0/16 VirtualNetworkGateway (VirtualNetworkGateway,',
		'         System Route)',
	]);
});

test('formatTable aligns columns under dashes, like az -o table', (t) => {
	t.is(formatTable(['Source', 'Name'], [['Default', ''], ['User', 'to-fw']]), ['Source   Name', '-------  -----', 'Default', 'User     to-fw'].join('\n'));
});

test('formatEffectiveRoutes numbers the notes and fits 80 columns with the widest values', (t) => {
	const text = formatEffectiveRoutes([
		route({source: 'VirtualNetworkGateway', addressPrefix: ['192.168.0.0/16'], nextHopType: 'VirtualNetworkGateway', nextHopIpAddress: ['20.50.9.9', '20.50.9.10']}),
		route({addressPrefix: ['52.239.0.0/16', '52.236.0.0/16', '52.240.0.0/16'], nextHopType: 'VirtualNetworkServiceEndpoint'}),
		route({source: 'User', state: 'Invalid', addressPrefix: ['0.0.0.0/0'], nextHopType: 'VirtualAppliance', nextHopIpAddress: ['10.9.9.9'], name: 'default-via-firewall-appliance', note: 'The next hop 10.9.9.9 is in no subnet of the VNet or its peers.'}),
	]);
	for (const line of text.split('\n')) t.true(line.length <= 80, `wider than 80: ${line}`);
	t.regex(text, /^\[1\] The next hop 10\.9\.9\.9 is in no subnet/m);
	t.regex(text, /\[1\]/);
	t.regex(text, /52\.239\.0\.0\/16,/);
});

test('formatNextHop names the match and why each route lost', (t) => {
	const user = route({source: 'User', nextHopType: 'VirtualAppliance', nextHopIpAddress: ['10.0.2.4'], name: 'default-via-nva', routeTable: 'rt'});
	const result: NextHopResult = {
		nextHopType: 'VirtualAppliance',
		nextHopIpAddress: '10.0.2.4',
		routeTableId: 'rt',
		matched: user,
		matchedPrefix: '0.0.0.0/0',
		beaten: [{route: route({}), why: 'lower-source-priority', matchedPrefix: '0.0.0.0/0'}],
		notes: ['A note.'],
	};
	t.is(
		formatNextHop(result),
		[
			'Next hop type        VirtualAppliance',
			'Next hop IP address  10.0.2.4',
			'Route table ID       rt',
			'',
			'Matched: 0.0.0.0/0 VirtualAppliance (User, default-via-nva)',
			'Beaten:',
			'  0.0.0.0/0 Internet (Default, System Route): User beats System on an equal',
			'    prefix (User > BGP > System)',
			'Notes:',
			'  - A note.',
		].join('\n'),
	);
});

test('formatResolution puts the origin on its own line when the answer is too wide', (t) => {
	const resolution: Resolution = {
		name: 'stcontoso.blob.core.windows.net',
		from: 'vm',
		answers: [
			{name: 'stcontoso.blob.core.windows.net', type: 'CNAME', value: 'stcontoso.privatelink.blob.core.windows.net', origin: {kind: 'public'}},
			{name: 'stcontoso.privatelink.blob.core.windows.net', type: 'A', value: '10.0.3.4', origin: {kind: 'private-zone', zone: 'privatelink.blob.core.windows.net', link: 'link-hub'}},
		],
		result: 'ip',
		ip: '10.0.3.4',
		steps: ['Azure-provided DNS (168.63.129.16).'],
	};
	const text = formatResolution(resolution);
	for (const line of text.split('\n')) t.true(line.length <= 80, `wider than 80: ${line}`);
	t.regex(text, /^ {4}\(from: private zone privatelink\.blob\.core\.windows\.net via link link-hub\)$/m);
	t.regex(text, /^Result: stcontoso\.blob\.core\.windows\.net resolves to 10\.0\.3\.4$/m);
	t.regex(text, /^ {2}1\. Azure-provided DNS/m);
});

test('S-UDR 4 tag order in words: each side is named by its kind (a top-level tag is not "regional")', (t) => {
	const user = (name: string, serviceTag: string | undefined, nextHopType: EffectiveRoute['nextHopType'] = 'None') =>
		route({source: 'User', addressPrefix: ['52.236.0.0/16'], nextHopType, name, routeTable: 'rt', ...(serviceTag ? {serviceTag} : {})});
	const result = (winner: EffectiveRoute, loser: EffectiveRoute): NextHopResult => ({
		nextHopType: winner.nextHopType,
		nextHopIpAddress: null,
		routeTableId: 'rt',
		matched: winner,
		matchedPrefix: '52.236.0.0/16',
		beaten: [{route: loser, why: 'service-tag-order', matchedPrefix: '52.236.0.0/16'}],
		notes: [],
	});
	const words = (winner: EffectiveRoute, loser: EffectiveRoute) => describeBeaten(result(winner, loser).beaten[0]!, result(winner, loser));
	t.is(
		words(user('t-storage', 'Storage'), user('t-cloud-ne', 'AzureCloud.northeurope')),
		'top-level tag Storage beats AzureCloud regional tag AzureCloud.northeurope on an equal prefix (explicit > regional tag > top-level tag > AzureCloud regional > AzureCloud)',
	);
	t.regex(words(user('t-we', 'Storage.WestEurope'), user('t-storage', 'Storage')), /^regional tag Storage\.WestEurope beats top-level tag Storage on/);
	t.regex(words(user('explicit', undefined), user('t-cloud', 'AzureCloud')), /^explicit prefix beats the AzureCloud tag on/);
	t.regex(words(user('t-storage', 'Storage'), user('t-cloud', 'AzureCloud')), /^top-level tag Storage beats the AzureCloud tag on/);
});

test('routes at 80 columns keep VirtualNetworkGateway whole in Source and Next Hop Type (a wide Source takes a line of its own)', (t) => {
	const text = formatEffectiveRoutes([
		route({}),
		route({state: 'Invalid', addressPrefix: ['192.168.0.0/16'], nextHopType: 'None', note: 'Invalid: the gateway-learned route wins.'}),
		route({addressPrefix: ['10.0.3.4/32'], nextHopType: 'InterfaceEndpoint'}),
		route({source: 'VirtualNetworkGateway', addressPrefix: ['192.168.0.0/16'], nextHopType: 'VirtualNetworkGateway', nextHopIpAddress: ['20.50.9.9']}),
	]);
	const lines = text.split('\n');
	for (const line of lines) t.true(line.length <= 80, `wider than 80: ${line}`);
	t.true(lines.includes('VirtualNetworkGateway'), text);
	t.regex(text, /^ +Active +192\.168\.0\.0\/16 +VirtualNetworkGateway +20\.50\.9\.9$/m);
	t.false(lines.some((line) => /^(Gateway|\s+Gateway)\s*$/.test(line)), text);
	t.regex(text, /^Default +Invalid +192\.168\.0\.0\/16 +None +\[1\]$/m);
});

test('a route table two columns too wide sits one space apart instead of wrapping VirtualAppliance or the UDR name', (t) => {
	const routes = [
		route({state: 'Invalid', note: 'Invalid: user route default-via-nva has the same prefix.'}),
		route({addressPrefix: ['10.0.3.4/32'], nextHopType: 'InterfaceEndpoint'}),
		route({source: 'User', addressPrefix: ['0.0.0.0/0'], nextHopType: 'VirtualAppliance', nextHopIpAddress: ['10.0.1.4'], name: 'default-via-nva'}),
	];
	// The TUI's routes screen at 80x24 leaves 78 columns: the natural widths take 70 plus the gaps.
	const lines = formatEffectiveRoutes(routes, {width: 78}).split('\n');
	t.regex(lines[0]!, /^Source +State +Address Prefix Next Hop Type +Next Hop IP Name$/);
	t.true(lines.some((line) => /^User +Active +0\.0\.0\.0\/0 +VirtualAppliance +10\.0\.1\.4 +default-via-nva$/.test(line)), lines.join('\n'));
	t.true(lines.some((line) => /^Default +Active +10\.0\.3\.4\/32 +InterfaceEndpoint$/.test(line)), lines.join('\n'));
	for (const line of lines) t.true(line.length <= 78, `wider than 78: ${line}`);
	// With room for two spaces, two it is (the az -o table look).
	t.regex(formatEffectiveRoutes(routes, {width: 100}).split('\n')[0]!, /^Source   State    Address Prefix  Next Hop Type /);
});

test('formatTable: a keep-whole column breaks only when no layout keeps it whole; a spilling first column puts a wide cell on its own line', (t) => {
	const headers = ['Kind', 'Address', 'Type'];
	const rows = [
		['A', '10.0.0.0/16, 10.1.0.0/16, 10.2.0.0/16', 'VirtualNetworkGateway'],
		['LongLongValue', '10.2.0.0/16', 'None'],
	];
	// Without options the fewest lines win, so the camelCase word breaks; keepWhole makes the address list wrap instead.
	t.is(
		formatTable(headers, rows, {width: 56}),
		[
			'Kind           Address                    Type',
			'-------------  -------------------------  --------------',
			'A              10.0.0.0/16, 10.1.0.0/16,  VirtualNetwork',
			'               10.2.0.0/16                Gateway',
			'LongLongValue  10.2.0.0/16                None',
		].join('\n'),
	);
	t.is(
		formatTable(headers, rows, {width: 56, columns: [{}, {}, {keepWhole: true}]}),
		[
			'Kind           Address       Type',
			'-------------  ------------  ---------------------',
			'A              10.0.0.0/16,  VirtualNetworkGateway',
			'               10.1.0.0/16,',
			'               10.2.0.0/16',
			'LongLongValue  10.2.0.0/16   None',
		].join('\n'),
	);
	t.is(
		formatTable(headers, rows, {width: 44, columns: [{spill: true}, {}, {keepWhole: true}]}),
		[
			'Kind  Address       Type',
			'----  ------------  ---------------------',
			'A     10.0.0.0/16,  VirtualNetworkGateway',
			'      10.1.0.0/16,',
			'      10.2.0.0/16',
			'LongLongValue',
			'      10.2.0.0/16   None',
		].join('\n'),
	);
});

test('system-route-preferred in words names what lost: a user route to a service endpoint route (S-SE), a BGP route to a VNet route (S-UDR)', (t) => {
	const words = (winner: EffectiveRoute, loser: EffectiveRoute) => {
		const result: NextHopResult = {nextHopType: winner.nextHopType, nextHopIpAddress: null, routeTableId: 'System Route', matched: winner, matchedPrefix: '52.239.0.0/16', beaten: [{route: loser, why: 'system-route-preferred', matchedPrefix: '52.239.0.0/16'}], notes: []};
		return describeBeaten(result.beaten[0]!, result);
	};
	const endpoint = route({addressPrefix: ['52.239.0.0/16'], nextHopType: 'VirtualNetworkServiceEndpoint'});
	t.regex(words(endpoint, route({source: 'User', addressPrefix: ['52.239.0.0/16'], nextHopType: 'VirtualAppliance', name: 'via-nva'})), /overrides user-defined routes for the service's prefixes/);
	t.regex(words(route({addressPrefix: ['10.0.0.0/16'], nextHopType: 'VnetLocal'}), route({source: 'VirtualNetworkGateway', addressPrefix: ['10.0.1.0/24'], nextHopType: 'VirtualNetworkGateway'})), /preferred over BGP, even over a longer BGP prefix/);
});

test('wrapText breaks a resource id or URL after its slashes, never inside a segment; a CIDR keeps its slash', (t) => {
	const id = '/subscriptions/<fabrikam-id>/resourceGroups/<rg>/providers/Microsoft.Network/privateLinkServices/pls-app';
	const lines = wrapText(id, 40);
	t.is(lines.join(''), id);
	for (const line of lines) t.true(line.length <= 40, line);
	t.false(lines.some((line) => /resource$/.test(line)), lines.join('\n'));
	t.true(lines.slice(0, -1).every((line) => line.endsWith('/') || line.endsWith('-')), lines.join('\n'));
	t.deepEqual(wordPieces('10.100.200.0/24'), ['10.100.200.0/24']);
	t.deepEqual(wordPieces('VirtualNetworkGateway'), ['Virtual', 'Network', 'Gateway']);
});
