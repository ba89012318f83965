/**
 * Conditional forwarding: the DNS forwarding rulesets linked to a VNet (DNS Private Resolver,
 * S-RESOLVER) and an on-premises DNS server's conditional forwarders. The rule with the longest
 * matching domain suffix wins; a rule for `.` matches every name.
 */
import {cached, type Network} from '../network.js';
import {longestSuffixMatch, normalizeName, suffixesOf} from './names.js';
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

/**
 * Domains reserved for Azure services, which a ruleset's wildcard rule ('.') does not forward.
 * https://learn.microsoft.com/azure/dns/private-resolver-endpoints-rulesets#rule-processing: certain
 * domains "are ignored when using a wildcard rule", being reserved for Azure services: "the two-label
 * DNS names listed in" https://learn.microsoft.com/azure/private-link/private-endpoint-dns (the page
 * gives windows.net, azure.com, azure.net, windowsazure.us as examples). Below is every two-label
 * name in that page's zone tables (Commercial, Government, China; ms.date 08/04/2025 version).
 */
export const wildcardReservedDomains: ReadonlySet<string> = new Set([
	// Named as examples on the rulesets page.
	'windows.net', 'azure.com', 'azure.net', 'windowsazure.us',
	// Commercial zone table.
	'aznbcontent.net', 'azconfig.io', 'azmk8s.io', 'azure-api.net', 'azure-automation.net', 'azure-devices.net',
	'azure-devices-provisioning.net', 'azurecontainerapps.io', 'azurecr.io', 'azuredatabricks.net', 'azurehdinsight.net',
	'azurehealthcareapis.com', 'azureiotcentral.com', 'azureml.ms', 'azurestaticapps.net', 'azuresynapse.net',
	'azurewebsites.net', 'botframework.com', 'microsoft.com', 'signalr.net', 'visualstudio.com', 'windowsazure.com',
	// Government zone table.
	'azure.us', 'azure-automation.us', 'azure-devices.us', 'azure-devices-provisioning.us', 'azurecr.us', 'azurehdinsight.us',
	'azurehealthcareapis.us', 'azureml.us', 'azurewebsites.us', 'usgovcloudapi.net', 'windows.us',
	// China zone table.
	'azure.cn', 'azure-automation.cn', 'azure-devices.cn', 'azure-devices-provisioning.cn', 'azurehdinsight.cn', 'azureml.cn',
	'chinacloudapi.cn', 'chinacloudsites.cn', 'windows.cn',
]);

/** The reserved Azure domain a normalised name is, or is under (`windows.net` for `st.blob.core.windows.net`), if any. */
export function reservedAzureDomain(name: string): string | undefined {
	return suffixesOf(name).find((suffix) => wildcardReservedDomains.has(suffix));
}

/** True for the wildcard rule, the one for `.`. */
export function isWildcardRule(rule: ForwardingRule): boolean {
	return rule.domain === '';
}

/** A rule's domain as a learner reads it (`.` for the catch-all rule). */
function domainLabel(domain: string): string {
	return domain === '' ? '.' : domain;
}

export function ruleDomainLabel(rule: ForwardingRule): string {
	return domainLabel(rule.domain);
}
