/**
 * One small form per edit op (design section 6): its fields, their kinds, where each value
 * goes in the edit record, and the few reshapings a record needs. Object fields offer the
 * current topology's objects; toggles start at the opposite of the current setting (the form
 * exists to change it). The engine (applyEdit) still has the last word on every edit. Pure.
 */
import {isIpv4Address} from '../engine/address.js';
import {ipProblem, prefixProblem} from '../engine/edits/args.js';
import {dnsNameProblem, staticIpProblem} from '../engine/edits/facts.js';
import {newNameProblem} from '../engine/edits/op.js';
import {looksLikeTag, serviceEndpointServices, tagProblem, userNextHopTypes} from '../engine/edits/vocabulary.js';
import {editOps, type EditOp} from '../engine/edits/types.js';
import type {DnsForwardingRule, Topology} from '../engine/topology.js';
import {ipExample, listItems, type FieldSpec, type FormSpec, type FormValues} from './edit-fields.js';
import {
	endpointTargets,
	frontendNames,
	groupIdsOf,
	linkedVnets,
	loadBalancerNames,
	localNetworkNames,
	natGatewayNames,
	nicNames,
	nsgNames,
	nsgRuleNames,
	peeringNames,
	privateEndpointNames,
	privateLinkServiceNames,
	recordNames,
	resourceNames,
	routeNames,
	routeTableNames,
	subnetIds,
	subnetOf,
	subnetsWithRouteTable,
	vnetNames,
	vnetRules,
	zoneIds,
} from './edit-options.js';

type Options = (topology: Topology, values: FormValues) => readonly string[];

function ref(key: string, label: string, options: Options, extra: Partial<FieldSpec> = {}): FieldSpec {
	return {key, label, kind: 'object-ref', options, ...extra};
}

