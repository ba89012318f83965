/**
 * Forwarding inside Azure: the route lookup at a subnet and what each next hop type does with
 * the packet (VnetLocal and peering delivery, appliances, gateways, the Internet, service and
 * private endpoints, None).
 */
import {ipToInt, prefixContains} from '../address.js';
import {isPeeringConnected, prefixOf, subnetContaining, type Network} from '../network.js';
import {lookupRoute} from '../routes.js';
import type {BeatenRoute, BeatenRule, EffectiveRoute} from '../results.js';
import type {NetworkInterface, VirtualNetworkGateway} from '../topology.js';
import {atLoadBalancer, atPrivateEndpoint, atPublicAddress} from './endpoints.js';
import {egressToInternet} from './egress.js';
import {toOnPremises} from './on-premises.js';
import {passNsgs} from './security.js';
import type {Walk} from './walk.js';

const whyWords: Record<BeatenRoute['why'], string> = {
	'shorter-prefix': 'shorter prefix (longest prefix match)',
	'lower-source-priority': 'same prefix, lower source priority (User > BGP > System)',
	'service-tag-order': 'same prefix; explicit > regional tag > top-level tag > AzureCloud regional > AzureCloud',
	'system-route-preferred': 'VNet, peering and service endpoint system routes are preferred',
	'expressroute-preferred': 'same prefix; the ExpressRoute gateway is preferred over the VPN gateway',
	'first-listed': 'same prefix and source; the first listed wins',
	invalid: 'Invalid on this subnet',
};

export function describeRoute(route: EffectiveRoute, prefix?: string): string {
	const where = route.source === 'User' ? `User ${route.name ?? ''}`.trim() : route.source === 'Default' ? 'System Route' : 'BGP/gateway';
	const ip = route.nextHopIpAddress.length > 0 ? ` ${route.nextHopIpAddress.join(',')}` : '';
	return `${prefix ?? route.addressPrefix.join(', ')} → ${route.nextHopType}${ip} (${where})`;
}

export function beatenRoutes(beaten: BeatenRoute[]): BeatenRule[] {
	return beaten.map((b) => ({rule: describeRoute(b.route, b.matchedPrefix), why: whyWords[b.why]}));
}

/** The VNet whose address space holds an IP, looking at `vnetName` and its connected peers first. */
function vnetHolding(network: Network, vnetName: string, ip: number): string | undefined {
	const own = network.vnets.get(vnetName);
	if (own?.addressSpace.some((p) => prefixContains(p, ip))) return vnetName;
	for (const link of network.topology.virtualNetworkPeerings) {
		if (link.from !== vnetName || !isPeeringConnected(network, link.from, link.to)) continue;
		if (network.vnets.get(link.to)?.addressSpace.some((p) => prefixContains(p, ip))) return link.to;
	}

	return undefined;
}

/** A VNet that holds the IP but is peered with `vnetName` in one direction only. */
function halfPeeredHolder(network: Network, vnetName: string, ip: number): string | undefined {
	for (const link of network.topology.virtualNetworkPeerings) {
		const other = link.from === vnetName ? link.to : link.to === vnetName ? link.from : undefined;
		if (!other || isPeeringConnected(network, vnetName, other)) continue;
		if (network.vnets.get(other)?.addressSpace.some((p) => prefixContains(p, ip))) return other;
	}

	return undefined;
}

/** A NIC or load balancer frontend holding the IP in some VNet (the caller already looked in this VNet and its peers). */
function ownerElsewhere(network: Network, ip: number): {what: string; vnet: string} | undefined {
	for (const [vnet, owners] of network.ipOwners) {
		const owner = owners.get(ip);
		if (owner?.kind === 'nic') return {what: `${owner.nic.name}'s network interface`, vnet};
		if (owner?.kind === 'load-balancer') return {what: `load balancer ${owner.loadBalancer.name}'s frontend`, vnet};
	}

	return undefined;
}

