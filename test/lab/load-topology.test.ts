/**
 * The topology loader, table-driven: each case is a small YAML text and every diagnostic it
 * must give, as line:col, field path and a message fragment (nothing more, nothing less);
 * then defaults, files, inline topologies and the printed form.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {formatDiagnostic, type Diagnostic} from '../../source/lab/diagnostics.js';
import {checkTopologyValue, loadTopologyFile, loadTopologyText, TopologyFileError} from '../../source/lab/load-topology.js';
import {parseYaml} from '../../source/lab/yaml-positions.js';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A valid VNet, lines 1-7, to build cases on. */
const hub = [
	'virtualNetworks:',
	'  - name: hub',
	'    region: westeurope',
	'    addressSpace: [10.0.0.0/16]',
	'    subnets:',
	'      - name: app',
	'        addressPrefix: 10.0.1.0/24',
];

type Expected = [at: string, path: string, fragment: string, severity?: 'error' | 'warning'];
type Case = {title: string; text: string; expect: Expected[]};

const cases: Case[] = [
	{
		title: 'YAML syntax error: unclosed flow sequence',
		text: yaml('virtualNetworks:', '  - name: hub', '    addressSpace: [10.0.0.0/16', 'routeTables: []'),
		expect: [['4:1', '', 'YAML syntax error']],
	},
	{
		title: 'YAML syntax error: tab indentation',
		text: yaml('virtualNetworks:', '\t- name: hub'),
		expect: [['2:1', '', 'indent YAML with spaces, not tabs']],
	},
	{
		title: 'duplicate key, reported with the other problems',
		text: yaml(...hub, '        addressPrefix: 10.0.2.0/24', 'routeTables:', '  - name: rt', '    routes: [{name: r, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance}]'),
		expect: [
			['8:9', '', "duplicate key 'addressPrefix'"],
			['11:14', 'routeTables[0].routes[0].nextHopIpAddress', 'has no nextHopIpAddress'],
		],
	},
	{
		title: 'unknown field points at the key',
		text: yaml(...hub.slice(0, 6), '        adressPrefix: 10.0.1.0/24'),
		expect: [
			['6:9', 'virtualNetworks[0].subnets[0].addressPrefix', "required field 'addressPrefix' is missing"],
			['7:9', 'virtualNetworks[0].subnets[0].adressPrefix', "unknown field 'adressPrefix' (did you mean 'addressPrefix'?)"],
		],
	},
	{
		title: 'unknown top-level collection',
		text: yaml('virtualNetwork: []'),
		expect: [['1:1', 'virtualNetwork', "unknown field 'virtualNetwork' (did you mean 'virtualNetworks'?)"]],
	},
	{
		title: 'wrong enum value',
		text: yaml('routeTables:', '  - name: rt', '    routes:', '      - name: r', '        addressPrefix: 10.9.0.0/16', '        nextHopType: VirtualApliance'),
		expect: [['6:22', 'routeTables[0].routes[0].nextHopType', 'must be one of VirtualAppliance, VirtualNetworkGateway, VnetLocal, Internet, None (got \'VirtualApliance\'; did you mean \'VirtualAppliance\'?)']],
	},
	{
		title: 'missing required field points at the object',
		text: yaml('virtualNetworks:', '  - name: hub', '    addressSpace: [10.0.0.0/16]'),
		expect: [['2:5', 'virtualNetworks[0].region', "required field 'region' is missing"]],
	},
	{
		title: 'a number where a string is expected',
		text: yaml('networkSecurityGroups:', '  - name: nsg', '    securityRules:', '      - {name: r, priority: 100, direction: Inbound, access: Allow, protocol: Tcp,',
			"         sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: 443}"),
		expect: [['5:111', 'networkSecurityGroups[0].securityRules[0].destinationPortRange', "must be a string, not 443 (quote it: '443')"]],
	},
	{
		title: 'a string where a list is expected, with no follow-up noise',
		text: yaml('virtualNetworks:', '  - name: hub', '    region: westeurope', '    addressSpace: 10.0.0.0/16'),
		expect: [['4:19', 'virtualNetworks[0].addressSpace', "must be a list, not '10.0.0.0/16'"]],
	},
	{
		title: 'a mapping where a list is expected does not upset the semantic checks',
		text: yaml('virtualNetworks:', '  name: hub', 'routeTables: [5]'),
		expect: [
			['2:3', 'virtualNetworks', 'must be a list, not a mapping'],
			['3:15', 'routeTables[0]', 'must be a mapping of fields, not 5'],
		],
	},
	{
		title: 'a key with no value',
		text: yaml(...hub.slice(0, 4), '    subnets:'),
		expect: [['5:5', 'virtualNetworks[0].subnets', 'must be a list, not an empty value']],
	},
	{
		title: 'bad CIDR forms, one message each',
		text: yaml('virtualNetworks:', '  - name: hub', '    region: westeurope',
			'    addressSpace: [010.0.0.0/8, 10.0.0/8, 10.0.0.0/16x, 10.0.0.1/16, 10.0.0.0/33]'),
		expect: [
			['4:20', 'virtualNetworks[0].addressSpace[0]', "'010.0.0.0/8' does not start with a valid IPv4 address"],
			['4:33', 'virtualNetworks[0].addressSpace[1]', "'10.0.0/8' does not start with a valid IPv4 address"],
			['4:43', 'virtualNetworks[0].addressSpace[2]', "'10.0.0.0/16x' has an invalid prefix length '16x'"],
			['4:57', 'virtualNetworks[0].addressSpace[3]', "'10.0.0.1/16' is not a network address (did you mean 10.0.0.0/16?)"],
			['4:70', 'virtualNetworks[0].addressSpace[4]', "'10.0.0.0/33' has prefix length /33, outside 0..32"],
		],
	},
	{
		title: 'bad service tag name points at the key',
		text: yaml('serviceTags:', '  Storage WestEurope: [52.239.0.0/16]'),
		expect: [['2:3', 'serviceTags["Storage WestEurope"]', "'Storage WestEurope' is not a service tag name"]],
	},
	{
		title: 'a pattern the semantic checks do not restate keeps the schema message',
		text: yaml('internetHosts:', '  - {name: web, ipAddress: 203.0.113.10, fqdn: "www example com"}'),
		expect: [['2:48', 'internetHosts[0].fqdn', "'www example com' is not a DNS name"]],
	},
	{
		title: 'semantic problems point at their field',
		text: yaml(...hub, 'networkInterfaces:', '  - name: vm', '    subnet: hub/app', '    privateIpAddress: 10.0.2.4'),
		expect: [['11:23', 'networkInterfaces[0].privateIpAddress', '10.0.2.4 is outside subnet hub/app (10.0.1.0/24)']],
	},
	{
		title: 'a warning alone still gives a topology (see below)',
		text: yaml(...hub.slice(0, 6), '        addressPrefix: 10.0.1.0/24', '        routeTable: rt', 'routeTables:', '  - name: rt',
			'    routes: [{name: r, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance, nextHopIpAddress: 10.0.1.99}]'),
		expect: [['11:99', 'routeTables[0].routes[0].nextHopIpAddress', 'no network interface or load balancer frontend in hub has 10.0.1.99', 'warning']],
	},
	{
		title: 'a list at the top',
		text: yaml('- name: hub'),
		expect: [['1:1', '', 'a topology is a mapping of collections']],
	},
	{
		title: 'several problems at once, sorted by line',
		text: yaml(
			'routeTables:',
			'  - name: rt',
			'    routes: [{name: r, addressPrefix: 10.0.0.0/8, nextHopType: Internet, nextHopIpAddress: 10.0.1.4}]',
			'virtualNetworks:',
			'  - name: hub',
			'    region: westeurope',
			'    addressSpace: [10.0.0.0/16]',
			'    subnets:',
			'      - {name: app, addressPrefix: 10.0.1.0/24, routeTable: rt-app}',
			'      - {name: db, addresPrefix: 10.0.2.0/24}',
			'networkSecurityGroups:',
			'  - name: nsg',
			'    securityRules:',
			"      - {name: a, priority: 50, direction: In, access: Allow, protocol: Tcp, sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22'}",
		),
		expect: [
			['3:92', 'routeTables[0].routes[0].nextHopIpAddress', 'Internet, which takes no nextHopIpAddress'],
			['9:61', 'virtualNetworks[0].subnets[0].routeTable', "no route table named 'rt-app': add it to routeTables or fix the name"],
			['10:9', 'virtualNetworks[0].subnets[1].addressPrefix', "required field 'addressPrefix' is missing"],
			['10:20', 'virtualNetworks[0].subnets[1].addresPrefix', "unknown field 'addresPrefix'"],
			['14:29', 'networkSecurityGroups[0].securityRules[0].priority', 'priority 50 of rule a is outside 100..4096'],
			['14:44', 'networkSecurityGroups[0].securityRules[0].direction', 'must be one of Inbound, Outbound'],
		],
	},
];

