/**
 * Semantic checks on a topology, beyond its JSON Schema: what Azure itself would reject
 * (errors), and what it accepts but leaves the network broken (warnings). Pure: no I/O.
 * Every problem carries the field path it concerns and a message saying what is wrong and
 * what would fix it. Each check names its rule: a doc key from shared/azure-semantics.md,
 * or "ARM" for a validation Azure Resource Manager performs that the reference does not cover.
 * Robust to bad text: an unparsable address is reported once and then ignored by later checks.
 */
import {
	cidrProblem,
	describePrefixProblem,
	intToIp,
	ipToInt,
	isIpv4Address,
	tryParsePrefix,
	prefixContains,
	prefixCovers,
	prefixesOverlap,
	type Prefix,
} from './address.js';
import {limits, serviceEndpointFor, tagProblem, userNextHopTypes} from './edits/vocabulary.js';
import {azureDnsIp} from './dns/servers.js';
import {azureRegions} from './regions.js';
import type {
	LoadBalancer,
	NetworkInterface,
	PrivateLinkService,
	Resource,
	ResourceType,
	RouteTable,
	Subnet,
	Topology,
	VirtualNetwork,
	VirtualNetworkGateway,
	VirtualNetworkPeering,
} from './topology.js';

export type TopologyProblem = {
	/** Field path into the topology, e.g. ['virtualNetworks', 0, 'subnets', 1, 'addressPrefix']. */
	path: Array<string | number>;
	message: string;
	/** A warning is something Azure accepts but that leaves the network broken. */
	severity: 'error' | 'warning';
};

type Path = Array<string | number>;

/** Sub-resources (group IDs) a private endpoint may target, per resource type (S-PE §6.1). '' is a Private Link service. */
export const privateLinkGroupIds: Readonly<Record<ResourceType, readonly string[]>> = {
	'Microsoft.Storage/storageAccounts': ['blob', 'blob_secondary', 'file', 'queue', 'table', 'web', 'dfs'],
	'Microsoft.Sql/servers': ['sqlServer'],
	'Microsoft.KeyVault/vaults': ['vault'],
};

const servicetagPattern = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;
const subnetRefPattern = /^([^/\s]+)\/([^/\s]+)$/;
const portPattern = /^(?:0|[1-9]\d{0,4})$/;
const hostNamePattern = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;

/** Why a ruleset rule cannot target Azure DNS. */
const azureDnsTargetMessage =
	`${azureDnsIp} is Azure-provided DNS, which Azure refuses as a forwarding rule's destination ("Exception while making add request for rule"): `
	+ 'forward to a DNS server, such as an on-premises server or a DNS VM, or remove the rule to leave the domain to Azure DNS';

/** Smallest subnet Azure allows (ARM): /29. */
const longestSubnetPrefix = 29;

// ---------------------------------------------------------------------------------------------
// Name suggestions

function editDistance(a: string, b: string): number {
	const row = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}

	return row[b.length]!;
}

/** The candidate a misspelt word most likely meant (case-insensitive, a few edits away), if any. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
	const lower = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
	for (const candidate of candidates) {
		if (candidate === word) continue;
		const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
		if (distance <= bestDistance && (best === undefined || distance < editDistance(lower, best.toLowerCase()))) {
			best = candidate;
			bestDistance = distance;
		}
	}

	return best;
}

function didYouMean(word: string, candidates: Iterable<string>): string {
	const best = closestName(word, [...candidates]);
	return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

// ---------------------------------------------------------------------------------------------
// Index: objects by name (first occurrence wins) and parsed prefixes

type SubnetEntry = {id: string; vnet: VirtualNetwork; subnet: Subnet; path: Path; prefix: Prefix | undefined};

type Context = {
	t: Topology;
	problems: TopologyProblem[];
	vnets: Map<string, {vnet: VirtualNetwork; path: Path; space: Prefix[]}>;
	subnets: Map<string, SubnetEntry>;
	nics: Map<string, NetworkInterface>;
	routeTables: Map<string, RouteTable>;
	loadBalancers: Map<string, LoadBalancer>;
	resources: Map<string, Resource>;
	privateLinkServices: Map<string, PrivateLinkService>;
	/** Private Link services by alias. */
	aliases: Map<string, PrivateLinkService>;
	gatewaysByVnet: Map<string, VirtualNetworkGateway[]>;
	names: (kind: keyof Topology) => Set<string>;
};

/** A valid CIDR parsed, or undefined (the address-text check reports bad text). */
function prefixOf(text: unknown): Prefix | undefined {
	return tryParsePrefix(text);
}

function list<T>(value: T[] | undefined): T[] {
	return Array.isArray(value) ? value : [];
}