/** The route lookup at a subnet and the next hop it chooses. `egressNic` is the NIC the packet leaves from. */
export function routeFrom(walk: Walk, subnetId: string, egressNic?: NetworkInterface): void {
	const {network} = walk;
	const vnetName = subnetId.split('/')[0]!;
	const destination = ipToInt(walk.destinationIp);
	const result = lookupRoute(network, subnetId, destination);
	for (const text of result.notes) walk.note(text);
	const ip = result.nextHopIpAddress ? ` ${result.nextHopIpAddress}` : '';
	walk.step(
		'route',
		`${result.nextHopType}${ip}`,
		`Route lookup at ${subnetId} for ${walk.destinationIp}: ${describeRoute(result.matched, result.matchedPrefix)} wins.`,
		result.routeTableId === 'System Route' ? 'System Route' : `${result.routeTableId}/${result.matched.name ?? ''}`,
		beatenRoutes(result.beaten),
	);
	const routeRule = result.matched.name ?? 'System Route';

	switch (result.nextHopType) {
		case 'None': {
			const half = halfPeeredHolder(network, vnetName, destination);
			if (half && result.matched.source === 'Default') {
				walk.drop(
					'peering-not-connected',
					`${walk.destinationIp} is in ${half}, but the peering between ${vnetName} and ${half} exists in one direction only, so it is not Connected and adds no route; the packet hit a None route instead.`,
					routeRule,
				);
				return;
			}

			walk.drop('next-hop-none', `The winning route has next hop None: Azure drops the packet (${describeRoute(result.matched, result.matchedPrefix)}).`, routeRule);
			return;
		}

		case 'VnetLocal':
		case 'VNetPeering': {
			const target = vnetHolding(network, vnetName, destination) ?? vnetName;
			if (target !== vnetName) {
				walk.paths.add('peering');
				if (!crossPeering(walk, vnetName, target)) return;
			}

			arriveInVnet(walk, target);
			return;
		}

		case 'VirtualAppliance':
			toAppliance(walk, vnetName, result.nextHopIpAddress ?? '', routeRule);
			return;
		case 'VirtualNetworkGateway':
			toGateway(walk, vnetName, routeRule);
			return;
		case 'Internet': {
			const half = halfPeeredHolder(network, vnetName, destination);
			if (half) {
				walk.drop(
					'peering-not-connected',
					`${walk.destinationIp} is in ${half}, but the peering exists in one direction only (not Connected), so there is no peering route and the packet would go to the Internet.`,
					routeRule,
				);
				return;
			}

			egressToInternet(walk, subnetId, egressNic);
			return;
		}

		case 'VirtualNetworkServiceEndpoint':
			walk.paths.add('service-endpoint');
			if (!walk.enter('service-endpoint', `${subnetId}`)) return;
			walk.step(
				'forward',
				'service endpoint',
				`The service endpoint on ${subnetId} carries the packet over the Azure backbone to the service's public endpoint; the source stays the private IP ${walk.sourceIp} (docs: Virtual network service endpoints).`,
				routeRule,
			);
			atPublicAddress(walk, {kind: 'service-endpoint', subnet: subnetId});
			return;
		case 'InterfaceEndpoint': {
			walk.paths.add('private-endpoint');
			const target = vnetHolding(network, vnetName, destination) ?? vnetName;
			if (target !== vnetName) {
				walk.paths.add('peering');
				if (!crossPeering(walk, vnetName, target)) return;
			}

			arriveInVnet(walk, target);
		}
	}
}

/**
 * Crossing a peering from `from` into `to` (S-PEER): both links must exist (Connected); a sending
 * link with allow virtual network access off lets through only what an explicit NSG rule allowed
 * on the way out of `from`; and traffic that did not originate in `from` (forwarded by an
 * appliance) needs allow forwarded traffic on the receiving VNet's own link.
 */