function at(d: Diagnostic): string {
	return `${d.line}:${d.col}`;
}

for (const c of cases) {
	test(c.title, (t) => {
		const {diagnostics} = loadTopologyText(c.text, 'case.yaml');
		const shown = diagnostics.map(formatDiagnostic).join('\n');
		t.is(diagnostics.length, c.expect.length, shown);
		c.expect.forEach(([position, path, fragment, severity = 'error'], i) => {
			const d = diagnostics[i];
			t.truthy(d, shown);
			if (!d) return;
			t.is(at(d), position, formatDiagnostic(d));
			t.is(d.path, path, formatDiagnostic(d));
			t.true(d.message.includes(fragment), `'${d.message}' lacks '${fragment}'`);
			t.is(d.severity, severity, formatDiagnostic(d));
			t.is(d.file, 'case.yaml');
		});
		// Sorted by position.
		t.deepEqual(diagnostics.map(at), [...diagnostics].sort((a, b) => a.line - b.line || a.col - b.col).map(at));
	});
}

test('a topology comes back only without errors; warnings are fine', (t) => {
	const broken = loadTopologyText(cases[0]!.text, 'a.yaml');
	t.is(broken.topology, undefined);
	const warned = loadTopologyText(cases.find((c) => c.title.startsWith('a warning alone'))!.text, 'b.yaml');
	t.truthy(warned.topology);
	t.is(warned.diagnostics.length, 1);
	t.is(warned.diagnostics[0]!.severity, 'warning');
});

