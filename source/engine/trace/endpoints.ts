/**
 * Where packets meet services: a resource's public endpoint and its firewall (networkRuleSet,
 * publicNetworkAccess), private endpoints (approval, mapping, network policies), Private Link
 * services (visibility, NAT to the provider) and Standard Load Balancer frontends.
 */
import {ipToInt, prefixContains} from '../address.js';
import {prefixOf} from '../network.js';
import {lookupRoute} from '../routes.js';
import type {BeatenRule} from '../results.js';
import {pairedRegion} from '../service-tags.js';
import type {LoadBalancer, PrivateEndpoint, PrivateLinkService, Resource} from '../topology.js';
import {deliverToNic} from './forward.js';
import {passOne} from './security.js';
import {azurePrivateSource, describeSource, sourceSeen} from './source-address.js';
import type {Walk} from './walk.js';

export type Arrival = {kind: 'internet'} | {kind: 'service-endpoint'; subnet: string};

/** The packet reached a public address: a resource, a VM's public IP, an Internet host, or nothing modelled. */
export function atPublicAddress(walk: Walk, arrival: Arrival): void {
	const {network} = walk;
	// Accounts may share a public IP (a storage stamp); the name the client asked for decides which one answers.
	const intended = walk.intended ? network.resources.get(walk.intended.resource) : undefined;
	const resource = intended?.publicIpAddress === walk.destinationIp ? intended : network.topology.resources.find((r) => r.publicIpAddress === walk.destinationIp);
	if (resource) {
		atResourcePublicEndpoint(walk, resource, arrival);
		return;
	}

	const nic = network.topology.networkInterfaces.find((n) => n.publicIpAddress === walk.destinationIp);
	if (nic && arrival.kind === 'internet') {
		// Public IP addresses doc: a Standard public IP (every public IP since Basic's retirement) is closed to
		// inbound traffic unless an NSG on the subnet or NIC allows it; with no NSG at all, nothing opens it.
		const subnetNsg = network.subnets.get(nic.subnet)?.subnet.networkSecurityGroup;
		if (!subnetNsg && !nic.networkSecurityGroup) {
			walk.drop(
				'inbound-not-allowed',
				`${walk.destinationIp} is ${nic.name}'s Standard public IP, which is closed to inbound traffic until a network security group allows it; neither ${nic.name} nor ${nic.subnet} has one (docs: Public IP addresses).`,
				nic.name,
			);
			return;
		}

		// Virtual network traffic routing: with a 0.0.0.0/0 route to an appliance or gateway, resources in the subnet cannot be
		// reached from the Internet directly; the reply would not leave through this public IP.
		const reply = lookupRoute(network, nic.subnet, ipToInt(walk.sourceIp));
		if (reply.nextHopType !== 'Internet') {
			const by = reply.matched.name ?? 'System Route';
			walk.drop(
				'asymmetric-routing',
				`${nic.name}'s replies to ${walk.sourceIp} would follow ${reply.matched.addressPrefix.join(', ')} → ${reply.nextHopType}${reply.nextHopIpAddress ? ` ${reply.nextHopIpAddress}` : ''} (${by}), not leave through its public IP ${walk.destinationIp}, so the connection cannot complete: once a 0.0.0.0/0 route sends a subnet's traffic to an appliance or a gateway, its resources are not reachable from the Internet directly; that device has to take the inbound traffic (docs: Virtual network traffic routing).`,
				by,
			);
			return;
		}

		walk.step('nat', `destination ${walk.destinationIp} → ${nic.privateIpAddress}`, `Azure translates ${nic.name}'s public IP to its private IP before the NSGs see the packet (docs: Network security groups).`, nic.name);
		walk.destinationIp = nic.privateIpAddress;
		deliverToNic(walk, nic);
		return;
	}

	// NAT gateway overview: it is outbound only; nothing outside can start a connection to its public IP.
	const natGateway = network.topology.natGateways.find((gateway) => gateway.publicIpAddress === walk.destinationIp);
	if (natGateway && arrival.kind === 'internet') {
		walk.drop('inbound-not-allowed', `${walk.destinationIp} is NAT gateway ${natGateway.name}'s public IP: a NAT gateway carries outbound connections and their replies only, so nothing from outside can start a connection to it (docs: What is Azure NAT Gateway?).`, natGateway.name);
		return;
	}

	const host = network.topology.internetHosts.find((h) => h.ipAddress === walk.destinationIp);
	if (host) {
		walk.deliver('internet', host.name, `Delivered to ${host.name} on the Internet; it sees the packet from ${describeSource(walk.sourceIp)}.`);
		return;
	}

	if (arrival.kind === 'service-endpoint') {
		walk.exit(`Left over the service endpoint to ${walk.destinationIp}, a service address this topology does not model.`);
		return;
	}

	walk.exit(`Left Azure for ${walk.destinationIp}, an Internet address this topology does not model, from ${describeSource(walk.sourceIp)}.`);
}

