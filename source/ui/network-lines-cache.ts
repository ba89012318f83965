/**
 * The network view's lines (network-lines.ts) once per topology, width and theme: the lab
 * screen counts them and the network view shows them, and on a large topology laying them
 * out takes a noticeable time.
 */
import type {Topology} from '../engine/topology.js';
import type {Line} from './lines.js';
import {networkLines} from './network-lines.js';
import type {Theme} from './theme.js';

const cache = new WeakMap<Topology, Map<string, Line[]>>();

export function cachedNetworkLines(topology: Topology, width: number, theme: Theme): Line[] {
	let byLayout = cache.get(topology);
	if (!byLayout) {
		byLayout = new Map();
		cache.set(topology, byLayout);
	}

	const key = `${width}:${theme.color}:${theme.ascii}`;
	let lines = byLayout.get(key);
	if (!lines) {
		lines = networkLines(topology, width, theme);
		byLayout.set(key, lines);
	}

	return lines;
}
