/**
 * Private Link: create and delete private endpoints, approve or reject their connections,
 * and publish a Private Link service behind a Standard load balancer.
 */
import type {ConnectionStatus, PrivateEndpoint, PrivateLinkService} from '../topology.js';
import {privateLinkGroupIds} from '../validate.js';
import {findTarget, staticIpProblem, subscriptionOfService} from './facts.js';
import {findNamed, lookupNamed, lookupSubnet, type SubnetRef} from './lookup.js';
import {closestName, unknownName} from './names.js';
import {readNewName, type OpHandler} from './op.js';
import {appendItem, removeItem, updateItem} from './update.js';
import {limits} from './vocabulary.js';

const statuses: readonly ConnectionStatus[] = ['Approved', 'Pending', 'Rejected', 'Disconnected'];

/** True when a subscription list (visibility, autoApproval) includes `subscription`; '*' is anyone. */
function listsSubscription(list: readonly string[], subscription: string): boolean {
	return list.includes('*') || list.includes(subscription);
}

export const createPrivateEndpoint: OpHandler = ({topology, a}) => {
	const name = readNewName(a, 'name', 'private endpoint');
	const subnet = lookupSubnet(a, 'subnet', topology);
	const ip = a.ip('privateIpAddress');
	const targetName = a.string('target', 'a resource, a private link service or its alias');
	const groupIdArg = a.text('groupId');
	const subscriptionArg = a.optionalString('subscription');
	const statusArg = a.oneOf('status', statuses, true);
	if (a.failed || !name || !subnet || !ip || !targetName) return undefined;
	if (findNamed(topology.privateEndpoints, name)) return a.fail('name', `a private endpoint named ${name} already exists`);
	// S-PE: "The private endpoint must be deployed in the same region and subscription as the virtual network."
	const subscription = subscriptionArg ?? subnet.vnet.subscription;
	if (subscription !== subnet.vnet.subscription) {
		return a.fail('subscription', `a private endpoint lives in its VNet's subscription: ${subnet.vnet.name} is in ${subnet.vnet.subscription}, not ${subscription}`);
	}

	// S-PE: the endpoint's NIC takes a free address of its subnet.
	const ipProblem = staticIpProblem(topology, subnet.id, ip);
	if (ipProblem) return a.fail('privateIpAddress', ipProblem);
	const target = findTarget(topology, targetName);
	if (!target) {
		const known = [...topology.resources.map((r) => r.name), ...topology.privateLinkServices.map((s) => s.name)];
		return a.fail('target', unknownName('resource or private link service', 'resources or private link services', targetName, known));
	}

	let status: ConnectionStatus;
	let groupId = groupIdArg ?? '';
	if (target.kind === 'resource') {
		// S-PE 6.1: one sub-resource (group ID) per endpoint, from the target type's list.
		const valid = privateLinkGroupIds[target.resource.type];
		if (groupIdArg === undefined || groupIdArg === '') {
			return a.fail('groupId', `missing: give the sub-resource of ${target.resource.name}, one of ${valid.join(', ')}`);
		}

		if (!valid.includes(groupIdArg)) {
			const near = closestName(groupIdArg, valid);
			return a.fail('groupId', `'${groupIdArg}' is not a sub-resource of a ${target.resource.type} (${near ? `did you mean ${near}?` : `one of ${valid.join(', ')}`})`);
		}

		// S-PE 6.2: automatically approved when you own the resource; a request to another subscription's resource waits for its owner.
		const owned = target.resource.subscription === undefined || target.resource.subscription === subscription;
		if (!owned && statusArg === 'Approved') {
			return a.fail('status', `${target.resource.name} is in subscription ${target.resource.subscription}, not ${subscription}: the request starts Pending until its owner approves it (set-connection-status)`);
		}

		status = statusArg ?? (owned ? 'Approved' : 'Pending');
	} else {
		if (groupId !== '') return a.fail('groupId', `a private link service has no sub-resources: leave groupId empty for ${target.service.name}`);
		groupId = '';
		// S-PLS: visibility decides who may connect; the provider's own subscription always can (RBAC).
		const own = subscriptionOfService(topology, target.service);
		if (subscription !== own && !listsSubscription(target.service.visibility, subscription)) {
			return a.fail('target', `private link service ${target.service.name} is not visible to subscription ${subscription}: its visibility lists ${target.service.visibility.join(', ') || 'no subscriptions'}`);
		}

		// S-PLS: auto-approval for listed subscriptions (and the provider's own), otherwise the request waits Pending for the provider.
		const approvedAtOnce = subscription === own || listsSubscription(target.service.autoApproval, subscription);
		if (!approvedAtOnce && statusArg === 'Approved') {
			return a.fail('status', `${target.service.name} belongs to subscription ${own ?? 'another subscription'} and does not auto-approve ${subscription}: the request starts Pending until the provider approves it (set-connection-status)`);
		}

		status = statusArg ?? (approvedAtOnce ? 'Approved' : 'Pending');
	}

	const endpoint: PrivateEndpoint = {
		name,
		subnet: subnet.id,
		privateIpAddress: ip,
		subscription,
		connection: {target: targetName, groupId, status},
	};
	return appendItem(topology, 'privateEndpoints', endpoint);
};

export const deletePrivateEndpoint: OpHandler = ({topology, a}) => {
	const endpoint = lookupNamed(a, 'name', topology.privateEndpoints, 'private endpoint', 'private endpoints');
	if (!endpoint) return undefined;
	return removeItem(topology, 'privateEndpoints', endpoint.index);
};

