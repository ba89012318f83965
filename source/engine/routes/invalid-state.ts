/**
 * Which routes of a subnet's table are Invalid (S-UDR 1.3), each with a note naming what
 * overrides it: an equal-prefix user route overrides a system or gateway route; a gateway route
 * overrides an equal-prefix system route, except the VNet, peering and service endpoint routes,
 * which are preferred over BGP; a service endpoint route overrides an equal-prefix user route
 * (S-SE); a UDR at least as specific as the endpoint's VNet range invalidates a private endpoint
 * /32 when the endpoint's subnet enables route-table network policies (S-PENP).
 */
import {prefixContains, type Prefix} from '../address.js';
import type {Network} from '../network.js';
import {addNote, invalidate, isPreferredSystem, type RouteRecord} from './model.js';
import {buildPrefixIndex, exactValues, matchingValues, type PrefixIndex} from './prefix-index.js';

type Indexed = PrefixIndex<RouteRecord>;

function indexOf(records: RouteRecord[]): Indexed {
	return buildPrefixIndex(records.flatMap((record) => record.prefixes.map((prefix) => ({prefix, value: record}))));
}

function names(records: readonly RouteRecord[]): string {
	return [...new Set(records.map((record) => record.route.name ?? record.route.nextHopType))].join(', ');
}

const nextHopLabel: Readonly<Record<string, string>> = {
	'vnet-local': 'VnetLocal',
	peering: 'VNetPeering',
	'service-endpoint': 'VirtualNetworkServiceEndpoint',
};

export function applyInvalidState(network: Network, records: RouteRecord[], vnetName: string): void {
	const users = records.filter((record) => record.kind === 'user');
	const gateways = records.filter((record) => record.kind === 'gateway');
	const userIndex = indexOf(users);
	const serviceEndpointIndex = indexOf(records.filter((record) => record.kind === 'service-endpoint'));
	const preferredIndex = indexOf(records.filter((record) => isPreferredSystem(record)));

	// S-SE: "Service endpoint routes override any BGP or UDR routes for the address prefix match of an Azure service".
	// Choice: a user route all of whose prefixes are service endpoint prefixes is shown Invalid; a partly covered one
	// stays Active and loses only on those prefixes.
	for (const user of users) {
		const covered = user.prefixes.filter((prefix) => exactValues(serviceEndpointIndex, prefix));
		if (covered.length === 0) continue;
		const docs = 'docs: Virtual network service endpoints: service endpoint routes "override any BGP or UDR routes for the address prefix match"';
		if (covered.length === user.prefixes.length) {
			invalidate(user, `Invalid: the service endpoint route overrides user routes for all of its prefixes (${docs}); the docs do not say how the overridden route is shown, and vnetlab shows it Invalid.`);
			continue;
		}

		const kept = user.prefixes.filter((prefix) => !covered.includes(prefix));
		addNote(
			user,
			`Partly overridden: the service endpoint route overrides user routes for ${covered.map((p) => p.text).join(', ')} (${docs}), so this route is not used for those prefixes; it stays Active for ${kept.map((p) => p.text).join(', ')}.`,
		);
	}

	// S-UDR 1.3 (routing example ID8): an equal-prefix user route overrides a gateway route.
	// S-UDR 2.2 note: VNet, peering and service endpoint system routes are preferred over BGP routes.
	for (const gateway of gateways) {
		const prefix = gateway.prefixes[0]!;
		const user = exactValues(userIndex, prefix);
		const preferred = exactValues(preferredIndex, prefix);
		if (user) invalidate(gateway, overriddenByUser(user));
		else if (preferred) {
			invalidate(
				gateway,
				`Invalid: the ${nextHopLabel[preferred[0]!.kind]} system route for ${prefix.text} is preferred over BGP routes (docs: Virtual network traffic routing route selection).`,
			);
		}
	}

	const activeGatewayIndex = indexOf(gateways.filter((record) => record.route.state === 'Active'));
	for (const record of records) {
		if (record.kind === 'user' || record.kind === 'gateway' || record.kind === 'service-endpoint') continue;
		const prefix = record.prefixes[0]!;
		const user = exactValues(userIndex, prefix);
		// S-UDR 1.3 (routing example IDs 1, 4, 5, 11): "user-defined routes override default routes" of the same prefix.
		if (user) invalidate(record, overriddenByUser(user));
		// S-UDR 2.2: on an equal prefix a BGP route beats a system route (not VNet/peering routes: handled above).
		else if (!isPreferredSystem(record) && exactValues(activeGatewayIndex, prefix)) {
			invalidate(record, `Invalid: the gateway-learned route for ${prefix.text} wins on an equal prefix (BGP before System, docs: Virtual network traffic routing route selection).`);
		}
	}

	for (const record of records) {
		if (record.kind === 'private-endpoint' && record.route.state === 'Active') privateEndpointPolicy(network, record, userIndex, vnetName);
	}

	// S-UDR 2.5 ambiguity: only a user-defined 0.0.0.0/0 is documented to remove the reserved None routes.
	const hasUserDefault = users.some((user) => user.prefixes.some((prefix) => prefix.length === 0));
	if (!hasUserDefault && gateways.some((gateway) => gateway.prefixes[0]!.length === 0)) {
		const internet = records.find((record) => record.kind === 'internet');
		if (internet) {
			addNote(
				internet,
				'A gateway-learned 0.0.0.0/0 keeps the reserved None routes: only a user-defined 0.0.0.0/0 is documented to remove them (docs: Virtual network traffic routing, its routing example).',
			);
		}
	}
}

