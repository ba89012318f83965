/**
 * The sample service tag table (S-TAGS, S-UDR section 4): lookups, overrides from the topology,
 * resource addresses derived into their tags, endpoint services, region pairs and tag ranks.
 */
import test from 'ava';
import {prefixCovers, prefixesOverlap, parsePrefix} from '../../source/engine/address.js';
import {
	isServiceTagName,
	mergePrefixes,
	pairedRegion,
	regionalTagName,
	serviceForEndpoint,
	serviceTagPrefixes,
	serviceTagRank,
	serviceTags,
} from '../../source/engine/service-tags.js';
import {net} from '../helpers/topology.js';

const texts = (prefixes: ReadonlyArray<{text: string}> | undefined) => prefixes?.map((prefix) => prefix.text);

const regions = ['WestEurope', 'NorthEurope', 'EastUS', 'WestUS'];
const services = ['Storage', 'Sql', 'AzureKeyVault'];

test('S-TAGS sample: Storage.WestEurope is the documented sample 52.239.0.0/16', (t) => {
	t.deepEqual(texts(serviceTagPrefixes(net(), 'Storage.WestEurope')), ['52.239.0.0/16']);
});

for (const name of ['storage.westeurope', 'STORAGE.WESTEUROPE', 'Storage.westeurope']) {
	test(`S-TAGS tag names match case-insensitively: ${name}`, (t) => {
		t.deepEqual(texts(serviceTagPrefixes(net(), name)), ['52.239.0.0/16']);
	});
}

test('S-TAGS sample: every service has a regional tag in each sample region, all pairwise disjoint', (t) => {
	const network = net();
	const all = services.flatMap((service) => regions.map((region) => ({tag: `${service}.${region}`, prefixes: serviceTagPrefixes(network, `${service}.${region}`)!})));
	for (const {tag, prefixes} of all) t.true(prefixes.length > 0, tag);
	for (const [i, a] of all.entries()) {
		for (const b of all.slice(i + 1)) {
			const overlap = a.prefixes.some((pa) => b.prefixes.some((pb) => prefixesOverlap(pa, pb)));
			t.false(overlap, `${a.tag} and ${b.tag} overlap`);
		}
	}
});

for (const service of services) {
	test(`S-TAGS "Storage represents Azure Storage for the entire cloud": top-level ${service} is the union of its regional tags`, (t) => {
		const network = net();
		const union = mergePrefixes(regions.flatMap((region) => serviceTagPrefixes(network, `${service}.${region}`)!));
		t.deepEqual(texts(serviceTagPrefixes(network, service)), texts(union));
	});
}

test('S-TAGS AzureCloud.westeurope covers every service regional tag of westeurope', (t) => {
	const network = net();
	const cloud = serviceTagPrefixes(network, 'AzureCloud.westeurope')!;
	for (const service of services) {
		for (const prefix of serviceTagPrefixes(network, `${service}.WestEurope`)!) {
			t.true(cloud.some((c) => prefixCovers(c, prefix)), `${service}.WestEurope ${prefix.text}`);
		}
	}

	t.true(cloud.some((c) => prefixCovers(c, parsePrefix('20.50.0.0/16'))), 'Azure public IPs of the region');
	t.false(cloud.some((c) => prefixCovers(c, parsePrefix('52.240.0.0/16'))), 'not EastUS storage');
});

test('S-TAGS AzureCloud covers every other tag', (t) => {
	const network = net();
	const cloud = serviceTagPrefixes(network, 'AzureCloud')!;
	for (const tag of serviceTags(network)) {
		for (const prefix of tag.prefixes) t.true(cloud.some((c) => prefixCovers(c, prefix)), `${tag.name} ${prefix.text}`);
	}
});

test('S-TAGS unknown tags and NSG-only tags are not in the table', (t) => {
	const network = net();
	t.is(serviceTagPrefixes(network, 'NoSuchTag'), undefined);
	t.is(serviceTagPrefixes(network, 'Storage.MarsCentral'), undefined);
	t.is(serviceTagPrefixes(network, 'VirtualNetwork'), undefined);
	t.is(serviceTagPrefixes(network, 'Internet'), undefined);
});

