/**
 * Route selection for one destination (S-UDR "How Azure selects a route"): probe the subnet's
 * atom index (one map probe per prefix length present), then
 *  (a) a matching VNet, peering or service endpoint system route excludes BGP routes, even longer
 *      ones (S-UDR 2.2 note);
 *  (b) longest prefix wins (S-UDR 2.1);
 *  (c) on an equal prefix a service endpoint route beats User and BGP (S-SE); otherwise
 *      User > BGP > System (S-UDR 2.2); among user routes explicit CIDR > regional tag > top-level
 *      tag > AzureCloud regional > AzureCloud (S-UDR 4); among gateway routes ExpressRoute > VPN
 *      (ExpressRoute coexistence doc).
 * Invalid routes never win; those that match are listed as beaten with why `invalid`.
 */
import type {BeatenRoute, BeatenWhy, NextHopResult} from '../results.js';
import {isPreferredSystem, selectionRank, sourceRank, type Atom} from './model.js';
import {matchingValues} from './prefix-index.js';
import type {SubnetRouting} from './subnet-table.js';

type Loser = {atom: Atom; why: BeatenWhy};

export function selectRoute(routing: SubnetRouting, destinationIp: number): NextHopResult {
	const candidates = matchingValues(routing.atoms, destinationIp);
	const losers: Loser[] = [];
	let active: Atom[] = [];
	for (const atom of candidates) {
		if (atom.record.route.state === 'Invalid') losers.push({atom, why: 'invalid'});
		else active.push(atom);
	}

	// (a) S-UDR 2.2: "System routes for traffic related to virtual network, virtual network peerings, or virtual
	// network service endpoints, are preferred routes, even if BGP routes are more specific."
	const preferred = active.filter((atom) => isPreferredSystem(atom.record));
	if (preferred.length > 0) {
		const longestPreferred = Math.max(...preferred.map((atom) => atom.prefix.length));
		active = active.filter((atom) => {
			if (atom.record.kind !== 'gateway') return true;
			losers.push({atom, why: atom.prefix.length >= longestPreferred ? 'system-route-preferred' : 'shorter-prefix'});
			return false;
		});
	}

	if (active.length === 0) throw new Error(`no active route in ${routing.subnetId}: 0.0.0.0/0 should always match`);

	// (b) S-UDR 2.1: longest prefix match (candidates come longest first).
	const longest = active[0]!.prefix.length;
	const group = active.filter((atom) => atom.prefix.length === longest);
	for (const atom of active) if (atom.prefix.length < longest) losers.push({atom, why: 'shorter-prefix'});

	// (c) equal prefix.
	const serviceEndpoint = group.find((atom) => atom.record.kind === 'service-endpoint');
	let winner: Atom;
	if (serviceEndpoint) {
		// S-SE: "Service endpoint routes override any BGP or UDR routes for the address prefix match".
		winner = serviceEndpoint;
		for (const atom of group) {
			if (atom === winner) continue;
			const overridden = atom.record.kind === 'user' || atom.record.kind === 'gateway';
			losers.push({atom, why: overridden ? 'system-route-preferred' : 'lower-source-priority'});
		}
	} else {
		// S-UDR 2.2 (User > BGP > System) then S-UDR 4 (explicit prefix, regional tag, top-level tag, AzureCloud regional, AzureCloud).
		group.sort(
			(a, b) =>
				selectionRank[a.record.route.source] - selectionRank[b.record.route.source] ||
				a.record.tagRank - b.record.tagRank ||
				a.record.order - b.record.order,
		);
		winner = group[0]!;
		for (const atom of group.slice(1)) losers.push({atom, why: equalPrefixWhy(winner, atom)});
	}

	const notes: string[] = [];
	const tied = group.filter(
		(atom) => atom !== winner && atom.record.route.source === winner.record.route.source && atom.record.tagRank === winner.record.tagRank,
	);
	if (tied.length > 0) {
		notes.push(
			`${tied.length + 1} ${winner.record.route.source} routes tie on ${winner.prefix.text}; vnetlab takes the first listed (undocumented: Azure may spread traffic over equal routes).`,
		);
	}

	if (winner.record.kind === 'user' && losers.some((loser) => loser.atom.record.kind === 'service-endpoint' && loser.why === 'shorter-prefix')) {
		notes.push(
			`User route ${winner.record.route.name} (${winner.prefix.text}) is more specific than the service endpoint route: whether a service endpoint route beats a longer UDR is undocumented (docs: Virtual network service endpoints vs docs: Virtual network traffic routing); vnetlab applies plain longest prefix match.`,
		);
	}

	const matched = winner.record.route;
	return {
		nextHopType: matched.nextHopType,
		nextHopIpAddress: matched.nextHopIpAddress[0] ?? null,
		routeTableId: matched.source === 'User' ? matched.routeTable ?? 'System Route' : 'System Route',
		matched,
		matchedPrefix: winner.prefix.text,
		beaten: orderLosers(losers),
		notes,
	};
}

/** Why `loser` lost to `winner` on an equal prefix. */
function equalPrefixWhy(winner: Atom, loser: Atom): BeatenWhy {
	if (loser.record.route.source !== winner.record.route.source) return 'lower-source-priority';
	if (winner.record.route.source === 'User') return 'service-tag-order';
	if (winner.record.kind === 'gateway' && loser.record.kind === 'gateway' && winner.record.tagRank < loser.record.tagRank) return 'expressroute-preferred';
	return 'first-listed';
}

/** Most specific first; then by source, as the effective route table lists them. */
function orderLosers(losers: Loser[]): BeatenRoute[] {
	return losers
		.sort(
			(a, b) =>
				b.atom.prefix.length - a.atom.prefix.length ||
				sourceRank[a.atom.record.route.source] - sourceRank[b.atom.record.route.source] ||
				a.atom.record.order - b.atom.record.order,
		)
		.map(({atom, why}) => ({route: atom.record.route, why, matchedPrefix: atom.prefix.text}));
}