export const setConnectionStatus: OpHandler = ({topology, a}) => {
	const endpoint = lookupNamed(a, 'privateEndpoint', topology.privateEndpoints, 'private endpoint', 'private endpoints');
	const status = a.oneOf('status', statuses);
	if (!endpoint || !status) return undefined;
	// S-PE 6.2: the owner approves, rejects or removes a connection; Pending is only where a request starts.
	if (status === 'Pending') {
		return a.fail('status', 'a connection is Pending only until the owner acts: set Approved, Rejected or Disconnected (removed)');
	}

	// S-PE 6.2: "Disconnected ... The private endpoint becomes informative and should be deleted for cleanup."
	if (endpoint.item.connection.status === 'Disconnected' && status !== 'Disconnected') {
		return a.fail('privateEndpoint', `the connection of ${endpoint.item.name} was removed (Disconnected): delete the endpoint and create it again`);
	}

	return updateItem(topology, 'privateEndpoints', endpoint.index, (e) => ({...e, connection: {...e.connection, status}}));
};

/** A stable 8-hex-digit tag for a generated alias (FNV-1a). */
function aliasTag(text: string): string {
	let hash = 0x811c9dc5;
	for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
	return hash.toString(16).padStart(8, '0');
}

export const createPrivateLinkService: OpHandler = ({topology, a}) => {
	const name = readNewName(a, 'name', 'private link service');
	const lb = lookupNamed(a, 'loadBalancer', topology.loadBalancers, 'load balancer', 'load balancers');
	const frontendName = a.string('frontend', 'the name of a frontend of the load balancer');
	const natReaders = a.objectList('natIpConfigurations', ['subnet', 'privateIpAddress']);
	const nats = (natReaders ?? []).map((n) => ({subnet: lookupSubnet(n, 'subnet', topology), ip: n.ip('privateIpAddress'), reader: n}));
	const visibility = a.stringList('visibility', undefined, true) ?? [];
	const autoApproval = a.stringList('autoApproval', undefined, true) ?? [];
	const aliasArg = a.optionalString('alias');
	const proxy = a.boolean('enableProxyProtocol', true) ?? false;
	if (a.failed || !name || !lb || !frontendName || !natReaders) return undefined;
	if (findNamed(topology.privateLinkServices, name)) return a.fail('name', `a private link service named ${name} already exists`);
	// S-PLS: "Azure Private Link Service is only supported on Standard Load Balancer."
	if (lb.item.sku !== 'Standard') return a.fail('loadBalancer', `${lb.item.name} is a ${lb.item.sku} load balancer: a private link service needs a Standard one`);
	const frontend = lb.item.frontends.find((f) => f.name === frontendName);
	if (!frontend) {
		return a.fail('frontend', unknownName('frontend', 'frontends', frontendName, lb.item.frontends.map((f) => f.name)).replace('no frontend', `${lb.item.name} has no frontend`));
	}

	// S-PLS: "Private Link service is tied to the frontend IP address of a Standard Load Balancer."
	const sharing = topology.privateLinkServices.find((s) => s.loadBalancer === lb.item.name && s.frontend === frontendName);
	if (sharing) return a.fail('frontend', `frontend ${frontendName} of ${lb.item.name} already belongs to private link service ${sharing.name}`);
	if (nats.length === 0 || nats.length > limits.natIpsPerService) {
		return a.fail('natIpConfigurations', `give 1 to ${limits.natIpsPerService} NAT IP configurations (a Private Link service allows up to eight)`);
	}

	const vnetName = frontend.subnet.split('/')[0]!;
	const seen = new Set<string>();
	for (const {subnet, ip, reader} of nats) {
		const ref = subnet as SubnetRef;
		if (ref.vnet.name !== vnetName) {
			reader.fail('subnet', `NAT IPs come from the load balancer's virtual network (${vnetName}), not ${ref.vnet.name}`);
			continue;
		}

		// S-PLSNP: "Network policies like network security groups (NSG) are not supported for private link service NAT IPs."
		if (ref.subnet.privateLinkServiceNetworkPolicies !== 'Disabled') {
			reader.fail('subnet', `${ref.id} has Private Link service network policies Enabled: set them to Disabled first (set-subnet-policies)`);
			continue;
		}

		const problem = staticIpProblem(topology, ref.id, ip!) ?? (seen.has(ip!) ? `${ip} is listed twice` : undefined);
		if (problem) reader.fail('privateIpAddress', problem);
		seen.add(ip!);
	}

	// An auto-approved subscription missing from visibility is validateTopology's warning (S-PLS: a subset).
	const region = topology.virtualNetworks.find((v) => v.name === vnetName)?.region ?? 'region';
	const alias = aliasArg ?? `${name}.${aliasTag(`${vnetName}/${name}`)}.${region.toLowerCase()}.azure.privatelinkservice`;
	// S-PLS: an alias reads "Prefix.{GUID}.region.azure.privatelinkservice".
	if (!alias.endsWith('.azure.privatelinkservice')) a.fail('alias', `'${alias}' is not an alias: it ends in .azure.privatelinkservice`);
	else if (topology.privateLinkServices.some((s) => s.alias === alias)) a.fail('alias', `alias ${alias} is taken`);
	if (a.failed) return undefined;
	const service: PrivateLinkService = {
		name,
		loadBalancer: lb.item.name,
		frontend: frontendName,
		natIpConfigurations: nats.map(({subnet, ip}) => ({subnet: subnet!.id, privateIpAddress: ip!})),
		visibility,
		autoApproval,
		alias,
		enableProxyProtocol: proxy,
	};
	return appendItem(topology, 'privateLinkServices', service);
};
