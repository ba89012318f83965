/**
 * DNS ops: private DNS zones, their records and virtual network links, a VNet's DNS servers,
 * and the conditional forwarders of an on-premises site's DNS.
 */
import type {DnsForwardingRule, DnsRecord, ResolutionPolicy} from '../topology.js';
import {ipProblem} from './args.js';
import {dnsNameProblem} from './facts.js';
import {findNamed, lookupNamed, lookupZone} from './lookup.js';
import {readNewName, type OpHandler} from './op.js';
import {appendItem, updateItem} from './update.js';

/** The Azure-provided DNS virtual IP (S-168). */
export const azureDnsIp = '168.63.129.16';

export const createPrivateDnsZone: OpHandler = ({topology, a}) => {
	const name = a.string('name', 'a zone name such as privatelink.blob.core.windows.net');
	const idArg = a.optionalString('id', 'an id for the zone');
	if (name !== undefined) {
		const problem = dnsNameProblem(name) ?? (name.includes('.') ? undefined : `'${name}' has a single label: a zone name has at least two (contoso.com)`);
		if (problem) a.fail('name', problem);
	}

	if (idArg !== undefined && /\s/.test(idArg)) a.fail('id', `'${idArg}' contains spaces`);
	if (a.failed || name === undefined) return undefined;
	const id = idArg ?? name;
	if (topology.privateDnsZones.some((z) => z.id === id)) {
		return idArg === undefined
			? a.fail('name', `a zone ${name} already exists: give the new one an id of its own to create a second zone of that name`)
			: a.fail('id', `a zone with id ${id} already exists`);
	}

	return appendItem(topology, 'privateDnsZones', {name, id, records: [], virtualNetworkLinks: []});
};

export const addDnsRecord: OpHandler = ({topology, a}) => {
	const zone = lookupZone(a, 'zone', topology);
	const r = a.object('record', ['name', 'type', 'value']);
	if (!r) return undefined;
	const name = r.string('name', 'the record name relative to the zone (stcontoso, or @ for the apex)');
	const type = r.oneOf('type', ['A', 'CNAME'] as const);
	let value: string | undefined;
	if (type === 'A') value = r.ip('value');
	else if (type === 'CNAME') {
		value = r.string('value', 'the DNS name the alias points at');
		const problem = value === undefined ? undefined : dnsNameProblem(value);
		if (problem) value = r.fail('value', problem);
	}

	if (a.failed || !zone || !name || !type || !value) return undefined;
	const zoneName = zone.item.name;
	if (name.toLowerCase() === zoneName.toLowerCase() || name.toLowerCase().endsWith(`.${zoneName.toLowerCase()}`)) {
		const relative = name.length > zoneName.length ? name.slice(0, -(zoneName.length + 1)) : '@';
		return r.fail('name', `record names are relative to the zone: write ${relative}, not ${name}`);
	}

	if (name !== '@') {
		const problem = dnsNameProblem(name);
		if (problem) return r.fail('name', problem);
	}

	const same = zone.item.records.filter((record) => record.name.toLowerCase() === name.toLowerCase());
	const cname = same.find((record) => record.type === 'CNAME');
	if (cname) return r.fail('name', `${name} already has a CNAME record (to ${cname.value}): a CNAME shares its name with no other record`);
	if (type === 'CNAME' && same.length > 0) return r.fail('name', `${name} already has an A record: a CNAME shares its name with no other record`);
	const existing = same.find((record) => record.type === type);
	if (existing) {
		return r.fail('name', `${zoneName} already has an ${type} record for ${name} (${existing.value}): remove it first to change it`);
	}

	const record: DnsRecord = {name, type, value};
	return updateItem(topology, 'privateDnsZones', zone.index, (z) => ({...z, records: [...z.records, record]}));
};

export const removeDnsRecord: OpHandler = ({topology, a}) => {
	const zone = lookupZone(a, 'zone', topology);
	const name = a.string('name', 'the record name');
	const type = a.oneOf('type', ['A', 'CNAME'] as const, true);
	if (!zone || name === undefined || a.failed) return undefined;
	const matches = (record: DnsRecord) => record.name.toLowerCase() === name.toLowerCase() && (type === undefined || record.type === type);
	if (!zone.item.records.some(matches)) {
		const names = [...new Set(zone.item.records.map((record) => record.name))];
		const known = names.length > 0 ? `its records: ${names.join(', ')}` : 'it has no records';
		return a.fail('name', `${zone.item.name} has no ${type ?? ''}${type ? ' ' : ''}record named ${name} (${known})`);
	}

	return updateItem(topology, 'privateDnsZones', zone.index, (z) => ({...z, records: z.records.filter((record) => !matches(record))}));
};

const policies: readonly ResolutionPolicy[] = ['Default', 'NxDomainRedirect'];

