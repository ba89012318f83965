/**
 * On-premises sites behind a virtual network gateway: packets arriving from Azure, and packets
 * an on-premises host sends (into Azure through the gateway, or out of the site's own Internet edge).
 */
import {ipToInt, isPrivateAddress, prefixContains} from '../address.js';
import {isPeeringConnected, prefixOf, type Network} from '../network.js';
import type {LocalNetwork, OnPremisesHost} from '../topology.js';
import {atPublicAddress} from './endpoints.js';
import {routeFrom} from './forward.js';
import type {Walk} from './walk.js';

function siteHolds(network: Network, site: LocalNetwork, ip: number): boolean {
	return site.addressPrefixes.some((p) => prefixContains(prefixOf(network, p), ip));
}

function longestHeld(network: Network, site: LocalNetwork, ip: number): number {
	return Math.max(-1, ...site.addressPrefixes.map((p) => prefixOf(network, p)).filter((p) => prefixContains(p, ip)).map((p) => p.length));
}

/** A packet leaving a gateway's tunnel toward its on-premises sites. */
export function toOnPremises(walk: Walk, gatewayName: string): void {
	const {network} = walk;
	const ip = ipToInt(walk.destinationIp);
	const sites = network.topology.localNetworks.filter((s) => s.gateway === gatewayName);
	// The site with the longest prefix holding the address (one that advertises 0.0.0.0/0 holds every address).
	const holder = sites
		.filter((s) => siteHolds(network, s, ip))
		.sort((a, b) => longestHeld(network, b, ip) - longestHeld(network, a, ip))[0];
	const gateway = network.gateways.get(gatewayName);
	const azureVnet = gateway && !holder ? vnetsBehindGateway(network, gateway.vnet).find((name) => network.vnets.get(name)?.addressSpace.some((p) => prefixContains(p, ip))) : undefined;
	if (gateway && azureVnet) {
		// S-GWT: the gateway routes between the VNets it serves (spoke to spoke through a hub VPN gateway uses UDRs
		// with next hop VirtualNetworkGateway): the packet goes back into Azure by the GatewaySubnet's routes.
		walk.viaGateway = gateway.name;
		walk.step(
			'forward',
			'back into Azure',
			`${walk.destinationIp} is in ${azureVnet}, not on-premises, so ${gateway.name} (${gateway.gatewayType}) does not send it into a tunnel: it routes it back into Azure by ${gateway.vnet}/GatewaySubnet's routes.`,
			gateway.name,
		);
		routeFrom(walk, `${gateway.vnet}/GatewaySubnet`);
		return;
	}

	if (sites.length === 0) {
		walk.drop('next-hop-unreachable', `${gatewayName} has no connection to an on-premises site.`, gatewayName);
		return;
	}

	// A destination no site holds goes to the gateway's default site, if it has one (forced tunnelling docs:
	// Internet-bound traffic needs a default site, or a 0.0.0.0/0 advertised over BGP, which a site holding it covers).
	const site = holder ?? sites.find((candidate) => candidate.name === gateway?.defaultSite);
	if (!site) {
		const advice = gateway?.gatewayType === 'ExpressRoute' ? 'on-premises must advertise a default route (0.0.0.0/0) over BGP' : `set a default site on ${gatewayName} (Set-AzVirtualNetworkGatewayDefaultSite), or have on-premises advertise 0.0.0.0/0 over BGP`;
		walk.drop(
			'no-route',
			`No on-premises site behind ${gatewayName} holds ${walk.destinationIp}, and ${gatewayName} has no default site: the gateway has nowhere to send it. For forced tunnelling, ${advice}.`,
			gatewayName,
		);
		return;
	}

	if (gateway) walk.step('forward', 'gateway', `${gateway.name} (${gateway.gatewayType}) sends the packet into its tunnel to ${holder ? 'on-premises' : `its default site ${site.name}`}.`, gateway.name);

	if (!walk.enter('on-premises', site.name)) return;
	// A site that holds the address only by a default route (0.0.0.0/0 advertised over BGP) takes Internet-bound
	// traffic out of its own edge: forced tunnelling without a default site (S2S forced tunnelling docs).
	if (holder && longestHeld(network, holder, ip) === 0 && !isPrivateAddress(ip)) {
		walk.step('forward', 'forced tunnelling', `${walk.destinationIp} is not an on-premises address; ${site.name} advertises 0.0.0.0/0, so it receives the packet through the tunnel (forced tunnelling) and sends it out of its own Internet edge.`, site.name);
		leaveSiteForInternet(walk, site);
		return;
	}

	if (holder) {
		deliverOnSite(walk, site);
		return;
	}

	if (isPrivateAddress(ip)) {
		walk.note(`What ${site.name} does with a private address it does not hold is outside Azure; vnetlab assumes it has no route for it rather than sending it to the Internet.`);
		walk.drop('no-route', `${walk.destinationIp} is a private address that is not on-premises at ${site.name}: the site has no route for it (and the Internet routes no private address).`, site.name);
		return;
	}

	// Forced tunnelling: the default site receives Internet-bound traffic and sends it out of its own edge.
	walk.step('forward', 'forced tunnelling', `${walk.destinationIp} is not an on-premises address: ${site.name}, the default site, receives it through the tunnel (forced tunnelling) and sends it out of its own Internet edge.`, site.name);
	leaveSiteForInternet(walk, site);
}

