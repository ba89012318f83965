/**
 * The effective route table as text, shaped like
 * `az network nic show-effective-route-table -o table`, with the UDR name as a last
 * column and each route's note numbered under the table. Pure, for the CLI and the TUI.
 */
import type {EffectiveRoute} from '../engine/results.js';
import {createNoteList} from './notes.js';
import {formatTable} from './table.js';

export const routeTableHeaders = ['Source', 'State', 'Address Prefix', 'Next Hop Type', 'Next Hop IP', 'Name'] as const;

/**
 * Words kept whole while any layout allows it, fewest broken first: Source and Next Hop Type hold vocabulary values
 * (design 3), and VirtualNetworkGateway broken in two reads as a value plus a stray row (a wide Source takes a
 * line of its own instead); UDR names are copied into commands, and one weighs as three vocabulary words.
 * Address and IP lists wrap at their commas.
 */
const routeTableColumns = [{keepWhole: true, spill: true}, {}, {}, {keepWhole: true}, {}, {keepWhole: true, breakCost: 3}];

export type RoutesFormatOptions = {
	/** The width to fit, default 80. */
	readonly width?: number;
	/** The table's width, default `width`; Infinity keeps every row on one line (only the notes wrap). */
	readonly tableWidth?: number;
};

export function formatEffectiveRoutes(routes: readonly EffectiveRoute[], options: RoutesFormatOptions = {}): string {
	const width = options.width ?? 80;
	if (routes.length === 0) return 'No effective routes.';
	const notes = createNoteList();
	const rows = routes.map((route) => {
		const marks: string[] = [];
		if (route.serviceTag) marks.push(notes.mark(`Written with the service tag ${route.serviceTag}; its prefixes are listed.`));
		if (route.note) marks.push(notes.mark(route.note));
		return [
			route.source,
			route.state,
			route.addressPrefix.join(', '),
			route.nextHopType,
			route.nextHopIpAddress.join(', '),
			[route.name ?? '', ...marks].filter(Boolean).join(' '),
		];
	});
	const noteLines = notes.lines(width);
	return [formatTable(routeTableHeaders, rows, {width: options.tableWidth ?? width, columns: routeTableColumns}), ...(noteLines.length > 0 ? ['', ...noteLines] : [])].join('\n');
}

/**
 * For a NIC whose VM is stopped: Azure returns effective routes only while the VM runs (the
 * az network nic show-effective-route-table reference, semantics 10.2), so the CLI shows
 * nothing; vnetlab still lists what the NIC gets once it starts, and says so.
 */
export function stoppedVmRoutesNote(nicName: string): string {
	return `${nicName}'s VM is stopped: Azure shows effective routes only for a running VM, so az network nic show-effective-route-table returns nothing for it now. Listed: the routes it gets once it starts.`;
}
