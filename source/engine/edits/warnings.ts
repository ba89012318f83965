/**
 * Configurations Azure accepts but that leave traffic broken or a setting without effect,
 * found over a whole topology. applyEdit reports those an edit introduces (present after it,
 * absent before), so each appears once, on the edit that caused it. What validateTopology
 * already warns about (unowned next hop IPs, GatewaySubnet tables, gateway transit) is not repeated here.
 */
import type {Topology} from '../topology.js';
import {azureDnsIp} from './ops-dns.js';
import {serviceEndpointFor} from './vocabulary.js';

function routeWarnings(topology: Topology): string[] {
	const warnings: string[] = [];
	for (const table of topology.routeTables) {
		for (const route of table.routes) {
			if (route.nextHopType !== 'VirtualAppliance' || route.nextHopIpAddress === undefined) continue;
			for (const nic of topology.networkInterfaces) {
				if (nic.privateIpAddress !== route.nextHopIpAddress) continue;
				const where = `route ${route.name} in ${table.name} sends traffic to ${nic.name} (${nic.privateIpAddress})`;
				// S-UDR, S-DIAGRT: "ensure that IP forwarding is enabled on the NVA receiving the traffic, or packets are dropped."
				if (!nic.enableIpForwarding) warnings.push(`${where}, whose NIC has IP forwarding off: Azure drops what it should forward`);
				// S-UDR: a next hop that "isn't running" shows None; traffic to it is lost.
				if (!nic.running) warnings.push(`${where}, a stopped VM: the traffic is lost`);
			}
		}
	}

	return warnings;
}

function firewallWarnings(topology: Topology): string[] {
	const warnings: string[] = [];
	for (const resource of topology.resources) {
		const rules = resource.networkRuleSet.virtualNetworkRules;
		const services = serviceEndpointFor[resource.type] ?? [];
		for (const subnetId of rules) {
			const [vnetName, subnetName] = subnetId.split('/');
			const subnet = topology.virtualNetworks.find((v) => v.name === vnetName)?.subnets.find((s) => s.name === subnetName);
			// S-FAQ: "Only turning on service endpoints ... does not provide you the limited access"; the rule needs the endpoint too.
			if (subnet && !subnet.serviceEndpoints.some((s) => services.includes(s))) {
				warnings.push(`${resource.name} allows ${subnetId}, but that subnet has no ${services[0]} service endpoint: the rule matches nothing until it does`);
			}
		}

		// S-STNS: "Be sure to set the default rule to Deny, or network rules will have no effect."
		if (rules.length > 0 && resource.networkRuleSet.defaultAction === 'Allow' && resource.publicNetworkAccess === 'Enabled') {
			warnings.push(`${resource.name}'s firewall default action is Allow: its virtual network rules have no effect until it is Deny`);
		}
	}

	return warnings;
}

function dnsWarnings(topology: Topology): string[] {
	const warnings: string[] = [];
	const endpointIps = new Set(topology.privateEndpoints.map((e) => e.privateIpAddress));
	for (const zone of topology.privateDnsZones) {
		if (!zone.name.toLowerCase().startsWith('privatelink.')) continue;
		for (const record of zone.records) {
			if (record.type === 'A' && !endpointIps.has(record.value)) {
				warnings.push(`${record.name}.${zone.name} points at ${record.value}, which no private endpoint has: connections to it go nowhere`);
			}
		}
	}

	const dnsIps = new Set<string>([
		azureDnsIp,
		...topology.networkInterfaces.map((n) => n.privateIpAddress),
		...topology.dnsResolvers.map((r) => r.inboundEndpointIp),
		...topology.localNetworks.flatMap((l) => l.dnsServers),
	]);
	for (const vnet of topology.virtualNetworks) {
		for (const server of vnet.dnsServers) {
			if (!dnsIps.has(server)) {
				warnings.push(`${vnet.name} sends DNS queries to ${server}, where no DNS server is (no VM, resolver inbound endpoint or on-premises DNS has it): names stop resolving`);
			}
		}
	}

	return warnings;
}

/** Every broken-but-accepted configuration in a topology, as learner-facing sentences. */
export function configurationWarnings(topology: Topology): string[] {
	return [...routeWarnings(topology), ...firewallWarnings(topology), ...dnsWarnings(topology)];
}
