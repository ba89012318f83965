/**
 * Test fixtures: load a topology YAML from test/fixtures through the real loader, and derive
 * variants of it for table-driven cases without touching the original.
 */
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {loadTopologyFile} from '../../source/lab/load-topology.js';
import type {Topology} from '../../source/engine/topology.js';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixturePath(name: string): string {
	return path.join(fixturesDir, name);
}

export function loadFixture(name: string): Topology {
	const {topology, diagnostics} = loadTopologyFile(fixturePath(name));
	if (!topology) throw new Error(`fixture ${name} does not load:\n${diagnostics.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`).join('\n')}`);
	return topology;
}

/** A deep copy of `topology` changed by `change`. */
export function variant(topology: Topology, change?: (t: Topology) => void): Topology {
	const copy = structuredClone(topology);
	change?.(copy);
	return copy;
}
