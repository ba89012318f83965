/**
 * Per-network lookup tables the route builder needs for every subnet, built once and memoised
 * on the network: Connected peers by VNet, gateways by VNet, local networks by gateway,
 * private endpoints by VNet. Keeps a subnet's table independent of the topology's size.
 */
import {cached, isPeeringConnected, type Network} from '../network.js';
import type {LocalNetwork, PrivateEndpoint, VirtualNetworkGateway} from '../topology.js';

export type RoutingContext = {
	/** VNet -> directly peered VNets whose peering is Connected (both links exist; S-PEER). */
	peers: Map<string, string[]>;
	/** VNet -> its virtual network gateways. */
	gateways: Map<string, VirtualNetworkGateway[]>;
	/** Gateway -> the local networks (on-premises sites) behind it. */
	localNetworks: Map<string, LocalNetwork[]>;
	/** VNet -> the private endpoints in its subnets. */
	privateEndpoints: Map<string, PrivateEndpoint[]>;
};

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

export function routingContext(network: Network): RoutingContext {
	return cached(network, 'routes:context', () => {
		const {topology} = network;
		const peers = new Map<string, string[]>();
		const seen = new Set<string>();
		for (const link of topology.virtualNetworkPeerings) {
			const key = `${link.from}>${link.to}`;
			if (seen.has(key) || link.from === link.to) continue;
			seen.add(key);
			if (isPeeringConnected(network, link.from, link.to)) push(peers, link.from, link.to);
		}

		const gateways = new Map<string, VirtualNetworkGateway[]>();
		for (const gateway of topology.virtualNetworkGateways) push(gateways, gateway.vnet, gateway);
		const localNetworks = new Map<string, LocalNetwork[]>();
		for (const site of topology.localNetworks) push(localNetworks, site.gateway, site);
		const privateEndpoints = new Map<string, PrivateEndpoint[]>();
		for (const endpoint of topology.privateEndpoints) push(privateEndpoints, endpoint.subnet.split('/')[0]!, endpoint);
		return {peers, gateways, localNetworks, privateEndpoints};
	});
}

/**
 * The peer whose gateway a VNet uses through gateway transit (S-GWT, S-PEER): this VNet's link
 * has useRemoteGateways, the peer's link back has allowGatewayTransit, and the peering is Connected.
 */
export function transitPeers(network: Network, vnetName: string): string[] {
	const result: string[] = [];
	for (const peer of routingContext(network).peers.get(vnetName) ?? []) {
		const out = network.peeringLinks.get(`${vnetName}>${peer}`);
		const back = network.peeringLinks.get(`${peer}>${vnetName}`);
		if (out?.useRemoteGateways && back?.allowGatewayTransit) result.push(peer);
	}

	return result;
}
