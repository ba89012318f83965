/**
 * The compact network view as lines: VNets with their subnets (route table, NSG, service
 * endpoints) and what sits in each subnet (NICs and NVAs, gateways, private endpoints, load
 * balancer frontends, resolvers), then peerings, route tables, NSG rules, on-premises sites,
 * PaaS resources with their firewall, private DNS zones and links, and the rest. Pure.
 */
import type {Topology} from '../engine/topology.js';
import {blank, line, wrapped, type Line} from './lines.js';
import {themedText, type Theme} from './theme.js';

type Section = {title: string; entries: Array<{text: string; depth: number; tone?: 'muted' | 'warn'}>};

const resourceKinds: Record<string, string> = {
	'Microsoft.Storage/storageAccounts': 'storage account',
	'Microsoft.Sql/servers': 'SQL server',
	'Microsoft.KeyVault/vaults': 'key vault',
};

function join(parts: Array<string | false | undefined>): string {
	return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' · ');
}

function vnetSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const vnet of topology.virtualNetworks) {
		const dns = vnet.dnsServers.length > 0 ? `DNS ${vnet.dnsServers.join(', ')}` : 'Azure DNS';
		entries.push({text: join([`VNet ${vnet.name}`, vnet.addressSpace.join(', '), vnet.region, dns]), depth: 0});
		for (const subnet of vnet.subnets) {
			const id = `${vnet.name}/${subnet.name}`;
			entries.push({
				text: join([
					subnet.name,
					subnet.addressPrefix,
					subnet.routeTable && `route table ${subnet.routeTable}`,
					subnet.networkSecurityGroup && `NSG ${subnet.networkSecurityGroup}`,
					subnet.natGateway && `NAT ${subnet.natGateway}`,
					subnet.serviceEndpoints.length > 0 && `endpoints ${subnet.serviceEndpoints.join(', ')}`,
					subnet.privateEndpointNetworkPolicies !== 'Disabled' && `PE policies ${subnet.privateEndpointNetworkPolicies}`,
					subnet.defaultOutboundAccess && 'default outbound on',
				]),
				depth: 1,
			});
			for (const nic of topology.networkInterfaces.filter((n) => n.subnet === id)) {
				const appliance = nic.appliance ? `guest OS ${nic.appliance.forwards ? 'forwards' : 'does not forward'}${nic.appliance.snat ? ' with SNAT' : ''}` : undefined;
				entries.push({
					text: join([
						`${appliance ? 'NVA' : 'NIC'} ${nic.name}`,
						nic.privateIpAddress,
						`IP forwarding ${nic.enableIpForwarding ? 'on' : 'off'}`,
						appliance,
						nic.networkSecurityGroup && `NSG ${nic.networkSecurityGroup}`,
						nic.publicIpAddress && `public ${nic.publicIpAddress}`,
						!nic.running && 'stopped',
					]),
					depth: 2,
					...(nic.running ? {} : {tone: 'muted' as const}),
				});
			}

			for (const endpoint of topology.privateEndpoints.filter((p) => p.subnet === id)) {
				const target = endpoint.connection.groupId ? `${endpoint.connection.target}/${endpoint.connection.groupId}` : endpoint.connection.target;
				entries.push({text: join([`private endpoint ${endpoint.name}`, endpoint.privateIpAddress, `→ ${target}`, endpoint.connection.status]), depth: 2});
			}

			for (const balancer of topology.loadBalancers) {
				for (const frontend of balancer.frontends.filter((f) => f.subnet === id)) {
					entries.push({text: join([`load balancer ${balancer.name}/${frontend.name}`, frontend.privateIpAddress, `backends ${balancer.backends.join(', ') || 'none'}`]), depth: 2});
				}
			}

			for (const service of topology.privateLinkServices) {
				for (const nat of service.natIpConfigurations.filter((n) => n.subnet === id)) {
					entries.push({text: join([`Private Link service ${service.name} NAT`, nat.privateIpAddress]), depth: 2});
				}
			}

			if (subnet.name === 'GatewaySubnet') {
				for (const gateway of topology.virtualNetworkGateways.filter((g) => g.vnet === vnet.name)) {
					entries.push({text: join([`gateway ${gateway.name}`, gateway.gatewayType, gateway.publicIpAddress, gateway.defaultSite ? `default site ${gateway.defaultSite}` : undefined]), depth: 2});
				}
			}
		}

		for (const resolver of topology.dnsResolvers.filter((r) => r.vnet === vnet.name)) {
			entries.push({text: join([`DNS resolver ${resolver.name}`, `inbound ${resolver.inboundEndpointIp}`]), depth: 1});
		}
	}

	return {title: 'Virtual networks', entries};
}

function peeringSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	const seen = new Set<string>();
	for (const link of topology.virtualNetworkPeerings) {
		const pair = [link.from, link.to].sort().join('|');
		if (seen.has(pair)) continue;
		seen.add(pair);
		const back = topology.virtualNetworkPeerings.find((other) => other.from === link.to && other.to === link.from);
		const flags = (l: typeof link) =>
			join([
				!l.allowVirtualNetworkAccess && 'access off',
				l.allowForwardedTraffic && 'forwarded traffic',
				l.allowGatewayTransit && 'gateway transit',
				l.useRemoteGateways && 'remote gateways',
			]);
		const state = back ? 'connected' : `not connected (no ${link.to} → ${link.from} link)`;
		entries.push({text: join([`${link.from} ⇄ ${link.to}`, state]), depth: 0, ...(back ? {} : {tone: 'warn' as const})});
		for (const l of [link, back]) {
			if (!l) continue;
			const text = flags(l);
			if (text) entries.push({text: `${l.name} (${l.from} → ${l.to}): ${text}`, depth: 1});
		}
	}

	return {title: 'Peerings', entries};
}

function routeTableSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const table of topology.routeTables) {
		const subnets = topology.virtualNetworks.flatMap((vnet) => vnet.subnets.filter((s) => s.routeTable === table.name).map((s) => `${vnet.name}/${s.name}`));
		entries.push({
			text: join([`route table ${table.name}`, subnets.length > 0 ? `on ${subnets.join(', ')}` : 'not associated', table.disableBgpRoutePropagation && 'gateway route propagation off']),
			depth: 0,
		});
		if (table.routes.length === 0) entries.push({text: 'no routes', depth: 1, tone: 'muted'});
		for (const route of table.routes) {
			entries.push({text: `${route.name} · ${route.addressPrefix} → ${route.nextHopType}${route.nextHopIpAddress ? ` ${route.nextHopIpAddress}` : ''}`, depth: 1});
		}
	}

	return {title: 'Route tables', entries};
}

function nsgSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const nsg of topology.networkSecurityGroups) {
		const on = [
			...topology.virtualNetworks.flatMap((vnet) => vnet.subnets.filter((s) => s.networkSecurityGroup === nsg.name).map((s) => `${vnet.name}/${s.name}`)),
			...topology.networkInterfaces.filter((n) => n.networkSecurityGroup === nsg.name).map((n) => `NIC ${n.name}`),
		];
		entries.push({text: join([`NSG ${nsg.name}`, on.length > 0 ? `on ${on.join(', ')}` : 'not associated']), depth: 0});
		const rules = [...nsg.securityRules].sort((a, b) => (a.direction === b.direction ? a.priority - b.priority : a.direction === 'Inbound' ? -1 : 1));
		for (const rule of rules) {
			const ports = rule.destinationPortRange === '*' ? '' : `:${rule.destinationPortRange}`;
			entries.push({
				text: `${rule.priority} ${rule.direction} ${rule.access} ${rule.protocol} ${rule.sourceAddressPrefix} → ${rule.destinationAddressPrefix}${ports} · ${rule.name}`,
				depth: 1,
			});
		}

		entries.push({text: 'then the default rules (AllowVnet, AllowAzureLoadBalancer / AllowInternet, DenyAll)', depth: 1, tone: 'muted'});
	}

	return {title: 'Network security groups', entries};
}

function onPremisesSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const site of topology.localNetworks) {
		entries.push({
			text: join([`site ${site.name}`, `via ${site.gateway}`, site.addressPrefixes.join(', '), site.dnsServers.length > 0 && `DNS ${site.dnsServers.join(', ')}`, site.publicIpAddress && `edge ${site.publicIpAddress}`]),
			depth: 0,
		});
		for (const rule of site.dnsForwarding) entries.push({text: `forwards ${rule.domain} to ${rule.targets.join(', ')}`, depth: 1});
		for (const host of site.hosts) entries.push({text: `host ${host.name} · ${host.ipAddress}`, depth: 1});
	}

	return {title: 'On-premises', entries};
}

function resourceSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const resource of topology.resources) {
		const rules = resource.networkRuleSet;
		entries.push({text: join([resource.name, resourceKinds[resource.type] ?? resource.type, resource.region, resource.publicIpAddress]), depth: 0});
		entries.push({
			text: join([
				`public network access ${resource.publicNetworkAccess}`,
				`firewall default ${rules.defaultAction}`,
				rules.virtualNetworkRules.length > 0 && `VNet rules ${rules.virtualNetworkRules.join(', ')}`,
				rules.ipRules.length > 0 && `IP rules ${rules.ipRules.join(', ')}`,
			]),
			depth: 1,
		});
	}

	return {title: 'Resources', entries};
}

function dnsSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const zone of topology.privateDnsZones) {
		entries.push({text: join([`zone ${zone.name}`, zone.id !== zone.name && `(id ${zone.id})`]), depth: 0});
		for (const record of zone.records) entries.push({text: `${record.name} ${record.type} ${record.value}`, depth: 1});
		const links = zone.virtualNetworkLinks.map((link) => `${link.vnet} (${link.name}${link.resolutionPolicy === 'NxDomainRedirect' ? ', NxDomainRedirect' : ''})`);
		entries.push({text: links.length > 0 ? `linked to ${links.join(', ')}` : 'linked to no VNet', depth: 1, ...(links.length > 0 ? {} : {tone: 'warn' as const})});
	}

	for (const resolver of topology.dnsResolvers) {
		for (const ruleset of resolver.forwardingRulesets) {
			entries.push({text: `ruleset ${ruleset.name} (${resolver.name}) for ${ruleset.vnetLinks.join(', ') || 'no VNet'}`, depth: 0});
			for (const rule of ruleset.rules) entries.push({text: `${rule.domain} → ${rule.targets.join(', ')}`, depth: 1});
		}
	}

	return {title: 'Private DNS', entries};
}

function otherSection(topology: Topology): Section {
	const entries: Section['entries'] = [];
	for (const gateway of topology.natGateways) entries.push({text: `NAT gateway ${gateway.name} · ${gateway.publicIpAddress}`, depth: 0});
	for (const service of topology.privateLinkServices) {
		entries.push({text: join([`Private Link service ${service.name}`, `on ${service.loadBalancer}/${service.frontend}`, service.alias, `visible to ${service.visibility.join(', ')}`]), depth: 0});
	}

	for (const balancer of topology.loadBalancers) {
		for (const rule of balancer.rules) entries.push({text: `${balancer.name}: ${rule.frontend} ${rule.protocol} ${rule.frontendPort} → ${rule.backendPort}`, depth: 0});
	}

	for (const host of topology.internetHosts) entries.push({text: join([`Internet host ${host.name}`, host.ipAddress, host.fqdn]), depth: 0});
	return {title: 'Also', entries};
}

/** The network view as lines of at most `width` characters. */
export function networkLines(topology: Topology, width: number, theme: Theme): Line[] {
	const sections = [vnetSection, peeringSection, routeTableSection, nsgSection, onPremisesSection, resourceSection, dnsSection, otherSection].map((section) => section(topology));
	const lines: Line[] = [];
	for (const section of sections) {
		if (section.entries.length === 0) continue;
		if (lines.length > 0) lines.push(blank);
		lines.push(line(section.title, 'title'));
		for (const entry of section.entries) {
			const prefix = '  '.repeat(entry.depth + 1);
			lines.push(...wrapped(themedText(entry.text, theme), width, {prefix, indent: prefix.length + 2, ...(entry.tone ? {tone: entry.tone} : {})}));
		}
	}

	if (lines.length === 0) lines.push(line('The network is empty.', 'muted'));
	return lines;
}