test('topology serviceTags override a regional tag, and the top-level tag follows', (t) => {
	const network = net({serviceTags: {'Storage.WestEurope': ['198.18.0.0/24']}});
	t.deepEqual(texts(serviceTagPrefixes(network, 'Storage.WestEurope')), ['198.18.0.0/24']);
	const storage = texts(serviceTagPrefixes(network, 'Storage'))!;
	t.true(storage.includes('198.18.0.0/24'));
	t.false(storage.includes('52.239.0.0/16'));
	t.true(texts(serviceTagPrefixes(network, 'AzureCloud.westeurope'))!.includes('198.18.0.0/24'));
});

test('topology serviceTags add a new regional tag that joins its family', (t) => {
	const network = net({serviceTags: {'Storage.JapanEast': ['198.18.1.0/24']}});
	t.deepEqual(texts(serviceTagPrefixes(network, 'storage.japaneast')), ['198.18.1.0/24']);
	t.true(texts(serviceTagPrefixes(network, 'Storage'))!.includes('198.18.1.0/24'));
	t.true(texts(serviceTagPrefixes(network, 'AzureCloud'))!.includes('198.18.1.0/24'));
});

test('topology serviceTags override a top-level tag and define a custom one', (t) => {
	const network = net({serviceTags: {Sql: ['198.18.2.0/24'], MyPartner: ['203.0.113.0/24']}});
	t.deepEqual(texts(serviceTagPrefixes(network, 'Sql')), ['198.18.2.0/24']);
	t.deepEqual(texts(serviceTagPrefixes(network, 'Sql.WestEurope')), ['40.68.0.0/16']);
	t.deepEqual(texts(serviceTagPrefixes(network, 'mypartner')), ['203.0.113.0/24']);
});

const derivedCases = [
	{type: 'Microsoft.Storage/storageAccounts', ip: '198.51.100.20', regional: 'Storage.WestEurope', top: 'Storage'},
	{type: 'Microsoft.Sql/servers', ip: '198.51.100.21', regional: 'Sql.WestEurope', top: 'Sql'},
	{type: 'Microsoft.KeyVault/vaults', ip: '198.51.100.22', regional: 'AzureKeyVault.WestEurope', top: 'AzureKeyVault'},
] as const;

for (const {type, ip, regional, top} of derivedCases) {
	test(`DERIVED a ${type} public IP outside the sample joins ${regional}, ${top} and AzureCloud`, (t) => {
		const network = net({resources: [{name: 'res', type, region: 'westeurope', publicIpAddress: ip}]});
		for (const tag of [regional, top, 'AzureCloud.westeurope', 'AzureCloud']) {
			t.true(texts(serviceTagPrefixes(network, tag))!.includes(`${ip}/32`), tag);
		}
	});
}

test('DERIVED a resource IP already inside its tag adds no /32', (t) => {
	const network = net({resources: [{name: 'st', type: 'Microsoft.Storage/storageAccounts', region: 'westeurope', publicIpAddress: '52.239.10.20'}]});
	t.deepEqual(texts(serviceTagPrefixes(network, 'Storage.WestEurope')), ['52.239.0.0/16']);
});

test('DERIVED a resource IP stays inside its tag even when the topology overrides the tag without it', (t) => {
	const network = net({
		serviceTags: {'Storage.WestEurope': ['198.18.0.0/24']},
		resources: [{name: 'st', type: 'Microsoft.Storage/storageAccounts', region: 'westeurope', publicIpAddress: '52.239.10.20'}],
	});
	t.deepEqual(texts(serviceTagPrefixes(network, 'Storage.WestEurope')), ['52.239.10.20/32', '198.18.0.0/24']);
});

