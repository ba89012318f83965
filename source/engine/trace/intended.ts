/**
 * Which resource and sub-resource a client means when it connects by name: the Host it asks
 * for. A private endpoint checks this against its one mapped resource (exfiltration protection).
 */
import type {Network} from '../network.js';
import type {Intended} from './walk.js';

const storageSubresources = ['blob', 'file', 'queue', 'table', 'web', 'dfs'];

export function intendedResource(network: Network, name: string): Intended | undefined {
	const lower = name.toLowerCase().replace(/\.$/, '');
	const labels = lower.split('.');
	const account = labels[0]!;
	const rest = labels.slice(1).filter((label) => label !== 'privatelink').join('.');
	const resource = network.resources.get(account) ?? [...network.resources.values()].find((r) => r.name.toLowerCase() === account);
	if (!resource) return undefined;
	if (resource.type === 'Microsoft.Storage/storageAccounts') {
		const sub = storageSubresources.find((s) => rest === `${s}.core.windows.net`);
		return sub ? {resource: resource.name, groupId: sub} : undefined;
	}

	if (resource.type === 'Microsoft.Sql/servers' && rest === 'database.windows.net') return {resource: resource.name, groupId: 'sqlServer'};
	if (resource.type === 'Microsoft.KeyVault/vaults' && (rest === 'vault.azure.net' || rest === 'vaultcore.azure.net')) {
		return {resource: resource.name, groupId: 'vault'};
	}

	return undefined;
}
