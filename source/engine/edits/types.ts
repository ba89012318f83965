/**
 * Edit records: the changes a learner makes to a topology (design section 6).
 * One plain record `{op, ...args}` per change; the same records are a lab's solutions,
 * `check --edits` files, saved progress and what the TUI dispatches, so these shapes are a
 * contract. Objects are named exactly as the topology file names them (`routeTable: rt-app`,
 * `subnet: hub/app`, `zone: <zone id, or its name when only one zone has it>`).
 */
import type {
	ConnectionStatus,
	DnsForwardingRule,
	DnsRecord,
	EnabledDisabled,
	PrivateEndpointNetworkPolicies,
	ResolutionPolicy,
	Route,
	SecurityRuleAccess,
	SecurityRuleDirection,
	SecurityRuleProtocol,
} from '../topology.js';

export {describeEdit} from './describe.js';

/** Every op, in the order of design section 6. */
export const editOps = [
	'add-route',
	'remove-route',
	'create-route-table',
	'associate-route-table',
	'dissociate-route-table',
	'set-route-propagation',
	'set-service-endpoints',
	'add-vnet-rule',
	'remove-vnet-rule',
	'set-default-action',
	'set-public-network-access',
	'create-private-endpoint',
	'delete-private-endpoint',
	'set-connection-status',
	'create-private-dns-zone',
	'add-dns-record',
	'remove-dns-record',
	'link-dns-zone',
	'unlink-dns-zone',
	'create-private-link-service',
	'set-ip-forwarding',
	'add-nsg-rule',
	'remove-nsg-rule',
	'set-peering',
	'set-subnet-policies',
	'set-dns-servers',
	'set-subnet-nat-gateway',
	'set-dns-forwarding',
] as const;

export type EditOp = (typeof editOps)[number];

/** Add a user-defined route to a route table. */
export type AddRouteEdit = {op: 'add-route'; routeTable: string; route: Route};
/** Remove a route, by name, from a route table. */
export type RemoveRouteEdit = {op: 'remove-route'; routeTable: string; name: string};
/** Create an empty route table (gateway route propagation on unless disableBgpRoutePropagation). */
export type CreateRouteTableEdit = {op: 'create-route-table'; name: string; disableBgpRoutePropagation?: boolean};
/** Associate a route table with a subnet (`vnet/subnet`), replacing any table it had. */
export type AssociateRouteTableEdit = {op: 'associate-route-table'; subnet: string; routeTable: string};
/** Remove a subnet's route table association. */
export type DissociateRouteTableEdit = {op: 'dissociate-route-table'; subnet: string};
/** `enabled: false` is `disableBgpRoutePropagation: true`. */
export type SetRoutePropagationEdit = {op: 'set-route-propagation'; routeTable: string; enabled: boolean};
/** Replace a subnet's service endpoints (`[]` removes them all). */
export type SetServiceEndpointsEdit = {op: 'set-service-endpoints'; subnet: string; services: string[]};
/** Add a subnet to a resource's firewall virtual network rules. */
export type AddVnetRuleEdit = {op: 'add-vnet-rule'; resource: string; subnet: string};
export type RemoveVnetRuleEdit = {op: 'remove-vnet-rule'; resource: string; subnet: string};
/** The resource firewall's default action (networkRuleSet.defaultAction). */
export type SetDefaultActionEdit = {op: 'set-default-action'; resource: string; action: 'Allow' | 'Deny'};
export type SetPublicNetworkAccessEdit = {op: 'set-public-network-access'; resource: string; access: EnabledDisabled};
/**
 * Create a private endpoint. `target` is a resource name, a Private Link service name or a PLS alias;
 * `groupId` is the sub-resource (required for a resource, '' or absent for a PLS). `subscription`
 * defaults to the subnet's VNet's (and must equal it). `status` defaults to what Azure would give:
 * Approved for a resource or a PLS that auto-approves the subscription, else Pending.
 */
