/**
 * Public DNS, derived from the topology (design section 2): the names Azure gives each PaaS
 * resource, the CNAME into `privatelink.` once a private endpoint exists, the service-owned
 * public endpoint name that finally holds the A record, and the Internet hosts' names.
 * One table, name -> record, built once per network.
 */
import {cached, type Network} from '../network.js';
import type {Resource, ResourceType} from '../topology.js';
import {normalizeName} from './names.js';

export type PublicRecord = {
	type: 'A' | 'CNAME';
	value: string;
	/** Why public DNS holds this record, in words for the learner. */
	note: string;
};

/** A private-link sub-resource (group id) of a resource type and the DNS zones that go with it. */
export type SubResource = {
	groupId: string;
	/** The public zone the resource's name lives in (also the zone to forward from on-premises, S-PEDNSI). */
	publicZone: string;
	/** The zone Azure points the public name at once a private endpoint exists (S-PEDNS zone table). */
	privateLinkZone: string;
};

// S-PEDNS: the zone table per sub-resource. Storage has one pair per service (blob, file, queue,
// table, web, dfs); SQL Database lives under database.windows.net; Key Vault's privatelink zone is
// vaultcore.azure.net although its public name is under vault.azure.net.
const storage = ['blob', 'file', 'queue', 'table', 'web', 'dfs'].map((groupId): SubResource => ({
	groupId,
	publicZone: `${groupId}.core.windows.net`,
	privateLinkZone: `privatelink.${groupId}.core.windows.net`,
}));

const subResourceTable: Record<ResourceType, SubResource[]> = {
	'Microsoft.Storage/storageAccounts': storage,
	'Microsoft.Sql/servers': [
		{groupId: 'sqlServer', publicZone: 'database.windows.net', privateLinkZone: 'privatelink.database.windows.net'},
	],
	'Microsoft.KeyVault/vaults': [
		{groupId: 'vault', publicZone: 'vault.azure.net', privateLinkZone: 'privatelink.vaultcore.azure.net'},
	],
};

/** The sub-resources a resource type offers to private endpoints, each with its public and privatelink zone. */
export function subResourcesOf(type: ResourceType): readonly SubResource[] {
	return subResourceTable[type];
}

/** The public name of a resource's sub-resource, e.g. `stcontoso.blob.core.windows.net`. */
export function publicNameOf(resource: Resource, subResource: SubResource): string {
	return `${resource.name.toLowerCase()}.${subResource.publicZone}`;
}

/** The `privatelink.` name the public name is a CNAME to once a private endpoint exists. */
export function privateLinkNameOf(resource: Resource, subResource: SubResource): string {
	return `${resource.name.toLowerCase()}.${subResource.privateLinkZone}`;
}

/**
 * The service-owned public endpoint the resource's name finally points at (S-STPE shows
 * `CNAME <storage service public endpoint>` then `A <public IP>`). Real names carry a stamp
 * (`blob.ams07prdstr02a.store.core.windows.net`); ours derive the stamp from the region and
 * the public IP, so accounts sharing an IP share the endpoint and no two endpoints disagree.
 */
export function publicEndpointOf(resource: Resource, subResource: SubResource): string {
	const stamp = `${resource.region.toLowerCase().replaceAll(/[^a-z\d]/g, '')}-${resource.publicIpAddress.replaceAll('.', '-')}`;
	switch (resource.type) {
		case 'Microsoft.Storage/storageAccounts':
			return `${subResource.groupId}.${stamp}.store.core.windows.net`;
		case 'Microsoft.Sql/servers':
			return `cr.${stamp}.control.database.windows.net`;
		case 'Microsoft.KeyVault/vaults':
			return `data-prod.${stamp}.vaultcore.azure.net`;
	}
}

/** Which resource and sub-resource a public or privatelink name belongs to. */
export type NameOwner = {resource: Resource; subResource: SubResource; isPrivateLinkName: boolean};

/** Private endpoint names per `resource|groupId`, whatever their connection status. */
function endpointsBySubResource(network: Network): Map<string, string[]> {
	return cached(network, 'dns:endpoints-by-sub-resource', () => {
		const table = new Map<string, string[]>();
		for (const endpoint of network.topology.privateEndpoints) {
			const key = `${endpoint.connection.target}|${endpoint.connection.groupId}`;
			table.set(key, [...(table.get(key) ?? []), endpoint.name]);
		}

		return table;
	});
}

/** The private endpoints whose connection targets this resource's sub-resource. */
export function privateEndpointsFor(network: Network, resource: Resource, subResource: SubResource): readonly string[] {
	return endpointsBySubResource(network).get(`${resource.name}|${subResource.groupId}`) ?? [];
}

type PublicTable = {records: Map<string, PublicRecord>; owners: Map<string, NameOwner>};

function publicTable(network: Network): PublicTable {
	return cached(network, 'dns:public', () => {
		const records = new Map<string, PublicRecord>();
		const owners = new Map<string, NameOwner>();
		const add = (name: string, record: PublicRecord) => {
			if (!records.has(name)) records.set(name, record);
		};

		for (const resource of network.topology.resources) {
			for (const subResource of subResourcesOf(resource.type)) {
				const publicName = publicNameOf(resource, subResource);
				const privateLinkName = privateLinkNameOf(resource, subResource);
				const endpoint = publicEndpointOf(resource, subResource);
				const endpoints = privateEndpointsFor(network, resource, subResource);
				owners.set(publicName, {resource, subResource, isPrivateLinkName: false});
				owners.set(privateLinkName, {resource, subResource, isPrivateLinkName: true});
				if (endpoints.length > 0) {
					// S-PEDNS: "Azure creates a canonical name DNS record (CNAME) on the public DNS" that
					// redirects to the privatelink name. Azure adds it when the private endpoint connection is
					// created, so any connection counts here, whatever its approval status.
					add(publicName, {
						type: 'CNAME',
						value: privateLinkName,
						note: `${resource.name} has a private endpoint for ${subResource.groupId}, ${endpoints.join(', ')}, so its public name points into ${subResource.privateLinkZone}`,
					});
					// S-STPE: seen from outside, the privatelink name continues to the public endpoint.
					add(privateLinkName, {
						type: 'CNAME',
						value: endpoint,
						note: `outside a network that holds the ${subResource.privateLinkZone} zone, the privatelink name leads to the public endpoint`,
					});
				} else {
					// S-STPE known issue: without any private endpoint the name never enters privatelink.
					add(publicName, {
						type: 'CNAME',
						value: endpoint,
						note: `${resource.name} has no private endpoint for ${subResource.groupId}, so its name leads straight to its public endpoint`,
					});
				}

				add(endpoint, {type: 'A', value: resource.publicIpAddress, note: `the public IP address of ${resource.name}`});
			}
		}

		for (const host of network.topology.internetHosts) {
			if (host.fqdn) add(normalizeName(host.fqdn), {type: 'A', value: host.ipAddress, note: `Internet host ${host.name}`});
		}

		return {records, owners};
	});
}

/** The public DNS record for a normalised name, if the name exists on the Internet. */
export function publicRecord(network: Network, name: string): PublicRecord | undefined {
	return publicTable(network).records.get(name);
}

/** The resource behind a public or privatelink name (`stcontoso.blob.core.windows.net`), if any. */
export function ownerOfName(network: Network, name: string): NameOwner | undefined {
	return publicTable(network).owners.get(normalizeName(name));
}