test('DERIVED a resource in a region outside the sample creates its regional tag', (t) => {
	const network = net({resources: [{name: 'st', type: 'Microsoft.Storage/storageAccounts', region: 'japaneast', publicIpAddress: '198.51.100.30'}]});
	t.deepEqual(texts(serviceTagPrefixes(network, 'Storage.JapanEast')), ['198.51.100.30/32']);
	t.deepEqual(texts(serviceTagPrefixes(network, 'AzureCloud.japaneast')), ['198.51.100.30/32']);
});

test('the table is memoised per network', (t) => {
	const network = net();
	t.is(serviceTagPrefixes(network, 'Storage'), serviceTagPrefixes(network, 'storage'));
});

const endpointCases: Array<[string, string | undefined]> = [
	['Microsoft.Storage', 'Storage'],
	['Microsoft.Sql', 'Sql'],
	['Microsoft.KeyVault', 'AzureKeyVault'],
	['microsoft.storage', 'Storage'],
	['Microsoft.Nothing', undefined],
];
for (const [endpoint, tag] of endpointCases) {
	test(`S-SE service endpoint ${endpoint} uses the ${tag ?? 'no'} tag`, (t) => {
		t.is(serviceForEndpoint(endpoint), tag);
	});
}

const pairCases: Array<[string, string | undefined]> = [
	['westeurope', 'northeurope'],
	['northeurope', 'westeurope'],
	['eastus', 'westus'],
	['westus', 'eastus'],
	['WestEurope', 'northeurope'],
	['japaneast', 'japanwest'],
	['uksouth', 'ukwest'],
	['eastus2', 'centralus'],
	// Azure region pairs: West US 3 pairs one-way with East US, whose own pair is West US.
	['westus3', 'eastus'],
	['italynorth', undefined],
	['nosuchregion', undefined],
];
for (const [region, pair] of pairCases) {
	test(`S-STNS Storage endpoints include the paired region: ${region} -> ${pair ?? 'none (unpaired or unknown)'}`, (t) => {
		t.is(pairedRegion(region), pair);
	});
}

const tagNameCases: Array<[string, string, string]> = [
	['Storage', 'westeurope', 'Storage.WestEurope'],
	['Sql', 'eastus', 'Sql.EastUS'],
	['AzureCloud', 'westeurope', 'AzureCloud.westeurope'],
	['Storage', 'marscentral', 'Storage.marscentral'],
];
for (const [service, region, name] of tagNameCases) {
	test(`S-TAGS regional tag name of ${service} in ${region} is ${name}`, (t) => {
		t.is(regionalTagName(service, region), name);
	});
}

const rankCases: Array<[string, number]> = [
	['52.239.0.0/16', 0],
	['Storage.WestEurope', 1],
	['Storage', 2],
	['AzureCloud.westeurope', 3],
	['AzureCloud', 4],
	['azurecloud', 4],
];
for (const [prefix, rank] of rankCases) {
	test(`S-UDR service tags exact match order: ${prefix} has rank ${rank}`, (t) => {
		t.is(serviceTagRank(prefix), rank);
	});
}

const nameCases: Array<[string, boolean]> = [
	['Storage', true],
	['Storage.WestEurope', true],
	['sql.eastus', true],
	['AzureKeyVault', true],
	['AzureCloud.westeurope', true],
	['10.0.0.0/16', false],
	['10.0.0.4', false],
	['VirtualNetwork', false],
	['Internet', false],
	['AzureLoadBalancer', false],
	['NotATag', false],
	['Storage..WestEurope', false],
	['', false],
];
for (const [text, expected] of nameCases) {
	test(`S-UDR service tag as address prefix: isServiceTagName('${text}') is ${expected}`, (t) => {
		t.is(isServiceTagName(text), expected);
	});
}

test('S-UDR service tag as address prefix: a custom tag of the topology is a tag name for that network', (t) => {
	const network = net({serviceTags: {MyPartner: ['203.0.113.0/24']}});
	t.true(isServiceTagName('MyPartner', network));
	t.false(isServiceTagName('MyPartner'));
});