function firstByName<T extends {name: string}>(items: readonly T[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
	return map;
}

function buildContext(t: Topology): Context {
	const vnets: Context['vnets'] = new Map();
	const subnets = new Map<string, SubnetEntry>();
	t.virtualNetworks.forEach((vnet, v) => {
		if (vnets.has(vnet.name)) return;
		const space = list(vnet.addressSpace).map(prefixOf).filter((p): p is Prefix => p !== undefined);
		vnets.set(vnet.name, {vnet, path: ['virtualNetworks', v], space});
		list(vnet.subnets).forEach((subnet, s) => {
			const id = `${vnet.name}/${subnet.name}`;
			if (!subnets.has(id)) {
				subnets.set(id, {id, vnet, subnet, path: ['virtualNetworks', v, 'subnets', s], prefix: prefixOf(subnet.addressPrefix)});
			}
		});
	});

	const gatewaysByVnet = new Map<string, VirtualNetworkGateway[]>();
	for (const gateway of t.virtualNetworkGateways) {
		gatewaysByVnet.set(gateway.vnet, [...(gatewaysByVnet.get(gateway.vnet) ?? []), gateway]);
	}

	const aliases = new Map<string, PrivateLinkService>();
	for (const service of t.privateLinkServices) if (service.alias && !aliases.has(service.alias)) aliases.set(service.alias, service);

	return {
		t,
		problems: [],
		vnets,
		subnets,
		nics: firstByName(t.networkInterfaces),
		routeTables: firstByName(t.routeTables),
		loadBalancers: firstByName(t.loadBalancers),
		resources: firstByName(t.resources),
		privateLinkServices: firstByName(t.privateLinkServices),
		aliases,
		gatewaysByVnet,
		names: (kind) => new Set(list(t[kind] as Array<{name: string}>).map((item) => item.name)),
	};
}

function error(c: Context, path: Path, message: string): void {
	c.problems.push({path, message, severity: 'error'});
}

function warning(c: Context, path: Path, message: string): void {
	c.problems.push({path, message, severity: 'warning'});
}

function show(path: Path): string {
	let text = '';
	for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
	return text;
}

/** VNets linked to `name` by a peering link in either direction. */
function peersOf(c: Context, name: string): Set<string> {
	const peers = new Set<string>();
	for (const link of c.t.virtualNetworkPeerings) {
		if (link.from === name && link.to !== name) peers.add(link.to);
		if (link.to === name && link.from !== name) peers.add(link.from);
	}

	return peers;
}

function vnetOfSubnetRef(ref: unknown): string | undefined {
	return typeof ref === 'string' ? subnetRefPattern.exec(ref)?.[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Address text

function prefixMessage(text: string): string | undefined {
	const problem = cidrProblem(text);
	if (problem === undefined) return undefined;
	if (problem === 'bad-address') {
		return `${describePrefixProblem(text, problem)}: write four numbers 0-255 without leading zeros or short forms, e.g. 10.0.0.0/8`;
	}

	if (problem === 'bad-length') {
		const length = text.slice(text.indexOf('/') + 1);
		return /^\d+$/.test(length)
			? `'${text}' has prefix length /${length}, outside 0..32: use a length from /0 to /32`
			: `'${text}' has an invalid prefix length '${length}': write a whole number 0..32 after the '/'`;
	}

	return describePrefixProblem(text, problem);
}

function ipMessage(text: string): string {
	return text.includes('/')
		? `'${text}' is not an IPv4 address: write the address alone, without a prefix length`
		: `'${text}' is not an IPv4 address: write four numbers 0-255 without leading zeros or short forms, e.g. 10.0.1.4`;
}

// Rule (ARM): a prefix must be a.b.c.d/n in plain decimal with no host bits set; Azure rejects the rest.
function checkCidr(c: Context, path: Path, value: unknown): void {
	if (typeof value !== 'string') return;
	const message = prefixMessage(value);
	if (message) error(c, path, message);
}

// Rule (ARM): an IP address field takes a plain dotted-decimal IPv4 address.
function checkIp(c: Context, path: Path, value: unknown): void {
	if (typeof value === 'string' && !isIpv4Address(value)) error(c, path, ipMessage(value));
}

function looksNumeric(text: string): boolean {
	return /^[\d.]/.test(text) || text.includes('/');
}

// Rule S-UDR §4: a route's addressPrefix is a CIDR or a service tag name (Storage, Storage.WestEurope, AzureCloud).
function checkRoutePrefix(c: Context, path: Path, value: unknown): void {
	if (typeof value !== 'string') return;
	if (!looksNumeric(value) && servicetagPattern.test(value)) {
		// ARM refuses a route whose prefix is neither a CIDR nor a service tag it knows (and NSG-only tags such as VirtualNetwork).
		const problem = tagProblem(value, c.t, false);
		if (problem) error(c, path, problem);
		return;
	}

	if (!looksNumeric(value)) {
		error(c, path, `'${value}' is neither a CIDR prefix nor a service tag name: write e.g. 10.0.0.0/16 or Storage.WestEurope`);
		return;
	}

	checkCidr(c, path, value);
}

// Rule S-NSG §8: an NSG address prefix is '*', a CIDR, a single IP or a service tag (VirtualNetwork, Internet, ...).
function checkNsgPrefix(c: Context, path: Path, value: unknown): void {
	if (typeof value !== 'string' || value === '*') return;
	if (value.includes('/')) checkCidr(c, path, value);
	else if (looksNumeric(value)) checkIp(c, path, value);
	else if (!servicetagPattern.test(value)) {
		error(c, path, `'${value}' is not '*', a CIDR prefix, an IP address or a service tag (VirtualNetwork, Internet, AzureLoadBalancer, Storage, ...)`);
	} else {
		// ARM refuses a security rule naming a service tag it does not know (SecurityRuleInvalidAddressPrefix).
		const problem = tagProblem(value, c.t, true);
		if (problem) error(c, path, problem);
	}
}

// Rule S-NSG §8: a port range is '*', a port or 'low-high', with ports 0..65535.
function checkPortRange(c: Context, path: Path, value: unknown): void {
	if (typeof value !== 'string' || value === '*') return;
	const parts = value.split('-');
	const fix = "use '*', a port such as '443' or a range such as '1000-2000' (ports 0..65535)";
	if (parts.length > 2 || !parts.every((part) => portPattern.test(part))) {
		error(c, path, `'${value}' is not a port range: ${fix}`);
		return;
	}

	const [low, high = low] = parts.map(Number) as [number, number?];
	if (low > 65_535 || high > 65_535) error(c, path, `'${value}' has a port above 65535: ${fix}`);
	else if (low > high) error(c, path, `'${value}' runs backwards: write the lower port first ('${high}-${low}')`);
}

// Rule (ARM): storage IP rules take a public IP or a CIDR range.
function checkIpOrCidr(c: Context, path: Path, value: unknown): void {
	if (typeof value !== 'string') return;
	if (value.includes('/')) checkCidr(c, path, value);
	else checkIp(c, path, value);
}

const rfc1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * Rule S-STNS (IP network rule restrictions): a storage IP rule takes public Internet addresses
 * only, never the RFC 1918 private ranges, and no /31 or /32 range (list such addresses one by one).
 */
function checkStorageIpRule(c: Context, path: Path, value: unknown): void {
	if (typeof value !== 'string') return;
	const [address, length] = value.split('/');
	if (address === undefined || !isIpv4Address(address)) return;
	const privateRange = rfc1918.find((range) => {
		const prefix = tryParsePrefix(range)!;
		return prefixContains(prefix, ipToInt(address));
	});
	if (privateRange) {
		error(c, path, `'${value}' is a private address (inside ${privateRange}): storage IP rules take public Internet addresses only; admit a subnet with a virtual network rule and a service endpoint, or use a private endpoint`);
	} else if (length === '31' || length === '32') {
		error(c, path, `'${value}': storage IP rules do not take /31 or /32 ranges; list the address${length === '31' ? 'es' : ''} one by one without a length (e.g. ${address})`);
	}
}

function checkAddressText(c: Context): void {
	const t = c.t;
	t.virtualNetworks.forEach((vnet, v) => {
		list(vnet.addressSpace).forEach((text, i) => checkCidr(c, ['virtualNetworks', v, 'addressSpace', i], text));
		list(vnet.dnsServers).forEach((text, i) => checkIp(c, ['virtualNetworks', v, 'dnsServers', i], text));
		list(vnet.subnets).forEach((subnet, s) => checkCidr(c, ['virtualNetworks', v, 'subnets', s, 'addressPrefix'], subnet.addressPrefix));
	});
	t.networkInterfaces.forEach((nic, i) => {
		checkIp(c, ['networkInterfaces', i, 'privateIpAddress'], nic.privateIpAddress);
		checkIp(c, ['networkInterfaces', i, 'publicIpAddress'], nic.publicIpAddress);
	});
	t.natGateways.forEach((gateway, i) => checkIp(c, ['natGateways', i, 'publicIpAddress'], gateway.publicIpAddress));
	t.virtualNetworkGateways.forEach((gateway, i) => checkIp(c, ['virtualNetworkGateways', i, 'publicIpAddress'], gateway.publicIpAddress));
	t.localNetworks.forEach((site, i) => {
		const path = ['localNetworks', i];
		list(site.addressPrefixes).forEach((text, j) => checkCidr(c, [...path, 'addressPrefixes', j], text));
		list(site.dnsServers).forEach((text, j) => checkIp(c, [...path, 'dnsServers', j], text));
		checkIp(c, [...path, 'publicIpAddress'], site.publicIpAddress);
		list(site.dnsForwarding).forEach((rule, j) => {
			list(rule.targets).forEach((text, k) => checkIp(c, [...path, 'dnsForwarding', j, 'targets', k], text));
		});
		list(site.hosts).forEach((host, j) => checkIp(c, [...path, 'hosts', j, 'ipAddress'], host.ipAddress));
	});
	t.routeTables.forEach((table, i) => {
		list(table.routes).forEach((route, j) => {
			checkRoutePrefix(c, ['routeTables', i, 'routes', j, 'addressPrefix'], route.addressPrefix);
			checkIp(c, ['routeTables', i, 'routes', j, 'nextHopIpAddress'], route.nextHopIpAddress);
		});
	});
	t.networkSecurityGroups.forEach((nsg, i) => {
		list(nsg.securityRules).forEach((rule, j) => {
			const path = ['networkSecurityGroups', i, 'securityRules', j];
			checkNsgPrefix(c, [...path, 'sourceAddressPrefix'], rule.sourceAddressPrefix);
			checkNsgPrefix(c, [...path, 'destinationAddressPrefix'], rule.destinationAddressPrefix);
			checkPortRange(c, [...path, 'sourcePortRange'], rule.sourcePortRange);
			checkPortRange(c, [...path, 'destinationPortRange'], rule.destinationPortRange);
		});
	});
	t.resources.forEach((resource, i) => {
		checkIp(c, ['resources', i, 'publicIpAddress'], resource.publicIpAddress);
		list(resource.networkRuleSet?.ipRules).forEach((text, j) => {
			const path = ['resources', i, 'networkRuleSet', 'ipRules', j];
			checkIpOrCidr(c, path, text);
			if (resource.type === 'Microsoft.Storage/storageAccounts') checkStorageIpRule(c, path, text);
		});
	});
	t.privateEndpoints.forEach((endpoint, i) => checkIp(c, ['privateEndpoints', i, 'privateIpAddress'], endpoint.privateIpAddress));
	t.privateDnsZones.forEach((zone, i) => {
		list(zone.records).forEach((record, j) => {
			const path = ['privateDnsZones', i, 'records', j, 'value'];
			// Rule S-PEDNS §6.3: an A record holds an IPv4 address, a CNAME a host name.
			if (typeof record.value !== 'string') return;
			if (record.type === 'A') checkIp(c, path, record.value);
			else if (record.type === 'CNAME' && !hostNamePattern.test(record.value)) {
				error(c, path, `'${record.value}' is not a host name: a CNAME record points at a name such as stcontoso.blob.core.windows.net`);
			}
		});
	});
	t.dnsResolvers.forEach((resolver, i) => {
		checkIp(c, ['dnsResolvers', i, 'inboundEndpointIp'], resolver.inboundEndpointIp);
		list(resolver.forwardingRulesets).forEach((ruleset, j) => {
			list(ruleset.rules).forEach((rule, k) => {
				list(rule.targets).forEach((text, m) => {
					const path = ['dnsResolvers', i, 'forwardingRulesets', j, 'rules', k, 'targets', m];
					checkIp(c, path, text);
					// Docs (private-resolver-endpoints-rulesets, rule processing): a rule's destination cannot be Azure DNS, 168.63.129.16.
					if (text === azureDnsIp) error(c, path, azureDnsTargetMessage);
				});
			});
		});
	});
	t.loadBalancers.forEach((lb, i) => {
		list(lb.frontends).forEach((frontend, j) => checkIp(c, ['loadBalancers', i, 'frontends', j, 'privateIpAddress'], frontend.privateIpAddress));
	});
	t.privateLinkServices.forEach((service, i) => {
		list(service.natIpConfigurations).forEach((nat, j) => checkIp(c, ['privateLinkServices', i, 'natIpConfigurations', j, 'privateIpAddress'], nat.privateIpAddress));
	});
	t.internetHosts.forEach((host, i) => checkIp(c, ['internetHosts', i, 'ipAddress'], host.ipAddress));
	for (const [tag, prefixes] of Object.entries(t.serviceTags ?? {})) {
		// Rule S-TAGS §4: a tag name is letters and digits in dot-separated parts (Storage.WestEurope).
		if (!servicetagPattern.test(tag)) {
			error(c, ['serviceTags', tag], `'${tag}' is not a service tag name: use letters, digits and dots, e.g. Storage.WestEurope`);
		}

		list(prefixes).forEach((text, j) => checkCidr(c, ['serviceTags', tag, j], text));
	}
}

// ---------------------------------------------------------------------------------------------
// Names

const kindLabels: Partial<Record<keyof Topology, string>> = {
	virtualNetworks: 'virtual network',
	virtualNetworkPeerings: 'peering link',
	networkInterfaces: 'network interface',
	natGateways: 'NAT gateway',
	virtualNetworkGateways: 'virtual network gateway',
	localNetworks: 'local network',
	routeTables: 'route table',
	networkSecurityGroups: 'network security group',
	resources: 'resource',
	privateEndpoints: 'private endpoint',
	dnsResolvers: 'DNS resolver',
	loadBalancers: 'load balancer',
	privateLinkServices: 'Private Link service',
	internetHosts: 'Internet host',
};

// Rule (design §2; ARM): names are unique within their kind (and scope); a duplicate is an error at the later one.
function checkUnique(c: Context, items: ReadonlyArray<{path: Path; key: unknown}>, describe: (key: string, firstPath: Path) => string): void {
	const seen = new Map<string, Path>();
	for (const {path, key} of items) {
		if (typeof key !== 'string') continue;
		const first = seen.get(key);
		if (first) error(c, path, describe(key, first));
		else seen.set(key, path);
	}
}

function checkNames(c: Context): void {
	const t = c.t;
	for (const [kind, label] of Object.entries(kindLabels) as Array<[keyof Topology, string]>) {
		const items = list(t[kind] as Array<{name: string}>).map((item, i) => ({path: [kind, i, 'name'], key: item.name}));
		checkUnique(c, items, (name, first) => `another ${label} is already named '${name}' (${show(first.slice(0, -1))}): names must be unique among ${label}s; rename one`);
	}

	t.virtualNetworks.forEach((vnet, v) => {
		const items = list(vnet.subnets).map((subnet, s) => ({path: ['virtualNetworks', v, 'subnets', s, 'name'], key: subnet.name}));
		checkUnique(c, items, (name) => `virtual network ${vnet.name} already has a subnet named '${name}': rename one`);
	});
	t.routeTables.forEach((table, i) => {
		const items = list(table.routes).map((route, j) => ({path: ['routeTables', i, 'routes', j, 'name'], key: route.name}));
		checkUnique(c, items, (name) => `route table ${table.name} already has a route named '${name}': rename one`);
	});
	t.networkSecurityGroups.forEach((nsg, i) => {
		const items = list(nsg.securityRules).map((rule, j) => ({path: ['networkSecurityGroups', i, 'securityRules', j, 'name'], key: rule.name}));
		checkUnique(c, items, (name) => `security group ${nsg.name} already has a rule named '${name}': rename one`);
	});
	t.loadBalancers.forEach((lb, i) => {
		const items = list(lb.frontends).map((frontend, j) => ({path: ['loadBalancers', i, 'frontends', j, 'name'], key: frontend.name}));
		checkUnique(c, items, (name) => `load balancer ${lb.name} already has a frontend named '${name}': rename one`);
	});
	const hosts = t.localNetworks.flatMap((site, i) => list(site.hosts).map((host, j) => ({path: ['localNetworks', i, 'hosts', j, 'name'], key: host.name})));
	checkUnique(c, hosts, (name, first) => `another on-premises host is already named '${name}' (${show(first.slice(0, -1))}): rename one`);
	const rulesets = t.dnsResolvers.flatMap((resolver, i) =>
		list(resolver.forwardingRulesets).map((ruleset, j) => ({path: ['dnsResolvers', i, 'forwardingRulesets', j, 'name'], key: ruleset.name})));
	checkUnique(c, rulesets, (name, first) => `another forwarding ruleset is already named '${name}' (${show(first.slice(0, -1))}): rename one`);
	// Rule S-DNSLINK / design §2: zones are identified by id (default: the name); two zones may share a name, not an id.
	const zones = t.privateDnsZones.map((zone, i) => ({path: ['privateDnsZones', i, zone.id === undefined ? 'name' : 'id'], key: zone.id ?? zone.name}));
	checkUnique(c, zones, (id, first) =>
		`another private DNS zone already has id '${id}' (${show(first.slice(0, -1))}): give one of them a distinct id (two zones may share a name, not an id)`);
	t.privateDnsZones.forEach((zone, i) => {
		const items = list(zone.virtualNetworkLinks).map((link, j) => ({path: ['privateDnsZones', i, 'virtualNetworkLinks', j, 'name'], key: link.name}));
		checkUnique(c, items, (name) => `zone ${zone.name} already has a virtual network link named '${name}': rename one`);
	});
	// Rule S-PLS §7: an alias identifies one Private Link service.
	const aliases = t.privateLinkServices.map((service, i) => ({path: ['privateLinkServices', i, 'alias'], key: service.alias}));
	checkUnique(c, aliases, (alias, first) => `alias '${alias}' is already used by ${show(first.slice(0, -1))}: aliases are unique`);
}

// ---------------------------------------------------------------------------------------------
// References

/** Reports and returns undefined when `name` is not among `names`. */
function requireName(c: Context, path: Path, name: unknown, names: Set<string>, label: string, collection: string): boolean {
	if (typeof name !== 'string') return false;
	if (names.has(name)) return true;
	error(c, path, `no ${label} named '${name}'${didYouMean(name, names)}: add it to ${collection} or fix the name`);
	return false;
}

/** Resolves `vnet/subnet`, reporting a malformed or dangling reference. */
function requireSubnet(c: Context, path: Path, ref: unknown): SubnetEntry | undefined {
	if (typeof ref !== 'string') return undefined;
	const match = subnetRefPattern.exec(ref);
	if (!match) {
		error(c, path, `'${ref}' is not a subnet reference: write it as vnet/subnet (e.g. hub/app)`);
		return undefined;
	}

	const [, vnetName, subnetName] = match as unknown as [string, string, string];
	const vnet = c.vnets.get(vnetName);
	if (!vnet) {
		error(c, path, `no virtual network named '${vnetName}'${didYouMean(vnetName, c.vnets.keys())}: fix the name before the '/', or add the network`);
		return undefined;
	}

	const entry = c.subnets.get(ref);
	if (!entry) {
		const names = list(vnet.vnet.subnets).map((subnet) => subnet.name);
		const known = names.length > 0 ? `its subnets are ${names.join(', ')}` : 'it has no subnets';
		error(c, path, `virtual network ${vnetName} has no subnet '${subnetName}'${didYouMean(subnetName, names)}; ${known}`);
	}

	return entry;
}

function checkReferences(c: Context): void {
	const t = c.t;
	const vnetNames = new Set(c.vnets.keys());
	const routeTables = c.names('routeTables');
	const nsgs = c.names('networkSecurityGroups');
	const natGateways = c.names('natGateways');
	const gateways = c.names('virtualNetworkGateways');
	// Rule (ARM): every name a field refers to must exist.
	t.virtualNetworks.forEach((vnet, v) => {
		list(vnet.subnets).forEach((subnet, s) => {
			const path = ['virtualNetworks', v, 'subnets', s];
			if (subnet.routeTable !== undefined) requireName(c, [...path, 'routeTable'], subnet.routeTable, routeTables, 'route table', 'routeTables');
			if (subnet.networkSecurityGroup !== undefined) {
				requireName(c, [...path, 'networkSecurityGroup'], subnet.networkSecurityGroup, nsgs, 'network security group', 'networkSecurityGroups');
			}

			if (subnet.natGateway !== undefined) requireName(c, [...path, 'natGateway'], subnet.natGateway, natGateways, 'NAT gateway', 'natGateways');
		});
	});
	t.virtualNetworkPeerings.forEach((link, i) => {
		requireName(c, ['virtualNetworkPeerings', i, 'from'], link.from, vnetNames, 'virtual network', 'virtualNetworks');
		requireName(c, ['virtualNetworkPeerings', i, 'to'], link.to, vnetNames, 'virtual network', 'virtualNetworks');
	});
	t.networkInterfaces.forEach((nic, i) => {
		requireSubnet(c, ['networkInterfaces', i, 'subnet'], nic.subnet);
		if (nic.networkSecurityGroup !== undefined) {
			requireName(c, ['networkInterfaces', i, 'networkSecurityGroup'], nic.networkSecurityGroup, nsgs, 'network security group', 'networkSecurityGroups');
		}
	});
	t.virtualNetworkGateways.forEach((gateway, i) => {
		const path = ['virtualNetworkGateways', i, 'vnet'];
		if (!requireName(c, path, gateway.vnet, vnetNames, 'virtual network', 'virtualNetworks')) return;
		// Rule S-UDR / S-GWT: a gateway lives in its VNet's subnet named GatewaySubnet.
		if (!c.subnets.has(`${gateway.vnet}/GatewaySubnet`)) {
			error(c, path, `virtual network ${gateway.vnet} has no subnet named GatewaySubnet: a gateway needs one (e.g. a /27 inside ${gateway.vnet}'s address space)`);
		}

		// Rule (S2S forced tunnelling): the default site is a VPN gateway's setting, naming one of its own local networks.
		if (gateway.defaultSite === undefined) return;
		const sitePath = ['virtualNetworkGateways', i, 'defaultSite'];
		const own = t.localNetworks.filter((site) => site.gateway === gateway.name).map((site) => site.name);
		if (gateway.gatewayType !== 'Vpn') error(c, sitePath, `${gateway.name} is an ExpressRoute gateway: a default site is a VPN gateway setting (over ExpressRoute, on-premises advertises 0.0.0.0/0 by BGP instead)`);
		else if (!own.includes(gateway.defaultSite)) {
			error(c, sitePath, `'${gateway.defaultSite}' is not a local network connected to ${gateway.name}${own.length > 0 ? ` (its sites: ${own.join(', ')})` : ' (it has none)'}`);
		}
	});
	t.localNetworks.forEach((site, i) => {
		requireName(c, ['localNetworks', i, 'gateway'], site.gateway, gateways, 'virtual network gateway', 'virtualNetworkGateways');
	});
	t.resources.forEach((resource, i) => {
		list(resource.networkRuleSet?.virtualNetworkRules).forEach((ref, j) => requireSubnet(c, ['resources', i, 'networkRuleSet', 'virtualNetworkRules', j], ref));
	});
	t.privateEndpoints.forEach((endpoint, i) => {
		requireSubnet(c, ['privateEndpoints', i, 'subnet'], endpoint.subnet);
		const target = endpoint.connection?.target;
		if (typeof target !== 'string') return;
		if (c.resources.has(target) || c.privateLinkServices.has(target) || c.aliases.has(target)) return;
		const candidates = [...c.resources.keys(), ...c.privateLinkServices.keys(), ...c.aliases.keys()];
		error(c, ['privateEndpoints', i, 'connection', 'target'],
			`no resource, Private Link service or alias named '${target}'${didYouMean(target, candidates)}: name a resources or privateLinkServices entry, or a service's alias`);
	});
	t.privateDnsZones.forEach((zone, i) => {
		list(zone.virtualNetworkLinks).forEach((link, j) => {
			requireName(c, ['privateDnsZones', i, 'virtualNetworkLinks', j, 'vnet'], link.vnet, vnetNames, 'virtual network', 'virtualNetworks');
		});
	});
	t.dnsResolvers.forEach((resolver, i) => {
		requireName(c, ['dnsResolvers', i, 'vnet'], resolver.vnet, vnetNames, 'virtual network', 'virtualNetworks');
		list(resolver.forwardingRulesets).forEach((ruleset, j) => {
			list(ruleset.vnetLinks).forEach((name, k) => {
				const path = ['dnsResolvers', i, 'forwardingRulesets', j, 'vnetLinks', k];
				requireName(c, path, name, vnetNames, 'virtual network', 'virtualNetworks');
				// Rule S-RESOLVER (rulesets): a ruleset links only to virtual networks in its own region, the resolver's.
				const home = c.vnets.get(resolver.vnet)?.vnet.region;
				const linked = typeof name === 'string' ? c.vnets.get(name)?.vnet.region : undefined;
				if (home && linked && home.toLowerCase() !== linked.toLowerCase()) {
					error(c, path, `${name} is in ${linked}, but ruleset ${ruleset.name} belongs to ${resolver.name} in ${home}: a forwarding ruleset links only to virtual networks in its own region`);
				}
			});
		});
	});
	const nicNames = new Set(c.nics.keys());
	t.loadBalancers.forEach((lb, i) => {
		const frontends = new Set(list(lb.frontends).map((frontend) => frontend.name));
		list(lb.frontends).forEach((frontend, j) => requireSubnet(c, ['loadBalancers', i, 'frontends', j, 'subnet'], frontend.subnet));
		list(lb.backends).forEach((name, j) => requireName(c, ['loadBalancers', i, 'backends', j], name, nicNames, 'network interface', 'networkInterfaces'));
		list(lb.rules).forEach((rule, j) => {
			if (typeof rule.frontend === 'string' && !frontends.has(rule.frontend)) {
				error(c, ['loadBalancers', i, 'rules', j, 'frontend'],
					`load balancer ${lb.name} has no frontend '${rule.frontend}'${didYouMean(rule.frontend, frontends)}; its frontends are ${[...frontends].join(', ') || 'none'}`);
			}
		});
	});
	const lbNames = new Set(c.loadBalancers.keys());
	t.privateLinkServices.forEach((service, i) => {
		requireName(c, ['privateLinkServices', i, 'loadBalancer'], service.loadBalancer, lbNames, 'load balancer', 'loadBalancers');
		list(service.natIpConfigurations).forEach((nat, j) => requireSubnet(c, ['privateLinkServices', i, 'natIpConfigurations', j, 'subnet'], nat.subnet));
	});
}

// ---------------------------------------------------------------------------------------------
// Address spaces and subnets

function checkAddressSpaces(c: Context): void {
	c.t.virtualNetworks.forEach((vnet, v) => {
		const space: Array<{prefix: Prefix; index: number}> = [];
		list(vnet.addressSpace).forEach((text, index) => {
			const prefix = prefixOf(text);
			if (!prefix) return;
			// Rule (ARM; S-PEER §9 for the peered case): the ranges of one VNet's address space must not overlap.
			const clash = space.find((other) => prefixesOverlap(other.prefix, prefix));
			if (clash) {
				error(c, ['virtualNetworks', v, 'addressSpace', index],
					`${prefix.text} overlaps ${clash.prefix.text}, also in ${vnet.name}'s address space: remove one or make them disjoint`);
			}

			space.push({prefix, index});
		});

		const subnets: Array<{prefix: Prefix; name: string}> = [];
		list(vnet.subnets).forEach((subnet, s) => {
			const prefix = prefixOf(subnet.addressPrefix);
			if (!prefix) return;
			const path = ['virtualNetworks', v, 'subnets', s, 'addressPrefix'];
			// Rule (ARM): a subnet lies inside its VNet's address space.
			if (space.length > 0 && !space.some((range) => prefixCovers(range.prefix, prefix))) {
				error(c, path, `subnet ${subnet.name} (${prefix.text}) is outside ${vnet.name}'s address space (${space.map((r) => r.prefix.text).join(', ')}): pick a range inside it or extend the address space`);
			}

			// Rule (ARM): the smallest subnet Azure allows is a /29.
			if (prefix.length > longestSubnetPrefix) {
				error(c, path, `subnet ${subnet.name} is a /${prefix.length}; Azure's smallest subnet is a /29 (five addresses are reserved in each): use /29 or shorter`);
			}

			// Rule (ARM): subnets of one VNet must not overlap.
			const clash = subnets.find((other) => prefixesOverlap(other.prefix, prefix));
			if (clash) {
				error(c, path, `subnet ${subnet.name} (${prefix.text}) overlaps subnet ${clash.name} (${clash.prefix.text}) in ${vnet.name}: give it a range of its own`);
			}

			subnets.push({prefix, name: subnet.name});
		});
	});

	// Rule S-PEER §9: peered VNets' address spaces must not overlap (checked once per pair, at the first link).
	const pairsSeen = new Set<string>();
	c.t.virtualNetworkPeerings.forEach((link, i) => {
		const a = c.vnets.get(link.from);
		const b = c.vnets.get(link.to);
		if (!a || !b || a === b) return;
		const pair = [link.from, link.to].sort().join('\u0000');
		if (pairsSeen.has(pair)) return;
		pairsSeen.add(pair);
		for (const left of a.space) {
			const right = b.space.find((prefix) => prefixesOverlap(left, prefix));
			if (right) {
				error(c, ['virtualNetworkPeerings', i, 'to'],
					`${link.from} (${left.text}) and ${link.to} (${right.text}) have overlapping address spaces and cannot be peered: renumber one of them`);
				return;
			}
		}
	});

	c.t.localNetworks.forEach((site, i) => {
		const prefixes = list(site.addressPrefixes).map(prefixOf).filter((p): p is Prefix => p !== undefined);
		if (prefixes.length === 0) return;
		list(site.hosts).forEach((host, j) => {
			if (typeof host.ipAddress !== 'string' || !isIpv4Address(host.ipAddress)) return;
			// Rule (model): an on-premises host sits inside its site's prefixes, or no route leads to it.
			if (!prefixes.some((prefix) => prefixContains(prefix, ipToInt(host.ipAddress)))) {
				error(c, ['localNetworks', i, 'hosts', j, 'ipAddress'],
					`host ${host.name} (${host.ipAddress}) is outside ${site.name}'s address prefixes (${prefixes.map((p) => p.text).join(', ')}): move it inside or add its range`);
			}
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Private IPs: inside their subnet, not reserved, not shared within a VNet

type IpClaim = {path: Path; ip: unknown; subnet: SubnetEntry | undefined; owner: string};

function ipClaims(c: Context): IpClaim[] {
	const t = c.t;
	const claims: IpClaim[] = [];
	const subnet = (ref: unknown) => (typeof ref === 'string' ? c.subnets.get(ref) : undefined);
	t.networkInterfaces.forEach((nic, i) => {
		claims.push({path: ['networkInterfaces', i, 'privateIpAddress'], ip: nic.privateIpAddress, subnet: subnet(nic.subnet), owner: `network interface ${nic.name}`});
	});
	t.privateEndpoints.forEach((endpoint, i) => {
		claims.push({path: ['privateEndpoints', i, 'privateIpAddress'], ip: endpoint.privateIpAddress, subnet: subnet(endpoint.subnet), owner: `private endpoint ${endpoint.name}`});
	});
	t.loadBalancers.forEach((lb, i) => {
		list(lb.frontends).forEach((frontend, j) => {
			claims.push({path: ['loadBalancers', i, 'frontends', j, 'privateIpAddress'], ip: frontend.privateIpAddress, subnet: subnet(frontend.subnet), owner: `load balancer ${lb.name} frontend ${frontend.name}`});
		});
	});
	t.privateLinkServices.forEach((service, i) => {
		list(service.natIpConfigurations).forEach((nat, j) => {
			claims.push({path: ['privateLinkServices', i, 'natIpConfigurations', j, 'privateIpAddress'], ip: nat.privateIpAddress, subnet: subnet(nat.subnet), owner: `Private Link service ${service.name} NAT IP`});
		});
	});
	t.dnsResolvers.forEach((resolver, i) => {
		const path = ['dnsResolvers', i, 'inboundEndpointIp'];
		const vnet = c.vnets.get(resolver.vnet);
		if (!vnet || typeof resolver.inboundEndpointIp !== 'string' || !isIpv4Address(resolver.inboundEndpointIp)) return;
		const ip = ipToInt(resolver.inboundEndpointIp);
		const containing = [...c.subnets.values()].find((entry) => entry.vnet === vnet.vnet && entry.prefix && prefixContains(entry.prefix, ip));
		// Rule S-RESOLVER §11: the inbound endpoint takes an IP in a subnet of the resolver's VNet.
		if (!containing) {
			error(c, path, `${resolver.inboundEndpointIp} is in no subnet of ${resolver.vnet}: the inbound endpoint needs an address inside one of its subnets`);
			return;
		}

		claims.push({path, ip: resolver.inboundEndpointIp, subnet: containing, owner: `DNS resolver ${resolver.name} inbound endpoint`});
	});
	return claims;
}

function checkPrivateIps(c: Context): void {
	const byVnet = new Map<string, Map<number, IpClaim>>();
	for (const claim of ipClaims(c)) {
		const {subnet} = claim;
		if (typeof claim.ip !== 'string' || !isIpv4Address(claim.ip) || !subnet?.prefix) continue;
		const ip = ipToInt(claim.ip);
		const prefix = subnet.prefix;
		const size = 2 ** (32 - prefix.length);
		const last = prefix.base + size - 1;
		if (!prefixContains(prefix, ip)) {
			// Rule (ARM; S-PE §6.1 for endpoints, S-PLS §7 for NAT IPs): a private IP comes from its own subnet's range.
			const usable = size > 5 ? ` (usable ${intToIp(prefix.base + 4)} to ${intToIp(last - 1)})` : '';
			error(c, claim.path, `${claim.ip} is outside subnet ${subnet.id} (${prefix.text}): pick an address inside it${usable}`);
			continue;
		}

		// Rule (ARM): Azure reserves the first four and the last address of every subnet.
		if (ip - prefix.base < 4 || ip === last) {
			error(c, claim.path,
				`${claim.ip} is reserved by Azure in ${subnet.id} (${prefix.text}): the first four addresses and the last one cannot be assigned; the first usable is ${intToIp(prefix.base + 4)}`);
			continue;
		}

		// Rule (ARM): one private IP has one owner within a VNet.
		let owners = byVnet.get(subnet.vnet.name);
		if (!owners) {
			owners = new Map();
			byVnet.set(subnet.vnet.name, owners);
		}

		const first = owners.get(ip);
		if (first) {
			error(c, claim.path, `${claim.ip} is already used by ${first.owner} (${show(first.path.slice(0, -1))}) in ${subnet.vnet.name}: pick a free address`);
		} else {
			owners.set(ip, claim);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Routes

/** VNets whose subnets use the route table, with the subnets' paths. */
function associations(c: Context, tableName: string): Array<{vnet: VirtualNetwork; subnet: Subnet; path: Path}> {
	const found: Array<{vnet: VirtualNetwork; subnet: Subnet; path: Path}> = [];
	for (const entry of c.subnets.values()) if (entry.subnet.routeTable === tableName) found.push({vnet: entry.vnet, subnet: entry.subnet, path: entry.path});
	return found;
}

/**
 * Why a VirtualNetworkGateway next hop cannot work for subnets of `vnetName`, or undefined. With no
 * gateway at all Azure still accepts the route (a route table stands alone) and traffic has nowhere
 * to go: a warning. ExpressRoute-only and VPN + ExpressRoute are refused (S-UDR §3): errors.
 */
function gatewayRouteProblem(c: Context, vnetName: string): {message: string; severity: 'error' | 'warning'} | undefined {
	const own = c.gatewaysByVnet.get(vnetName) ?? [];
	let gateways = own;
	let where = vnetName;
	if (own.length === 0) {
		const link = c.t.virtualNetworkPeerings.find((l) => l.from === vnetName && l.useRemoteGateways);
		if (!link) {
			return {severity: 'warning', message: `${vnetName} has no virtual network gateway and no peering with useRemoteGateways, so traffic on this route is dropped: add a VPN gateway, use a hub's gateway through peering, or pick another next hop type`};
		}

		gateways = c.gatewaysByVnet.get(link.to) ?? [];
		where = `${link.to} (reached through ${vnetName}'s remote-gateway peering)`;
		if (gateways.length === 0) return {severity: 'warning', message: `${vnetName} uses the remote gateways of ${link.to}, which has none, so traffic on this route is dropped: add a VPN gateway to ${link.to} or pick another next hop type`};
	}

	const types = new Set(gateways.map((gateway) => gateway.gatewayType));
	if (types.has('ExpressRoute') && types.has('Vpn')) {
		return {severity: 'error', message: `VPN and ExpressRoute gateways coexist in ${where}: Azure does not accept a VirtualNetworkGateway next hop then; use a VirtualAppliance route or BGP routes instead`};
	}

	if (!types.has('Vpn')) {
		return {severity: 'error', message: `the only gateway in ${where} is ExpressRoute: a VirtualNetworkGateway next hop must be a VPN gateway; rely on the gateway's BGP routes or use another next hop type`};
	}

	return undefined;
}

function routeKey(prefix: unknown): string | undefined {
	if (typeof prefix !== 'string') return undefined;
	const parsed = prefixOf(prefix);
	return parsed ? `${parsed.base}/${parsed.length}` : prefix.toLowerCase();
}

function checkRoutes(c: Context): void {
	c.t.routeTables.forEach((table, i) => {
		const associated = associations(c, table.name);
		const samePrefix = new Map<string, string>();
		const routes = list(table.routes);
		// S-PEFW: a route table holds up to 400 routes; S-UDR: at most 25 of them may use service tags.
		if (routes.length > limits.routesPerTable) {
			error(c, ['routeTables', i, 'routes'], `${table.name} has ${routes.length} routes: a route table holds at most ${limits.routesPerTable}; summarise prefixes or split the subnets across tables`);
		}

		const tagged = routes.filter((route) => typeof route.addressPrefix === 'string' && !looksNumeric(route.addressPrefix));
		if (tagged.length > limits.serviceTagRoutesPerTable) {
			error(c, ['routeTables', i, 'routes'], `${table.name} has ${tagged.length} routes written with service tags: a route table takes at most ${limits.serviceTagRoutesPerTable}; use broader tags or CIDR prefixes`);
		}

		list(table.routes).forEach((route, j) => {
			const path: Path = ['routeTables', i, 'routes', j];
			// Rule S-UDR §3: a VirtualAppliance route needs the appliance's IP.
			if (route.nextHopType === 'VirtualAppliance' && route.nextHopIpAddress === undefined) {
				error(c, [...path, 'nextHopIpAddress'], `route ${route.name} sends traffic to a VirtualAppliance but has no nextHopIpAddress: add the appliance's private IP`);
			}

			// Rule S-UDR §3: only a VirtualAppliance route takes a next hop IP. (An unknown type, such as 'virtualappliance', has its own
			// schema error; blaming the IP as well would tell the learner to delete the right half of the route.)
			if ((userNextHopTypes as readonly unknown[]).includes(route.nextHopType) && route.nextHopType !== 'VirtualAppliance' && route.nextHopIpAddress !== undefined) {
				error(c, [...path, 'nextHopIpAddress'],
					`route ${route.name} has next hop type ${route.nextHopType}, which takes no nextHopIpAddress: remove the IP, or make the next hop type VirtualAppliance`);
			}

			// Rule S-UDR §3: a VirtualNetworkGateway next hop must be a VPN gateway, not ExpressRoute nor a VPN/ExpressRoute coexistence.
			if (route.nextHopType === 'VirtualNetworkGateway') {
				const reported = new Set<string>();
				for (const {vnet} of associated) {
					if (reported.has(vnet.name)) continue;
					reported.add(vnet.name);
					const problem = gatewayRouteProblem(c, vnet.name);
					if (problem) (problem.severity === 'error' ? error : warning)(c, [...path, 'nextHopType'], `route ${route.name} (table ${table.name}, used in ${vnet.name}): ${problem.message}`);
				}
			}

			// Rule (ARM): one route per address prefix in a table.
			const key = routeKey(route.addressPrefix);
			if (key !== undefined) {
				const first = samePrefix.get(key);
				if (first !== undefined) {
					error(c, [...path, 'addressPrefix'], `route ${route.name} has the same addressPrefix (${String(route.addressPrefix)}) as route ${first} in ${table.name}: a table holds one route per prefix; remove or merge one`);
				} else {
					samePrefix.set(key, route.name);
				}
			}
		});
	});
}

// Warning (S-UDR §3, S-PEER §9): a VirtualAppliance next hop should be an IP some NIC or LB frontend owns, in the VNet or a peer.
function checkApplianceNextHops(c: Context): void {
	const ownerVnets = new Map<number, Set<string>>();
	const own = (ip: unknown, subnetRef: unknown) => {
		const vnet = vnetOfSubnetRef(subnetRef);
		if (typeof ip !== 'string' || !isIpv4Address(ip) || vnet === undefined) return;
		const key = ipToInt(ip);
		ownerVnets.set(key, (ownerVnets.get(key) ?? new Set()).add(vnet));
	};

	for (const nic of c.t.networkInterfaces) own(nic.privateIpAddress, nic.subnet);
	for (const lb of c.t.loadBalancers) for (const frontend of list(lb.frontends)) own(frontend.privateIpAddress, frontend.subnet);
	c.t.routeTables.forEach((table, i) => {
		const vnets = new Set(associations(c, table.name).map((a) => a.vnet.name));
		const reach = new Set<string>();
		for (const vnet of vnets) {
			reach.add(vnet);
			for (const peer of peersOf(c, vnet)) reach.add(peer);
		}

		list(table.routes).forEach((route, j) => {
			const ip = route.nextHopIpAddress;
			if (route.nextHopType !== 'VirtualAppliance' || typeof ip !== 'string' || !isIpv4Address(ip)) return;
			const owners = ownerVnets.get(ipToInt(ip));
			// An unassociated table: any owner anywhere will do.
			const ok = owners !== undefined && (vnets.size === 0 || [...owners].some((vnet) => reach.has(vnet)));
			if (ok) return;
			const where = vnets.size === 0 ? 'any virtual network' : [...reach].join(', ');
			warning(c, ['routeTables', i, 'routes', j, 'nextHopIpAddress'],
				`no network interface or load balancer frontend in ${where} has ${ip}: traffic on route ${route.name} will be dropped; point it at an appliance's private IP`);
		});
	});
}

// Warnings (S-UDR §2.4, §1.2): GatewaySubnet should get no 0.0.0.0/0 route and keep gateway route propagation.
function checkGatewaySubnetTables(c: Context): void {
	c.t.routeTables.forEach((table, i) => {
		const gatewaySubnets = associations(c, table.name).filter((a) => a.subnet.name === 'GatewaySubnet');
		if (gatewaySubnets.length === 0) return;
		const where = gatewaySubnets.map((a) => `${a.vnet.name}/GatewaySubnet`).join(', ');
		list(table.routes).forEach((route, j) => {
			if (routeKey(route.addressPrefix) === '0/0') {
				warning(c, ['routeTables', i, 'routes', j, 'addressPrefix'],
					`route ${route.name} sends 0.0.0.0/0 away from the gateway subnet (${where}): the gateway stops working properly; remove this route from the table on GatewaySubnet`);
			}
		});
		if (table.disableBgpRoutePropagation === true) {
			warning(c, ['routeTables', i, 'disableBgpRoutePropagation'],
				`route propagation is disabled on ${table.name}, which is associated with ${where}: the gateway does not work that way; set it to false`);
		}
	});
}

// Warning (docs: About VPN Gateway configuration settings): NSGs on GatewaySubnet are not supported and can stop the gateway working.
function checkGatewaySubnetNsgs(c: Context): void {
	for (const {vnet, subnet, path} of c.subnets.values()) {
		if (subnet.name !== 'GatewaySubnet' || subnet.networkSecurityGroup === undefined) continue;
		warning(c, [...path, 'networkSecurityGroup'],
			`${vnet.name}/GatewaySubnet has NSG ${subnet.networkSecurityGroup}: Azure does not support an NSG on the gateway subnet and it can stop the gateway working; vnetlab does not apply it to traffic. Remove it`);
	}
}

// ---------------------------------------------------------------------------------------------
// Network security groups

function checkSecurityGroups(c: Context): void {
	c.t.networkSecurityGroups.forEach((nsg, i) => {
		const priorities = new Map<string, string>();
		list(nsg.securityRules).forEach((rule, j) => {
			const path = ['networkSecurityGroups', i, 'securityRules', j, 'priority'];
			if (typeof rule.priority !== 'number') return;
			// Rule S-NSG §8: priorities run from 100 to 4096.
			if (!Number.isInteger(rule.priority) || rule.priority < 100 || rule.priority > 4096) {
				error(c, path, `priority ${rule.priority} of rule ${rule.name} is outside 100..4096: pick a whole number in that range (lower is evaluated first)`);
				return;
			}

			// Rule S-NSG §8: no two rules of one group share a priority and direction.
			const key = `${rule.direction}:${rule.priority}`;
			const first = priorities.get(key);
			if (first !== undefined) {
				error(c, path, `rule ${rule.name} has priority ${rule.priority}, already taken by ${first} for ${rule.direction} traffic in ${nsg.name}: give it a priority of its own`);
			} else {
				priorities.set(key, rule.name);
			}
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Peering

function checkPeerings(c: Context): void {
	const links = new Map<string, Path>();
	const remoteGatewayLinks = new Map<string, string>();
	c.t.virtualNetworkPeerings.forEach((link: VirtualNetworkPeering, i) => {
		const path: Path = ['virtualNetworkPeerings', i];
		// Rule S-PEER §9: a VNet is not peered with itself.
		if (link.from === link.to) {
			error(c, [...path, 'to'], `peering ${link.name} links ${link.from} to itself: name the remote virtual network in 'to'`);
			return;
		}

		// Rule S-PEER §9: one link per direction between two VNets.
		const key = `${link.from}>${link.to}`;
		const first = links.get(key);
		if (first) {
			error(c, [...path, 'to'], `${show(first)} already links ${link.from} to ${link.to}: keep one link per direction`);
			return;
		}

		links.set(key, path);
		if (!link.useRemoteGateways) return;
		// Rule S-PEER §9: a VNet with a gateway of its own cannot use a remote one.
		if ((c.gatewaysByVnet.get(link.from) ?? []).length > 0) {
			error(c, [...path, 'useRemoteGateways'], `${link.from} has its own gateway, so it cannot use remote gateways: set useRemoteGateways to false or remove ${link.from}'s gateway`);
			return;
		}

		// Rule S-PEER §9: at most one peering link per VNet may set useRemoteGateways.
		const other = remoteGatewayLinks.get(link.from);
		if (other !== undefined) {
			error(c, [...path, 'useRemoteGateways'], `${link.from} already uses remote gateways through peering ${other}: only one peering per VNet can set useRemoteGateways`);
			return;
		}

		remoteGatewayLinks.set(link.from, link.name);
		if (!c.vnets.has(link.to)) return;
		// Rule (ARM; S-GWT): using remote gateways needs a gateway in the remote VNet.
		if ((c.gatewaysByVnet.get(link.to) ?? []).length === 0) {
			error(c, [...path, 'useRemoteGateways'], `${link.to} has no virtual network gateway for ${link.from} to use: add one to ${link.to} or set useRemoteGateways to false`);
			return;
		}

		// Warning S-PEER / S-GWT §9: the remote VNet's own link must allow gateway transit.
		const back = c.t.virtualNetworkPeerings.find((l) => l.from === link.to && l.to === link.from);
		if (!back?.allowGatewayTransit) {
			warning(c, [...path, 'useRemoteGateways'], back
				? `${link.to}'s link ${back.name} does not set allowGatewayTransit: ${link.from} will not get to use ${link.to}'s gateway; set allowGatewayTransit: true on it`
				: `${link.to} has no peering link back to ${link.from} with allowGatewayTransit: add one, or ${link.from} will not use ${link.to}'s gateway`);
		}
	});
}

// Rule (ARM): a VNet holds at most one VPN gateway and one ExpressRoute gateway.
function checkGateways(c: Context): void {
	const seen = new Map<string, string>();
	c.t.virtualNetworkGateways.forEach((gateway, i) => {
		const key = `${gateway.vnet}:${gateway.gatewayType}`;
		const first = seen.get(key);
		if (first !== undefined) {
			error(c, ['virtualNetworkGateways', i, 'gatewayType'], `${gateway.vnet} already has a ${gateway.gatewayType} gateway (${first}): a VNet holds one gateway of each type`);
		} else {
			seen.set(key, gateway.name);
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Private access: private endpoints, DNS zone links, Private Link services

function checkPrivateAccess(c: Context): void {
	const t = c.t;
	t.privateEndpoints.forEach((endpoint, i) => {
		const path = ['privateEndpoints', i];
		const subnet = typeof endpoint.subnet === 'string' ? c.subnets.get(endpoint.subnet) : undefined;
		// Rule S-PE §6.1: a private endpoint shares its virtual network's subscription (and region).
		if (subnet && typeof endpoint.subscription === 'string' && endpoint.subscription !== subnet.vnet.subscription) {
			error(c, [...path, 'subscription'],
				`private endpoint ${endpoint.name} is in subscription '${endpoint.subscription}' but its virtual network ${subnet.vnet.name} is in '${subnet.vnet.subscription}': set subscription: ${subnet.vnet.subscription}`);
		}

		const connection = endpoint.connection;
		if (!connection || typeof connection.target !== 'string' || typeof connection.groupId !== 'string') return;
		// Rule S-PE §6.1: the group ID must be a sub-resource of the target's type ('' for a Private Link service).
		const resource = c.resources.get(connection.target);
		const allowed = resource ? privateLinkGroupIds[resource.type] : (c.privateLinkServices.has(connection.target) || c.aliases.has(connection.target)) ? [''] : undefined;
		if (!allowed || allowed.includes(connection.groupId)) return;
		const what = resource ? `${resource.type} ${resource.name}` : `Private Link service ${connection.target}`;
		const choices = allowed.map((id) => (id === '' ? "'' (empty)" : id)).join(', ');
		error(c, [...path, 'connection', 'groupId'], `groupId '${connection.groupId}' is not a sub-resource of ${what}: use ${choices}`);
	});

	// Rule S-DNSLINK §6.3: a VNet can be linked to only one zone of a given name.
	const linked = new Map<string, {zoneId: string; linkPath: Path}>();
	t.privateDnsZones.forEach((zone, i) => {
		list(zone.virtualNetworkLinks).forEach((link, j) => {
			if (typeof link.vnet !== 'string' || typeof zone.name !== 'string') return;
			const key = `${link.vnet}\u0000${zone.name.toLowerCase()}`;
			const zoneId = zone.id ?? zone.name;
			const path = ['privateDnsZones', i, 'virtualNetworkLinks', j, 'vnet'];
			const first = linked.get(key);
			if (!first) {
				linked.set(key, {zoneId, linkPath: path});
			} else if (first.zoneId === zoneId) {
				error(c, path, `${link.vnet} is already linked to this zone (${show(first.linkPath.slice(0, -1))}): remove the second link`);
			} else {
				error(c, path,
					`${link.vnet} is already linked to another zone named ${zone.name} (id ${first.zoneId}): a VNet can link only one zone of a name; unlink one of them`);
			}
		});
	});

	t.privateLinkServices.forEach((service, i) => {
		const path = ['privateLinkServices', i];
		const lb = typeof service.loadBalancer === 'string' ? c.loadBalancers.get(service.loadBalancer) : undefined;
		if (lb) {
			// Rule S-PLS §7: a Private Link service sits only on a Standard SKU load balancer.
			if (lb.sku !== 'Standard') {
				error(c, [...path, 'loadBalancer'], `load balancer ${lb.name} is ${lb.sku} SKU; a Private Link service needs a Standard load balancer: set sku: Standard`);
			}

			// Rule S-PLS §7: the service is tied to one frontend IP of its load balancer.
			const frontends = list(lb.frontends).map((frontend) => frontend.name);
			if (typeof service.frontend === 'string' && !frontends.includes(service.frontend)) {
				error(c, [...path, 'frontend'],
					`load balancer ${lb.name} has no frontend '${service.frontend}'${didYouMean(service.frontend, frontends)}; its frontends are ${frontends.join(', ') || 'none'}`);
			}
		}

		list(service.natIpConfigurations).forEach((nat, j) => {
			const subnet = typeof nat.subnet === 'string' ? c.subnets.get(nat.subnet) : undefined;
			// Rule S-PLSNP §7: NAT IPs need privateLinkServiceNetworkPolicies Disabled on their subnet.
			if (subnet && subnet.subnet.privateLinkServiceNetworkPolicies !== 'Disabled') {
				error(c, [...path, 'natIpConfigurations', j, 'subnet'],
					`subnet ${subnet.id} has privateLinkServiceNetworkPolicies ${String(subnet.subnet.privateLinkServiceNetworkPolicies)}: set it to Disabled there to hold Private Link service NAT IPs`);
			}
		});

		// Warning S-PLS §7: auto-approved subscriptions should be among the visible ones.
		const visibility = list(service.visibility);
		if (!visibility.includes('*')) {
			list(service.autoApproval).forEach((subscription, j) => {
				if (!visibility.includes(subscription)) {
					warning(c, [...path, 'autoApproval', j],
						`subscription '${subscription}' is auto-approved but not in visibility, so it cannot see ${service.name}: add it to visibility`);
				}
			});

			// Warning S-PLS §7: a subscription outside visibility cannot request a connection (the create-private-endpoint edit refuses it).
			// What Azure does with a connection made before visibility narrowed is not documented; the trace drops its traffic.
			const lb = c.t.loadBalancers.find((balancer) => balancer.name === service.loadBalancer);
			const frontend = lb?.frontends.find((f) => f.name === service.frontend);
			const own = frontend ? c.subnets.get(frontend.subnet)?.vnet.subscription : undefined;
			c.t.privateEndpoints.forEach((endpoint, j) => {
				const target = endpoint.connection?.target;
				const aimed = target === service.name || (service.alias !== undefined && target === service.alias);
				if (!aimed || visibility.includes(endpoint.subscription) || endpoint.subscription === own) return;
				warning(c, ['privateEndpoints', j, 'subscription'],
					`subscription '${endpoint.subscription}' is not in ${service.name}'s visibility, so Azure would not let it request this connection; the docs do not say what happens to a connection made before visibility changed, and vnetlab drops its traffic: add the subscription to visibility`);
			});
		}
	});
}

/** Service endpoints against the resources that count on them, and region names. */
function checkServiceEndpointsAndRegions(c: Context): void {
	const t = c.t;
	const checkRegion = (path: Path, region: unknown) => {
		if (typeof region !== 'string' || azureRegions.has(region)) return;
		const squeezed = region.toLowerCase().replace(/[\s_-]/g, '');
		// Regions are compared by name, so a misspelt one silently becomes "another region" (no same-region endpoint, no pair).
		const fix = azureRegions.has(squeezed) ? `: write it as Azure's region name '${squeezed}'` : `${didYouMean(region.toLowerCase(), azureRegions)}: vnetlab compares regions by name, so an unknown one counts as a region of its own`;
		warning(c, path, `'${region}' is not an Azure region name${fix}`);
	};

	list(t.virtualNetworks).forEach((vnet, i) => {
		checkRegion(['virtualNetworks', i, 'region'], vnet.region);
		list(vnet.subnets).forEach((subnet, j) => {
			const services = list(subnet.serviceEndpoints);
			// Rule S-STNS §5: local and cross-region (Microsoft.Storage.Global) Storage endpoints cannot coexist on one subnet.
			if (services.includes('Microsoft.Storage') && services.includes('Microsoft.Storage.Global')) {
				error(c, ['virtualNetworks', i, 'subnets', j, 'serviceEndpoints'],
					`subnet ${vnet.name}/${subnet.name} has both Microsoft.Storage and Microsoft.Storage.Global: Azure does not allow local and cross-region Storage endpoints on one subnet; keep one`);
			}
		});
	});

	list(t.resources).forEach((resource, i) => {
		checkRegion(['resources', i, 'region'], resource.region);
		const needed = serviceEndpointFor[resource.type] ?? [];
		list(resource.networkRuleSet?.virtualNetworkRules).forEach((subnetId, j) => {
			const entry = typeof subnetId === 'string' ? c.subnets.get(subnetId) : undefined;
			// Rule S-SE §5: a virtual network rule admits traffic only from a subnet that has the service's endpoint.
			if (entry && needed.length > 0 && !list(entry.subnet.serviceEndpoints).some((service) => needed.includes(service))) {
				warning(c, ['resources', i, 'networkRuleSet', 'virtualNetworkRules', j],
					`${resource.name} allows ${subnetId}, but that subnet has no ${needed[0]} service endpoint, so the rule matches nothing: turn the endpoint on in ${subnetId}`);
			}
		});
	});

	t.privateLinkServices.forEach((service, i) => {
		const lb = typeof service.loadBalancer === 'string' ? c.loadBalancers.get(service.loadBalancer) : undefined;
		const frontend = lb ? list(lb.frontends).find((f) => f.name === service.frontend) : undefined;
		const lbVnet = frontend && typeof frontend.subnet === 'string' ? c.subnets.get(frontend.subnet)?.vnet.name : undefined;
		if (!lbVnet) return;
		list(service.natIpConfigurations).forEach((nat, j) => {
			const natVnet = typeof nat.subnet === 'string' ? c.subnets.get(nat.subnet)?.vnet.name : undefined;
			// Rule S-PLS §7: the service and its NAT IPs live in the load balancer's virtual network.
			if (natVnet && natVnet !== lbVnet) {
				error(c, ['privateLinkServices', i, 'natIpConfigurations', j, 'subnet'],
					`NAT IP subnet ${nat.subnet} is in ${natVnet}, but ${service.name}'s load balancer ${lb!.name} is in ${lbVnet}: pick a subnet of ${lbVnet}`);
			}
		});
	});
}

// ---------------------------------------------------------------------------------------------

/** Every problem in the topology, in check order (the loader sorts them by position). */
export function validateTopology(topology: Topology): TopologyProblem[] {
	const c = buildContext(topology);
	checkAddressText(c);
	checkNames(c);
	checkReferences(c);
	checkAddressSpaces(c);
	checkPrivateIps(c);
	checkRoutes(c);
	checkApplianceNextHops(c);
	checkGatewaySubnetTables(c);
	checkGatewaySubnetNsgs(c);
	checkSecurityGroups(c);
	checkPeerings(c);
	checkGateways(c);
	checkPrivateAccess(c);
	checkServiceEndpointsAndRegions(c);
	return c.problems;
}
