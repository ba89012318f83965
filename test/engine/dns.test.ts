/**
 * DNS resolution (engine/dns.ts), table-driven: each case names the documented behaviour and its
 * doc key (azure-semantics.md). A small local builder makes the hub-spoke topology the cases vary.
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {dnsClientFor, ownerOfName, resolve, resolveName} from '../../source/engine/dns.js';
import {emptyTopology, type DnsRecord, type LocalNetwork, type PrivateDnsZone, type Resource, type Topology, type VirtualNetwork} from '../../source/engine/topology.js';
import type {Resolution} from '../../source/engine/results.js';
import {reservedAzureDomain, wildcardReservedDomains} from '../../source/engine/dns/forwarding.js';

// ---- a small builder: every object with its defaults filled ----

function vnet(name: string, space: string, subnets: Array<[string, string]>, dnsServers: string[] = []): VirtualNetwork {
	return {
		name,
		region: 'westeurope',
		subscription: 'contoso',
		addressSpace: [space],
		dnsServers,
		subnets: subnets.map(([subnet, addressPrefix]) => ({
			name: subnet,
			addressPrefix,
			serviceEndpoints: [],
			privateEndpointNetworkPolicies: 'Disabled',
			privateLinkServiceNetworkPolicies: 'Enabled',
			defaultOutboundAccess: false,
		})),
	};
}

function resource(name: string, type: Resource['type'], publicIpAddress: string): Resource {
	return {
		name,
		type,
		region: 'westeurope',
		subscription: 'contoso',
		publicIpAddress,
		publicNetworkAccess: 'Enabled',
		networkRuleSet: {defaultAction: 'Allow', virtualNetworkRules: [], ipRules: []},
	};
}

function zone(name: string, records: DnsRecord[], links: Array<[string, string, ('Default' | 'NxDomainRedirect')?]>, id = name): PrivateDnsZone {
	return {
		name,
		id,
		records,
		virtualNetworkLinks: links.map(([link, vnetName, resolutionPolicy]) => ({name: link, vnet: vnetName, resolutionPolicy: resolutionPolicy ?? 'Default'})),
	};
}

const a = (name: string, value: string): DnsRecord => ({name, type: 'A', value});
const cname = (name: string, value: string): DnsRecord => ({name, type: 'CNAME', value});

function site(dnsForwarding: LocalNetwork['dnsForwarding'] = [], dnsServers = ['192.168.1.10']): LocalNetwork {
	return {
		name: 'onprem',
		gateway: 'vpngw',
		addressPrefixes: ['192.168.0.0/16'],
		dnsServers,
		publicIpAddress: '198.51.100.7',
		dnsForwarding,
		hosts: [{name: 'onprem-pc', ipAddress: '192.168.1.50'}],
	};
}

const blobZone = 'privatelink.blob.core.windows.net';

/**
 * hub (10.0/16) and spoke (10.1/16) peered; stcontoso has a blob private endpoint in hub (10.0.3.4),
 * whose privatelink zone is linked to hub only; stfabrikam has no private endpoint; a resolver's
 * inbound endpoint sits in hub at 10.0.4.4; on-premises uses 192.168.1.10 with no forwarders.
 */
