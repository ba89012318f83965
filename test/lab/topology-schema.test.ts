/**
 * The published topology schema (labs/schema/topology.schema.json): valid draft-07 that
 * ajv compiles strictly without warnings, typo-proof (no extra fields anywhere), documented
 * (every field has a description), with the vocabularies and defaults of design section 2,
 * every pattern worded for humans, and ajv loaded only on first use.
 */
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';
import test from 'ava';
import type {AnySchemaObject} from 'ajv';
import {patternMessages} from '../../source/lab/schema-errors.js';
import {topologySchema} from '../../source/lab/topology-schema.js';

const require = createRequire(import.meta.url);
const {Ajv} = require('ajv') as typeof import('ajv');

type Visit = (schema: AnySchemaObject, path: string) => void;

function walk(schema: AnySchemaObject, path: string, visit: Visit): void {
	visit(schema, path);
	for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) walk(child, `${path}.${key}`, visit);
	if (schema.items) walk(schema.items as AnySchemaObject, `${path}[]`, visit);
	if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties as AnySchemaObject, `${path}.*`, visit);
}

/** The schema of the field at a dotted path (`[]` for list items). */
function at(path: string): AnySchemaObject {
	let node = topologySchema();
	for (const part of path.split('.')) {
		const [key, ...items] = part.split('[]');
		if (key) node = (node.properties as Record<string, AnySchemaObject>)[key]!;
		for (let i = 0; i < items.length; i++) node = node.items as AnySchemaObject;
	}

	return node;
}

test('valid draft-07, compiled strictly without warnings', (t) => {
	const warnings: unknown[] = [];
	const logger = {log() {}, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args)};
	const ajv = new Ajv({allErrors: true, useDefaults: true, strict: true, logger});
	t.true(ajv.validateSchema(topologySchema()) as boolean, JSON.stringify(ajv.errors));
	t.notThrows(() => ajv.compile(topologySchema()));
	t.deepEqual(warnings, []);
	t.is(topologySchema().$schema, 'http://json-schema.org/draft-07/schema#');
});

test('every object rejects unknown fields and every field has a description', (t) => {
	walk(topologySchema(), '$', (schema, path) => {
		if (schema.type === 'object' && path !== '$.serviceTags') t.is(schema.additionalProperties, false, path);
		if (path !== '$') t.true(typeof schema.description === 'string' && schema.description.length > 0, `${path} has no description`);
	});
});

test('every pattern has a human message', (t) => {
	const patterns = new Set<string>();
	walk(topologySchema(), '$', (schema) => {
		if (typeof schema.pattern === 'string') patterns.add(schema.pattern);
		const names = schema.propertyNames as AnySchemaObject | undefined;
		if (typeof names?.pattern === 'string') patterns.add(names.pattern);
	});
	t.true(patterns.size >= 8);
	for (const pattern of patterns) t.truthy(patternMessages[pattern], pattern);
});

test('vocabularies of design section 2', (t) => {
	t.deepEqual(at('routeTables[].routes[].nextHopType').enum, ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None']);
	t.deepEqual(at('networkSecurityGroups[].securityRules[].direction').enum, ['Inbound', 'Outbound']);
	t.deepEqual(at('networkSecurityGroups[].securityRules[].access').enum, ['Allow', 'Deny']);
	t.deepEqual(at('networkSecurityGroups[].securityRules[].protocol').enum, ['Tcp', 'Udp', 'Icmp', '*']);
	t.deepEqual(at('virtualNetworkGateways[].gatewayType').enum, ['Vpn', 'ExpressRoute']);
	t.deepEqual(at('virtualNetworks[].subnets[].privateEndpointNetworkPolicies').enum, ['Disabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled', 'Enabled']);
	t.deepEqual(at('privateEndpoints[].connection.status').enum, ['Approved', 'Pending', 'Rejected', 'Disconnected']);
	t.deepEqual(at('privateDnsZones[].virtualNetworkLinks[].resolutionPolicy').enum, ['Default', 'NxDomainRedirect']);
	t.deepEqual(at('resources[].type').enum, ['Microsoft.Storage/storageAccounts', 'Microsoft.Sql/servers', 'Microsoft.KeyVault/vaults']);
	t.deepEqual(at('loadBalancers[].sku').enum, ['Standard', 'Basic']);
	t.deepEqual(at('loadBalancers[].rules[].protocol').enum, ['Tcp', 'Udp', 'All']);
});

test('defaults of design section 2', (t) => {
	const defaults: Array<[string, unknown]> = [
		['virtualNetworks[].subscription', 'default'],
		['virtualNetworks[].dnsServers', []],
		['virtualNetworks[].subnets[].serviceEndpoints', []],
		['virtualNetworks[].subnets[].privateEndpointNetworkPolicies', 'Disabled'],
		['virtualNetworks[].subnets[].privateLinkServiceNetworkPolicies', 'Enabled'],
		['virtualNetworks[].subnets[].defaultOutboundAccess', false],
		['virtualNetworkPeerings[].allowVirtualNetworkAccess', true],
		['virtualNetworkPeerings[].allowForwardedTraffic', false],
		['virtualNetworkPeerings[].allowGatewayTransit', false],
		['virtualNetworkPeerings[].useRemoteGateways', false],
		['networkInterfaces[].enableIpForwarding', false],
		['networkInterfaces[].running', true],
		['localNetworks[].dnsServers', []],
		['localNetworks[].dnsForwarding', []],
		['localNetworks[].hosts', []],
		['routeTables[].disableBgpRoutePropagation', false],
		['resources[].subscription', 'default'],
		['resources[].publicNetworkAccess', 'Enabled'],
		['resources[].networkRuleSet', {defaultAction: 'Allow', virtualNetworkRules: [], ipRules: []}],
		['privateDnsZones[].virtualNetworkLinks[].resolutionPolicy', 'Default'],
		['dnsResolvers[].forwardingRulesets', []],
		['privateLinkServices[].visibility', []],
		['privateLinkServices[].autoApproval', []],
		['privateLinkServices[].enableProxyProtocol', false],
		['serviceTags', {}],
	];
	for (const [path, value] of defaults) t.deepEqual(at(path).default, value, path);
	const collections = Object.keys(topologySchema().properties as object).filter((key) => key !== '$schema' && key !== 'serviceTags');
	t.is(collections.length, 15);
	for (const key of collections) t.deepEqual(at(key).default, [], key);
});

test('ajv is not loaded until a topology is checked', (t) => {
	const script = [
		"import {createRequire} from 'node:module';",
		"const loader = await import('./source/lab/load-topology.ts');",
		'const require = createRequire(import.meta.url);',
		"const loaded = () => Object.keys(require.cache).some((key) => key.includes('/node_modules/ajv/'));",
		'const before = loaded();',
		"loader.loadTopologyText('virtualNetworks: []', 'x.yaml');",
		'console.log(JSON.stringify([before, loaded()]));',
	].join('\n');
	const run = spawnSync(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {encoding: 'utf8'});
	t.is(run.status, 0, run.stderr);
	t.deepEqual(JSON.parse(run.stdout), [false, true]);
});