export type CreatePrivateEndpointEdit = {
	op: 'create-private-endpoint';
	name: string;
	subnet: string;
	privateIpAddress: string;
	target: string;
	groupId?: string;
	subscription?: string;
	status?: ConnectionStatus;
};
export type DeletePrivateEndpointEdit = {op: 'delete-private-endpoint'; name: string};
/** The resource owner approves, rejects or removes (Disconnected) a connection; Pending cannot be set. */
export type SetConnectionStatusEdit = {op: 'set-connection-status'; privateEndpoint: string; status: ConnectionStatus};
/** `id` defaults to the name; give one to create a second zone of the same name. */
export type CreatePrivateDnsZoneEdit = {op: 'create-private-dns-zone'; name: string; id?: string};
/** `record.name` is relative to the zone (`stcontoso`, or `@` for the apex). */
export type AddDnsRecordEdit = {op: 'add-dns-record'; zone: string; record: DnsRecord};
/** Removes the records of that name (only those of `type` when given). */
export type RemoveDnsRecordEdit = {op: 'remove-dns-record'; zone: string; name: string; type?: DnsRecord['type']};
/** `name` defaults to `link-<vnet>`, `resolutionPolicy` to Default. */
export type LinkDnsZoneEdit = {
	op: 'link-dns-zone';
	zone: string;
	vnet: string;
	name?: string;
	resolutionPolicy?: ResolutionPolicy;
};
export type UnlinkDnsZoneEdit = {op: 'unlink-dns-zone'; zone: string; vnet: string};
/** `visibility` and `autoApproval` default to [] (only the provider's own subscription); `alias` is generated when absent. */
export type CreatePrivateLinkServiceEdit = {
	op: 'create-private-link-service';
	name: string;
	loadBalancer: string;
	frontend: string;
	natIpConfigurations: Array<{subnet: string; privateIpAddress: string}>;
	visibility?: string[];
	autoApproval?: string[];
	alias?: string;
	enableProxyProtocol?: boolean;
};
export type SetIpForwardingEdit = {op: 'set-ip-forwarding'; nic: string; enabled: boolean};

/** A security rule as an edit gives it: protocol, prefixes and port ranges default to '*'. */
export type SecurityRuleInput = {
	name: string;
	priority: number;
	direction: SecurityRuleDirection;
	access: SecurityRuleAccess;
	protocol?: SecurityRuleProtocol;
	sourceAddressPrefix?: string;
	sourcePortRange?: string;
	destinationAddressPrefix?: string;
	destinationPortRange?: string;
};
export type AddNsgRuleEdit = {op: 'add-nsg-rule'; nsg: string; rule: SecurityRuleInput};
export type RemoveNsgRuleEdit = {op: 'remove-nsg-rule'; nsg: string; name: string};
/**
 * Change the flags of the peering link `name`. When no link of that name exists, `from` and
 * `to` (VNet names) create it, with the defaults allowVirtualNetworkAccess true and the other
 * flags false before the given flags apply. On an existing link, `from`/`to` may be repeated but not changed.
 */
export type SetPeeringEdit = {
	op: 'set-peering';
	name: string;
	from?: string;
	to?: string;
	allowVirtualNetworkAccess?: boolean;
	allowForwardedTraffic?: boolean;
	allowGatewayTransit?: boolean;
	useRemoteGateways?: boolean;
};
/** At least one of the two policies. */
export type SetSubnetPoliciesEdit = {
	op: 'set-subnet-policies';
	subnet: string;
	privateEndpointNetworkPolicies?: PrivateEndpointNetworkPolicies;
	privateLinkServiceNetworkPolicies?: EnabledDisabled;
};
/** `[]` is Azure-provided DNS. */
export type SetDnsServersEdit = {op: 'set-dns-servers'; vnet: string; servers: string[]};
/** `null` removes the subnet's NAT gateway. */
export type SetSubnetNatGatewayEdit = {op: 'set-subnet-nat-gateway'; subnet: string; natGateway: string | null};
/** Replace an on-premises site's DNS conditional forwarders. */
export type SetDnsForwardingEdit = {op: 'set-dns-forwarding'; localNetwork: string; rules: DnsForwardingRule[]};

