/**
 * A trace per (network, query), computed once: the screen and its key handler ask for the
 * same packet many times while stepping. A query the engine rejects is an error message.
 */
import type {TraceQuery} from '../engine/lab.js';
import type {Network} from '../engine/network.js';
import type {Trace} from '../engine/results.js';
import {trace, TraceInputError} from '../engine/trace/trace.js';

export type TraceOutcome = {readonly ok: true; readonly trace: Trace} | {readonly ok: false; readonly message: string};

const traces = new WeakMap<Network, WeakMap<TraceQuery, TraceOutcome>>();

export function traceOf(network: Network, query: TraceQuery): TraceOutcome {
	let byQuery = traces.get(network);
	if (!byQuery) {
		byQuery = new WeakMap();
		traces.set(network, byQuery);
	}

	let outcome = byQuery.get(query);
	if (!outcome) {
		try {
			outcome = {ok: true, trace: trace(network, query.from, query.to, {protocol: query.protocol ?? 'tcp', port: query.port ?? 443})};
		} catch (error) {
			if (!(error instanceof TraceInputError)) throw error;
			outcome = {ok: false, message: error.message};
		}

		byQuery.set(query, outcome);
	}

	return outcome;
}
