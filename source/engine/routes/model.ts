/**
 * The route builder's working record: an effective route (what the learner sees) plus what
 * selection needs and the API does not show (parsed prefixes, the kind of system route, the
 * service tag rank). Internal to engine/routes.
 */
import type {Prefix} from '../address.js';
import type {EffectiveRoute, RouteSource} from '../results.js';
import type {PrivateEndpoint} from '../topology.js';

/** Which rule created a route. */
export type RouteKind =
	/** Default route for an address-space range of the subnet's own VNet (S-UDR 1.1). */
	| 'vnet-local'
	/** Default route for an address-space range of a directly peered VNet (S-UDR 1.2, S-PEER). */
	| 'peering'
	/** Default 0.0.0.0/0 Internet (S-UDR 1.1). */
	| 'internet'
	/** Default None route for a reserved prefix (S-UDR 1.1). */
	| 'reserved'
	/** Learned by a virtual network gateway: local network prefixes, own or through gateway transit (S-UDR 1.2, S-GWT). */
	| 'gateway'
	/** Service endpoint route on the subnet that enables it (S-SE). */
	| 'service-endpoint'
	/** Private endpoint /32 (S-PENP, T-BN, T-CT). */
	| 'private-endpoint'
	/** A user-defined route of the subnet's route table (S-UDR). */
	| 'user';

export type RouteRecord = {
	route: EffectiveRoute;
	prefixes: Prefix[];
	kind: RouteKind;
	/**
	 * Equal-prefix rank within one source, lower wins. User routes: 0 explicit CIDR, 1 regional tag, 2 top-level
	 * tag, 3 AzureCloud regional, 4 AzureCloud (S-UDR 4). Gateway routes: 0 ExpressRoute, 1 VPN (ExpressRoute is
	 * preferred over site-to-site VPN for the same prefix: docs, ExpressRoute and S2S VPN coexistence).
	 */
	tagRank: number;
	/** Creation order, for deterministic ties (a user route's position in its table). */
	order: number;
	/** Private endpoint routes: the endpoint. */
	endpoint?: PrivateEndpoint;
};

/** One (route, prefix) pair: the unit of longest prefix match. */
export type Atom = {record: RouteRecord; prefix: Prefix};

/** User > BGP > System on an equal prefix (S-UDR 2.2); also the output order's first key (design 5). */
export const sourceRank: Readonly<Record<RouteSource, number>> = {Default: 0, User: 1, VirtualNetworkGateway: 2};

/** Equal-prefix priority: lower wins (S-UDR 2.2: "1. User-defined route 2. BGP route 3. System route"). */
export const selectionRank: Readonly<Record<RouteSource, number>> = {User: 0, VirtualNetworkGateway: 1, Default: 2};

/** System routes that beat BGP routes even when those are more specific (S-UDR 2.2 note). */
export function isPreferredSystem(record: RouteRecord): boolean {
	return record.kind === 'vnet-local' || record.kind === 'peering' || record.kind === 'service-endpoint';
}

/** A stable key for an exact prefix. */
export function prefixKey(prefix: Prefix): string {
	return `${prefix.base}/${prefix.length}`;
}

/** Append a sentence to a route's note. */
export function addNote(record: RouteRecord, text: string): void {
	record.route.note = record.route.note ? `${record.route.note} ${text}` : text;
}

/** Mark a route Invalid, saying what overrides it. */
export function invalidate(record: RouteRecord, why: string): void {
	record.route.state = 'Invalid';
	addNote(record, why);
}

/** A new record with the defaults of a system route. */
export function systemRecord(
	kind: RouteKind,
	prefixes: Prefix[],
	nextHopType: EffectiveRoute['nextHopType'],
	order: number,
	nextHopIpAddress: string[] = [],
): RouteRecord {
	return {
		route: {
			source: kind === 'gateway' ? 'VirtualNetworkGateway' : 'Default',
			state: 'Active',
			addressPrefix: prefixes.map((prefix) => prefix.text),
			nextHopType,
			nextHopIpAddress,
			name: null,
		},
		prefixes,
		kind,
		tagRank: 0,
		order,
	};
}
