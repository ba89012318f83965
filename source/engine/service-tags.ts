/**
 * Service tags a user-defined route (or an NSG rule) may name: Storage, Storage.WestEurope,
 * Sql, AzureKeyVault, AzureCloud, ... (S-TAGS, S-UDR section 4).
 *
 * The ranges below are a SAMPLE, made up for the lab: they are NOT Microsoft's published
 * service tag list (which changes weekly and holds thousands of prefixes). They are public,
 * pairwise disjoint /16s, so a learner can tell the services and regions apart at a glance.
 * A topology's `serviceTags` overrides a tag or adds one. Every resource's public IP is added
 * to its service's regional and top-level tags (and AzureCloud's), so a lab's made-up
 * resource address always lies inside its tag.
 *
 * VirtualNetwork, Internet and AzureLoadBalancer are NSG-only tags computed per subnet
 * elsewhere (design section 9); they are not here.
 */
import {comparePrefixes, hostPrefix, prefixCovers, type Prefix} from './address.js';
import {cached, prefixOf, type Network} from './network.js';
import {pairedRegionOf} from './regions.js';
import type {ResourceType} from './topology.js';

/** Sample regional ranges per service: region (lowercase, as a topology writes it) -> CIDRs. */
const sampleServiceRanges: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
	Storage: {
		westeurope: ['52.239.0.0/16'],
		northeurope: ['52.236.0.0/16'],
		eastus: ['52.240.0.0/16'],
		westus: ['52.241.0.0/16'],
	},
	Sql: {
		westeurope: ['40.68.0.0/16'],
		northeurope: ['40.69.0.0/16'],
		eastus: ['40.71.0.0/16'],
		westus: ['40.72.0.0/16'],
	},
	AzureKeyVault: {
		westeurope: ['51.105.0.0/16'],
		northeurope: ['51.104.0.0/16'],
		eastus: ['51.106.0.0/16'],
		westus: ['51.107.0.0/16'],
	},
};

/**
 * Sample ranges of AzureCloud.<region> beyond the services above (VM public IPs, gateways,
 * NAT gateways: the design's examples use 20.50.x.x in westeurope).
 */
const sampleCloudRanges: Readonly<Record<string, readonly string[]>> = {
	westeurope: ['20.50.0.0/16'],
	northeurope: ['20.51.0.0/16'],
	eastus: ['20.52.0.0/16'],
	westus: ['20.53.0.0/16'],
};

/** How Azure spells a region inside a service's regional tag (Storage.WestEurope). */
const regionTagNames: Readonly<Record<string, string>> = {
	westeurope: 'WestEurope',
	northeurope: 'NorthEurope',
	eastus: 'EastUS',
	eastus2: 'EastUS2',
	westus: 'WestUS',
	westus2: 'WestUS2',
	westus3: 'WestUS3',
	centralus: 'CentralUS',
	northcentralus: 'NorthCentralUS',
	southcentralus: 'SouthCentralUS',
	westcentralus: 'WestCentralUS',
	uksouth: 'UKSouth',
	ukwest: 'UKWest',
	francecentral: 'FranceCentral',
	germanywestcentral: 'GermanyWestCentral',
	swedencentral: 'SwedenCentral',
	japaneast: 'JapanEast',
	japanwest: 'JapanWest',
	eastasia: 'EastAsia',
	southeastasia: 'SoutheastAsia',
	australiaeast: 'AustraliaEast',
	canadacentral: 'CanadaCentral',
};

/** Service endpoint identifier -> the service tag of its ranges (S-SE). */
const endpointServices: Readonly<Record<string, string>> = {
	'microsoft.storage': 'Storage',
	'microsoft.sql': 'Sql',
	'microsoft.keyvault': 'AzureKeyVault',
	'microsoft.azurecosmosdb': 'AzureCosmosDB',
	'microsoft.servicebus': 'ServiceBus',
	'microsoft.eventhub': 'EventHub',
	'microsoft.web': 'AppService',
	'microsoft.containerregistry': 'AzureContainerRegistry',
	'microsoft.cognitiveservices': 'CognitiveServicesManagement',
};