export function crossPeering(walk: Walk, from: string, to: string): boolean {
	const {network} = walk;
	const outbound = network.peeringLinks.get(`${from}>${to}`);
	const inbound = network.peeringLinks.get(`${to}>${from}`);
	if (!outbound || !inbound) {
		walk.step('forward', 'peering not connected', `Peering ${from} ↔ ${to} is missing a link, so it is not Connected.`);
		walk.drop('peering-not-connected', `The peering between ${from} and ${to} exists in one direction only; both links are needed.`, (outbound ?? inbound)?.name);
		return false;
	}

	let accessNote = '';
	if (!outbound.allowVirtualNetworkAccess) {
		// Docs (Manage a virtual network peering): with access off traffic doesn't flow by default, but may if explicitly allowed by an NSG rule with the addresses.
		const sent = walk.outboundNsgs?.vnet === from ? walk.outboundNsgs : undefined;
		const explicit = sent?.explicitAllows ?? [];
		if (explicit.length === 0) {
			const how = !sent?.evaluated
				? `no NSG filtered it on the way out of ${from}`
				: `only default NSG rules let it out of ${from}`;
			walk.drop(
				'peering-access-disabled',
				`${outbound.name} has allow virtual network access off and ${how}, so by default traffic from ${from} does not flow into ${to}. An outbound NSG rule in ${from} that names ${to}'s addresses (not the VirtualNetwork tag, which leaves ${to} out) would let it through, with an inbound rule in ${to} to admit it (docs: Manage a virtual network peering).`,
				outbound.name,
			);
			return false;
		}

		accessNote = ` ${outbound.name} has allow virtual network access off, but ${explicit.join(', ')} explicitly allowed the packet out: traffic an NSG rule explicitly allows by its addresses still flows (docs: Manage a virtual network peering); ${to}'s inbound NSGs decide next.`;
	}

	const source = ipToInt(walk.sourceIp);
	const originatedHere = network.vnets.get(from)?.addressSpace.some((p) => prefixContains(p, source)) ?? false;
	if (!inbound.allowVirtualNetworkAccess && originatedHere) {
		// Docs (Manage a virtual network peering): the setting changes the VirtualNetwork tag; here the receiving VNet's tag leaves out `from`.
		walk.note(
			`${inbound.name} has allow virtual network access off, so ${to}'s VirtualNetwork tag leaves out ${from}: in ${to} the default rule AllowVnetInBound does not admit packets from ${from}, only an inbound rule naming ${from}'s addresses does (docs: Manage a virtual network peering). Where ${to} has no NSG, nothing filters them.`,
		);
	}

	walk.globalPeering = network.vnets.get(from)?.vnet.region.toLowerCase() === network.vnets.get(to)?.vnet.region.toLowerCase() ? undefined : outbound.name;
	const gatewayTransit = walk.viaGateway !== undefined && inbound.useRemoteGateways && outbound.allowGatewayTransit;
	if (!originatedHere && !gatewayTransit) {
		if (!inbound.allowForwardedTraffic) {
			walk.drop(
				'forwarded-traffic-not-allowed',
				`The packet from ${walk.sourceIp} did not originate in ${from}; ${to}'s own link ${inbound.name} must allow forwarded traffic to accept it.`,
				inbound.name,
			);
			return false;
		}

		walk.step('forward', 'peering', `Crossed ${outbound.name} into ${to}; ${inbound.name} allows forwarded traffic.${accessNote}`, outbound.name);
		return true;
	}

	walk.step('forward', 'peering', `Crossed peering ${outbound.name} into ${to} (Connected${accessNote ? '' : ', virtual network access allowed'}).${accessNote}`, outbound.name);
	return true;
}

/** The packet is inside `vnetName` addressed to one of its IPs: hand it to whoever owns the IP. */
export function arriveInVnet(walk: Walk, vnetName: string): void {
	const {network} = walk;
	const ip = ipToInt(walk.destinationIp);
	const owner = network.ipOwners.get(vnetName)?.get(ip);
	if (!owner) {
		const subnet = subnetContaining(network, vnetName, ip);
		walk.drop(
			'destination-not-found',
			`Nothing in ${vnetName}${subnet ? ` (${subnet.id})` : ''} has the address ${walk.destinationIp}.`,
		);
		return;
	}

	switch (owner.kind) {
		case 'nic':
			deliverToNic(walk, owner.nic);
			return;
		case 'private-endpoint':
			atPrivateEndpoint(walk, owner.endpoint);
			return;
		case 'load-balancer':
			atLoadBalancer(walk, owner.loadBalancer, owner.frontend);
			return;
		case 'resolver':
			if (!walk.enter('nic', owner.resolver.name)) return;
			walk.deliver('nic', owner.resolver.name, `Delivered to the inbound endpoint of DNS resolver ${owner.resolver.name}.`);
			return;
		case 'pls-nat':
			walk.drop('destination-not-found', `${walk.destinationIp} is a NAT address of Private Link service ${owner.service.name}; it receives nothing directly.`);
	}
}

