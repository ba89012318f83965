/**
 * Which implementation handles which op.
 */
import type {EditOp} from './types.js';
import type {OpHandler} from './op.js';
import {addDnsRecord, createPrivateDnsZone, linkDnsZone, removeDnsRecord, setDnsForwarding, setDnsServers, unlinkDnsZone} from './ops-dns.js';
import {setIpForwarding} from './ops-nics.js';
import {addNsgRule, removeNsgRule} from './ops-nsg.js';
import {setPeering} from './ops-peering.js';
import {createPrivateEndpoint, createPrivateLinkService, deletePrivateEndpoint, setConnectionStatus} from './ops-private-link.js';
import {addVnetRule, removeVnetRule, setDefaultAction, setPublicNetworkAccess} from './ops-resources.js';
import {addRoute, associateRouteTable, createRouteTable, dissociateRouteTable, removeRoute, setRoutePropagation} from './ops-routes.js';
import {setServiceEndpoints, setSubnetNatGateway, setSubnetPolicies} from './ops-subnets.js';

export const opHandlers: {readonly [Op in EditOp]: OpHandler} = {
	'add-route': addRoute,
	'remove-route': removeRoute,
	'create-route-table': createRouteTable,
	'associate-route-table': associateRouteTable,
	'dissociate-route-table': dissociateRouteTable,
	'set-route-propagation': setRoutePropagation,
	'set-service-endpoints': setServiceEndpoints,
	'add-vnet-rule': addVnetRule,
	'remove-vnet-rule': removeVnetRule,
	'set-default-action': setDefaultAction,
	'set-public-network-access': setPublicNetworkAccess,
	'create-private-endpoint': createPrivateEndpoint,
	'delete-private-endpoint': deletePrivateEndpoint,
	'set-connection-status': setConnectionStatus,
	'create-private-dns-zone': createPrivateDnsZone,
	'add-dns-record': addDnsRecord,
	'remove-dns-record': removeDnsRecord,
	'link-dns-zone': linkDnsZone,
	'unlink-dns-zone': unlinkDnsZone,
	'create-private-link-service': createPrivateLinkService,
	'set-ip-forwarding': setIpForwarding,
	'add-nsg-rule': addNsgRule,
	'remove-nsg-rule': removeNsgRule,
	'set-peering': setPeering,
	'set-subnet-policies': setSubnetPolicies,
	'set-dns-servers': setDnsServers,
	'set-subnet-nat-gateway': setSubnetNatGateway,
	'set-dns-forwarding': setDnsForwarding,
};
