/**
 * Network security group evaluation, as IP flow verify reports it: rules in priority order,
 * the first match decides, the six default rules last. Returns the deciding rule and, for the
 * learner, every rule evaluated before it with why it did not match.
 */
import {ipToInt, prefixContains} from './address.js';
import {prefixOf, type Network} from './network.js';
import {nsgTagContains} from './nsg-tags.js';
import type {BeatenRule, Protocol} from './results.js';
import type {NetworkSecurityGroup, SecurityRule, SecurityRuleDirection} from './topology.js';

/** Default rules, names and priorities as the API returns them (design section 3; S-NSG). */
export const defaultSecurityRules: readonly SecurityRule[] = [
	rule('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
	rule('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
	rule('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
	rule('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
	rule('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
	rule('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
];

function rule(
	name: string,
	priority: number,
	direction: SecurityRuleDirection,
	access: 'Allow' | 'Deny',
	source: string,
	destination: string,
): SecurityRule {
	return {
		name,
		priority,
		direction,
		access,
		protocol: '*',
		sourceAddressPrefix: source,
		sourcePortRange: '*',
		destinationAddressPrefix: destination,
		destinationPortRange: '*',
	};
}

/** The flow an NSG sees. `contextSubnet` is the subnet whose NIC the rules protect (tags are computed for it). */
export type Flow = {
	sourceIp: string;
	destinationIp: string;
	protocol: Protocol;
	/** Destination port; ignored for ICMP. */
	port: number;
	/** The sender's port: an ephemeral port, not modelled: only '*' source port ranges match. */
	contextSubnet: string;
};

export type NsgDecision = {
	nsg: string;
	access: 'Allow' | 'Deny';
	/** `<nsg>/<rule>` as a verdict names it. */
	rule: string;
	isDefault: boolean;
	/** Rules evaluated before the deciding one, in order, with why each did not match. */
	beaten: BeatenRule[];
};

/** Rules of one direction in evaluation order: user rules by priority, then the defaults (S-NSG). */
export function rulesInOrder(nsg: NetworkSecurityGroup, direction: SecurityRuleDirection): SecurityRule[] {
	const own = nsg.securityRules.filter((r) => r.direction === direction).sort((a, b) => a.priority - b.priority);
	return [...own, ...defaultSecurityRules.filter((r) => r.direction === direction)];
}

/** Evaluate one NSG for a flow in a direction: the first matching rule decides (S-NSG "processing stops"). */
export function evaluateNsg(
	network: Network,
	nsg: NetworkSecurityGroup,
	direction: SecurityRuleDirection,
	flow: Flow,
): NsgDecision {
	const beaten: BeatenRule[] = [];
	for (const candidate of rulesInOrder(nsg, direction)) {
		const miss = whyNoMatch(network, candidate, flow);
		if (miss === undefined) {
			return {
				nsg: nsg.name,
				access: candidate.access,
				rule: `${nsg.name}/${candidate.name}`,
				isDefault: candidate.priority >= 65000,
				beaten,
			};
		}

		beaten.push({rule: `${nsg.name}/${candidate.name} (${candidate.priority} ${candidate.access})`, why: miss});
	}

	// Unreachable: DenyAll* matches everything. Kept total for the type checker.
	return {nsg: nsg.name, access: 'Deny', rule: `${nsg.name}/DenyAll`, isDefault: true, beaten};
}

/** Why a rule does not match a flow, or undefined when it does. */
export function whyNoMatch(network: Network, candidate: SecurityRule, flow: Flow): string | undefined {
	if (candidate.protocol !== '*' && candidate.protocol.toLowerCase() !== flow.protocol) {
		return `protocol ${candidate.protocol}, packet is ${flow.protocol.toUpperCase()}`;
	}

	if (flow.protocol === 'icmp') {
		// ICMP has no ports: only a rule for any port can match it.
		if (candidate.destinationPortRange !== '*') return `port ${candidate.destinationPortRange}, ICMP has no port`;
	} else if (!portInRange(flow.port, candidate.destinationPortRange)) {
		return `destination port ${candidate.destinationPortRange}, packet goes to ${flow.port}`;
	}

	if (!coversClientPorts(candidate.sourcePortRange)) {
		return `source port ${candidate.sourcePortRange}: the sender uses an ephemeral port (not modelled), so only a range covering 1024-65535 matches`;
	}

	if (!addressMatches(network, candidate.sourceAddressPrefix, flow.sourceIp, flow.contextSubnet)) {
		return `source ${candidate.sourceAddressPrefix} does not contain ${flow.sourceIp}`;
	}

	if (!addressMatches(network, candidate.destinationAddressPrefix, flow.destinationIp, flow.contextSubnet)) {
		return `destination ${candidate.destinationAddressPrefix} does not contain ${flow.destinationIp}`;
	}

	return undefined;
}

export function portInRange(port: number, range: string): boolean {
	if (range === '*') return true;
	// The portal's comma list ('80,443,8000-8080'; ARM's destinationPortRanges): any entry matches.
	if (range.includes(',')) return range.split(',').some((part) => portInRange(port, part.trim()));
	const dash = range.indexOf('-');
	if (dash < 0) return Number(range) === port;
	return port >= Number(range.slice(0, dash)) && port <= Number(range.slice(dash + 1));
}

/**
 * Whether a source port range surely holds the sender's port. The client's ephemeral port is not
 * modelled (our choice): '*' and any range covering 1024-65535 (such as '0-65535') match; others do not.
 */
function coversClientPorts(range: string): boolean {
	return range.split(',').some((part) => {
		const text = part.trim();
		if (text === '*') return true;
		const [low, high = low] = text.split('-').map(Number) as [number, number?];
		return low <= 1024 && high >= 65_535;
	});
}

function addressMatches(network: Network, prefix: string, ip: string, contextSubnet: string): boolean {
	if (prefix === '*' || prefix === '0.0.0.0/0' || prefix === 'Any') return true;
	if (/^\d/.test(prefix)) return prefixContains(prefixOf(network, prefix), ipToInt(ip));
	return nsgTagContains(network, prefix, ipToInt(ip), contextSubnet);
}
