/**
 * Routes a virtual network gateway adds (S-UDR 1.2: source and next hop "Virtual network
 * gateway"): one per address prefix of each local network behind a gateway of the subnet's VNet,
 * and of the peer's gateway when the VNet uses it through gateway transit (S-GWT). The next hop IP
 * is the gateway's public IP, as the routing example shows (design 9). The caller leaves them out
 * where route propagation is disabled.
 */
import {prefixOf, type Network} from '../network.js';
import type {VirtualNetworkGateway} from '../topology.js';
import {routingContext, transitPeers} from './context.js';
import {addNote, systemRecord, type RouteRecord} from './model.js';

export function gatewayRoutes(network: Network, vnetName: string, firstOrder: number): RouteRecord[] {
	const records: RouteRecord[] = [];
	const context = routingContext(network);
	const learn = (gateway: VirtualNetworkGateway, transitFrom?: string) => {
		for (const site of context.localNetworks.get(gateway.name) ?? []) {
			for (const text of site.addressPrefixes) {
				const hop = gateway.publicIpAddress ? [gateway.publicIpAddress] : [];
				const record = systemRecord('gateway', [prefixOf(network, text)], 'VirtualNetworkGateway', firstOrder + records.length, hop);
				// ExpressRoute coexistence doc: for the same prefix the ExpressRoute route is preferred over the VPN one.
				record.tagRank = gateway.gatewayType === 'ExpressRoute' ? 0 : 1;
				if (transitFrom) {
					addNote(record, `Learned through gateway transit from ${transitFrom}'s gateway ${gateway.name} (docs: gateway transit for peering).`);
				}

				records.push(record);
			}
		}
	};

	// S-UDR 1.2: the VNet's own gateways add each on-premises prefix to every subnet.
	for (const gateway of context.gateways.get(vnetName) ?? []) learn(gateway);
	// S-GWT: useRemoteGateways here + allowGatewayTransit on the peer's link + Connected -> the peer's gateway routes.
	for (const peer of transitPeers(network, vnetName)) {
		for (const gateway of context.gateways.get(peer) ?? []) learn(gateway, peer);
	}

	return records;
}

/**
 * The VPN gateway a `VirtualNetworkGateway` user route sends to (S-UDR: it "must be created with
 * type VPN"): the VNet's own, else the one it uses through gateway transit.
 */
export function userRouteGateway(network: Network, vnetName: string): VirtualNetworkGateway | undefined {
	const context = routingContext(network);
	const vpn = (vnet: string) => context.gateways.get(vnet)?.find((gateway) => gateway.gatewayType === 'Vpn');
	const own = vpn(vnetName);
	if (own) return own;
	for (const peer of transitPeers(network, vnetName)) {
		const remote = vpn(peer);
		if (remote) return remote;
	}

	return undefined;
}

/**
 * Why Azure refuses a `VirtualNetworkGateway` user route for subnets of this VNet, or undefined
 * (S-UDR: "You can't specify a virtual network gateway created as type ExpressRoute in a
 * user-defined route" and "You can't specify Virtual Network Gateways if you have VPN and
 * ExpressRoute coexisting connections either"): the gateways it would use are the VNet's own,
 * else those of the peer it uses through gateway transit.
 */
export function userRouteGatewayRefusal(network: Network, vnetName: string): string | undefined {
	const context = routingContext(network);
	let gateways = context.gateways.get(vnetName) ?? [];
	for (const peer of gateways.length === 0 ? transitPeers(network, vnetName) : []) {
		gateways = context.gateways.get(peer) ?? [];
		if (gateways.length > 0) break;
	}

	const types = new Set(gateways.map((gateway) => gateway.gatewayType));
	if (!types.has('ExpressRoute')) return undefined;
	return types.has('Vpn')
		? 'VPN and ExpressRoute gateways coexist, and Azure refuses a VirtualNetworkGateway next hop then'
		: 'the only gateway is ExpressRoute, and a VirtualNetworkGateway next hop must be a VPN gateway';
}