/** A resource's public endpoint: public network access, then the firewall (S-STNS, S-SE). */
function atResourcePublicEndpoint(walk: Walk, resource: Resource, arrival: Arrival): void {
	if (!walk.enter('resource', resource.name)) return;
	if (resource.publicNetworkAccess === 'Disabled') {
		walk.step('firewall', 'deny', `${resource.name} has public network access disabled: its public endpoint takes no traffic at all.`, 'publicNetworkAccess');
		walk.drop('public-network-access-disabled', `${resource.name}'s public endpoint is closed (public network access Disabled).`, 'publicNetworkAccess');
		return;
	}

	if (arrival.kind === 'service-endpoint') {
		// S-STNS vs S-FAQ (semantics 13.5): say which doc a paired-region Storage endpoint follows.
		const vnetRegion = walk.network.subnets.get(arrival.subnet)?.vnet.region.toLowerCase();
		if (resource.type === 'Microsoft.Storage/storageAccounts' && vnetRegion !== undefined && pairedRegion(vnetRegion) === resource.region.toLowerCase()) {
			walk.note(
				`${resource.name} is in ${resource.region}, the paired region of ${arrival.subnet}'s ${vnetRegion}: Azure Storage firewalls and virtual networks says Storage service endpoints are "expanded to include the paired region", while the VNet FAQ says Storage and SQL need the same region. vnetlab follows the Storage doc.`,
			);
		}
	}

	// Storage sees requests from its own region come from private Azure addresses, and IP rules ignore them (docs: Azure Storage firewalls and virtual networks).
	const origin = walk.leftAzureFrom;
	const sameRegion =
		arrival.kind === 'internet' &&
		resource.type === 'Microsoft.Storage/storageAccounts' &&
		origin !== undefined &&
		origin.region.toLowerCase() === resource.region.toLowerCase();
	if (sameRegion && origin) {
		walk.step(
			'nat',
			`source ${walk.sourceIp} → a private Azure address`,
			`${resource.name} is in the same region as the sender, so the request reaches it from a private Azure address, not from ${describeSource(walk.sourceIp)}; IP network rules have no effect on such requests.`,
			resource.name,
		);
		walk.sourceIp = azurePrivateSource;
		walk.note(`The docs say requests from a Storage account's own region arrive from private Azure addresses, without saying which; the trace shows the source as ${azurePrivateSource}.`);
	}

	const rules = resource.networkRuleSet;
	if (rules.defaultAction === 'Allow') {
		walk.step('firewall', 'allow', `${resource.name}'s firewall default action is Allow: every network may connect, rules or not.`, 'networkRuleSet/defaultAction');
		deliverResource(walk, resource, 'public endpoint');
		return;
	}

	const beaten: BeatenRule[] = [];
	const source = ipToInt(walk.sourceIp);
	for (const subnet of rules.virtualNetworkRules) {
		// A virtual network rule counts only for traffic that came through that subnet's service endpoint (S-FAQ two steps).
		if (arrival.kind === 'service-endpoint' && arrival.subnet === subnet) {
			walk.step('firewall', 'allow', `Virtual network rule ${subnet} matches: the packet came through that subnet's service endpoint.`, `virtualNetworkRules/${subnet}`, beaten);
			deliverResource(walk, resource, 'public endpoint via service endpoint');
			return;
		}

		beaten.push({
			rule: `virtualNetworkRules/${subnet}`,
			why: arrival.kind === 'service-endpoint' ? `the packet came from ${arrival.subnet}` : 'the packet did not come through a service endpoint of this subnet',
		});
	}

	for (const range of rules.ipRules) {
		if (sameRegion) {
			beaten.push({rule: `ipRules/${range}`, why: 'IP rules have no effect on requests from the account\'s own region'});
			continue;
		}

		const prefix = prefixOf(walk.network, range.includes('/') ? range : `${range}/32`);
		// With a service endpoint the source is a private IP, so public IP rules stop matching (S-SE).
		if (arrival.kind === 'internet' && /^\d/.test(walk.sourceIp) && prefixContains(prefix, source)) {
			walk.step('firewall', 'allow', `IP rule ${range} matches the source ${walk.sourceIp}.`, `ipRules/${range}`, beaten);
			deliverResource(walk, resource, 'public endpoint');
			return;
		}

		beaten.push({rule: `ipRules/${range}`, why: `source ${describeSource(walk.sourceIp)} is not in ${range}`});
	}

	walk.step('firewall', 'deny', `No rule of ${resource.name}'s firewall matches and the default action is Deny.`, 'networkRuleSet/defaultAction', beaten);
	walk.drop('firewall-denied', `${resource.name}'s firewall denies ${describeSource(walk.sourceIp)}: default action Deny and no virtual network or IP rule matches (the service answers 403).`, 'networkRuleSet/defaultAction');
}