function overriddenByUser(users: readonly RouteRecord[]): string {
	return `Invalid: user route ${names(users)} has the same prefix, and user-defined routes override default and gateway routes (docs: Virtual network traffic routing, its routing example).`;
}

/**
 * S-PENP (DERIVED rule, azure-semantics 2.3): with RouteTableEnabled or Enabled on the endpoint's
 * subnet, a UDR containing the endpoint IP whose length is at least that of the endpoint VNet's
 * address range invalidates the /32; a 0.0.0.0/0 UDR never does.
 */
function privateEndpointPolicy(network: Network, record: RouteRecord, userIndex: Indexed, vnetName: string): void {
	const endpoint = record.endpoint!;
	const ip = record.prefixes[0]!.base;
	const endpointVnet = endpoint.subnet.split('/')[0]!;
	const range = network.vnets.get(endpointVnet)?.addressSpace.find((space: Prefix) => prefixContains(space, ip));
	if (!range) return;
	const covering = matchingValues(userIndex, ip, Math.max(range.length, 1));
	if (covering.length === 0) return;
	const policies = network.subnets.get(endpoint.subnet)?.subnet.privateEndpointNetworkPolicies ?? 'Disabled';
	const udr = covering[0]!;
	const udrPrefix = udr.prefixes.find((prefix) => prefixContains(prefix, ip))!;
	if (policies === 'RouteTableEnabled' || policies === 'Enabled') {
		invalidate(
			record,
			`Invalid: user route ${udr.route.name} (${udrPrefix.text}) is at least as specific as ${endpointVnet}'s range ${range.text}, and ${endpoint.subnet} has privateEndpointNetworkPolicies ${policies} (docs: network policies for private endpoints).`,
		);
		if (endpointVnet !== vnetName) {
			addNote(record, "Whether a UDR in a peered VNet's route table invalidates the /32 is unstated; vnetlab applies the same rule.");
		}
	} else {
		addNote(
			record,
			`User route ${udr.route.name} (${udrPrefix.text}) covers this endpoint, but ${endpoint.subnet} has privateEndpointNetworkPolicies ${policies}, so the /32 stays Active and wins by longest prefix (docs: network policies for private endpoints).`,
		);
	}
}