test('an empty file is an empty topology', (t) => {
	const {topology, diagnostics} = loadTopologyText('# nothing yet\n', 'empty.yaml');
	t.deepEqual(diagnostics, []);
	t.deepEqual(topology?.virtualNetworks, []);
	t.deepEqual(topology?.serviceTags, {});
});

test('every default of design section 2 is filled', (t) => {
	const text = yaml(
		'$schema: ./schema/topology.schema.json',
		'virtualNetworks:',
		'  - name: hub',
		'    region: westeurope',
		'    addressSpace: [10.0.0.0/16]',
		'    subnets:',
		'      - {name: app, addressPrefix: 10.0.1.0/24}',
		'      - {name: pls, addressPrefix: 10.0.2.0/24, privateLinkServiceNetworkPolicies: Disabled}',
		'      - {name: GatewaySubnet, addressPrefix: 10.0.255.0/27}',
		'  - {name: spoke, region: westeurope, addressSpace: [10.1.0.0/16]}',
		'virtualNetworkPeerings:',
		'  - {name: hub-to-spoke, from: hub, to: spoke}',
		'  - {name: spoke-to-hub, from: spoke, to: hub}',
		'networkInterfaces:',
		'  - {name: vm, subnet: hub/app, privateIpAddress: 10.0.1.4, appliance: {}}',
		'virtualNetworkGateways:',
		'  - {name: vpngw, vnet: hub, gatewayType: Vpn}',
		'localNetworks:',
		'  - {name: onprem, gateway: vpngw, addressPrefixes: [192.168.0.0/16]}',
		'routeTables:',
		'  - {name: rt}',
		'networkSecurityGroups:',
		'  - {name: nsg}',
		'resources:',
		'  - {name: st, type: Microsoft.Storage/storageAccounts, region: westeurope, publicIpAddress: 52.239.10.20}',
		'privateEndpoints:',
		'  - {name: pe, subnet: hub/app, privateIpAddress: 10.0.1.5, connection: {target: st, groupId: blob, status: Approved}}',
		'privateDnsZones:',
		'  - name: privatelink.blob.core.windows.net',
		'    virtualNetworkLinks: [{name: l, vnet: hub}]',
		'dnsResolvers:',
		'  - {name: dns, vnet: hub, inboundEndpointIp: 10.0.1.6}',
		'loadBalancers:',
		'  - {name: lb, sku: Standard, frontends: [{name: fe, subnet: hub/app, privateIpAddress: 10.0.1.7}]}',
		'privateLinkServices:',
		'  - {name: pls, loadBalancer: lb, frontend: fe, natIpConfigurations: [{subnet: hub/pls, privateIpAddress: 10.0.2.4}]}',
	);
	const {topology: topo, diagnostics} = loadTopologyText(text, 'defaults.yaml');
	t.deepEqual(diagnostics, []);
	if (!topo) return t.fail('no topology');
	const [vnet, spoke] = topo.virtualNetworks;
	t.is(vnet!.subscription, 'default');
	t.deepEqual(vnet!.dnsServers, []);
	t.deepEqual(spoke!.subnets, []);
	t.deepEqual(vnet!.subnets[0], {
		name: 'app',
		addressPrefix: '10.0.1.0/24',
		serviceEndpoints: [],
		privateEndpointNetworkPolicies: 'Disabled',
		privateLinkServiceNetworkPolicies: 'Enabled',
		defaultOutboundAccess: false,
	});
	t.deepEqual(topo.virtualNetworkPeerings[0], {
		name: 'hub-to-spoke', from: 'hub', to: 'spoke', allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false,
	});
	t.deepEqual(topo.networkInterfaces[0], {
		name: 'vm', subnet: 'hub/app', privateIpAddress: '10.0.1.4', enableIpForwarding: false, running: true, appliance: {forwards: true, snat: false},
	});
	t.deepEqual(topo.localNetworks[0], {name: 'onprem', gateway: 'vpngw', addressPrefixes: ['192.168.0.0/16'], dnsServers: [], dnsForwarding: [], hosts: []});
	t.deepEqual(topo.routeTables[0], {name: 'rt', disableBgpRoutePropagation: false, routes: []});
	t.deepEqual(topo.networkSecurityGroups[0], {name: 'nsg', securityRules: []});
	t.deepEqual(topo.resources[0], {
		name: 'st', type: 'Microsoft.Storage/storageAccounts', region: 'westeurope', publicIpAddress: '52.239.10.20', subscription: 'default',
		publicNetworkAccess: 'Enabled', networkRuleSet: {defaultAction: 'Allow', virtualNetworkRules: [], ipRules: []},
	});
	t.is(topo.privateEndpoints[0]!.subscription, 'default');
	t.deepEqual(topo.privateDnsZones[0], {
		name: 'privatelink.blob.core.windows.net', id: 'privatelink.blob.core.windows.net', records: [],
		virtualNetworkLinks: [{name: 'l', vnet: 'hub', resolutionPolicy: 'Default'}],
	});
	t.deepEqual(topo.dnsResolvers[0]!.forwardingRulesets, []);
	t.deepEqual(topo.loadBalancers[0]!.backends, []);
	t.deepEqual(topo.loadBalancers[0]!.rules, []);
	t.deepEqual(topo.privateLinkServices[0], {
		name: 'pls', loadBalancer: 'lb', frontend: 'fe', natIpConfigurations: [{subnet: 'hub/pls', privateIpAddress: '10.0.2.4'}],
		visibility: [], autoApproval: [], enableProxyProtocol: false,
	});
	t.deepEqual(topo.natGateways, []);
	t.deepEqual(topo.internetHosts, []);
	t.deepEqual(topo.serviceTags, {});
});

