/**
 * Conditional forwarding: the DNS forwarding rulesets linked to a VNet (DNS Private Resolver,
 * S-RESOLVER) and an on-premises DNS server's conditional forwarders. The rule with the longest
 * matching domain suffix wins; a rule for `.` matches every name.
 */
import {cached, type Network} from '../network.js';
import {longestSuffixMatch, normalizeName} from './names.js';
import type {Vantage} from './servers.js';

export type ForwardingRule = {
	/** The rule's domain, normalised (`` for `.`). */
	domain: string;
	targets: readonly string[];
	/** The rule in words, for the learner: `the rule for corp.contoso.com in ruleset rs-onprem (resolver-hub)`. */
	owner: string;
	/** The VNet or site whose network sends the forwarded query (the resolver's VNet for a ruleset). */
	sender: Vantage;
};

/** The forwarding rules of every ruleset linked to a VNet, by domain (the first ruleset wins a duplicate domain). */
export function rulesetRules(network: Network, vnet: string): ReadonlyMap<string, ForwardingRule> {
	return cached(network, `dns:ruleset-rules:${vnet}`, () => {
		const table = new Map<string, ForwardingRule>();
		for (const resolver of network.topology.dnsResolvers) {
			for (const ruleset of resolver.forwardingRulesets) {
				// S-RESOLVER step 4: only rulesets with a virtual network link to this VNet are consulted.
				if (!ruleset.vnetLinks.includes(vnet)) continue;
				for (const rule of ruleset.rules) {
					const domain = normalizeName(rule.domain);
					if (table.has(domain)) continue;
					table.set(domain, {
						domain,
						targets: rule.targets,
						owner: `the rule for ${domainLabel(domain)} in ruleset ${ruleset.name} (${resolver.name})`,
						// The resolver's outbound endpoint lives in its own VNet and sends the query from there.
						sender: {kind: 'vnet', vnet: resolver.vnet},
					});
				}
			}
		}

		return table;
	});
}

/** An on-premises site's conditional forwarders, by domain. */
export function siteForwarders(network: Network, localNetwork: string): ReadonlyMap<string, ForwardingRule> {
	return cached(network, `dns:site-forwarders:${localNetwork}`, () => {
		const table = new Map<string, ForwardingRule>();
		const site = network.localNetworks.get(localNetwork);
		for (const rule of site?.dnsForwarding ?? []) {
			const domain = normalizeName(rule.domain);
			if (table.has(domain)) continue;
			table.set(domain, {
				domain,
				targets: rule.targets,
				owner: `its conditional forwarder for ${domainLabel(domain)}`,
				sender: {kind: 'on-premises', localNetwork},
			});
		}

		return table;
	});
}

/** The rule with the longest domain suffix matching the name (S-RESOLVER step 8). */
export function matchingRule(table: ReadonlyMap<string, ForwardingRule>, name: string): ForwardingRule | undefined {
	return longestSuffixMatch(table, name);
}

/** A rule's domain as a learner reads it (`.` for the catch-all rule). */
function domainLabel(domain: string): string {
	return domain === '' ? '.' : domain;
}

export function ruleDomainLabel(rule: ForwardingRule): string {
	return domainLabel(rule.domain);
}
