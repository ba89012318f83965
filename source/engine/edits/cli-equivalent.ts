/**
 * The Azure CLI command a learner would type for each edit (AZ-104 / AZ-700 style), for
 * debriefs and the TUI's "as az CLI" view. The resource group is shown as `<rg>`. Where the
 * CLI differs by resource type (storage, SQL, Key Vault) the command follows the type.
 */
import type {Resource, ResourceType, Topology} from '../topology.js';
import {findTarget, subscriptionOfService} from './facts.js';
import {zonesMatching} from './lookup.js';
import type {Edit} from './types.js';

const rg = '--resource-group <rg>';

/** Shell-quotes a value when it needs it ('*', empty, spaces). */
function q(value: string): string {
	if (value === '') return '""';
	return /^[\w.\-/:@,=<>]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

function subnetArgs(subnetId: string): string {
	const [vnet, subnet] = subnetId.split('/');
	return `--vnet-name ${q(vnet ?? '')} --name ${q(subnet ?? '')}`;
}

function subnetRefArgs(subnetId: string): string {
	const [vnet, subnet] = subnetId.split('/');
	return `--vnet-name ${q(vnet ?? '')} --subnet ${q(subnet ?? '')}`;
}

function resourceType(topology: Topology, name: string): ResourceType {
	return topology.resources.find((r) => r.name === name)?.type ?? 'Microsoft.Storage/storageAccounts';
}

/** A full resource id with placeholders, for a target in another subscription (its `show` would not find it from here). */
function fullId(subscription: string, provider: string, name: string): string {
	return `/subscriptions/<${subscription}-id>/resourceGroups/<rg>/providers/${provider}/${q(name)}`;
}

/** The `az ... show --query id` that yields a resource's id, as tutorials write it; the full id when it lives in another subscription. */
function resourceIdOf(resource: Pick<Resource, 'name' | 'type' | 'subscription'>, fromSubscription?: string): string {
	if (fromSubscription !== undefined && resource.subscription !== undefined && resource.subscription !== fromSubscription) {
		return fullId(resource.subscription, resource.type, resource.name);
	}

	const group = {
		'Microsoft.Storage/storageAccounts': 'storage account',
		'Microsoft.Sql/servers': 'sql server',
		'Microsoft.KeyVault/vaults': 'keyvault',
	}[resource.type];
	return `$(az ${group} show ${rg} --name ${q(resource.name)} --query id --output tsv)`;
}

/** SQL virtual network rules have names; ours are named after the subnet. */
function sqlRuleName(subnetId: string): string {
	return subnetId.replace('/', '-');
}

function zoneName(topology: Topology, zone: string): string {
	return zonesMatching(topology, zone)[0]?.item.name ?? zone;
}

function vnetId(topology: Topology, from: string, to: string): string {
	const fromSubscription = topology.virtualNetworks.find((v) => v.name === from)?.subscription;
	const toSubscription = topology.virtualNetworks.find((v) => v.name === to)?.subscription;
	if (fromSubscription === undefined || fromSubscription === toSubscription) return q(to);
	return fullId(toSubscription ?? 'subscription', 'Microsoft.Network/virtualNetworks', to);
}

const peeringFlags = {
	allowVirtualNetworkAccess: '--allow-vnet-access',
	allowForwardedTraffic: '--allow-forwarded-traffic',
	allowGatewayTransit: '--allow-gateway-transit',
	useRemoteGateways: '--use-remote-gateways',
} as const;

function connectionTarget(topology: Topology, edit: Extract<Edit, {op: 'set-connection-status'}>): {type: string; name: string} {
	const endpoint = topology.privateEndpoints.find((e) => e.name === edit.privateEndpoint);
	const target = endpoint ? findTarget(topology, endpoint.connection.target) : undefined;
	if (target?.kind === 'resource') return {type: target.resource.type, name: target.resource.name};
	if (target?.kind === 'service') return {type: 'Microsoft.Network/privateLinkServices', name: target.service.name};
	return {type: '<resource-type>', name: endpoint?.connection.target ?? '<resource>'};
}

/** The subscription a new private endpoint is created in: its own field, else its VNet's. */
function endpointSubscription(topology: Topology, edit: Extract<Edit, {op: 'create-private-endpoint'}>): string {
	return edit.subscription ?? topology.virtualNetworks.find((v) => v.name === edit.subnet.split('/')[0])?.subscription ?? '';
}

/** The az CLI command(s) for an edit; `topology` is the one the edit applies to. Several commands are joined by newlines. */
export function azCliFor(edit: Edit, topology: Topology): string {
	switch (edit.op) {
		case 'add-route': {
			const {route} = edit;
			const ip = route.nextHopIpAddress ? ` --next-hop-ip-address ${route.nextHopIpAddress}` : '';
			return `az network route-table route create ${rg} --route-table-name ${q(edit.routeTable)} --name ${q(route.name)} --address-prefix ${q(route.addressPrefix)} --next-hop-type ${route.nextHopType}${ip}`;
		}

		case 'remove-route':
			return `az network route-table route delete ${rg} --route-table-name ${q(edit.routeTable)} --name ${q(edit.name)}`;
		case 'create-route-table':
			return `az network route-table create ${rg} --name ${q(edit.name)}${edit.disableBgpRoutePropagation ? ' --disable-bgp-route-propagation true' : ''}`;
		case 'associate-route-table':
			return `az network vnet subnet update ${rg} ${subnetArgs(edit.subnet)} --route-table ${q(edit.routeTable)}`;
		case 'dissociate-route-table':
			return `az network vnet subnet update ${rg} ${subnetArgs(edit.subnet)} --route-table null`;
		case 'set-route-propagation':
			return `az network route-table update ${rg} --name ${q(edit.routeTable)} --disable-bgp-route-propagation ${!edit.enabled}`;
		case 'set-service-endpoints': {
			// The CLI clears a list argument with `null` (an empty string would be sent as one empty service name).
			const services = edit.services.length > 0 ? edit.services.map(q).join(' ') : 'null';
			return `az network vnet subnet update ${rg} ${subnetArgs(edit.subnet)} --service-endpoints ${services}`;
		}

		case 'add-vnet-rule':
		case 'remove-vnet-rule': {
			const adding = edit.op === 'add-vnet-rule';
			switch (resourceType(topology, edit.resource)) {
				case 'Microsoft.Sql/servers':
					return adding
						? `az sql server vnet-rule create ${rg} --server ${q(edit.resource)} --name ${sqlRuleName(edit.subnet)} ${subnetRefArgs(edit.subnet)}`
						: `az sql server vnet-rule delete ${rg} --server ${q(edit.resource)} --name ${sqlRuleName(edit.subnet)}`;
				case 'Microsoft.KeyVault/vaults':
					return `az keyvault network-rule ${adding ? 'add' : 'remove'} ${rg} --name ${q(edit.resource)} ${subnetRefArgs(edit.subnet)}`;
				default:
					return `az storage account network-rule ${adding ? 'add' : 'remove'} ${rg} --account-name ${q(edit.resource)} ${subnetRefArgs(edit.subnet)}`;
			}
		}

		case 'set-default-action':
			switch (resourceType(topology, edit.resource)) {
				case 'Microsoft.Sql/servers':
					// A SQL server has no default action: allowing everything is a firewall rule over all addresses.
					return edit.action === 'Allow'
						? `az sql server firewall-rule create ${rg} --server ${q(edit.resource)} --name allow-all --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255`
						: `# remove the rule that admits every address (az sql server firewall-rule list shows its name)\naz sql server firewall-rule delete ${rg} --server ${q(edit.resource)} --name <rule-name>`;
				case 'Microsoft.KeyVault/vaults':
					return `az keyvault update ${rg} --name ${q(edit.resource)} --default-action ${edit.action}`;
				default:
					return `az storage account update ${rg} --name ${q(edit.resource)} --default-action ${edit.action}`;
			}

		case 'set-public-network-access':
			switch (resourceType(topology, edit.resource)) {
				case 'Microsoft.Sql/servers':
					return `az sql server update ${rg} --name ${q(edit.resource)} --enable-public-network ${edit.access === 'Enabled'}`;
				case 'Microsoft.KeyVault/vaults':
					return `az keyvault update ${rg} --name ${q(edit.resource)} --public-network-access ${edit.access}`;
				default:
					return `az storage account update ${rg} --name ${q(edit.resource)} --public-network-access ${edit.access}`;
			}

		case 'create-private-endpoint': {
			const target = findTarget(topology, edit.target);
			let id: string;
			let manual: boolean;
			if (target?.kind === 'resource') {
				id = resourceIdOf(target.resource, endpointSubscription(topology, edit));
				manual = edit.status !== undefined && edit.status !== 'Approved';
			} else if (target?.kind === 'service') {
				const usesAlias = target.service.alias === edit.target && target.service.name !== edit.target;
				const subscription = endpointSubscription(topology, edit);
				const provider = subscriptionOfService(topology, target.service);
				// A consumer in another subscription cannot `show` the provider's service: it is given the full id (or the alias).
				id = usesAlias
					? q(edit.target)
					: provider !== undefined && provider !== subscription
						? fullId(provider, 'Microsoft.Network/privateLinkServices', target.service.name)
						: `$(az network private-link-service show ${rg} --name ${q(target.service.name)} --query id --output tsv)`;
				const auto = target.service.autoApproval.includes('*') || target.service.autoApproval.includes(subscription);
				manual = edit.status === undefined ? !auto && subscription !== subscriptionOfService(topology, target.service) : edit.status !== 'Approved';
				manual ||= usesAlias;
			} else {
				id = q(edit.target);
				manual = false;
			}

			const group = edit.groupId ? ` --group-id ${q(edit.groupId)}` : '';
			// member-name is the sub-resource's required member: the group ID itself, except Key Vault's 'vault' whose member is 'default'.
			const member = edit.groupId === 'vault' ? 'default' : edit.groupId;
			const ipConfig = ` --ip-config name=${q(`${edit.name}-ipconfig`)} private-ip-address=${edit.privateIpAddress}${edit.groupId ? ` group-id=${q(edit.groupId)} member-name=${q(member ?? '')}` : ''}`;
			const [vnet, subnet] = edit.subnet.split('/');
			return `az network private-endpoint create ${rg} --name ${q(edit.name)} --vnet-name ${q(vnet ?? '')} --subnet ${q(subnet ?? '')} --private-connection-resource-id ${id}${group} --connection-name ${q(`${edit.name}-connection`)}${ipConfig}${manual ? ' --manual-request true' : ''}`;
		}

		case 'delete-private-endpoint':
			return `az network private-endpoint delete ${rg} --name ${q(edit.name)}`;
		case 'set-connection-status': {
			const {type, name} = connectionTarget(topology, edit);
			const verb = {Approved: 'approve', Rejected: 'reject', Disconnected: 'delete', Pending: undefined}[edit.status];
			if (!verb) return `# no CLI command: a connection is Pending only until the owner approves, rejects or removes it`;
			return `az network private-endpoint-connection ${verb} ${rg} --resource-name ${q(name)} --type ${type} --name ${q(`${edit.privateEndpoint}.<guid>`)}${verb === 'delete' ? ' --yes' : ''}`;
		}

		case 'create-private-dns-zone': {
			const note = edit.id && edit.id !== edit.name ? `  # id ${edit.id}: a second zone of this name lives in another resource group` : '';
			return `az network private-dns zone create ${rg} --name ${q(edit.name)}${note}`;
		}

		case 'add-dns-record': {
			const zone = q(zoneName(topology, edit.zone));
			const {record} = edit;
			return record.type === 'A'
				? `az network private-dns record-set a add-record ${rg} --zone-name ${zone} --record-set-name ${q(record.name)} --ipv4-address ${record.value}`
				: `az network private-dns record-set cname set-record ${rg} --zone-name ${zone} --record-set-name ${q(record.name)} --cname ${q(record.value)}`;
		}

		case 'remove-dns-record': {
			const zone = zonesMatching(topology, edit.zone)[0]?.item;
			const types = edit.type
				? [edit.type]
				: [...new Set(zone?.records.filter((r) => r.name.toLowerCase() === edit.name.toLowerCase()).map((r) => r.type) ?? [])];
			return (types.length > 0 ? types : ['A'])
				.map((type) => `az network private-dns record-set ${type.toLowerCase()} delete ${rg} --zone-name ${q(zone?.name ?? edit.zone)} --name ${q(edit.name)} --yes`)
				.join('\n');
		}

		case 'link-dns-zone': {
			const policy = edit.resolutionPolicy === 'NxDomainRedirect' ? ' --resolution-policy NxDomainRedirect' : '';
			return `az network private-dns link vnet create ${rg} --zone-name ${q(zoneName(topology, edit.zone))} --name ${q(edit.name ?? `link-${edit.vnet}`)} --virtual-network ${q(edit.vnet)} --registration-enabled false${policy}`;
		}

		case 'unlink-dns-zone': {
			const zone = zonesMatching(topology, edit.zone)[0]?.item;
			const link = zone?.virtualNetworkLinks.find((l) => l.vnet === edit.vnet)?.name ?? `link-${edit.vnet}`;
			return `az network private-dns link vnet delete ${rg} --zone-name ${q(zone?.name ?? edit.zone)} --name ${q(link)} --yes`;
		}

		case 'create-private-link-service': {
			const [first, ...more] = edit.natIpConfigurations;
			const [vnet, subnet] = (first?.subnet ?? '/').split('/');
			// Both take subscription IDs (the topology names subscriptions); '*' stays as is.
			const subscriptionIds = (list: readonly string[]) => list.map((s) => (s === '*' ? q(s) : `<${s}-id>`)).join(' ');
			const visibility = edit.visibility?.length ? ` --visibility ${subscriptionIds(edit.visibility)}` : '';
			const auto = edit.autoApproval?.length ? ` --auto-approval ${subscriptionIds(edit.autoApproval)}` : '';
			const proxy = edit.enableProxyProtocol ? ' --enable-proxy-protocol true' : '';
			const extra = more.length > 0 ? `  # plus ${more.length} more NAT IP configuration(s): ${more.map((n) => n.privateIpAddress).join(', ')}` : '';
			return `az network private-link-service create ${rg} --name ${q(edit.name)} --lb-name ${q(edit.loadBalancer)} --lb-frontend-ip-configs ${q(edit.frontend)} --vnet-name ${q(vnet ?? '')} --subnet ${q(subnet ?? '')} --private-ip-address ${first?.privateIpAddress ?? ''} --private-ip-allocation-method Static${visibility}${auto}${proxy}${extra}`;
		}

		case 'set-ip-forwarding':
			return `az network nic update ${rg} --name ${q(edit.nic)} --ip-forwarding ${edit.enabled}`;
		case 'add-nsg-rule': {
			const {rule} = edit;
			return [
				`az network nsg rule create ${rg} --nsg-name ${q(edit.nsg)} --name ${q(rule.name)} --priority ${rule.priority}`,
				`--direction ${rule.direction} --access ${rule.access} --protocol ${q(rule.protocol ?? '*')}`,
				`--source-address-prefixes ${q(rule.sourceAddressPrefix ?? '*')} --source-port-ranges ${q(rule.sourcePortRange ?? '*')}`,
				`--destination-address-prefixes ${q(rule.destinationAddressPrefix ?? '*')} --destination-port-ranges ${q(rule.destinationPortRange ?? '*')}`,
			].join(' ');
		}

		case 'remove-nsg-rule':
			return `az network nsg rule delete ${rg} --nsg-name ${q(edit.nsg)} --name ${q(edit.name)}`;
		case 'set-peering': {
			const existing = topology.virtualNetworkPeerings.find((p) => p.name === edit.name);
			const set = (Object.keys(peeringFlags) as Array<keyof typeof peeringFlags>).filter((flag) => edit[flag] !== undefined);
			if (existing) {
				const changes = set.map((flag) => ` --set ${flag}=${edit[flag]}`).join('');
				return `az network vnet peering update ${rg} --vnet-name ${q(existing.from)} --name ${q(edit.name)}${changes}`;
			}

			const from = edit.from ?? '<vnet>';
			const to = edit.to ?? '<remote-vnet>';
			// The CLI creates a link with --allow-vnet-access false unless told (unlike the portal and this op), so always say it.
			const access = ` ${peeringFlags.allowVirtualNetworkAccess} ${edit.allowVirtualNetworkAccess ?? true}`;
			const flags = access + set.filter((flag) => flag !== 'allowVirtualNetworkAccess').map((flag) => ` ${peeringFlags[flag]} ${edit[flag]}`).join('');
			return `az network vnet peering create ${rg} --name ${q(edit.name)} --vnet-name ${q(from)} --remote-vnet ${vnetId(topology, from, to)}${flags}`;
		}

		case 'set-subnet-policies': {
			const endpoint = edit.privateEndpointNetworkPolicies ? ` --private-endpoint-network-policies ${edit.privateEndpointNetworkPolicies}` : '';
			const service = edit.privateLinkServiceNetworkPolicies ? ` --private-link-service-network-policies ${edit.privateLinkServiceNetworkPolicies}` : '';
			return `az network vnet subnet update ${rg} ${subnetArgs(edit.subnet)}${endpoint}${service}`;
		}

		case 'set-dns-servers': {
			// `--dns-servers null` reverts to Azure-provided DNS (the CLI's own example for deleting DNS servers).
			const servers = edit.servers.length > 0 ? edit.servers.join(' ') : 'null';
			return `az network vnet update ${rg} --name ${q(edit.vnet)} --dns-servers ${servers}`;
		}

		case 'set-subnet-nat-gateway':
			return edit.natGateway
				? `az network vnet subnet update ${rg} ${subnetArgs(edit.subnet)} --nat-gateway ${q(edit.natGateway)}`
				: `az network vnet subnet update ${rg} ${subnetArgs(edit.subnet)} --nat-gateway null`;
		case 'set-dns-forwarding': {
			// On-premises DNS is not Azure: the equivalent is the DNS server's own tooling (Windows DNS here).
			const site = topology.localNetworks.find((l) => l.name === edit.localNetwork);
			const lines = [`# on-premises DNS of ${edit.localNetwork} (not an Azure resource), in Windows Server DNS PowerShell:`];
			for (const old of site?.dnsForwarding ?? []) {
				if (!edit.rules.some((r) => r.domain === old.domain)) lines.push(`Remove-DnsServerZone -Name ${q(old.domain)} -Force`);
			}

			for (const rule of edit.rules) {
				const existed = site?.dnsForwarding.some((r) => r.domain === rule.domain);
				const verb = existed ? 'Set-DnsServerConditionalForwarderZone' : 'Add-DnsServerConditionalForwarderZone';
				lines.push(`${verb} -Name ${q(rule.domain)} -MasterServers ${rule.targets.join(',')}`);
			}

			return lines.join('\n');
		}
	}
}
