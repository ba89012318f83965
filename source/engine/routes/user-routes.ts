/**
 * User-defined routes of a subnet's route table (S-UDR custom routes). A service tag address
 * prefix expands to the tag's prefixes (S-UDR section 4); the route keeps the tag in `serviceTag`.
 */
import {prefixOf, type Network} from '../network.js';
import {serviceTagPrefixes, serviceTagRank} from '../service-tags.js';
import type {RouteTable} from '../topology.js';
import {userRouteGateway, userRouteGatewayRefusal} from './gateway-routes.js';
import {addNote, type RouteRecord} from './model.js';

export function userRoutes(network: Network, table: RouteTable | undefined, vnetName: string, firstOrder: number): RouteRecord[] {
	if (!table) return [];
	const records: RouteRecord[] = [];
	for (const udr of table.routes) {
		const isTag = !udr.addressPrefix.includes('/');
		// S-UDR 4: "specify a service tag as the address prefix ... instead of an explicit IP range".
		const prefixes = isTag ? [...(serviceTagPrefixes(network, udr.addressPrefix) ?? [])] : [prefixOf(network, udr.addressPrefix)];
		const record: RouteRecord = {
			route: {
				source: 'User',
				state: 'Active',
				addressPrefix: prefixes.map((prefix) => prefix.text),
				nextHopType: udr.nextHopType,
				// S-UDR 3: only a virtual appliance route carries a next hop IP.
				nextHopIpAddress: udr.nextHopType === 'VirtualAppliance' && udr.nextHopIpAddress ? [udr.nextHopIpAddress] : [],
				name: udr.name,
				routeTable: table.name,
			},
			prefixes,
			kind: 'user',
			tagRank: serviceTagRank(udr.addressPrefix),
			order: firstOrder + records.length,
		};
		if (isTag) record.route.serviceTag = udr.addressPrefix;
		if (isTag && prefixes.length === 0) addNote(record, `Unknown service tag '${udr.addressPrefix}': the route matches nothing.`);
		if (udr.nextHopType === 'VirtualNetworkGateway') {
			// Choice (design 9): show the VPN gateway's public IP, as gateway-learned routes do; the docs show none for a UDR.
			const gateway = userRouteGateway(network, vnetName);
			// S-UDR 3: no ExpressRoute gateway, nor VPN and ExpressRoute coexisting (validation rejects it; say so here too).
			const refusal = userRouteGatewayRefusal(network, vnetName);
			if (refusal) addNote(record, `Azure would not accept this route: ${refusal} (docs: Virtual network traffic routing).`);
			if (gateway?.publicIpAddress) {
				record.route.nextHopIpAddress = [gateway.publicIpAddress];
				addNote(record, `Next hop IP shown is VPN gateway ${gateway.name}'s public IP, as for gateway-learned routes (a vnetlab choice).`);
			} else if (!gateway && !refusal) {
				addNote(record, 'No VPN gateway in this VNet (or through gateway transit), and this next hop type needs one (docs: Virtual network traffic routing).');
			}
		}

		records.push(record);
	}

	return records;
}
