/**
 * Effective routes per NIC (as `az network nic show-effective-route-table` shows them) and
 * route selection (longest prefix match, then User > BGP > System, with the documented
 * exceptions). The rules live in engine/routes/: system-routes (S-UDR 1.1, peering),
 * gateway-routes (S-UDR 1.2, S-GWT), endpoint-routes (S-SE, S-PENP), user-routes (S-UDR 3-4),
 * invalid-state (S-UDR 1.3), select (S-UDR 2); subnet-table assembles and memoises them.
 */
import type {Network} from './network.js';
import type {EffectiveRoute, NextHopResult} from './results.js';
import {selectRoute} from './routes/select.js';
import {subnetRouting} from './routes/subnet-table.js';

/**
 * The effective route table of the subnet `vnet/subnet` (every NIC in a subnet shares it), in a
 * stable order: by source (Default, User, VirtualNetworkGateway), then by prefix. Memoised per
 * network and subnet; the route objects are shared, do not mutate them.
 */
export function effectiveRoutesForSubnet(network: Network, subnetId: string): EffectiveRoute[] {
	return [...subnetRouting(network, subnetId).routes];
}

/** The effective route table of a NIC, in a stable order (by source, then by prefix). */
export function effectiveRoutes(network: Network, nicName: string): EffectiveRoute[] {
	const nic = network.nics.get(nicName);
	if (!nic) throw new Error(`unknown network interface '${nicName}'`);
	return effectiveRoutesForSubnet(network, nic.subnet);
}

/**
 * Route selection for a destination (an unsigned 32-bit address) from a subnet; every matching
 * route that lost is in `beaten`, most specific first. At most 33 map probes per call.
 */
export function lookupRoute(network: Network, subnetId: string, destinationIp: number): NextHopResult {
	return selectRoute(subnetRouting(network, subnetId), destinationIp >>> 0);
}