export type Edit =
	| AddRouteEdit
	| RemoveRouteEdit
	| CreateRouteTableEdit
	| AssociateRouteTableEdit
	| DissociateRouteTableEdit
	| SetRoutePropagationEdit
	| SetServiceEndpointsEdit
	| AddVnetRuleEdit
	| RemoveVnetRuleEdit
	| SetDefaultActionEdit
	| SetPublicNetworkAccessEdit
	| CreatePrivateEndpointEdit
	| DeletePrivateEndpointEdit
	| SetConnectionStatusEdit
	| CreatePrivateDnsZoneEdit
	| AddDnsRecordEdit
	| RemoveDnsRecordEdit
	| LinkDnsZoneEdit
	| UnlinkDnsZoneEdit
	| CreatePrivateLinkServiceEdit
	| SetIpForwardingEdit
	| AddNsgRuleEdit
	| RemoveNsgRuleEdit
	| SetPeeringEdit
	| SetSubnetPoliciesEdit
	| SetDnsServersEdit
	| SetSubnetNatGatewayEdit
	| SetDnsForwardingEdit;

/** The edit record of one op. */
export type EditOf<Op extends EditOp> = Extract<Edit, {op: Op}>;

type ArgumentNames = {readonly required: readonly string[]; readonly optional: readonly string[]};

/** Top-level argument names of every op (besides `op`), for schemas and forms. */
export const editArguments: {readonly [Op in EditOp]: ArgumentNames} = {
	'add-route': {required: ['routeTable', 'route'], optional: []},
	'remove-route': {required: ['routeTable', 'name'], optional: []},
	'create-route-table': {required: ['name'], optional: ['disableBgpRoutePropagation']},
	'associate-route-table': {required: ['subnet', 'routeTable'], optional: []},
	'dissociate-route-table': {required: ['subnet'], optional: []},
	'set-route-propagation': {required: ['routeTable', 'enabled'], optional: []},
	'set-service-endpoints': {required: ['subnet', 'services'], optional: []},
	'add-vnet-rule': {required: ['resource', 'subnet'], optional: []},
	'remove-vnet-rule': {required: ['resource', 'subnet'], optional: []},
	'set-default-action': {required: ['resource', 'action'], optional: []},
	'set-public-network-access': {required: ['resource', 'access'], optional: []},
	'create-private-endpoint': {
		required: ['name', 'subnet', 'privateIpAddress', 'target'],
		optional: ['groupId', 'subscription', 'status'],
	},
	'delete-private-endpoint': {required: ['name'], optional: []},
	'set-connection-status': {required: ['privateEndpoint', 'status'], optional: []},
	'create-private-dns-zone': {required: ['name'], optional: ['id']},
	'add-dns-record': {required: ['zone', 'record'], optional: []},
	'remove-dns-record': {required: ['zone', 'name'], optional: ['type']},
	'link-dns-zone': {required: ['zone', 'vnet'], optional: ['name', 'resolutionPolicy']},
	'unlink-dns-zone': {required: ['zone', 'vnet'], optional: []},
	'create-private-link-service': {
		required: ['name', 'loadBalancer', 'frontend', 'natIpConfigurations'],
		optional: ['visibility', 'autoApproval', 'alias', 'enableProxyProtocol'],
	},
	'set-ip-forwarding': {required: ['nic', 'enabled'], optional: []},
	'add-nsg-rule': {required: ['nsg', 'rule'], optional: []},
	'remove-nsg-rule': {required: ['nsg', 'name'], optional: []},
	'set-peering': {
		required: ['name'],
		optional: ['from', 'to', 'allowVirtualNetworkAccess', 'allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'],
	},
	'set-subnet-policies': {
		required: ['subnet'],
		optional: ['privateEndpointNetworkPolicies', 'privateLinkServiceNetworkPolicies'],
	},
	'set-dns-servers': {required: ['vnet', 'servers'], optional: []},
	'set-subnet-nat-gateway': {required: ['subnet', 'natGateway'], optional: []},
	'set-dns-forwarding': {required: ['localNetwork', 'rules'], optional: []},
};

/** True when `value` names an op. */
export function isEditOp(value: unknown): value is EditOp {
	return typeof value === 'string' && (editOps as readonly string[]).includes(value);
}