function deliverOnSite(walk: Walk, site: LocalNetwork): void {
	const host = site.hosts.find((h) => h.ipAddress === walk.destinationIp);
	if (host) {
		walk.deliver('on-premises', host.name, `Delivered to ${host.name} at ${site.name}; it sees the packet from ${walk.sourceIp}.`);
		return;
	}

	walk.deliver('on-premises', site.name, `Handed to ${site.name}'s network (${walk.destinationIp} is on-premises; no host with that address is modelled).`);
}

function leaveSiteForInternet(walk: Walk, site: LocalNetwork): void {
	walk.paths.add('internet');
	if (site.publicIpAddress) {
		walk.step('nat', `source ${walk.sourceIp} → ${site.publicIpAddress}`, `${site.name}'s Internet edge translates the source to its public IP.`, site.name);
		walk.sourceIp = site.publicIpAddress;
	} else {
		walk.note(`${site.name} has no publicIpAddress in the topology, so the source address the Internet sees is unknown.`);
	}

	if (!walk.enter('internet', walk.destinationIp)) return;
	atPublicAddress(walk, {kind: 'internet'});
}

/**
 * The VNets a site reaches through its gateway: the gateway's own VNet and the peers that use it
 * through gateway transit (S-GWT: only those VNets' prefixes are advertised to the site).
 */
export function vnetsBehindGateway(network: Network, gatewayVnet: string): string[] {
	const vnets = [gatewayVnet];
	for (const link of network.topology.virtualNetworkPeerings) {
		if (link.to !== gatewayVnet || !link.useRemoteGateways) continue;
		const back = network.peeringLinks.get(`${gatewayVnet}>${link.from}`);
		if (back?.allowGatewayTransit && isPeeringConnected(network, link.from, gatewayVnet)) vnets.push(link.from);
	}

	return vnets;
}

/** A packet sent by an on-premises host; the caller has entered the host's hop. */
export function fromOnPremises(walk: Walk, site: LocalNetwork, _host: OnPremisesHost): void {
	const {network} = walk;
	const ip = ipToInt(walk.destinationIp);
	if (siteHolds(network, site, ip)) {
		walk.step('route', 'on-premises', `${walk.destinationIp} is inside ${site.name}: it never leaves the site.`, site.name);
		deliverOnSite(walk, site);
		return;
	}

	const gateway = network.gateways.get(site.gateway);
	const vnets = gateway ? vnetsBehindGateway(network, gateway.vnet) : [];
	const target = vnets.find((name) => network.vnets.get(name)?.addressSpace.some((p) => prefixContains(p, ip)));
	if (gateway && target) {
		walk.step('route', `VirtualNetworkGateway ${gateway.name}`, `${site.name} learned ${target}'s address space from ${gateway.name}, so the packet goes into the tunnel.`, site.name);
		walk.paths.add('gateway');
		if (!walk.enter('gateway', gateway.name)) return;
		walk.viaGateway = gateway.name;
		walk.step('forward', 'gateway', `${gateway.name} receives the packet from the tunnel; the GatewaySubnet's routes decide where it goes.`, gateway.name);
		routeFrom(walk, `${gateway.vnet}/GatewaySubnet`);
		return;
	}

	const unadvertised = network.topology.virtualNetworks.find((v) => network.vnets.get(v.name)?.addressSpace.some((p) => prefixContains(p, ip)));
	if (unadvertised && gateway) {
		walk.drop(
			'no-route',
			`${site.name} has no route to ${walk.destinationIp}: ${unadvertised.name} is not advertised over ${gateway.name} (it is neither the gateway's VNet nor a peer using it through gateway transit).`,
			site.name,
		);
		return;
	}

	if (isPrivateAddress(ip)) {
		walk.drop('no-route', `${site.name} has no route to the private address ${walk.destinationIp}.`, site.name);
		return;
	}

	// Service endpoints do not serve on-premises traffic (S-SE): public addresses go out of the site's edge.
	walk.step('route', 'site Internet edge', `${walk.destinationIp} is public: ${site.name} sends it out of its own Internet edge, not through Azure.`, site.name);
	leaveSiteForInternet(walk, site);
}
