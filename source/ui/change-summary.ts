/**
 * What a change did to the network, for the learner to see at once: the objectives that
 * flipped, the effective routes of the lab's network interfaces that became Active or
 * Invalid (or went away), and the last trace's path and verdict before and after. Pure: it
 * compares two networks.
 */
import type {Edit} from '../engine/edits/types.js';
import type {Lab, Objective, TraceQuery} from '../engine/lab.js';
import type {Network} from '../engine/network.js';
import {evaluateObjective} from '../engine/objectives.js';
import type {DropReason, EffectiveRoute, TraceResult} from '../engine/results.js';
import {effectiveRoutes} from '../engine/routes.js';
import type {Topology} from '../engine/topology.js';
import {traceOf} from './trace-cache.js';

export type ObjectiveFlip = {readonly id: string; readonly text: string; readonly passed: boolean; readonly holds: boolean};

export type RouteChange = {
	readonly nic: string;
	readonly route: EffectiveRoute;
	/** Active or Invalid now (it was not, or was not there); gone: it was there and is not now. */
	readonly change: 'active' | 'invalid' | 'gone';
};

export type TraceOutcomeText = {readonly path: readonly string[]; readonly result: TraceResult | 'error'; readonly reason?: DropReason | string};

export type ChangeSummary = {
	readonly kind: 'edit' | 'undo' | 'reset' | 'replay';
	/** What was done, in a line: the edit's description, or what was undone. */
	readonly title: string;
	readonly warnings: readonly string[];
	readonly objectives: readonly ObjectiveFlip[];
	readonly routes: readonly RouteChange[];
	/** Route changes beyond those listed. */
	readonly moreRoutes: number;
	readonly trace?: {readonly query: TraceQuery; readonly before: TraceOutcomeText; readonly after: TraceOutcomeText};
};

/** Route rows compared at most, and listed at most. */
const maxNics = 12;
const maxRoutes = 8;

function routeKey(route: EffectiveRoute): string {
	return [route.source, route.addressPrefix.join(','), route.nextHopType, route.nextHopIpAddress.join(','), route.name ?? ''].join('|');
}

/**
 * The NICs whose routes are compared: every one in a small network; in a large one those the
 * lab's objectives and packets start from, and those in the subnets the edit touches.
 */
export function nicsToCompare(topology: Topology, objectives: readonly Objective[], edit: Edit | undefined): string[] {
	if (topology.networkInterfaces.length <= maxNics) return topology.networkInterfaces.map((nic) => nic.name);
	const wanted = new Set<string>();
	for (const objective of objectives) {
		if ('route' in objective) wanted.add(objective.route.nic);
		if ('trace' in objective) wanted.add(objective.trace.from);
	}

	const record = (edit ?? {}) as Record<string, unknown>;
	if (typeof record['nic'] === 'string') wanted.add(record['nic']);
	const subnets = new Set<string>();
	if (typeof record['subnet'] === 'string') subnets.add(record['subnet']);
	if (typeof record['routeTable'] === 'string') {
		for (const vnet of topology.virtualNetworks) for (const subnet of vnet.subnets) if (subnet.routeTable === record['routeTable']) subnets.add(`${vnet.name}/${subnet.name}`);
	}

	for (const nic of topology.networkInterfaces) {
		if (wanted.size >= maxNics) break;
		if (subnets.has(nic.subnet)) wanted.add(nic.name);
	}

	return [...wanted].filter((name) => topology.networkInterfaces.some((nic) => nic.name === name)).slice(0, maxNics);
}

function routesOf(network: Network, nic: string): EffectiveRoute[] {
	try {
		return effectiveRoutes(network, nic);
	} catch {
		return [];
	}
}

export function routeChanges(before: Network, after: Network, nics: readonly string[]): RouteChange[] {
	const changes: RouteChange[] = [];
	for (const nic of nics) {
		const old = new Map(routesOf(before, nic).map((route) => [routeKey(route), route]));
		const now = routesOf(after, nic);
		for (const route of now) {
			const key = routeKey(route);
			const previous = old.get(key);
			old.delete(key);
			if (previous?.state === route.state) continue;
			changes.push({nic, route, change: route.state === 'Active' ? 'active' : 'invalid'});
		}

		for (const route of old.values()) changes.push({nic, route, change: 'gone'});
	}

	return changes;
}

export function traceText(network: Network, query: TraceQuery): TraceOutcomeText {
	const outcome = traceOf(network, query);
	if (!outcome.ok) return {path: [], result: 'error', reason: outcome.message};
	const {trace} = outcome;
	const path = trace.hops.map((hop) => hop.at.name);
	if (trace.destination && path[path.length - 1] !== trace.destination.name) path.push(trace.destination.name);
	return {path, result: trace.verdict.result, ...(trace.verdict.reason ? {reason: trace.verdict.reason} : {})};
}

export type ChangeInput = {
	readonly kind: ChangeSummary['kind'];
	readonly title: string;
	readonly warnings?: readonly string[];
	readonly before: Network;
	readonly after: Network;
	readonly lab: Lab;
	readonly answers: Readonly<Record<string, string>>;
	/** The edit made (or undone), to pick the NICs worth comparing in a large network. */
	readonly edit?: Edit;
	/** The packet traced last, if any. */
	readonly trace?: TraceQuery;
};

export function summarizeChange(input: ChangeInput): ChangeSummary {
	const {before, after, lab, answers} = input;
	const objectives: ObjectiveFlip[] = [];
	for (const objective of lab.objectives) {
		const was = evaluateObjective(before, objective, answers).passed;
		const is = evaluateObjective(after, objective, answers).passed;
		if (was !== is) objectives.push({id: objective.id, text: objective.text, passed: is, holds: objective.holds === true});
	}

	const routes = routeChanges(before, after, nicsToCompare(after.topology, lab.objectives, input.edit));
	const summary: ChangeSummary = {
		kind: input.kind,
		title: input.title,
		warnings: input.warnings ?? [],
		objectives,
		routes: routes.slice(0, maxRoutes),
		moreRoutes: Math.max(0, routes.length - maxRoutes),
	};
	if (!input.trace) return summary;
	return {...summary, trace: {query: input.trace, before: traceText(before, input.trace), after: traceText(after, input.trace)}};
}