function base(): Topology {
	return {
		...emptyTopology(),
		virtualNetworks: [
			vnet('hub', '10.0.0.0/16', [['app', '10.0.1.0/24'], ['dns', '10.0.2.0/24'], ['pe', '10.0.3.0/24'], ['dns-in', '10.0.4.0/24']]),
			vnet('spoke', '10.1.0.0/16', [['app', '10.1.1.0/24'], ['pe', '10.1.3.0/24']]),
		],
		virtualNetworkPeerings: [
			{name: 'hub-to-spoke', from: 'hub', to: 'spoke', allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false},
			{name: 'spoke-to-hub', from: 'spoke', to: 'hub', allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false},
		],
		networkInterfaces: [
			{name: 'vm-hub', subnet: 'hub/app', privateIpAddress: '10.0.1.4', enableIpForwarding: false, running: true},
			{name: 'vm-spoke', subnet: 'spoke/app', privateIpAddress: '10.1.1.4', enableIpForwarding: false, running: true},
			{name: 'dns-vm', subnet: 'hub/dns', privateIpAddress: '10.0.2.4', enableIpForwarding: false, running: true},
		],
		virtualNetworkGateways: [{name: 'vpngw', vnet: 'hub', gatewayType: 'Vpn', publicIpAddress: '20.50.9.9'}],
		localNetworks: [site()],
		resources: [
			resource('stcontoso', 'Microsoft.Storage/storageAccounts', '52.239.10.20'),
			resource('stfabrikam', 'Microsoft.Storage/storageAccounts', '52.239.10.21'),
			resource('sql-contoso', 'Microsoft.Sql/servers', '40.68.37.158'),
			resource('kv-contoso', 'Microsoft.KeyVault/vaults', '52.236.189.1'),
		],
		privateEndpoints: [
			{name: 'pe-stcontoso-blob', subnet: 'hub/pe', privateIpAddress: '10.0.3.4', subscription: 'contoso', connection: {target: 'stcontoso', groupId: 'blob', status: 'Approved'}},
		],
		privateDnsZones: [zone(blobZone, [a('stcontoso', '10.0.3.4')], [['link-hub', 'hub']])],
		dnsResolvers: [{name: 'resolver-hub', vnet: 'hub', inboundEndpointIp: '10.0.4.4', forwardingRulesets: []}],
		internetHosts: [{name: 'example-web', ipAddress: '203.0.113.10', fqdn: 'www.example.com'}],
	};
}

function variant(change: (t: Topology) => void): Topology {
	const topology = base();
	change(topology);
	return topology;
}

// The public endpoints our public DNS derives (service-owned names, S-STPE).
const stcontosoBlobEndpoint = 'blob.westeurope-52-239-10-20.store.core.windows.net';
const stfabrikamBlobEndpoint = 'blob.westeurope-52-239-10-21.store.core.windows.net';

/** The answer chain as `name TYPE value` lines. */
function chain(resolution: Resolution): string[] {
	return resolution.answers.map((answer) => `${answer.name} ${answer.type} ${answer.value}`);
}

type Case = {
	title: string;
	topology?: (t: Topology) => void;
	from: string;
	name: string;
	result: Resolution['result'];
	ip?: string;
	chain?: string[];
	/** The last answer's origin, partially. */
	origin?: Partial<Resolution['answers'][number]['origin']>;
	/** Each must appear in some step. */
	steps?: RegExp[];
};

const privateChain = [`stcontoso.blob.core.windows.net CNAME stcontoso.${blobZone}`, `stcontoso.${blobZone} A 10.0.3.4`];
const publicStcontosoChain = [
	`stcontoso.blob.core.windows.net CNAME stcontoso.${blobZone}`,
	`stcontoso.${blobZone} CNAME ${stcontosoBlobEndpoint}`,
	`${stcontosoBlobEndpoint} A 52.239.10.20`,
];

/** A ruleset whose wildcard rule sends every name to the on-premises DNS server, linked to hub and spoke. */
function wildcardToOnPremises(): (t: Topology) => void {
	return (t) => {
		t.dnsResolvers[0]!.forwardingRulesets = [{name: 'rs-all', vnetLinks: ['hub', 'spoke'], rules: [{domain: '.', targets: ['192.168.1.10']}]}];
		t.internetHosts.push(
			{name: 'corp-web', ipAddress: '203.0.113.20', fqdn: 'app.corp.contoso.com'},
			{name: 'arm', ipAddress: '4.150.240.10', fqdn: 'management.azure.com'},
		);
	};
}

/**
 * The same wildcard rule plus an explicit rule for `domain`, linked to spoke only (a rule to the hub's
 * inbound endpoint must not be linked to hub: the docs warn it loops).
 */
function explicitRule(domain: string, target: string): (t: Topology) => void {
	return (t) => {
		wildcardToOnPremises()(t);
		t.dnsResolvers[0]!.forwardingRulesets = [{
			name: 'rs-all',
			vnetLinks: ['spoke'],
			rules: [{domain: '.', targets: ['192.168.1.10']}, {domain, targets: [target]}],
		}];
	};
}