test('a zone keeps an explicit id', (t) => {
	const {topology} = loadTopologyText(yaml('privateDnsZones:', '  - {name: privatelink.blob.core.windows.net, id: zone-hub}'), 'z.yaml');
	t.is(topology?.privateDnsZones[0]!.id, 'zone-hub');
});

test('the hub-and-spoke fixture loads clean', (t) => {
	const {topology, diagnostics} = loadTopologyFile('test/fixtures/hub-spoke.yaml');
	t.deepEqual(diagnostics.map(formatDiagnostic), []);
	t.truthy(topology);
	t.deepEqual(topology!.virtualNetworks.map((v) => v.name), ['hub', 'spoke1', 'spoke2']);
	t.is(topology!.resources[0]!.publicIpAddress, '52.239.10.20');
	t.is(topology!.privateDnsZones[0]!.name, 'privatelink.blob.core.windows.net');
	t.is(topology!.localNetworks[0]!.addressPrefixes[0], '192.168.0.0/16');
});

test('a missing file throws TopologyFileError (ENOENT), not a diagnostic', (t) => {
	const error = t.throws(() => loadTopologyFile('test/fixtures/no-such-file.yaml'), {instanceOf: TopologyFileError});
	t.is(error?.code, 'ENOENT');
	t.is(error?.file, 'test/fixtures/no-such-file.yaml');
	t.is(error?.message, 'test/fixtures/no-such-file.yaml: no such file');
});

