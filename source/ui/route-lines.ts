/**
 * A NIC's effective route table as lines, shaped like the portal's and
 * `az network nic show-effective-route-table` (Source, State, Address Prefix, Next Hop Type,
 * Next Hop IP, and the UDR's name), with each Invalid row's note numbered under the table.
 * The table text is format/routes.ts's, shared with the CLI. Pure.
 */
import type {Network} from '../engine/network.js';
import {effectiveRoutes} from '../engine/routes.js';
import {formatEffectiveRoutes} from '../format/routes.js';
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
	const lines: Line[] = [];
	rows.forEach((row, index) => {
		const value = themedText(row, theme);
		if (index === 0) lines.push([{text: value, tone: 'title'}]);
		else if (index === 1) lines.push([{text: value, tone: 'muted'}]);
		else if (/^\S+\s+Invalid\b/.test(row) || /^\[\d+\]/.test(row)) lines.push([{text: value, tone: 'warn'}]);
		else lines.push(value === '' ? [{text: ''}] : [{text: value}]);
	});
	return lines;
}

/** Title lines over the table. */
export function routeTitleLines(network: Network, nicName: string, width: number, theme: Theme): Line[] {
	return wrapped(themedText(routeTitle(network, nicName), theme), width, {tone: 'accent'});
}