function deliverResource(walk: Walk, resource: Resource, how: string): void {
	walk.deliver('resource', resource.name, `Delivered to ${resource.name} through its ${how}; it sees ${sourceSeen(walk.sourceIp)}.`);
}

/** A private endpoint: network policies, protocol, approval, and the one resource it maps to (S-PE, S-PENP). */
export function atPrivateEndpoint(walk: Walk, endpoint: PrivateEndpoint): void {
	const {network} = walk;
	if (!walk.enter('private-endpoint', endpoint.name)) return;
	const subnet = network.subnets.get(endpoint.subnet)!;
	const policies = subnet.subnet.privateEndpointNetworkPolicies;
	const nsgName = subnet.subnet.networkSecurityGroup;
	if (nsgName) {
		const nsg = network.nsgs.get(nsgName)!;
		// NSGs apply to private endpoint traffic only with network policies on for NSGs (S-PENP).
		if (policies === 'NetworkSecurityGroupEnabled' || policies === 'Enabled') {
			if (!passOne(walk, nsg, 'Inbound', endpoint.subnet, `subnet ${endpoint.subnet}`)) return;
		} else {
			walk.step('nsg', 'not applied', `${nsgName} on ${endpoint.subnet} is skipped: private endpoint network policies are ${policies}, so NSGs do not filter traffic to the endpoint.`, nsgName);
		}
	}

	if (walk.protocol === 'icmp') {
		walk.drop('protocol-not-supported', `${endpoint.name} carries TCP and UDP only; it does not answer ICMP.`, endpoint.name);
		return;
	}

	const {connection} = endpoint;
	// Only an Approved connection carries traffic (S-PE approval states).
	if (connection.status !== 'Approved') {
		walk.step('connection', connection.status, `The connection of ${endpoint.name} to ${connection.target} is ${connection.status}.`, `${endpoint.name}/connection`);
		walk.drop('private-endpoint-not-approved', `${endpoint.name}'s connection is ${connection.status}; only an Approved connection carries traffic.`, `${endpoint.name}/connection`);
		return;
	}

	if (walk.nonSnatAppliances.length > 0) {
		walk.note(
			`The packet passed ${walk.nonSnatAppliances.join(', ')} without SNAT: the private endpoint's reply goes straight back to ${walk.sourceIp}, bypassing the appliance, so a stateful firewall sees only half the flow. SNAT at the appliance keeps it symmetric (docs: Azure private endpoints, docs: inspecting private endpoint traffic with a firewall).`,
		);
	}

	const service = network.privateLinkServices.get(connection.target) ?? network.topology.privateLinkServices.find((s) => s.alias === connection.target);
	if (service) {
		// Only an Approved connection carries traffic (S-PE approval states), for a Private Link service as for a resource.
		walk.step('connection', 'approved', `${endpoint.name} connects to Private Link service ${service.name}; the connection is Approved.`, `${endpoint.name}/connection`);
		atPrivateLinkService(walk, endpoint, service);
		return;
	}

	const resource = network.resources.get(connection.target)!;
	// Exfiltration protection: the endpoint reaches only the resource and sub-resource it maps to (S-PE).
	if (walk.intended && (walk.intended.resource !== resource.name || walk.intended.groupId !== connection.groupId)) {
		walk.step('connection', 'not mapped', `${endpoint.name} maps to ${resource.name}/${connection.groupId}, not ${walk.intended.resource}/${walk.intended.groupId}.`, `${endpoint.name}/connection`);
		walk.drop(
			'not-mapped-resource',
			`${endpoint.name} only reaches ${resource.name} (${connection.groupId}); a request for ${walk.intended.resource} (${walk.intended.groupId}) through it fails.`,
			`${endpoint.name}/connection`,
		);
		return;
	}

	walk.step('connection', 'approved', `${endpoint.name} maps to ${resource.name} (${connection.groupId}); the connection is Approved.`, `${endpoint.name}/connection`);
	if (!walk.enter('resource', resource.name)) return;
	// The resource firewall and public network access govern the public endpoint only (S-STPE; design 9).
	walk.step('firewall', 'not applied', `${resource.name}'s firewall and public network access govern only its public endpoint; traffic through an approved private endpoint is not subject to them.`);
	walk.deliver('resource', resource.name, `Delivered to ${resource.name} through private endpoint ${endpoint.name}; it sees the source ${walk.sourceIp}.`);
}