/** Resource type -> service tag, for the derived resource addresses. */
const resourceServices: Readonly<Record<ResourceType, string>> = {
	'Microsoft.Storage/storageAccounts': 'Storage',
	'Microsoft.Sql/servers': 'Sql',
	'Microsoft.KeyVault/vaults': 'AzureKeyVault',
};

const cloudTag = 'AzureCloud';
const nsgOnlyTags = new Set(['virtualnetwork', 'internet', 'azureloadbalancer', 'azureplatformdns', 'azureplatformimds', 'azureplatformlkm']);
const tagShape = /^[A-Za-z][A-Za-z\d]*(?:\.[A-Za-z\d]+)?$/;

/** A tag's canonical spelling and its (sorted, de-duplicated) prefixes. */
export type ServiceTag = {readonly name: string; readonly prefixes: readonly Prefix[]};

/** The service tag of a service endpoint identifier: `Microsoft.Storage` -> `Storage` (S-SE). */
export function serviceForEndpoint(endpoint: string): string | undefined {
	return endpointServices[endpoint.toLowerCase()];
}

/** The region a Storage service endpoint also covers (S-STNS), lowercase; undefined when unknown. */
export function pairedRegion(region: string): string | undefined {
	return pairedRegionOf(region);
}

/** A service's regional tag name: (`Storage`, `westeurope`) -> `Storage.WestEurope`; AzureCloud keeps the lowercase region. */
export function regionalTagName(service: string, region: string): string {
	const lower = region.toLowerCase();
	if (service.toLowerCase() === cloudTag.toLowerCase()) return `${cloudTag}.${lower}`;
	return `${service}.${regionTagNames[lower] ?? lower}`;
}

/**
 * Tie-break rank of a route's address prefix on an equal prefix (S-UDR section 4, "Exact
 * Match"): explicit CIDR 0 < regional tag 1 < top-level tag 2 < AzureCloud regional 3 < AzureCloud 4.
 */
export function serviceTagRank(addressPrefix: string): number {
	if (addressPrefix.includes('/')) return 0;
	const lower = addressPrefix.toLowerCase();
	if (lower === 'azurecloud') return 4;
	if (lower.startsWith('azurecloud.')) return 3;
	return lower.includes('.') ? 1 : 2;
}

/**
 * Whether text names a service tag a route may use: the sample families (Storage, Sql,
 * AzureKeyVault, AzureCloud and the service endpoint services), optionally `.Region`, or any
 * tag of the network's table when a network is given. Not the NSG-only tags.
 */
export function isServiceTagName(text: string, network?: Network): boolean {
	if (typeof text !== 'string' || !tagShape.test(text)) return false;
	const lower = text.toLowerCase();
	if (nsgOnlyTags.has(lower)) return false;
	if (network && serviceTagTable(network).has(lower)) return true;
	const family = lower.split('.')[0]!;
	return knownFamilies.has(family);
}

const knownFamilies = new Set([
	cloudTag.toLowerCase(),
	...Object.keys(sampleServiceRanges).map((name) => name.toLowerCase()),
	...Object.values(endpointServices).map((name) => name.toLowerCase()),
]);

/**
 * The prefixes of a service tag (case-insensitive name), sorted and de-duplicated, or undefined
 * when the network knows no such tag. The array is shared: do not mutate it.
 */
export function serviceTagPrefixes(network: Network, tag: string): Prefix[] | undefined {
	const entry = serviceTagTable(network).get(tag.toLowerCase());
	return entry ? (entry.prefixes as Prefix[]) : undefined;
}

