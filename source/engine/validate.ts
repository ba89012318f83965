/**
 * Semantic checks on a topology, beyond its JSON Schema: what Azure itself would reject.
 * Pure: returns every problem with the field path it concerns. STUB: being written.
 */
import type {Topology} from './topology.js';

export type TopologyProblem = {
	/** Field path into the topology, e.g. ['virtualNetworks', 0, 'subnets', 1, 'addressPrefix']. */
	path: Array<string | number>;
	message: string;
	/** A warning is something Azure accepts but that leaves the network broken. */
	severity: 'error' | 'warning';
};

export function validateTopology(topology: Topology): TopologyProblem[] {
	return topology.virtualNetworks.length >= 0 ? [] : [];
}
