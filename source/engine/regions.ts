/**
 * Azure's public region names, as `az account list-locations` spells them (lowercase, no
 * spaces), and their region pairs (Azure region pairs and nonpaired regions,
 * learn.microsoft.com/azure/reliability/regions-paired). A topology's `region` is checked
 * against the names, so `West Europe` or `wsteurope` is caught instead of silently making a
 * resource "another region"; the pairs give a Storage service endpoint its paired region (S-STNS).
 */

/** Region -> its pair. One-way where Azure pairs one-way (West US 3 -> East US, Brazil South -> South Central US). */
export const regionPairs: Readonly<Record<string, string>> = {
	westeurope: 'northeurope',
	northeurope: 'westeurope',
	eastus: 'westus',
	westus: 'eastus',
	eastus2: 'centralus',
	centralus: 'eastus2',
	northcentralus: 'southcentralus',
	southcentralus: 'northcentralus',
	westus2: 'westcentralus',
	westcentralus: 'westus2',
	westus3: 'eastus',
	canadacentral: 'canadaeast',
	canadaeast: 'canadacentral',
	brazilsouth: 'southcentralus',
	brazilsoutheast: 'brazilsouth',
	uksouth: 'ukwest',
	ukwest: 'uksouth',
	francecentral: 'francesouth',
	francesouth: 'francecentral',
	germanywestcentral: 'germanynorth',
	germanynorth: 'germanywestcentral',
	swedencentral: 'swedensouth',
	swedensouth: 'swedencentral',
	norwayeast: 'norwaywest',
	norwaywest: 'norwayeast',
	switzerlandnorth: 'switzerlandwest',
	switzerlandwest: 'switzerlandnorth',
	eastasia: 'southeastasia',
	southeastasia: 'eastasia',
	japaneast: 'japanwest',
	japanwest: 'japaneast',
	koreacentral: 'koreasouth',
	koreasouth: 'koreacentral',
	australiaeast: 'australiasoutheast',
	australiasoutheast: 'australiaeast',
	australiacentral: 'australiacentral2',
	australiacentral2: 'australiacentral',
	centralindia: 'southindia',
	southindia: 'centralindia',
	westindia: 'southindia',
	southafricanorth: 'southafricawest',
	southafricawest: 'southafricanorth',
	uaenorth: 'uaecentral',
	uaecentral: 'uaenorth',
};

/** Regions without a pair (they rely on availability zones). */
const unpairedRegions = [
	'austriaeast',
	'belgiumcentral',
	'chilecentral',
	'indonesiacentral',
	'israelcentral',
	'italynorth',
	'jioindiacentral',
	'jioindiawest',
	'malaysiawest',
	'mexicocentral',
	'newzealandnorth',
	'polandcentral',
	'qatarcentral',
	'spaincentral',
	'taiwannorth',
];

/** Every region name vnetlab knows. */
export const azureRegions: ReadonlySet<string> = new Set([...Object.keys(regionPairs), ...Object.values(regionPairs), ...unpairedRegions]);

/** The region a region is paired with, lowercase; undefined when it has none or is unknown. */
export function pairedRegionOf(region: string): string | undefined {
	return regionPairs[region.toLowerCase()];
}