/** Final delivery to a VM's NIC: inbound NSGs (subnet, then NIC). */
export function deliverToNic(walk: Walk, nic: NetworkInterface): void {
	if (!walk.enter('nic', nic.name)) return;
	if (!nic.running) {
		walk.drop('destination-stopped', `${nic.name}'s VM is stopped: nothing answers at ${nic.privateIpAddress}.`);
		return;
	}

	if (!passNsgs(walk, 'Inbound', nic.subnet, nic.networkSecurityGroup, nic.name)) return;
	// From on-premises, the reply needs a route back: a subnet whose route table disables gateway route propagation
	// (Virtual network traffic routing; VPN gateway transit) has none, and the reserved None route drops the answer.
	if (walk.hops[0]?.at.kind === 'on-premises') {
		const reply = lookupRoute(walk.network, nic.subnet, ipToInt(walk.sourceIp));
		if (reply.nextHopType === 'None') {
			const by = reply.matched.name ?? 'System Route';
			walk.drop(
				'no-return-route',
				`The packet reaches ${nic.name}, but its reply to ${walk.sourceIp} matches ${reply.matched.addressPrefix.join(', ')} → None (${by}) at ${nic.subnet}: without a route back (gateway routes are not propagated to this subnet, or a None route blocks them), the connection cannot complete (docs: Virtual network traffic routing).`,
				by,
			);
			return;
		}
	}

	walk.deliver('nic', nic.name, `Delivered to ${nic.name} (${nic.privateIpAddress}); it sees the packet from ${walk.sourceIp}.`);
}

/** Next hop VirtualAppliance: the NIC owning the IP, in this VNet or a peer (S-UDR, S-PEER). */
function toAppliance(walk: Walk, vnetName: string, nextHopIp: string, routeRule: string): void {
	const {network} = walk;
	const ip = ipToInt(nextHopIp);
	const holder = vnetHolding(network, vnetName, ip);
	const owner = holder ? network.ipOwners.get(holder)?.get(ip) : undefined;
	let nic: NetworkInterface | undefined;
	if (owner?.kind === 'nic') nic = owner.nic;
	else if (owner?.kind === 'load-balancer') {
		// An internal load balancer as next hop (S-UDR): it passes on only the flows a rule on that frontend
		// matches; an HA ports rule (protocol All, ports 0) matches every TCP and UDP flow (HA ports overview).
		const {loadBalancer, frontend} = owner;
		const rule = loadBalancer.rules.find((r) => r.frontend === frontend && (r.protocol === 'All' || (r.protocol.toLowerCase() === walk.protocol && r.frontendPort === walk.port)));
		if (!rule) {
			walk.drop(
				'no-load-balancer-rule',
				`Route ${routeRule} sends the packet to ${nextHopIp}, frontend ${frontend} of load balancer ${loadBalancer.name}, which has no rule there for ${walk.protocol.toUpperCase()}${walk.protocol === 'icmp' ? '' : ` ${walk.port}`}: a load balancer in front of appliances passes on only the flows its rules match. An HA ports rule (protocol All, frontend and backend port 0) takes every TCP and UDP flow (docs: High availability ports overview).`,
				`${loadBalancer.name}/${frontend}`,
			);
			return;
		}

		if (rule.protocol === 'All' && walk.protocol === 'icmp') {
			walk.note(`The HA ports documentation speaks of TCP and UDP flows; whether ${loadBalancer.name}'s HA ports rule passes ICMP is not documented there. vnetlab lets it through.`);
		}

		nic = loadBalancer.backends.map((name) => network.nics.get(name)).find((n) => n?.running);
		walk.note(`Route ${routeRule} points at load balancer ${loadBalancer.name}; its ${rule.protocol === 'All' ? 'HA ports ' : ''}rule takes the flow, and the trace follows its first running backend (flow hashing is not modelled).`);
	}

	if (!nic) {
		const half = halfPeeredHolder(network, vnetName, ip);
		if (half) {
			walk.drop('peering-not-connected', `Next hop ${nextHopIp} is in ${half}, but that peering is not Connected in both directions.`, routeRule);
			return;
		}

		const elsewhere = ownerElsewhere(network, ip);
		if (elsewhere) {
			// S-UDR: a next hop IP "must have direct connectivity"; only this VNet and its Connected peers have it (S-PEER).
			walk.drop(
				'next-hop-unreachable',
				`The next hop ${nextHopIp} of route ${routeRule} is ${elsewhere.what} in ${elsewhere.vnet}, which is neither ${vnetName} nor a VNet peered with it: without direct connectivity the route cannot reach it (docs: Virtual network traffic routing), and the packet is lost.`,
				routeRule,
			);
			return;
		}

		walk.drop('next-hop-unreachable', `No network interface has the next hop address ${nextHopIp} of route ${routeRule}: the packet is lost.`, routeRule);
		return;
	}

	const nvaVnet = nic.subnet.split('/')[0]!;
	if (nvaVnet !== vnetName) {
		walk.paths.add('peering');
		if (!crossPeering(walk, vnetName, nvaVnet)) return;
	}

	if (!walk.enter('appliance', nic.name)) return;
	walk.globalPeering = undefined; // The appliance sends the packet on afresh: a later Basic load balancer sees it come from here.
	if (!nic.running) {
		walk.drop('next-hop-unreachable', `${nic.name} is stopped, so the next hop ${nextHopIp} answers nothing.`, routeRule);
		return;
	}

	if (!passNsgs(walk, 'Inbound', nic.subnet, nic.networkSecurityGroup, nic.name)) return;
	if (walk.destinationIp === nic.privateIpAddress) {
		walk.deliver('nic', nic.name, `Delivered to ${nic.name}, which is itself the destination.`);
		return;
	}

	// A NIC receiving traffic not addressed to it needs Azure IP forwarding on (S-NIC, S-DIAGRT).
	if (!nic.enableIpForwarding) {
		walk.drop(
			'ip-forwarding-disabled',
			`${nic.name} received a packet for ${walk.destinationIp}, which is not its own address, and IP forwarding is off on the NIC: Azure discards it.`,
			nic.name,
		);
		return;
	}

	walk.step('forward', 'ip forwarding', `IP forwarding is on for ${nic.name}: Azure hands it packets addressed to others.`, nic.name);
	if (!nic.appliance?.forwards) {
		walk.drop('appliance-not-forwarding', `The operating system on ${nic.name} does not forward packets (routing is off in the guest).`, nic.name);
		return;
	}

	walk.step('forward', 'forwarded', `The appliance ${nic.name} forwards the packet.`, nic.name);
	// From here on the packet is appliance-forwarded, not plain gateway transit: peerings check allow forwarded traffic.
	walk.viaGateway = undefined;
	if (nic.appliance.snat) {
		walk.step('nat', `source ${walk.sourceIp} → ${nic.privateIpAddress}`, `${nic.name} translates the source to its own address.`, nic.name);
		walk.sourceIp = nic.privateIpAddress;
	} else {
		walk.nonSnatAppliances.push(nic.name);
	}

	if (!passNsgs(walk, 'Outbound', nic.subnet, nic.networkSecurityGroup, nic.name)) return;
	routeFrom(walk, nic.subnet, nic);
}