/** A consumer's private endpoint to a Private Link service: visibility, NAT to the provider, the load balancer (S-PLS). */
function atPrivateLinkService(walk: Walk, endpoint: PrivateEndpoint, service: PrivateLinkService): void {
	const {network} = walk;
	if (!walk.enter('private-link-service', service.name)) return;
	const loadBalancer = network.loadBalancers.get(service.loadBalancer)!;
	const frontend = loadBalancer.frontends.find((f) => f.name === service.frontend)!;
	// S-PLS: visibility lists other subscriptions; the provider's own subscription always sees its service (RBAC).
	const own = network.subnets.get(frontend.subnet)?.vnet.subscription;
	const visible = service.visibility.includes('*') || service.visibility.includes(endpoint.subscription) || endpoint.subscription === own;
	if (!visible) {
		walk.drop('private-link-service-not-visible', `${service.name} is not visible to subscription ${endpoint.subscription}.`, `${service.name}/visibility`);
		return;
	}

	const nat = service.natIpConfigurations[0]!;
	// The provider sees a NAT IP from its own subnet, so consumer and provider spaces may overlap (S-PLS).
	walk.step(
		'nat',
		`source ${walk.sourceIp} → ${nat.privateIpAddress}, destination → ${frontend.privateIpAddress}`,
		`${service.name} translates the packet into the provider's network: the source becomes its NAT IP ${nat.privateIpAddress}, the destination its load balancer frontend.`,
		`${service.name}/natIpConfigurations`,
	);
	walk.sourceIp = nat.privateIpAddress;
	walk.destinationIp = frontend.privateIpAddress;
	if (service.enableProxyProtocol) {
		walk.note(`${service.name} adds a PROXY protocol v2 header carrying the consumer's address; the backend must parse it or the request fails.`);
	}

	atLoadBalancer(walk, loadBalancer, frontend.name);
}

/** A load balancer frontend: a rule for the protocol and port, then a running backend. */
export function atLoadBalancer(walk: Walk, loadBalancer: LoadBalancer, frontendName: string): void {
	const {network} = walk;
	if (!walk.enter('load-balancer', loadBalancer.name)) return;
	// Virtual network peering: a Basic load balancer's frontend is not reachable from a globally peered VNet (Standard is).
	if (loadBalancer.sku === 'Basic' && walk.globalPeering) {
		walk.drop(
			'basic-load-balancer-global-peering',
			`${loadBalancer.name} is a Basic load balancer, and the packet came over global peering ${walk.globalPeering}: resources in a globally peered VNet cannot reach a Basic load balancer's frontend, only a Standard one's (docs: Virtual network peering).`,
			loadBalancer.name,
		);
		return;
	}

	const rule = loadBalancer.rules.find(
		(r) => r.frontend === frontendName && (r.protocol === 'All' || r.protocol.toLowerCase() === walk.protocol) && (r.protocol === 'All' || r.frontendPort === walk.port),
	);
	if (!rule) {
		walk.drop('no-load-balancer-rule', `${loadBalancer.name} has no rule on ${frontendName} for ${walk.protocol.toUpperCase()} ${walk.port}.`, loadBalancer.name);
		return;
	}

	const backend = loadBalancer.backends.map((name) => network.nics.get(name)).find((nic) => nic?.running);
	if (!backend) {
		walk.drop('no-healthy-backend', `${loadBalancer.name} has no running backend.`, loadBalancer.name);
		return;
	}

	walk.note(`${loadBalancer.name} spreads flows over its backends by hash; the trace follows the first running one.`);
	walk.step(
		'forward',
		`${backend.name}:${rule.backendPort}`,
		`Rule ${rule.protocol} ${rule.frontendPort} → ${rule.backendPort} sends the flow to backend ${backend.name}.`,
		`${loadBalancer.name}/${frontendName}:${rule.frontendPort}`,
	);
	walk.destinationIp = backend.privateIpAddress;
	if (rule.protocol !== 'All') walk.port = rule.backendPort;
	deliverToNic(walk, backend);
}