test('a directory throws TopologyFileError (EISDIR)', (t) => {
	const error = t.throws(() => loadTopologyFile('test/fixtures'), {instanceOf: TopologyFileError});
	t.is(error?.code, 'EISDIR');
});

test('a file with problems gives diagnostics named after its path', (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'vnetlab-'));
	const file = join(dir, 'broken.yaml');
	writeFileSync(file, yaml('virtualNetworks:', '  - name: hub'));
	const {diagnostics} = loadTopologyFile(file);
	t.true(diagnostics.length > 0);
	t.true(formatDiagnostic(diagnostics[0]!).startsWith(`${file}:2:5: virtualNetworks[0].`));
});

test('an inline topology is checked with its place in the enclosing file', (t) => {
	const source = parseYaml(yaml('id: 01-first', 'topology:', '  virtualNetworks:', '    - name: hub', '      region: westeurope', '      addressSpace: [10.0.0/16]'), 'labs/01-first.yaml');
	const value = (source.value as {topology: unknown}).topology;
	const before = JSON.stringify(value);
	const {topology, diagnostics} = checkTopologyValue(value, source, ['topology']);
	t.is(topology, undefined);
	t.deepEqual(diagnostics.map(formatDiagnostic), [
		"labs/01-first.yaml:6:22: topology.virtualNetworks[0].addressSpace[0]: '10.0.0/16' does not start with a valid IPv4 address: write four numbers 0-255 without leading zeros or short forms, e.g. 10.0.0.0/8",
	]);
	t.is(JSON.stringify(value), before, 'the caller\'s value is not modified');
});

test('formatDiagnostic', (t) => {
	const d: Diagnostic = {file: 'a.yaml', line: 3, col: 7, path: 'routeTables[0].name', message: 'bad', severity: 'error'};
	t.is(formatDiagnostic(d), 'a.yaml:3:7: routeTables[0].name: bad');
	t.is(formatDiagnostic({...d, severity: 'warning'}), 'a.yaml:3:7: routeTables[0].name: warning: bad');
	t.is(formatDiagnostic({...d, path: ''}), 'a.yaml:3:7: bad');
});

