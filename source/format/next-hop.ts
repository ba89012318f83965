/**
 * A next-hop answer as text: Network Watcher's three fields, then the route that
 * matched, every matching route that lost and why (in words), and the notes. Pure.
 */
import type {BeatenRoute, EffectiveRoute, NextHopResult, RouteSource} from '../engine/results.js';
import {serviceTagRank} from '../engine/service-tags.js';
import {noBreak, wrapHanging} from './wrap.js';

export type NextHopFormatOptions = {
	/** The width to fit, default 80. */
	readonly width?: number;
};

/** How the route-selection order names a source: User > BGP > System. */
const sourceLabel: Record<RouteSource, string> = {
	User: 'User',
	VirtualNetworkGateway: 'BGP',
	Default: 'System',
};

/** `<prefix> <nextHopType> (<source>, <name or System Route>)`; wrap it with wrapText (it holds no-break spaces). */
export function describeRoute(route: EffectiveRoute, prefix: string): string {
	return `${prefix} ${route.nextHopType} (${route.source}, ${route.name ?? `System${noBreak}Route`})`;
}

/** The tie-break order of user routes on an equal prefix (S-UDR 4). */
const tagOrder = 'explicit > regional tag > top-level tag > AzureCloud regional > AzureCloud';

/** How a user route's address prefix was written, named by its rank in the S-UDR 4 order. */
function addressKind(serviceTag: string | undefined): string {
	if (!serviceTag) return 'explicit prefix';
	const rank = serviceTagRank(serviceTag);
	if (rank === 4) return `the AzureCloud tag`;
	const kinds = ['explicit prefix', 'regional tag', 'top-level tag', 'AzureCloud regional tag'];
	return `${kinds[rank]!} ${serviceTag}`;
}

/** Why a matching route lost to the winner, in words. */
export function describeBeaten(beaten: BeatenRoute, result: NextHopResult): string {
	const winner = result.matched;
	const loser = beaten.route;
	switch (beaten.why) {
		case 'shorter-prefix':
			return `shorter prefix than ${result.matchedPrefix}`;
		case 'lower-source-priority':
			return `${sourceLabel[winner.source]} beats ${sourceLabel[loser.source]} on an equal prefix (User > BGP > System)`;
		case 'service-tag-order': {
			// S-UDR 4 "Exact Match": explicit prefix, then regional tag, top-level tag, AzureCloud regional tag, AzureCloud.
			const winnerKind = addressKind(winner.serviceTag);
			const loserKind = addressKind(loser.serviceTag);
			if (winnerKind === loserKind) return `same kind of address prefix as the winner (${winnerKind}); the first listed wins`;
			return `${winnerKind} beats ${loserKind} on an equal prefix (${tagOrder})`;
		}

		case 'system-route-preferred':
			// S-SE: a service endpoint route overrides BGP and user routes for the service's prefixes; S-UDR: VNet and peering routes beat even a longer BGP route.
			if (loser.source === 'User') return `the ${winner.nextHopType} system route overrides user-defined routes for the service's prefixes (docs: Virtual network service endpoints)`;
			return `${winner.nextHopType} system route preferred over BGP, even over a longer BGP prefix`;
		case 'expressroute-preferred':
			return 'the ExpressRoute gateway\'s route is preferred over the VPN gateway\'s for the same prefix';
		case 'first-listed':
			return 'same prefix and source as the winner; vnetlab takes the first listed';
		case 'invalid':
			if (!loser.note) return 'Invalid';
			return /^invalid\b/i.test(loser.note) ? loser.note : `Invalid: ${loser.note}`;
	}
}

export function formatNextHop(result: NextHopResult, options: NextHopFormatOptions = {}): string {
	const width = options.width ?? 80;
	const lines = [
		`Next hop type        ${result.nextHopType}`,
		`Next hop IP address  ${result.nextHopIpAddress ?? '-'}`,
		`Route table ID       ${result.routeTableId}`,
		'',
		...wrapHanging('Matched: ', describeRoute(result.matched, result.matchedPrefix), width),
	];
	if (result.beaten.length > 0) {
		lines.push('Beaten:');
		for (const beaten of result.beaten) {
			lines.push(...wrapHanging('  ', `${describeRoute(beaten.route, beaten.matchedPrefix)}: ${describeBeaten(beaten, result)}`, width, 4));
		}
	}

	const notes = [...(result.matched.note ? [result.matched.note] : []), ...result.notes.filter((note) => note !== result.matched.note)];
	if (notes.length > 0) {
		lines.push('Notes:');
		for (const note of notes) lines.push(...wrapHanging('  - ', note, width));
	}

	return lines.join('\n');
}