/**
 * Which of a VNet's gateways takes the packet: the one whose on-premises site holds the
 * destination by the longest prefix (its learned route matched), ExpressRoute before VPN on the
 * same prefix (ExpressRoute coexistence doc); else the VPN gateway (a user route's next hop must be
 * one, S-UDR); else the first. Matters when VPN and ExpressRoute gateways coexist.
 */
function gatewayFor(walk: Walk, vnetName: string): VirtualNetworkGateway | undefined {
	const {network} = walk;
	const gateways = network.topology.virtualNetworkGateways.filter((g) => g.vnet === vnetName);
	const ip = ipToInt(walk.destinationIp);
	const heldLength = (g: VirtualNetworkGateway) =>
		Math.max(
			-1,
			...network.topology.localNetworks
				.filter((site) => site.gateway === g.name)
				.flatMap((site) => site.addressPrefixes.map((p) => prefixOf(network, p)).filter((p) => prefixContains(p, ip)).map((p) => p.length)),
		);
	const erFirst = (g: VirtualNetworkGateway) => (g.gatewayType === 'ExpressRoute' ? 0 : 1);
	const holding = gateways.filter((g) => heldLength(g) >= 0).sort((a, b) => heldLength(b) - heldLength(a) || erFirst(a) - erFirst(b));
	return holding[0] ?? gateways.find((g) => g.gatewayType === 'Vpn') ?? gateways[0];
}

/** Next hop VirtualNetworkGateway: this VNet's VPN gateway, or the hub's through gateway transit (S-GWT). */
function toGateway(walk: Walk, vnetName: string, routeRule: string): void {
	const {network} = walk;
	const own = gatewayFor(walk, vnetName);
	let gateway = own;
	if (!gateway) {
		const link = network.topology.virtualNetworkPeerings.find((l) => l.from === vnetName && l.useRemoteGateways);
		const back = link ? network.peeringLinks.get(`${link.to}>${link.from}`) : undefined;
		if (link && back?.allowGatewayTransit) {
			gateway = gatewayFor(walk, link.to);
			if (gateway) {
				walk.paths.add('peering');
				if (!crossPeering(walk, vnetName, link.to)) return;
			}
		}
	}

	if (!gateway) {
		walk.drop('next-hop-unreachable', `${vnetName} has no virtual network gateway it can use, so route ${routeRule} leads nowhere.`, routeRule);
		return;
	}

	walk.paths.add('gateway');
	if (!walk.enter('gateway', gateway.name)) return;
	toOnPremises(walk, gateway.name);
}
