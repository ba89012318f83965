/**
 * NSG checks at a NIC, in Azure's order (S-NSG): outbound, the NIC's NSG then the subnet's;
 * inbound, the subnet's NSG then the NIC's. Both levels must allow; a level without an NSG allows.
 */
import {evaluateNsg} from '../nsg.js';
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
	for (const level of levels) {
		if (!level.nsg) continue;
		const nsg = walk.network.nsgs.get(level.nsg);
		if (!nsg) continue;
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
	if (decision.access === 'Allow') {
		walk.step('nsg', 'allow', `${nsg.name} on ${label} allows this ${verb} packet.`, decision.rule, decision.beaten);
		return true;
	}

	walk.step('nsg', 'deny', `${nsg.name} on ${label} denies this ${verb} packet.`, decision.rule, decision.beaten);
	walk.drop('nsg-denied', `${decision.rule} denied the ${verb} packet at ${label}.`, decision.rule);
	return false;
}
