/**
 * One short learner-facing line per edit, for the undo list, the progress view and debriefs:
 * "Add route default-via-fw 0.0.0.0/0 → VirtualAppliance 10.0.2.4 to rt-app".
 */
import type {Edit} from './types.js';

const onOff = (enabled: boolean) => (enabled ? 'on' : 'off');

function listOrNone(items: readonly string[], none: string): string {
	return items.length > 0 ? items.join(', ') : none;
}

export function describeEdit(edit: Edit): string {
	switch (edit.op) {
		case 'add-route': {
			const {route} = edit;
			const via = route.nextHopIpAddress ? ` ${route.nextHopIpAddress}` : '';
			return `Add route ${route.name} ${route.addressPrefix} → ${route.nextHopType}${via} to ${edit.routeTable}`;
		}

		case 'remove-route':
			return `Remove route ${edit.name} from ${edit.routeTable}`;
		case 'create-route-table':
			return `Create route table ${edit.name}${edit.disableBgpRoutePropagation ? ' with gateway route propagation off' : ''}`;
		case 'associate-route-table':
			return `Associate route table ${edit.routeTable} with subnet ${edit.subnet}`;
		case 'dissociate-route-table':
			return `Remove the route table from subnet ${edit.subnet}`;
		case 'set-route-propagation':
			return `Turn ${onOff(edit.enabled)} gateway route propagation for ${edit.routeTable}`;
		case 'set-service-endpoints':
			return edit.services.length > 0
				? `Set service endpoints of ${edit.subnet} to ${edit.services.join(', ')}`
				: `Remove all service endpoints from ${edit.subnet}`;
		case 'add-vnet-rule':
			return `Allow subnet ${edit.subnet} through ${edit.resource}'s firewall`;
		case 'remove-vnet-rule':
			return `Remove subnet ${edit.subnet} from ${edit.resource}'s firewall rules`;
		case 'set-default-action':
			return `Set ${edit.resource}'s firewall default action to ${edit.action}`;
		case 'set-public-network-access':
			return `${edit.access === 'Enabled' ? 'Enable' : 'Disable'} public network access to ${edit.resource}`;
		case 'create-private-endpoint': {
			const group = edit.groupId ? ` ${edit.groupId}` : '';
			return `Create private endpoint ${edit.name} (${edit.privateIpAddress} in ${edit.subnet}) to ${edit.target}${group}`;
		}

		case 'delete-private-endpoint':
			return `Delete private endpoint ${edit.name}`;
		case 'set-connection-status': {
			const verbs: Record<string, string> = {Approved: 'Approve', Rejected: 'Reject', Disconnected: 'Remove'};
			const verb = verbs[edit.status];
			return verb ? `${verb} the connection of private endpoint ${edit.privateEndpoint}` : `Set the connection of ${edit.privateEndpoint} to ${edit.status}`;
		}

		case 'create-private-dns-zone':
			return `Create private DNS zone ${edit.name}${edit.id && edit.id !== edit.name ? ` (id ${edit.id})` : ''}`;
		case 'add-dns-record':
			return `Add ${edit.record.type} record ${edit.record.name} → ${edit.record.value} to zone ${edit.zone}`;
		case 'remove-dns-record':
			return `Remove ${edit.type ? `${edit.type} ` : ''}record ${edit.name} from zone ${edit.zone}`;
		case 'link-dns-zone': {
			const policy = edit.resolutionPolicy === 'NxDomainRedirect' ? ' (falling back to public DNS on NXDOMAIN)' : '';
			return `Link zone ${edit.zone} to VNet ${edit.vnet}${policy}`;
		}

		case 'unlink-dns-zone':
			return `Unlink zone ${edit.zone} from VNet ${edit.vnet}`;
		case 'create-private-link-service':
			return `Create private link service ${edit.name} on ${edit.loadBalancer}/${edit.frontend}`;
		case 'set-ip-forwarding':
			return `Turn ${onOff(edit.enabled)} IP forwarding on NIC ${edit.nic}`;
		case 'add-nsg-rule': {
			const {rule} = edit;
			const port = rule.destinationPortRange && rule.destinationPortRange !== '*' ? `:${rule.destinationPortRange}` : '';
			const flow = `${rule.sourceAddressPrefix ?? '*'} → ${rule.destinationAddressPrefix ?? '*'}${port}`;
			return `Add NSG rule ${rule.name} (${rule.direction} ${rule.priority} ${rule.access} ${rule.protocol ?? '*'} ${flow}) to ${edit.nsg}`;
		}

		case 'remove-nsg-rule':
			return `Remove NSG rule ${edit.name} from ${edit.nsg}`;
		case 'set-peering': {
			const flags = (['allowVirtualNetworkAccess', 'allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'] as const)
				.filter((flag) => edit[flag] !== undefined)
				.map((flag) => `${flag} ${onOff(edit[flag]!)}`);
			const ends = edit.from && edit.to ? ` (${edit.from} → ${edit.to})` : '';
			return `Set peering ${edit.name}${ends}${flags.length > 0 ? `: ${flags.join(', ')}` : ''}`;
		}

		case 'set-subnet-policies': {
			const parts = [
				edit.privateEndpointNetworkPolicies ? `private endpoint network policies ${edit.privateEndpointNetworkPolicies}` : '',
				edit.privateLinkServiceNetworkPolicies ? `Private Link service network policies ${edit.privateLinkServiceNetworkPolicies}` : '',
			].filter(Boolean);
			return `Set ${parts.join(' and ')} on ${edit.subnet}`;
		}

		case 'set-dns-servers':
			return edit.servers.length > 0
				? `Point VNet ${edit.vnet}'s DNS at ${edit.servers.join(', ')}`
				: `Set VNet ${edit.vnet} back to Azure-provided DNS`;
		case 'set-subnet-nat-gateway':
			return edit.natGateway ? `Attach NAT gateway ${edit.natGateway} to ${edit.subnet}` : `Detach the NAT gateway from ${edit.subnet}`;
		case 'set-dns-forwarding':
			return `Set ${edit.localNetwork}'s DNS conditional forwarders: ${listOrNone(
				edit.rules.map((rule) => `${rule.domain} → ${rule.targets.join(', ')}`),
				'none',
			)}`;
	}
}