export const linkDnsZone: OpHandler = ({topology, a}) => {
	const zone = lookupZone(a, 'zone', topology);
	const vnet = lookupNamed(a, 'vnet', topology.virtualNetworks, 'virtual network', 'virtual networks');
	const nameArg = a.has('name') ? readNewName(a, 'name', 'virtual network link') : undefined;
	const resolutionPolicy = a.oneOf('resolutionPolicy', policies, true) ?? 'Default';
	if (a.failed || !zone || !vnet) return undefined;
	const vnetName = vnet.item.name;
	if (zone.item.virtualNetworkLinks.some((link) => link.vnet === vnetName)) {
		return a.fail('vnet', `${zone.item.name} is already linked to ${vnetName}`);
	}

	// S-DNSLINK: a virtual network links at most one private zone of a given name.
	const twin = topology.privateDnsZones.find(
		(z) => z.id !== zone.item.id && z.name === zone.item.name && z.virtualNetworkLinks.some((link) => link.vnet === vnetName),
	);
	if (twin) return a.fail('vnet', `${vnetName} is already linked to another zone named ${zone.item.name} (id ${twin.id}): a VNet links one zone of a name`);
	// S-NXR: resolutionPolicy "Only applicable for virtual network links to privatelink zones".
	if (resolutionPolicy === 'NxDomainRedirect' && !zone.item.name.toLowerCase().startsWith('privatelink.')) {
		return a.fail('resolutionPolicy', `NxDomainRedirect applies only to links of privatelink. zones, and ${zone.item.name} is not one`);
	}

	const name = nameArg ?? `link-${vnetName}`;
	if (findNamed(zone.item.virtualNetworkLinks, name)) {
		return a.fail('name', `${zone.item.name} already has a link named ${name}${nameArg ? '' : ': give this one a name'}`);
	}

	return updateItem(topology, 'privateDnsZones', zone.index, (z) => ({
		...z,
		virtualNetworkLinks: [...z.virtualNetworkLinks, {name, vnet: vnetName, resolutionPolicy}],
	}));
};

export const unlinkDnsZone: OpHandler = ({topology, a}) => {
	const zone = lookupZone(a, 'zone', topology);
	const vnetName = a.string('vnet', 'the name of a virtual network');
	if (!zone || vnetName === undefined) return undefined;
	const links = zone.item.virtualNetworkLinks;
	if (!links.some((link) => link.vnet === vnetName)) {
		const linked = links.length > 0 ? `it is linked to ${links.map((link) => link.vnet).join(', ')}` : 'it has no links';
		return a.fail('vnet', `${zone.item.name} is not linked to ${vnetName} (${linked})`);
	}

	return updateItem(topology, 'privateDnsZones', zone.index, (z) => ({
		...z,
		virtualNetworkLinks: z.virtualNetworkLinks.filter((link) => link.vnet !== vnetName),
	}));
};

/** S-RESOLVER: custom DNS servers replace Azure-provided DNS (and with it the linked private zones). */
export const setDnsServers: OpHandler = ({topology, a}) => {
	const vnet = lookupNamed(a, 'vnet', topology.virtualNetworks, 'virtual network', 'virtual networks');
	const servers = a.stringList('servers', ipProblem);
	if (!vnet || !servers) return undefined;
	return updateItem(topology, 'virtualNetworks', vnet.index, (v) => ({...v, dnsServers: [...servers]}));
};

export const setDnsForwarding: OpHandler = ({topology, a, warn}) => {
	const site = lookupNamed(a, 'localNetwork', topology.localNetworks, 'local network', 'local networks');
	const readers = a.objectList('rules', ['domain', 'targets']);
	const rules: DnsForwardingRule[] = [];
	const domains = new Set<string>();
	for (const r of readers ?? []) {
		const domain = r.string('domain', 'the domain to forward, such as blob.core.windows.net');
		const problem = domain === undefined ? undefined : dnsNameProblem(domain);
		if (problem) r.fail('domain', problem);
		else if (domain !== undefined && domains.has(domain.toLowerCase())) r.fail('domain', `${domain} has two rules: give one rule per domain`);
		const targets = r.stringList('targets', ipProblem);
		if (targets?.length === 0) r.fail('targets', 'a forwarder needs at least one target DNS server');
		if (domain === undefined || !targets || problem) continue;
		domains.add(domain.toLowerCase());
		rules.push({domain, targets: [...targets]});
	}

	if (a.failed || !site || !readers) return undefined;
	for (const rule of rules) {
		// S-PEDNSI: "The conditional forwarding must be made to the recommended public DNS zone forwarder."
		if (rule.domain.toLowerCase().startsWith('privatelink.')) {
			warn(`forward ${rule.domain.slice('privatelink.'.length)}, not ${rule.domain}: clients ask for the public name, which only CNAMEs into privatelink.`);
		}

		// S-PEDNSI: the query must come from inside a VNet to reach Azure DNS.
		if (rule.targets.includes(azureDnsIp)) {
			warn(`${azureDnsIp} answers only inside Azure virtual networks: on-premises servers must forward to a resolver's inbound endpoint or a DNS VM`);
		}
	}

	return updateItem(topology, 'localNetworks', site.index, (l) => ({...l, dnsForwarding: rules}));
};