/** Every tag the network knows, by canonical name. */
export function serviceTags(network: Network): ServiceTag[] {
	return [...serviceTagTable(network).values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Sort, then drop prefixes covered by an earlier one (sorted CIDRs nest, so one pass suffices). */
export function mergePrefixes(prefixes: readonly Prefix[]): Prefix[] {
	const sorted = [...prefixes].sort(comparePrefixes);
	const kept: Prefix[] = [];
	for (const prefix of sorted) {
		const last = kept.at(-1);
		if (last && prefixCovers(last, prefix)) continue;
		kept.push(prefix);
	}

	return kept;
}

type TagDraft = {name: string; prefixes: Prefix[]};

/** The tag table of a network, keyed by lowercase name; memoised. */
function serviceTagTable(network: Network): Map<string, ServiceTag> {
	return cached(network, 'service-tags', () => buildTable(network));
}

function buildTable(network: Network): Map<string, ServiceTag> {
	const parse = (texts: readonly string[]) => texts.map((text) => prefixOf(network, text));
	const overrides = new Map<string, TagDraft>();
	for (const [name, texts] of Object.entries(network.topology.serviceTags ?? {})) {
		overrides.set(name.toLowerCase(), {name, prefixes: parse(texts)});
	}

	// Regional tags per service: the sample, then the topology's overrides and additions.
	const regional = new Map<string, Map<string, TagDraft>>(); // service (lowercase) -> region (lowercase) -> tag
	const families = new Map<string, string>(); // lowercase -> canonical service name
	const regionalOf = (service: string, region: string): TagDraft => {
		const family = service.toLowerCase();
		if (!families.has(family)) families.set(family, service);
		let byRegion = regional.get(family);
		if (!byRegion) {
			byRegion = new Map();
			regional.set(family, byRegion);
		}

		let draft = byRegion.get(region.toLowerCase());
		if (!draft) {
			draft = {name: regionalTagName(families.get(family)!, region), prefixes: []};
			byRegion.set(region.toLowerCase(), draft);
		}

		return draft;
	};

	for (const [service, regions] of Object.entries(sampleServiceRanges)) {
		for (const [region, texts] of Object.entries(regions)) regionalOf(service, region).prefixes.push(...parse(texts));
	}

	for (const [region, texts] of Object.entries(sampleCloudRanges)) regionalOf(cloudTag, region).prefixes.push(...parse(texts));

	const standalone: TagDraft[] = [];
	for (const [lower, draft] of overrides) {
		const dot = lower.indexOf('.');
		if (dot < 0) {
			if (!families.has(lower)) standalone.push(draft);
			continue;
		}

		// An override replaces the tag's ranges; a new regional tag joins its family (spelled as written).
		const [service, region] = [draft.name.slice(0, dot), lower.slice(dot + 1)];
		const isNew = !regional.get(service.toLowerCase())?.has(region);
		const target = regionalOf(service, region);
		if (isNew) target.name = draft.name;
		target.prefixes = [...draft.prefixes];
	}

	// DERIVED: a resource's public IP is inside its service's regional tag (so the lab's made-up
	// address always belongs to its tag) and inside AzureCloud.<region>.
	const derived: Array<{service: string; region: string; prefix: Prefix}> = [];
	for (const resource of network.topology.resources ?? []) {
		const service = resourceServices[resource.type];
		if (!service || !resource.publicIpAddress) continue;
		const prefix = hostPrefix(resource.publicIpAddress);
		derived.push({service, region: resource.region, prefix}, {service: cloudTag, region: resource.region, prefix});
	}

	// Covered /32s are dropped by mergePrefixes when the table is assembled (no quadratic checks here).
	for (const {service, region, prefix} of derived) regionalOf(service, region).prefixes.push(prefix);

	// AzureCloud.<region> covers every service's regional ranges there (S-TAGS: AzureCloud is all of Azure's public space).
	for (const [family, byRegion] of regional) {
		if (family === cloudTag.toLowerCase()) continue;
		for (const [region, draft] of byRegion) {
			if (overrides.has(regionalTagName(cloudTag, region).toLowerCase())) continue;
			regionalOf(cloudTag, region).prefixes.push(...draft.prefixes);
		}
	}

	const table = new Map<string, ServiceTag>();
	const put = (draft: TagDraft) => table.set(draft.name.toLowerCase(), {name: draft.name, prefixes: mergePrefixes(draft.prefixes)});
	for (const [family, byRegion] of regional) {
		const all: Prefix[] = [];
		for (const draft of byRegion.values()) {
			put(draft);
			all.push(...draft.prefixes);
		}

		// The top-level tag is the union of its regional tags, unless the topology overrides it.
		const override = overrides.get(family);
		const top: TagDraft = override ? {name: override.name, prefixes: [...override.prefixes]} : {name: families.get(family)!, prefixes: all};
		for (const {service, prefix} of derived) if (service.toLowerCase() === family) top.prefixes.push(prefix);

		put(top);
	}

	for (const draft of standalone) put(draft);
	return table;
}
