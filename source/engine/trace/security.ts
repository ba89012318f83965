/**
 * NSG checks at a NIC, in Azure's order (S-NSG): outbound, the NIC's NSG then the subnet's;
 * inbound, the subnet's NSG then the NIC's. Both levels must allow; a level without an NSG allows.
 */
import {ipToInt} from '../address.js';
import {evaluateNsg, rulesInOrder, whyNoMatch} from '../nsg.js';
import {peerHiddenFromTag, virtualNetworkTagNote} from '../nsg-tags.js';
import type {NetworkSecurityGroup, SecurityRuleDirection} from '../topology.js';
import type {Walk} from './walk.js';

type Level = {nsg?: string; label: string};

/** Evaluate the NSGs guarding `subnetId` (and optionally a NIC's own NSG); false when the packet was dropped. */
export function passNsgs(
	walk: Walk,
	direction: SecurityRuleDirection,
	subnetId: string,
	nicNsg: string | undefined,
	nicLabel?: string,
): boolean {
	const subnet = walk.network.subnets.get(subnetId);
	const subnetLevel: Level = {nsg: subnet?.subnet.networkSecurityGroup, label: `subnet ${subnetId}`};
	const nicLevel: Level = {nsg: nicNsg, label: `network interface ${nicLabel ?? ''}`.trim()};
	// Outbound: NIC first, then subnet. Inbound: subnet first, then NIC (S-NSG, also within one subnet).
	const levels = direction === 'Outbound' ? [nicLevel, subnetLevel] : [subnetLevel, nicLevel];
	// Each outbound evaluation replaces the last: a peering with access off asks what this one allowed (crossPeering).
	if (direction === 'Outbound') walk.outboundNsgs = {vnet: subnetId.split('/')[0]!, evaluated: false, explicitAllows: []};
	for (const level of levels) {
		if (!level.nsg) continue;
		const nsg = walk.network.nsgs.get(level.nsg);
		if (!nsg) continue;
		if (direction === 'Outbound') walk.outboundNsgs!.evaluated = true;
		if (!passOne(walk, nsg, direction, subnetId, level.label)) return false;
	}

	return true;
}

/** Evaluate one NSG and record the step; false when it denied. */
export function passOne(
	walk: Walk,
	nsg: NetworkSecurityGroup,
	direction: SecurityRuleDirection,
	subnetId: string,
	label: string,
): boolean {
	const decision = evaluateNsg(walk.network, nsg, direction, {
		sourceIp: walk.sourceIp,
		destinationIp: walk.destinationIp,
		protocol: walk.protocol,
		port: walk.port,
		contextSubnet: subnetId,
	});
	const verb = direction === 'Outbound' ? 'outbound' : 'inbound';
	// Ambiguity (S-TAGS "might also contain default routes"): say so when a VirtualNetwork or Internet rule was evaluated.
	const evaluated = rulesInOrder(nsg, direction).slice(0, decision.beaten.length + 1);
	const tags = ['virtualnetwork', 'internet'];
	if (evaluated.some((r) => tags.includes(r.sourceAddressPrefix.toLowerCase()) || tags.includes(r.destinationAddressPrefix.toLowerCase()))) {
		const note = virtualNetworkTagNote(walk.network, subnetId);
		if (note) walk.note(note);
	}

	if (decision.beaten.some((b) => b.why.startsWith('source port '))) {
		walk.note('Source ports are not modelled (the sender picks an ephemeral port): a rule with a source port range matches only when the range covers 1024-65535, as 0-65535 does.');
	}

	if (decision.access === 'Allow') {
		if (direction === 'Outbound' && !decision.isDefault) walk.outboundNsgs?.explicitAllows.push(decision.rule);
		walk.step('nsg', 'allow', `${nsg.name} on ${label} allows this ${verb} packet.`, decision.rule, decision.beaten);
		return true;
	}

	// The destination is in a peer this VNet's VirtualNetwork tag leaves out (its link has access off): say why AllowVnetOutBound
	// missed. Inbound, crossPeering already noted it for the receiving VNet.
	const hidden = direction === 'Outbound' ? peerHiddenFromTag(walk.network, subnetId, ipToInt(walk.destinationIp)) : undefined;
	if (hidden) {
		const vnetName = subnetId.split('/')[0]!;
		walk.note(
			`${hidden.link} has allow virtual network access off, so ${vnetName}'s VirtualNetwork tag leaves out ${hidden.peer} and AllowVnetOutBound does not match this packet; only an NSG rule naming ${hidden.peer}'s addresses lets it through (docs: Manage a virtual network peering).`,
		);
	}

	walk.step('nsg', 'deny', `${nsg.name} on ${label} denies this ${verb} packet.`, decision.rule, decision.beaten);
	walk.drop('nsg-denied', `${decision.rule} denied the ${verb} packet at ${label}.`, decision.rule);
	return false;
}

/**
 * Outbound NSGs for a flow to a host-node service (168.63.129.16, 169.254.169.254): only user rules
 * naming the service's own tag filter it (S-NSG, S-168), NIC NSG then subnet NSG; false when denied.
 */
export function passPlatformNsgs(walk: Walk, subnetId: string, nicNsg: string | undefined, nicLabel: string, tag: string | undefined): boolean {
	const subnet = walk.network.subnets.get(subnetId);
	const levels: Level[] = [
		{nsg: nicNsg, label: `network interface ${nicLabel}`},
		{nsg: subnet?.subnet.networkSecurityGroup, label: `subnet ${subnetId}`},
	];
	const flow = {sourceIp: walk.sourceIp, destinationIp: walk.destinationIp, protocol: walk.protocol, port: walk.port, contextSubnet: subnetId};
	for (const level of levels) {
		const nsg = level.nsg ? walk.network.nsgs.get(level.nsg) : undefined;
		if (!nsg || !tag) continue;
		const decisive = nsg.securityRules
			.filter((r) => r.direction === 'Outbound' && r.destinationAddressPrefix.toLowerCase() === tag.toLowerCase())
			.sort((a, b) => a.priority - b.priority)
			.find((r) => whyNoMatch(walk.network, r, flow) === undefined);
		if (!decisive) continue;
		const rule = `${nsg.name}/${decisive.name}`;
		if (decisive.access === 'Allow') {
			walk.step('nsg', 'allow', `${rule} on ${level.label} allows this packet to ${tag}.`, rule);
			continue;
		}

		walk.step('nsg', 'deny', `${rule} on ${level.label} targets ${tag} and denies this packet.`, rule);
		walk.drop('nsg-denied', `${rule} denied the outbound packet to ${tag} at ${level.label}.`, rule);
		return false;
	}

	const what = tag ? `only rules naming the ${tag} service tag filter it` : 'no NSG rule filters it';
	walk.step('nsg', 'not filtered', `${walk.destinationIp} is a virtual IP of the host node: ${what}, and no user-defined route applies (docs: What is IP address 168.63.129.16?).`);
	return true;
}
