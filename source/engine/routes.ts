/**
 * Effective routes per NIC (as `az network nic show-effective-route-table` shows them)
 * and route selection (longest prefix match, then User > BGP > System, with the documented
 * exceptions). STUB: being written.
 */
import type {Network} from './network.js';
import type {EffectiveRoute, NextHopResult} from './results.js';

/** The effective route table of the subnet `vnet/subnet` (every NIC in a subnet shares it). */
export function effectiveRoutesForSubnet(network: Network, subnetId: string): EffectiveRoute[] {
	throw new Error(`not implemented: ${subnetId} ${network.subnets.size}`);
}

/** The effective route table of a NIC, in a stable order (by source, then by prefix). */
export function effectiveRoutes(network: Network, nicName: string): EffectiveRoute[] {
	const nic = network.nics.get(nicName);
	if (!nic) throw new Error(`unknown network interface '${nicName}'`);
	return effectiveRoutesForSubnet(network, nic.subnet);
}

/** Route selection for a destination from a subnet; every matching route that lost is in `beaten`. */
export function lookupRoute(network: Network, subnetId: string, destinationIp: number): NextHopResult {
	throw new Error(`not implemented: ${subnetId} ${destinationIp} ${network.subnets.size}`);
}