const cases: Case[] = [
	{
		title: 'a zone linked to the VNet answers with its record (S-DNSLINK)',
		topology(t) {
			t.privateDnsZones.push(zone('contoso.internal', [a('app', '10.0.1.4')], [['link-hub', 'hub']]));
		},
		from: 'vm-hub',
		name: 'app.contoso.internal',
		result: 'ip',
		ip: '10.0.1.4',
		chain: ['app.contoso.internal A 10.0.1.4'],
		origin: {kind: 'private-zone', zone: 'contoso.internal', link: 'link-hub'},
	},
	{
		title: 'a zone that exists but is not linked to the client VNet is invisible: the public answer stands (S-DNSLINK, S-STPE)',
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
		origin: {kind: 'public'},
	},
	{
		title: 'two zones with the same name in different VNets: the hub VM gets the hub zone (design 2, S-DNSLINK)',
		topology(t) {
			t.privateDnsZones = [
				zone(blobZone, [a('stcontoso', '10.0.3.4')], [['link-hub', 'hub']], 'zone-hub'),
				zone(blobZone, [a('stcontoso', '10.1.3.4')], [['link-spoke', 'spoke']], 'zone-spoke'),
			];
		},
		from: 'vm-hub',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		origin: {kind: 'private-zone', zone: `${blobZone} (zone-hub)`, link: 'link-hub'},
	},
	{
		title: 'two zones with the same name in different VNets: the spoke VM gets the spoke zone (design 2, S-DNSLINK)',
		topology(t) {
			t.privateDnsZones = [
				zone(blobZone, [a('stcontoso', '10.0.3.4')], [['link-hub', 'hub']], 'zone-hub'),
				zone(blobZone, [a('stcontoso', '10.1.3.4')], [['link-spoke', 'spoke']], 'zone-spoke'),
			];
		},
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.1.3.4',
		origin: {kind: 'private-zone', zone: `${blobZone} (zone-spoke)`, link: 'link-spoke'},
	},
	{
		title: 'a name nobody holds is NXDOMAIN from public DNS (S-RESOLVER step 9)',
		from: 'vm-hub',
		name: 'nothing.example.org',
		result: 'nxdomain',
		chain: [],
		steps: [/covers nothing\.example\.org, so it asks public DNS: no such name, NXDOMAIN/],
	},
	{
		title: 'private endpoint + linked privatelink zone with the record: public CNAME into privatelink, then the private IP (S-STPE, S-PEDNS)',
		from: 'vm-hub',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
		origin: {kind: 'private-zone', zone: blobZone, link: 'link-hub'},
		steps: [/asks public DNS: CNAME stcontoso\.privatelink\.blob\.core\.windows\.net \(stcontoso has a private endpoint for blob/, /pe-stcontoso-blob/],
	},
	{
		title: 'linked privatelink zone without the record, resource with a private endpoint elsewhere: NXDOMAIN (S-STPE known issue, design 9)',
		topology(t) {
			t.privateDnsZones = [zone(blobZone, [], [['link-hub', 'hub']])];
		},
		from: 'vm-hub',
		name: 'stcontoso.blob.core.windows.net',
		result: 'nxdomain',
		chain: [`stcontoso.blob.core.windows.net CNAME stcontoso.${blobZone}`],
		steps: [/has no record for stcontoso\.privatelink\.blob\.core\.windows\.net.*NXDOMAIN/],
	},
	{
		title: 'the same with resolutionPolicy NxDomainRedirect: fall back to the public answer (S-NXR, design 9)',
		topology(t) {
			t.privateDnsZones = [zone(blobZone, [], [['link-hub', 'hub', 'NxDomainRedirect']])];
		},
		from: 'vm-hub',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
		steps: [/resolution policy is NxDomainRedirect, so it asks public DNS/],
	},
	{
		title: 'a resource with no private endpoint, from a VNet linking the privatelink zone: public IP, no CNAME into privatelink (S-STPE known issue, design 9)',
		from: 'vm-hub',
		name: 'stfabrikam.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.21',
		chain: [`stfabrikam.blob.core.windows.net CNAME ${stfabrikamBlobEndpoint}`, `${stfabrikamBlobEndpoint} A 52.239.10.21`],
		origin: {kind: 'public'},
	},
	{
		title: 'custom DNS = the resolver inbound endpoint in the hub: the spoke resolves through the hub\'s zone links (S-RESOLVER step 2)',
		topology(t) {
			t.virtualNetworks[1]!.dnsServers = ['10.0.4.4'];
		},
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
		origin: {kind: 'forwarder', forwarder: 'custom DNS 10.0.4.4', zone: blobZone, link: 'link-hub'},
		steps: [/vm-spoke is in spoke, which uses custom DNS servers: the query goes to 10\.0\.4\.4/, /inbound endpoint of DNS Private Resolver resolver-hub in hub/],
	},
	{
		title: 'custom DNS = a DNS server VM in the hub: Azure DNS as seen from the hub (S-RESOLVER step 2)',
		topology(t) {
			t.virtualNetworks[1]!.dnsServers = ['10.0.2.4'];
		},
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		steps: [/dns-vm in hub, a DNS server VM/],
	},
	{
		title: 'custom DNS set while the VNet itself links the zone: the linked zone is not consulted (S-RESOLVER: "not resolved when Custom DNS servers are configured")',
		topology(t) {
			t.privateDnsZones = [zone(blobZone, [a('stcontoso', '10.0.3.4')], [['link-spoke', 'spoke']])];
			t.virtualNetworks[1]!.dnsServers = ['10.0.4.4'];
		},
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
		steps: [/private zones linked to spoke \(privatelink\.blob\.core\.windows\.net\) are not consulted/],
	},
	{
		title: 'custom DNS at an address nothing answers: no answer (S-RESOLVER step 2)',
		topology(t) {
			t.virtualNetworks[1]!.dnsServers = ['10.9.9.9'];
		},
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'no-answer',
		chain: [],
		steps: [/nothing in the topology answers DNS at 10\.9\.9\.9/i],
	},
	{
		title: 'custom DNS = a stopped DNS server VM: no answer (design 2: a stopped VM answers nothing)',
		topology(t) {
			t.virtualNetworks[1]!.dnsServers = ['10.0.2.4'];
			t.networkInterfaces[2]!.running = false;
		},
		from: 'vm-spoke',
		name: 'www.example.com',
		result: 'no-answer',
	},
	{
		title: 'custom DNS = 168.63.129.16 is Azure-provided DNS itself: linked zones apply (S-168)',
		topology(t) {
			t.virtualNetworks[0]!.dnsServers = ['168.63.129.16'];
		},
		from: 'vm-hub',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		origin: {kind: 'private-zone'},
	},
	{
		title: 'forwarding ruleset: the rule with the longest matching suffix wins (S-RESOLVER steps 6-8)',
		topology(t) {
			t.privateDnsZones.push(
				zone('contoso.com', [a('app.corp', '10.0.9.9')], [['link-dnsvm', 'hub']]),
				zone('corp.contoso.com', [a('app', '10.1.9.9')], [['link-corp', 'spoke']]),
			);
			t.networkInterfaces.push({name: 'dns-spoke', subnet: 'spoke/app', privateIpAddress: '10.1.1.53', enableIpForwarding: false, running: true});
			t.virtualNetworks.push(vnet('branch', '10.2.0.0/16', [['app', '10.2.1.0/24']]));
			t.networkInterfaces.push({name: 'vm-branch', subnet: 'branch/app', privateIpAddress: '10.2.1.4', enableIpForwarding: false, running: true});
			t.dnsResolvers[0]!.forwardingRulesets = [
				{
					name: 'rs-branch',
					vnetLinks: ['branch'],
					rules: [
						{domain: 'contoso.com.', targets: ['10.0.2.4']},
						{domain: 'corp.contoso.com.', targets: ['10.1.1.53']},
					],
				},
			];
		},
		from: 'vm-branch',
		name: 'app.corp.contoso.com',
		result: 'ip',
		ip: '10.1.9.9',
		origin: {kind: 'forwarder', forwarder: 'corp.contoso.com → 10.1.1.53', zone: 'corp.contoso.com', link: 'link-corp'},
		steps: [/the rule for corp\.contoso\.com in ruleset rs-branch \(resolver-hub\) forwards it to 10\.1\.1\.53/],
	},
	{
		title: 'a linked private zone is consulted before forwarding rulesets (S-RESOLVER steps 3-4)',
		topology(t) {
			t.dnsResolvers[0]!.forwardingRulesets = [{name: 'rs-hub', vnetLinks: ['hub'], rules: [{domain: 'core.windows.net', targets: ['192.168.1.10']}]}];
		},
		from: 'vm-hub',
		name: `stcontoso.${blobZone}`,
		result: 'ip',
		ip: '10.0.3.4',
		origin: {kind: 'private-zone', zone: blobZone},
	},
	{
		title: 'a ruleset rule sends names under no linked zone to the on-premises DNS server (S-RESOLVER step 7)',
		topology(t) {
			t.dnsResolvers[0]!.forwardingRulesets = [{name: 'rs-hub', vnetLinks: ['hub'], rules: [{domain: 'example.com', targets: ['192.168.1.10']}]}];
		},
		from: 'vm-hub',
		name: 'www.example.com',
		result: 'ip',
		ip: '203.0.113.10',
		origin: {kind: 'forwarder', forwarder: 'example.com → 192.168.1.10'},
		steps: [/192\.168\.1\.10 is the DNS server of on-premises site onprem/, /onprem's DNS server: no conditional forwarder covers www\.example\.com/],
	},
	{
		title: 'on-premises: a conditional forwarder for blob.core.windows.net to the resolver inbound endpoint gives the private IP (S-PEDNSI)',
		topology(t) {
			t.localNetworks = [site([{domain: 'blob.core.windows.net', targets: ['10.0.4.4']}])];
		},
		from: 'onprem-pc',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
		origin: {kind: 'forwarder', forwarder: 'blob.core.windows.net → 10.0.4.4', zone: blobZone, link: 'link-hub'},
	},
	{
		title: 'on-premises: a forwarder for the privatelink zone instead of the public zone does not work: the public chain arrives whole (S-PEDNSI)',
		topology(t) {
			t.localNetworks = [site([{domain: blobZone, targets: ['10.0.4.4']}])];
		},
		from: 'onprem-pc',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
		steps: [/no conditional forwarder covers stcontoso\.blob\.core\.windows\.net/, /takes the public answer chain.* Its forwarder for privatelink\.blob\.core\.windows\.net is not used.*Forward the public zone blob\.core\.windows\.net instead/],
	},
	{
		title: 'on-premises without a forwarder: public DNS, the public IP through privatelink (S-PEDNSI, S-STPE)',
		from: 'onprem-pc',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
		origin: {kind: 'public'},
	},
	{
		title: 'on-premises site with no DNS servers: public DNS (S-PEDNSI)',
		topology(t) {
			t.localNetworks = [site([], [])];
		},
		from: 'onprem-pc',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
	},
	{
		title: 'on-premises forwarding to 168.63.129.16 gets no answer: Azure DNS only serves queries from a VNet (S-PEDNSI, S-168)',
		topology(t) {
			t.localNetworks = [site([{domain: 'blob.core.windows.net', targets: ['168.63.129.16']}])];
		},
		from: 'onprem-pc',
		name: 'stcontoso.blob.core.windows.net',
		result: 'no-answer',
		steps: [/only answers queries from inside an Azure virtual network/],
	},
	{
		title: 'SQL server: private endpoint + linked privatelink.database.windows.net zone (S-PEDNS)',
		topology(t) {
			t.privateEndpoints.push({name: 'pe-sql', subnet: 'hub/pe', privateIpAddress: '10.0.3.5', subscription: 'contoso', connection: {target: 'sql-contoso', groupId: 'sqlServer', status: 'Approved'}});
			t.privateDnsZones.push(zone('privatelink.database.windows.net', [a('sql-contoso', '10.0.3.5')], [['link-hub', 'hub']]));
		},
		from: 'vm-hub',
		name: 'sql-contoso.database.windows.net',
		result: 'ip',
		ip: '10.0.3.5',
		chain: ['sql-contoso.database.windows.net CNAME sql-contoso.privatelink.database.windows.net', 'sql-contoso.privatelink.database.windows.net A 10.0.3.5'],
	},
	{
		title: 'SQL server without a private endpoint: public IP (S-PEDNS)',
		from: 'vm-hub',
		name: 'sql-contoso.database.windows.net',
		result: 'ip',
		ip: '40.68.37.158',
		chain: ['sql-contoso.database.windows.net CNAME cr.westeurope-40-68-37-158.control.database.windows.net', 'cr.westeurope-40-68-37-158.control.database.windows.net A 40.68.37.158'],
	},
	{
		title: 'Key Vault: vault.azure.net CNAMEs into privatelink.vaultcore.azure.net (S-PEDNS)',
		topology(t) {
			t.privateEndpoints.push({name: 'pe-kv', subnet: 'hub/pe', privateIpAddress: '10.0.3.6', subscription: 'contoso', connection: {target: 'kv-contoso', groupId: 'vault', status: 'Pending'}});
			t.privateDnsZones.push(zone('privatelink.vaultcore.azure.net', [a('kv-contoso', '10.0.3.6')], [['link-hub', 'hub']]));
		},
		from: 'vm-hub',
		name: 'kv-contoso.vault.azure.net',
		result: 'ip',
		ip: '10.0.3.6',
		chain: ['kv-contoso.vault.azure.net CNAME kv-contoso.privatelink.vaultcore.azure.net', 'kv-contoso.privatelink.vaultcore.azure.net A 10.0.3.6'],
	},
	{
		title: 'Key Vault with a private endpoint, on-premises forwarding vault.azure.net: the inbound endpoint chases into vaultcore (S-PEDNSI)',
		topology(t) {
			t.privateEndpoints.push({name: 'pe-kv', subnet: 'hub/pe', privateIpAddress: '10.0.3.6', subscription: 'contoso', connection: {target: 'kv-contoso', groupId: 'vault', status: 'Approved'}});
			t.privateDnsZones.push(zone('privatelink.vaultcore.azure.net', [a('kv-contoso', '10.0.3.6')], [['link-hub', 'hub']]));
			t.localNetworks = [site([{domain: 'vault.azure.net', targets: ['10.0.4.4']}])];
		},
		from: 'onprem-pc',
		name: 'kv-contoso.vault.azure.net',
		result: 'ip',
		ip: '10.0.3.6',
	},
	{
		title: 'names are case-insensitive and a trailing dot is ignored (RFC 4343, S-STPE)',
		from: 'vm-hub',
		name: 'StContoso.BLOB.core.windows.NET.',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
	},
	{
		title: 'an Internet host name resolves to its public IP (design 2)',
		from: 'vm-hub',
		name: 'www.example.com',
		result: 'ip',
		ip: '203.0.113.10',
		chain: ['www.example.com A 203.0.113.10'],
	},
	{
		title: 'an Internet host asks public DNS: the public chain through privatelink (S-STPE)',
		from: 'example-web',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
	},
	{
		title: 'the apex of a linked zone exists but has no A record: no answer, not NXDOMAIN (S-DNSLINK)',
		topology(t) {
			t.privateDnsZones = [zone(blobZone, [a('stcontoso', '10.0.3.4')], [['link-hub', 'hub', 'NxDomainRedirect']])];
		},
		from: 'vm-hub',
		name: blobZone,
		result: 'no-answer',
		steps: [/apex of zone privatelink\.blob\.core\.windows\.net/],
	},
	{
		title: 'NxDomainRedirect only applies to privatelink zones: another zone still answers NXDOMAIN (S-NXR)',
		topology(t) {
			t.privateDnsZones.push(zone('contoso.internal', [], [['link-hub', 'hub', 'NxDomainRedirect']]));
		},
		from: 'vm-hub',
		name: 'app.contoso.internal',
		result: 'nxdomain',
		steps: [/NxDomainRedirect only applies to privatelink zones/],
	},
	{
		title: 'a CNAME in a linked zone is chased, even out to public DNS (S-RESOLVER)',
		topology(t) {
			t.privateDnsZones.push(zone('contoso.internal', [cname('web', 'www.example.com.')], [['link-hub', 'hub']]));
		},
		from: 'vm-hub',
		name: 'web.contoso.internal',
		result: 'ip',
		ip: '203.0.113.10',
		chain: ['web.contoso.internal CNAME www.example.com', 'www.example.com A 203.0.113.10'],
	},
	{
		title: 'CNAME loop guard: a chain longer than 8 names stops with no answer',
		topology(t) {
			t.privateDnsZones.push(zone('contoso.internal', [cname('a', 'b.contoso.internal'), cname('b', 'a.contoso.internal')], [['link-hub', 'hub']]));
		},
		from: 'vm-hub',
		name: 'a.contoso.internal',
		result: 'no-answer',
		steps: [/CNAME chain is longer than 8 names/],
	},
	// Docs (private-resolver-endpoints-rulesets, rule processing): a wildcard rule ignores domains reserved for Azure services.
	{
		title: "wildcard rule '.': a name under no reserved domain is forwarded (corp.contoso.com)",
		topology: wildcardToOnPremises(),
		from: 'vm-spoke',
		name: 'app.corp.contoso.com',
		result: 'ip',
		ip: '203.0.113.20',
		origin: {kind: 'forwarder', forwarder: '. → 192.168.1.10'},
		steps: [/the rule for \. in ruleset rs-all \(resolver-hub\) forwards it to 192\.168\.1\.10/],
	},
	{
		title: "wildcard rule '.': a blob name (windows.net) is not forwarded; Azure DNS answers from the VNet's linked privatelink zone",
		topology: wildcardToOnPremises(),
		from: 'vm-hub',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
		origin: {kind: 'private-zone', zone: blobZone, link: 'link-hub'},
		steps: [/the rule for \. in ruleset rs-all \(resolver-hub\) does not apply: a wildcard rule ignores names under windows\.net, a domain reserved for Azure services/],
	},
	{
		title: "wildcard rule '.': a blob name (windows.net) is not forwarded; with no linked zone Azure DNS gives the public answer",
		topology: wildcardToOnPremises(),
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '52.239.10.20',
		chain: publicStcontosoChain,
		origin: {kind: 'public'},
		steps: [/ignores names under windows\.net/],
	},
	{
		title: "wildcard rule '.': management.azure.com (azure.com) is not forwarded; Azure DNS resolves it publicly",
		topology: wildcardToOnPremises(),
		from: 'vm-spoke',
		name: 'management.azure.com',
		result: 'ip',
		ip: '4.150.240.10',
		chain: ['management.azure.com A 4.150.240.10'],
		origin: {kind: 'public'},
		steps: [/the rule for \. in ruleset rs-all \(resolver-hub\) does not apply: a wildcard rule ignores names under azure\.com/],
	},
	{
		title: "wildcard rule '.': a name ending like a reserved domain on no label boundary is still forwarded (notwindows.net)",
		topology: wildcardToOnPremises(),
		from: 'vm-spoke',
		name: 'app.notwindows.net',
		result: 'nxdomain',
		steps: [/the rule for \. in ruleset rs-all \(resolver-hub\) forwards it to 192\.168\.1\.10/],
	},
	{
		title: 'an explicit rule for a reserved domain still forwards: only the wildcard ignores them (blob.core.windows.net)',
		topology: explicitRule('blob.core.windows.net', '10.0.4.4'),
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
		origin: {kind: 'forwarder', forwarder: 'blob.core.windows.net → 10.0.4.4', zone: blobZone, link: 'link-hub'},
		steps: [/the rule for blob\.core\.windows\.net in ruleset rs-all \(resolver-hub\) forwards it to 10\.0\.4\.4/],
	},
	{
		title: 'an explicit rule for a privatelink zone still forwards the CNAME target while the wildcard ignores the public name',
		topology: explicitRule(blobZone, '10.0.4.4'),
		from: 'vm-spoke',
		name: 'stcontoso.blob.core.windows.net',
		result: 'ip',
		ip: '10.0.3.4',
		chain: privateChain,
		origin: {kind: 'forwarder', forwarder: `${blobZone} → 10.0.4.4`, zone: blobZone},
		steps: [/ignores names under windows\.net/, /the rule for privatelink\.blob\.core\.windows\.net in ruleset rs-all \(resolver-hub\) forwards it to 10\.0\.4\.4/],
	},
	{
		title: 'an explicit rule for the reserved domain itself still forwards (azure.com)',
		topology: explicitRule('azure.com', '192.168.1.10'),
		from: 'vm-spoke',
		name: 'management.azure.com',
		result: 'ip',
		ip: '4.150.240.10',
		origin: {kind: 'forwarder', forwarder: 'azure.com → 192.168.1.10'},
		steps: [/the rule for azure\.com in ruleset rs-all \(resolver-hub\) forwards it to 192\.168\.1\.10/],
	},
	{
		title: 'forwarding loop guard: on-premises and a hub ruleset forwarding to each other stop with no answer',
		topology(t) {
			t.localNetworks = [site([{domain: 'corp.contoso.com', targets: ['10.0.4.4']}])];
			t.dnsResolvers[0]!.forwardingRulesets = [{name: 'rs-hub', vnetLinks: ['hub'], rules: [{domain: 'corp.contoso.com', targets: ['192.168.1.10']}]}];
		},
		from: 'onprem-pc',
		name: 'app.corp.contoso.com',
		result: 'no-answer',
		steps: [/forwarded more than 8 times/],
	},
];

for (const c of cases) {
	test(c.title, (t) => {
		const network = buildNetwork(c.topology ? variant(c.topology) : base());
		const resolution = resolve(network, c.from, c.name);
		const context = JSON.stringify(resolution, null, 2);
		t.is(resolution.result, c.result, context);
		t.is(resolution.ip, c.ip, context);
		if (c.chain) t.deepEqual(chain(resolution), c.chain, context);
		if (c.origin) t.like(resolution.answers.at(-1)?.origin, c.origin, context);
		for (const pattern of c.steps ?? []) t.true(resolution.steps.some((step) => pattern.test(step)), `no step matches ${pattern}\n${context}`);
	});
}

const reservedCases: Array<[name: string, reserved: string | undefined]> = [
	['windows.net', 'windows.net'],
	['stx.blob.core.windows.net', 'windows.net'],
	['stx.privatelink.blob.core.windows.net', 'windows.net'],
	['management.azure.com', 'azure.com'],
	['kv.vault.azure.net', 'azure.net'],
	['x.backup.windowsazure.us', 'windowsazure.us'],
	['corp.contoso.com', undefined],
	['app.notwindows.net', undefined],
	['azure.com.contoso.com', undefined],
	['', undefined],
];

test('reservedAzureDomain: a name is reserved when it is, or is under, a reserved two-label domain', (t) => {
	for (const [name, reserved] of reservedCases) t.is(reservedAzureDomain(name), reserved, name);
	for (const domain of wildcardReservedDomains) t.is(domain.split('.').length, 2, `${domain} has two labels`);
});

test('dnsClientFor: a NIC is in its VNet, an on-premises host in its site, an unknown name is undefined', (t) => {
	const network = buildNetwork(base());
	t.deepEqual(dnsClientFor(network, 'vm-spoke'), {kind: 'vnet', vnet: 'spoke', label: 'vm-spoke'});
	t.deepEqual(dnsClientFor(network, 'onprem-pc'), {kind: 'on-premises', localNetwork: 'onprem', label: 'onprem-pc'});
	t.is(dnsClientFor(network, 'nobody'), undefined);
});

test('resolve throws a clear error for an unknown client', (t) => {
	const network = buildNetwork(base());
	t.throws(() => resolve(network, 'nobody', 'www.example.com'), {message: /unknown DNS client 'nobody'/});
});

test('resolveName reports the normalised name and the client label', (t) => {
	const network = buildNetwork(base());
	const resolution = resolveName(network, {kind: 'vnet', vnet: 'hub', label: 'someone'}, 'WWW.Example.com.');
	t.is(resolution.name, 'www.example.com');
	t.is(resolution.from, 'someone');
});

test('ownerOfName maps public and privatelink names back to the resource and sub-resource', (t) => {
	const network = buildNetwork(base());
	t.like(ownerOfName(network, 'StContoso.blob.core.windows.net.'), {resource: {name: 'stcontoso'}, subResource: {groupId: 'blob'}, isPrivateLinkName: false});
	t.like(ownerOfName(network, 'kv-contoso.privatelink.vaultcore.azure.net'), {resource: {name: 'kv-contoso'}, subResource: {groupId: 'vault'}, isPrivateLinkName: true});
	t.is(ownerOfName(network, 'www.example.com'), undefined);
});

test('resolutions are repeatable on one network (memoised tables are not mutated)', (t) => {
	const network = buildNetwork(base());
	const first = resolve(network, 'vm-hub', 'stcontoso.blob.core.windows.net');
	const second = resolve(network, 'vm-hub', 'stcontoso.blob.core.windows.net');
	t.deepEqual(second, first);
});
