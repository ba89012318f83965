/**
 * A NIC's effective route table as lines, shaped like the portal's and
 * `az network nic show-effective-route-table` (Source, State, Address Prefix, Next Hop Type,
 * Next Hop IP, and the UDR's name), with each Invalid row's note numbered under the table.
 * The table text is format/routes.ts's, shared with the CLI. Pure.
 */
import type {Network} from '../engine/network.js';
import {effectiveRoutes} from '../engine/routes.js';
import {formatEffectiveRoutes, stoppedVmRoutesNote} from '../format/routes.js';
import {wrapped, type Line} from './lines.js';
import {themedText, type Theme} from './theme.js';

export function routeTitle(network: Network, nicName: string): string {
	const nic = network.nics.get(nicName);
	if (!nic) return nicName;
	const routeTable = network.subnets.get(nic.subnet)?.subnet.routeTable;
	return `Effective routes of ${nic.name} (${nic.privateIpAddress}) in ${nic.subnet}, ${routeTable ? `route table ${routeTable}` : 'no route table'}`;
}

export function routeLines(network: Network, nicName: string, width: number, theme: Theme): Line[] {
	const routes = effectiveRoutes(network, nicName);
	const text = formatEffectiveRoutes(routes, {width});
	const rows = text.split('\n');
	const invalid = invalidTableLines(rows);
	return rows.map((row, index): Line => {
		const value = themedText(row, theme);
		if (index === 0) return [{text: value, tone: 'title'}];
		if (index === 1) return [{text: value, tone: 'muted'}];
		if (invalid.has(index) || /^\[\d+\]/.test(row)) return [{text: value, tone: 'warn'}];
		return value === '' ? [{text: ''}] : [{text: value}];
	});
}

/**
 * The indexes of the lines that belong to an Invalid route: its row, the lines its wrapped
 * cells take under it, and the line a wide Source spilled onto above it. A line that starts
 * in the first column begins a route, unless the line before was a spilled Source alone.
 */
function invalidTableLines(rows: readonly string[]): Set<number> {
	const stateColumn = rows[0]?.indexOf('State') ?? -1;
	const lines = new Set<number>();
	if (stateColumn < 0) return lines;
	let group: number[] = [];
	let groupInvalid = false;
	let spilled = false;
	const close = () => {
		if (groupInvalid) for (const index of group) lines.add(index);
		group = [];
		groupInvalid = false;
	};

	for (let index = 2; index < rows.length && rows[index] !== ''; index++) {
		const row = rows[index]!;
		if (!row.startsWith(' ') && !spilled) close();
		group.push(index);
		if (row.startsWith('Invalid', stateColumn)) groupInvalid = true;
		// A spilled Source is one word alone on its line; the route's other cells follow on the next.
		spilled = /^\S+$/.test(row.trimEnd());
	}

	close();
	return lines;
}

/** Title lines over the table. */
export function routeTitleLines(network: Network, nicName: string, width: number, theme: Theme): Line[] {
	const title = wrapped(themedText(routeTitle(network, nicName), theme), width, {tone: 'accent'});
	const nic = network.nics.get(nicName);
	return nic && !nic.running ? [...title, ...wrapped(themedText(stoppedVmRoutesNote(nicName), theme), width, {tone: 'warn'})] : title;
}
