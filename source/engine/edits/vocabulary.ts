/**
 * The closed lists edits check names against: service endpoint services, private endpoint
 * sub-resources per resource type, service tags, and Azure's limits that edits can reach.
 */
import {isServiceTagName} from '../service-tags.js';
import type {ResourceType, Topology, UserNextHopType} from '../topology.js';
import {closestName} from './names.js';

/** The next hop types a user-defined route may name (S-UDR §3); the system-only ones are not among them. */
export const userNextHopTypes: readonly UserNextHopType[] = ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'];

/** Service endpoint identifiers (S-SE: the services that support them). */
export const serviceEndpointServices = [
	'Microsoft.Storage',
	'Microsoft.Storage.Global',
	'Microsoft.Sql',
	'Microsoft.KeyVault',
	'Microsoft.AzureCosmosDB',
	'Microsoft.ServiceBus',
	'Microsoft.EventHub',
	'Microsoft.Web',
	'Microsoft.CognitiveServices',
	'Microsoft.ContainerRegistry',
	'Microsoft.AzureActiveDirectory',
] as const;

/** The service endpoint a resource type's virtual network rules depend on (S-SE, S-STNS). */
export const serviceEndpointFor: Readonly<Record<ResourceType, readonly string[]>> = {
	'Microsoft.Storage/storageAccounts': ['Microsoft.Storage', 'Microsoft.Storage.Global'],
	'Microsoft.Sql/servers': ['Microsoft.Sql'],
	'Microsoft.KeyVault/vaults': ['Microsoft.KeyVault'],
};

/** Top-level service tags a route or NSG rule may use (regional forms such as Storage.WestEurope too). */
export const serviceTags = [
	'AzureCloud',
	'Storage',
	'Sql',
	'AzureKeyVault',
	'AzureCosmosDB',
	'ServiceBus',
	'EventHub',
	'AppService',
	'AzureMonitor',
	'AzureActiveDirectory',
	'AzureContainerRegistry',
	'AzureFrontDoor.Frontend',
	'AzureFrontDoor.Backend',
	'ApiManagement',
	'AzureBackup',
	'AzureTrafficManager',
	'GatewayManager',
] as const;

/** Tags that only NSG rules understand: computed per NIC, not address ranges a route can use (S-TAGS). */
/**
 * Tags only NSG rules take: computed per subnet (VirtualNetwork, Internet) or naming a platform
 * service of the host node (S-NSG Azure platform considerations: AzureLoadBalancer probes, and the
 * AzurePlatformDNS, AzurePlatformIMDS and AzurePlatformLKM tags that alone filter those services).
 */
export const nsgOnlyTags = ['VirtualNetwork', 'Internet', 'AzureLoadBalancer', 'AzurePlatformDNS', 'AzurePlatformIMDS', 'AzurePlatformLKM'] as const;

/** Azure limits an edit can run into. */
export const limits = {
	/** S-PEFW: "A route table supports up to 400 routes". */
	routesPerTable: 400,
	/** S-UDR: "25 or less routes with service tags in each route table". */
	serviceTagRoutesPerTable: 25,
	/** S-NSG: priorities 100..4096. */
	minPriority: 100,
	maxPriority: 4096,
	/** S-PLS: "up to eight NAT IP addresses per Private Link service". */
	natIpsPerService: 8,
} as const;

const tagPattern = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)?$/;

/** True when text is shaped like a service tag rather than an address. */
export function looksLikeTag(text: string): boolean {
	return tagPattern.test(text);
}

/**
 * Why `text` is not a service tag a route (or, with `nsg`, an NSG rule) may use, or undefined.
 * Tags match case-insensitively, as the engine resolves them; a topology's own `serviceTags` count.
 */
export function tagProblem(text: string, topology: Topology, nsg: boolean): string | undefined {
	const lower = text.toLowerCase();
	const nsgOnly = nsgOnlyTags.some((tag) => tag.toLowerCase() === lower);
	if (nsgOnly) return nsg ? undefined : `${text} is a tag for NSG rules only: a route needs a CIDR prefix or a service tag such as Storage`;
	const own = Object.keys(topology.serviceTags);
	if (isServiceTagName(text) || own.some((tag) => tag.toLowerCase() === lower)) return undefined;
	const candidates = [...(nsg ? nsgOnlyTags : []), ...serviceTags.filter((tag) => isServiceTagName(tag)), ...own];
	const near = closestName(text, candidates);
	return `'${text}' is not a known service tag${near ? ` (did you mean ${near}?)` : ''}`;
}