test("a ruleset's wildcard rule '.' loads and catches every name no longer rule covers (S-RESOLVER rulesets)", async (t) => {
	const {buildNetwork} = await import('../../source/engine/network.js');
	const {resolve} = await import('../../source/engine/dns.js');
	const text = yaml(
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: app, addressPrefix: 10.0.1.0/24}, {name: dns, addressPrefix: 10.0.2.0/24}]}',
		'networkInterfaces:',
		'  - {name: vm-app, subnet: hub/app, privateIpAddress: 10.0.1.4}',
		'  - {name: vm-dns, subnet: hub/dns, privateIpAddress: 10.0.2.4}',
		'dnsResolvers:',
		'  - name: resolver',
		'    vnet: hub',
		'    inboundEndpointIp: 10.0.2.10',
		'    forwardingRulesets:',
		"      - {name: rs, vnetLinks: [hub], rules: [{domain: '.', targets: [10.0.2.4]}, {domain: corp.contoso.com, targets: [10.0.2.5]}]}",
	);
	const {topology, diagnostics} = loadTopologyText(text, 'wildcard.yaml');
	t.deepEqual(diagnostics.map(formatDiagnostic), []);
	const resolution = resolve(buildNetwork(topology!), 'vm-app', 'www.example.com');
	t.regex(resolution.steps.join(' '), /forwards it to 10\.0\.2\.4/, resolution.steps.join('\n'));
	const bad = loadTopologyText(text.replace("domain: '.'", "domain: '..'"), 'wildcard.yaml');
	t.deepEqual(bad.diagnostics.map(formatDiagnostic), [
		"wildcard.yaml:11:55: dnsResolvers[0].forwardingRulesets[0].rules[0].domain: '..' is not a DNS domain: write one such as corp.contoso.com, or '.' for every name",
	]);
});

test('a ruleset rule targeting 168.63.129.16 is an error at its place in the file (private-resolver-endpoints-rulesets, rule processing)', (t) => {
	const text = yaml(
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: app, addressPrefix: 10.0.1.0/24}, {name: dns, addressPrefix: 10.0.2.0/24}]}',
		'dnsResolvers:',
		'  - name: resolver',
		'    vnet: hub',
		'    inboundEndpointIp: 10.0.2.10',
		'    forwardingRulesets:',
		'      - name: rs',
		'        vnetLinks: [hub]',
		'        rules:',
		'          - domain: corp.contoso.com',
		'            targets: [192.168.1.10, 168.63.129.16]',
	);
	const {topology, diagnostics} = loadTopologyText(text, 'rules.yaml');
	t.is(topology, undefined, 'an error keeps the topology from loading');
	t.deepEqual(diagnostics.map(formatDiagnostic), [
		'rules.yaml:12:37: dnsResolvers[0].forwardingRulesets[0].rules[0].targets[1]: 168.63.129.16 is Azure-provided DNS, which Azure refuses as a forwarding rule\'s destination ("Exception while making add request for rule"): forward to a DNS server, such as an on-premises server or a DNS VM, or remove the rule to leave the domain to Azure DNS',
	]);
});

test('a private endpoint without a subscription takes its VNet\'s (they must match, S-PE); a given one is kept', (t) => {
	const text = [
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, subscription: contoso, addressSpace: [10.0.0.0/16], subnets: [{name: pe, addressPrefix: 10.0.3.0/24}]}',
		'resources:',
		'  - {name: st, type: Microsoft.Storage/storageAccounts, region: westeurope, publicIpAddress: 52.239.10.20}',
		'privateEndpoints:',
		'  - {name: pe-st, subnet: hub/pe, privateIpAddress: 10.0.3.4, connection: {target: st, groupId: blob, status: Approved}}',
		'  - {name: pe-other, subnet: hub/pe, privateIpAddress: 10.0.3.5, subscription: fabrikam, connection: {target: st, groupId: blob, status: Approved}}',
		'',
	].join('\n');
	const {topology} = loadTopologyText(text.split('\n').filter((line) => !line.includes('pe-other')).join('\n'), 'pe.yaml');
	t.is(topology?.privateEndpoints[0]?.subscription, 'contoso');
	const {diagnostics} = loadTopologyText(text, 'pe.yaml');
	t.true(diagnostics.some((d) => d.path === 'privateEndpoints[1].subscription' && /is in subscription 'fabrikam'/.test(d.message)), diagnostics.map(formatDiagnostic).join('\n'));
});