function choice(key: string, label: string, values: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec {
	return {key, label, kind: 'choice', options: () => values, ...extra};
}

function text(key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec {
	return {key, label, kind: 'text', ...extra};
}

function flag(key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec {
	return {key, label, kind: 'boolean', ...extra};
}

/** A name not yet taken among `existing`. */
function unique(what: string, existing: (topology: Topology, values: FormValues) => readonly string[]) {
	return (value: string, topology: Topology, values: FormValues) => (existing(topology, values).includes(value) ? `${what} '${value}' exists already: pick another name` : undefined);
}

/** A name for a new object: Azure's naming rule (as the engine checks it), then not yet taken among `existing`. */
function newName(what: string, existing: (topology: Topology, values: FormValues) => readonly string[]) {
	const taken = unique(`A ${what}`, existing);
	return (value: string, topology: Topology, values: FormValues) => newNameProblem(value, what) ?? taken(value, topology, values);
}

/** A free address of the subnet chosen in `subnetKey` (S-PE: inside it, not reserved, not in use), as the engine checks it. */
function freeIpIn(subnetKey: string) {
	return (value: string, topology: Topology, values: FormValues) => (isIpv4Address(value) ? staticIpProblem(topology, values[subnetKey] ?? '', value) : undefined);
}

/** A DNS name (`@` too, for a record at the zone's apex). */
function dnsName(allowApex: boolean) {
	return (value: string) => (allowApex && value === '@' ? undefined : dnsNameProblem(value));
}

const opposite = (value: boolean) => String(!value);
const none = '(none)';
const unchanged = '(default)';

/** S-NSG, as the engine checks it: '*', an IP, a CIDR prefix that is a network address, or a known tag. */
function nsgPrefixProblem(value: string, topology: Topology): string | undefined {
	if (value === '*') return undefined;
	if (looksLikeTag(value)) return tagProblem(value, topology, true);
	if (/^[A-Za-z]/.test(value)) return `'${value}' is not *, an IP, a CIDR prefix or a service tag`;
	return value.includes('/') ? prefixProblem(value) : ipProblem(value);
}

function portProblem(value: string): string | undefined {
	if (value === '*') return undefined;
	const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
	if (!match || Number(match[1]) > 65535 || Number(match[2] ?? 0) > 65535) return `'${value}' is not *, a port or a range like 8000-8080`;
	if (match[2] !== undefined && Number(match[1]) > Number(match[2])) return `'${value}' runs backwards: give the low port first, like ${match[2]}-${match[1]}`;
	return undefined;
}

const prefixHint = '*, an IP, a CIDR prefix, or a tag such as VirtualNetwork, Internet, Storage';
const portHint = '*, a port such as 443, or a range such as 8000-8080';

/** Forwarding rules as typed: `domain=ip, ip; domain=ip`. */
function parseRules(value: string): DnsForwardingRule[] {
	return value
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => {
			const [domain = '', targets = ''] = part.split('=');
			return {domain: domain.trim(), targets: listItems(targets)};
		});
}

function rulesProblem(value: string): string | undefined {
	for (const part of value.split(';').map((p) => p.trim()).filter(Boolean)) {
		if (!part.includes('=')) return `'${part}' is not domain=ip (such as contoso.com=192.168.1.10)`;
		const rule = parseRules(part)[0]!;
		if (rule.domain === '' || /\s/.test(rule.domain)) return `'${part}' has no domain before =`;
		const domainProblem = dnsNameProblem(rule.domain);
		if (domainProblem) return domainProblem;
		const bad = rule.targets.find((ip) => !isIpv4Address(ip));
		if (rule.targets.length === 0) return `'${rule.domain}' has no target IP after =`;
		if (bad) return `'${bad}' is not an IPv4 address (${ipExample})`;
	}

	return undefined;
}

const formatRules = (rules: readonly DnsForwardingRule[]) => rules.map((rule) => `${rule.domain}=${rule.targets.join(', ')}`).join('; ');

const peeringOf = (topology: Topology, name: string | undefined) => topology.virtualNetworkPeerings.find((p) => p.name === name);
const newPeering = '(new peering)';
const peeringFlags = ['allowVirtualNetworkAccess', 'allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'] as const;
const peeringDefaults = {allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false};

function peeringFlag(key: (typeof peeringFlags)[number], label: string): FieldSpec {
	return flag(key, label, {dependsOn: 'name', initial: (t, v) => String((peeringOf(t, v['name']) ?? peeringDefaults)[key])});
}

const subnetPolicies = ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'];

/** Every op's form, in the order of design section 6. */
export const editForms: {readonly [Op in EditOp]: FormSpec} = {
	'add-route': {
		op: 'add-route',
		summary: 'Add a user-defined route to a route table',
		fields: [
			ref('routeTable', 'Route table', routeTableNames),
			text('route.name', 'Route name', {check: newName('route', (t, v) => routeNames(t, v['routeTable'])), placeholder: 'e.g. default-via-fw'}),
			{key: 'route.addressPrefix', label: 'Address prefix', kind: 'prefix', placeholder: 'e.g. 10.0.1.0/24, or a service tag'},
			choice('route.nextHopType', 'Next hop type', userNextHopTypes),
			{key: 'route.nextHopIpAddress', label: 'Next hop IP', kind: 'ip', when: (v) => v['route.nextHopType'] === 'VirtualAppliance', placeholder: "the appliance's IP, e.g. 10.0.2.4"},
		],
	},
	'remove-route': {
		op: 'remove-route',
		summary: 'Remove a route from a route table',
		fields: [ref('routeTable', 'Route table', routeTableNames), ref('name', 'Route', (t, v) => routeNames(t, v['routeTable']), {dependsOn: 'routeTable'})],
	},
	'create-route-table': {
		op: 'create-route-table',
		summary: 'Create an empty route table',
		fields: [
			text('name', 'Name', {check: newName('route table', routeTableNames), placeholder: 'e.g. rt-app'}),
			flag('disableBgpRoutePropagation', 'Disable route propagation', {initial: () => 'false', omitWhen: 'false'}),
		],
	},
	'associate-route-table': {
		op: 'associate-route-table',
		summary: 'Associate a route table with a subnet',
		fields: [ref('subnet', 'Subnet', subnetIds), ref('routeTable', 'Route table', routeTableNames)],
	},
	'dissociate-route-table': {
		op: 'dissociate-route-table',
		summary: "Remove a subnet's route table",
		fields: [ref('subnet', 'Subnet', subnetsWithRouteTable)],
	},
	'set-route-propagation': {
		op: 'set-route-propagation',
		summary: 'Turn gateway route propagation on or off',
		fields: [
			ref('routeTable', 'Route table', routeTableNames),
			flag('enabled', 'Propagate gateway routes', {dependsOn: 'routeTable', initial: (t, v) => String(t.routeTables.find((r) => r.name === v['routeTable'])?.disableBgpRoutePropagation ?? false)}),
		],
	},
	'set-service-endpoints': {
		op: 'set-service-endpoints',
		summary: "Set a subnet's service endpoints",
		fields: [
			ref('subnet', 'Subnet', subnetIds),
			{
				key: 'services',
				label: 'Services',
				kind: 'list',
				item: 'text',
				dependsOn: 'subnet',
				initial: (t, v) => (subnetOf(t, v['subnet'])?.serviceEndpoints ?? []).join(', '),
				placeholder: 'e.g. Microsoft.Storage (empty: none)',
				hint: 'comma-separated, such as Microsoft.Storage, Microsoft.Sql; empty removes them all',
				check: (value) => {
					const known: readonly string[] = serviceEndpointServices;
					const bad = listItems(value).find((item) => !known.includes(item));
					return bad ? `'${bad}' is not a service endpoint (such as ${known.slice(0, 3).join(', ')})` : undefined;
				},
			},
		],
	},
	'add-vnet-rule': {
		op: 'add-vnet-rule',
		summary: "Let a subnet through a resource's firewall",
		fields: [ref('resource', 'Resource', resourceNames), ref('subnet', 'Subnet', subnetIds)],
	},
	'remove-vnet-rule': {
		op: 'remove-vnet-rule',
		summary: "Remove a subnet from a resource's firewall",
		fields: [ref('resource', 'Resource', resourceNames), ref('subnet', 'Subnet', (t, v) => vnetRules(t, v['resource']), {dependsOn: 'resource'})],
	},
	'set-default-action': {
		op: 'set-default-action',
		summary: "Set a resource firewall's default action",
		fields: [
			ref('resource', 'Resource', resourceNames),
			choice('action', 'Default action', ['Allow', 'Deny'], {
				dependsOn: 'resource',
				initial: (t, v) => (t.resources.find((r) => r.name === v['resource'])?.networkRuleSet.defaultAction === 'Deny' ? 'Allow' : 'Deny'),
			}),
		],
	},
	'set-public-network-access': {
		op: 'set-public-network-access',
		summary: "Enable or disable a resource's public endpoint",
		fields: [
			ref('resource', 'Resource', resourceNames),
			choice('access', 'Public network access', ['Enabled', 'Disabled'], {
				dependsOn: 'resource',
				initial: (t, v) => (t.resources.find((r) => r.name === v['resource'])?.publicNetworkAccess === 'Disabled' ? 'Enabled' : 'Disabled'),
			}),
		],
	},
	'create-private-endpoint': {
		op: 'create-private-endpoint',
		summary: 'Create a private endpoint to a service',
		fields: [
			text('name', 'Name', {check: newName('private endpoint', privateEndpointNames), placeholder: 'e.g. pe-stcontoso-blob'}),
			ref('subnet', 'Subnet', subnetIds),
			{key: 'privateIpAddress', label: 'Private IP', kind: 'ip', placeholder: 'a free address in the subnet (required)', check: freeIpIn('subnet')},
			ref('target', 'Target', endpointTargets),
			choice('groupId', 'Sub-resource', [], {options: (t, v) => groupIdsOf(t, v['target']), dependsOn: 'target', omitWhen: none}),
			choice('status', 'Connection status', [unchanged, 'Approved', 'Pending', 'Rejected', 'Disconnected'], {omitWhen: unchanged}),
		],
	},
	'delete-private-endpoint': {
		op: 'delete-private-endpoint',
		summary: 'Delete a private endpoint',
		fields: [ref('name', 'Private endpoint', privateEndpointNames)],
	},
	'set-connection-status': {
		op: 'set-connection-status',
		summary: "Approve, reject or remove a connection",
		fields: [ref('privateEndpoint', 'Private endpoint', privateEndpointNames), choice('status', 'Status', ['Approved', 'Rejected', 'Disconnected'])],
	},
	'create-private-dns-zone': {
		op: 'create-private-dns-zone',
		summary: 'Create a private DNS zone',
		fields: [
			text('name', 'Zone name', {
				placeholder: 'e.g. privatelink.blob.core.windows.net',
				check: (value, t, v) =>
					dnsNameProblem(value) ??
					(value.includes('.') ? undefined : `'${value}' has a single label: a zone name has at least two (contoso.com)`) ??
					(t.privateDnsZones.some((zone) => zone.name === value) && (v['id'] ?? '').trim() === '' ? `a zone '${value}' exists already: give the new one an id` : undefined),
			}),
			text('id', 'Id', {optional: true, placeholder: 'the name (give one for a second zone of that name)', check: unique('A zone id', zoneIds)}),
		],
	},
	'add-dns-record': {
		op: 'add-dns-record',
		summary: 'Add a record to a private DNS zone',
		fields: [
			ref('zone', 'Zone', zoneIds),
			text('record.name', 'Record name', {placeholder: 'e.g. stcontoso (@ for the apex)', check: dnsName(true)}),
			choice('record.type', 'Type', ['A', 'CNAME']),
			text('record.value', 'Value', {
				placeholder: 'an IP (A) or a name (CNAME)',
				check: (value, _t, v) => (v['record.type'] === 'A' ? (isIpv4Address(value) ? undefined : `'${value}' is not an IPv4 address (${ipExample})`) : dnsNameProblem(value)),
			}),
		],
	},
	'remove-dns-record': {
		op: 'remove-dns-record',
		summary: 'Remove records from a private DNS zone',
		fields: [
			ref('zone', 'Zone', zoneIds),
			ref('name', 'Record', (t, v) => recordNames(t, v['zone']), {dependsOn: 'zone'}),
			choice('type', 'Type', ['(all)', 'A', 'CNAME'], {omitWhen: '(all)'}),
		],
	},
	'link-dns-zone': {
		op: 'link-dns-zone',
		summary: 'Link a private DNS zone to a virtual network',
		fields: [
			ref('zone', 'Zone', zoneIds),
			ref('vnet', 'Virtual network', vnetNames),
			text('name', 'Link name', {optional: true, placeholder: 'default: link-<vnet>', check: (value) => newNameProblem(value, 'virtual network link')}),
			choice('resolutionPolicy', 'Resolution policy', ['Default', 'NxDomainRedirect'], {omitWhen: 'Default'}),
		],
	},
	'unlink-dns-zone': {
		op: 'unlink-dns-zone',
		summary: 'Unlink a private DNS zone from a VNet',
		fields: [ref('zone', 'Zone', zoneIds), ref('vnet', 'Virtual network', (t, v) => linkedVnets(t, v['zone']), {dependsOn: 'zone'})],
	},
	'create-private-link-service': {
		op: 'create-private-link-service',
		summary: 'Create a Private Link service (Standard LB)',
		fields: [
			text('name', 'Name', {check: newName('private link service', privateLinkServiceNames), placeholder: 'e.g. pls-app'}),
			ref('loadBalancer', 'Load balancer', loadBalancerNames),
			ref('frontend', 'Frontend', (t, v) => frontendNames(t, v['loadBalancer']), {dependsOn: 'loadBalancer'}),
			ref('natIpConfigurations.subnet', 'NAT subnet', subnetIds),
			{key: 'natIpConfigurations.privateIpAddress', label: 'NAT IP', kind: 'ip', placeholder: 'a free address in the NAT subnet', check: freeIpIn('natIpConfigurations.subnet')},
			{key: 'visibility', label: 'Visible to', kind: 'list', item: 'text', optional: true, placeholder: 'subscriptions (empty: only yours)'},
			{key: 'autoApproval', label: 'Auto-approve', kind: 'list', item: 'text', optional: true, placeholder: 'subscriptions (empty: none)'},
		],
		finish: (record) => {
			const {natIpConfigurations, ...rest} = record;
			return {...rest, natIpConfigurations: [natIpConfigurations]};
		},
	},
	'set-ip-forwarding': {
		op: 'set-ip-forwarding',
		summary: 'Turn IP forwarding on or off for a NIC',
		fields: [
			ref('nic', 'Network interface', nicNames),
			flag('enabled', 'IP forwarding', {dependsOn: 'nic', initial: (t, v) => opposite(t.networkInterfaces.find((n) => n.name === v['nic'])?.enableIpForwarding ?? false)}),
		],
	},
	'add-nsg-rule': {
		op: 'add-nsg-rule',
		summary: 'Add a security rule to an NSG',
		fields: [
			ref('nsg', 'NSG', nsgNames),
			text('rule.name', 'Rule name', {check: newName('security rule', (t, v) => nsgRuleNames(t, v['nsg'])), placeholder: 'e.g. allow-app-out'}),
			{
				key: 'rule.priority',
				label: 'Priority',
				kind: 'integer',
				placeholder: '100-4096 (lower wins)',
				check: (value, t, v) => {
					const priority = Number(value);
					if (priority < 100 || priority > 4096) return `${value} is outside 100-4096`;
					const taken = t.networkSecurityGroups.find((n) => n.name === v['nsg'])?.securityRules.find((r) => r.priority === priority && r.direction === v['rule.direction']);
					return taken ? `${v['nsg']} has ${taken.name} at priority ${value} ${v['rule.direction']?.toLowerCase()}` : undefined;
				},
			},
			choice('rule.direction', 'Direction', ['Inbound', 'Outbound']),
			choice('rule.access', 'Access', ['Allow', 'Deny']),
			choice('rule.protocol', 'Protocol', ['*', 'Tcp', 'Udp', 'Icmp']),
			text('rule.sourceAddressPrefix', 'Source', {initial: () => '*', check: nsgPrefixProblem, hint: prefixHint}),
			text('rule.sourcePortRange', 'Source ports', {initial: () => '*', check: portProblem, hint: portHint}),
			text('rule.destinationAddressPrefix', 'Destination', {initial: () => '*', check: nsgPrefixProblem, hint: prefixHint}),
			text('rule.destinationPortRange', 'Destination ports', {initial: () => '*', check: portProblem, hint: portHint}),
		],
	},
	'remove-nsg-rule': {
		op: 'remove-nsg-rule',
		summary: 'Remove a security rule from an NSG',
		fields: [ref('nsg', 'NSG', nsgNames), ref('name', 'Rule', (t, v) => nsgRuleNames(t, v['nsg']), {dependsOn: 'nsg'})],
	},
	'set-peering': {
		op: 'set-peering',
		summary: "Change a peering link's flags (or create one)",
		fields: [
			ref('name', 'Peering link', (t) => [...peeringNames(t), newPeering]),
			text('newName', 'New link name', {when: (v) => v['name'] === newPeering, check: newName('peering', peeringNames)}),
			ref('from', 'From VNet', vnetNames, {when: (v) => v['name'] === newPeering}),
			ref('to', 'To VNet', vnetNames, {when: (v) => v['name'] === newPeering}),
			peeringFlag('allowVirtualNetworkAccess', 'Allow virtual network access'),
			peeringFlag('allowForwardedTraffic', 'Allow forwarded traffic'),
			peeringFlag('allowGatewayTransit', 'Allow gateway transit'),
			peeringFlag('useRemoteGateways', 'Use remote gateways'),
		],
		finish: (record, _values, topology) => {
			const isNew = record['name'] === newPeering;
			const current = isNew ? peeringDefaults : (peeringOf(topology, String(record['name'])) ?? peeringDefaults);
			const edit: Record<string, unknown> = {op: 'set-peering', name: isNew ? record['newName'] : record['name']};
			if (isNew) Object.assign(edit, {from: record['from'], to: record['to']});
			for (const key of peeringFlags) if (record[key] !== current[key]) edit[key] = record[key];
			return Object.keys(edit).length > 2 || isNew ? edit : 'nothing changes: flip at least one flag';
		},
	},
	'set-subnet-policies': {
		op: 'set-subnet-policies',
		summary: "Set a subnet's private endpoint/PLS policies",
		fields: [
			ref('subnet', 'Subnet', subnetIds),
			choice('privateEndpointNetworkPolicies', 'Private endpoint policies', subnetPolicies, {dependsOn: 'subnet', initial: (t, v) => subnetOf(t, v['subnet'])?.privateEndpointNetworkPolicies ?? 'Disabled'}),
			choice('privateLinkServiceNetworkPolicies', 'Private Link service policies', ['Enabled', 'Disabled'], {
				dependsOn: 'subnet',
				initial: (t, v) => subnetOf(t, v['subnet'])?.privateLinkServiceNetworkPolicies ?? 'Enabled',
			}),
		],
		finish: (record, _values, topology) => {
			const subnet = subnetOf(topology, String(record['subnet']));
			const edit: Record<string, unknown> = {op: 'set-subnet-policies', subnet: record['subnet']};
			if (record['privateEndpointNetworkPolicies'] !== subnet?.privateEndpointNetworkPolicies) edit['privateEndpointNetworkPolicies'] = record['privateEndpointNetworkPolicies'];
			if (record['privateLinkServiceNetworkPolicies'] !== subnet?.privateLinkServiceNetworkPolicies) edit['privateLinkServiceNetworkPolicies'] = record['privateLinkServiceNetworkPolicies'];
			return Object.keys(edit).length > 2 ? edit : 'nothing changes: choose a different policy';
		},
	},
	'set-dns-servers': {
		op: 'set-dns-servers',
		summary: "Set a virtual network's DNS servers",
		fields: [
			ref('vnet', 'Virtual network', vnetNames),
			{
				key: 'servers',
				label: 'DNS servers',
				kind: 'list',
				item: 'ip',
				dependsOn: 'vnet',
				initial: (t, v) => (t.virtualNetworks.find((n) => n.name === v['vnet'])?.dnsServers ?? []).join(', '),
				placeholder: 'IPs (empty: Azure-provided DNS)',
				hint: 'comma-separated IPs; empty is Azure-provided DNS',
			},
		],
	},
	'set-subnet-nat-gateway': {
		op: 'set-subnet-nat-gateway',
		summary: "Attach or remove a subnet's NAT gateway",
		fields: [
			ref('subnet', 'Subnet', subnetIds),
			ref('natGateway', 'NAT gateway', (t) => [...natGatewayNames(t), none], {
				dependsOn: 'subnet',
				initial: (t, v) => (subnetOf(t, v['subnet'])?.natGateway ? none : (natGatewayNames(t)[0] ?? none)),
				toValue: (value) => (value === none ? null : value),
			}),
		],
	},
	'set-dns-forwarding': {
		op: 'set-dns-forwarding',
		summary: "Set an on-premises site's DNS forwarders",
		fields: [
			ref('localNetwork', 'On-premises site', localNetworkNames),
			text('rules', 'Forwarders', {
				freeText: true,
				dependsOn: 'localNetwork',
				emptyValue: [],
				initial: (t, v) => formatRules(t.localNetworks.find((n) => n.name === v['localNetwork'])?.dnsForwarding ?? []),
				placeholder: 'domain=ip, ip; domain=ip (empty: none)',
				hint: 'such as contoso.com=192.168.1.10; empty removes them all',
				check: rulesProblem,
				toValue: parseRules,
			}),
		],
	},
};

/** The ops a lab's edit menu offers: its allowed ones in its order, or every op in the sandbox. */
export function menuOps(allowedEdits: readonly string[] | undefined): EditOp[] {
	if (allowedEdits === undefined) return [...editOps];
	return allowedEdits.filter((op): op is EditOp => (editOps as readonly string[]).includes(op));
}
