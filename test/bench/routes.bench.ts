/**
 * Loading and routing at scale, on the generated hub-and-spoke (200 spokes, 2,000 subnets,
 * 20,000 UDRs, 1,000 private endpoints): YAML parse and validation, model build and
 * indexing, one NIC's effective routes from cold, and next-hop lookups.
 */
import {performance} from 'node:perf_hooks';
import {parse} from 'yaml';
import {ipToInt} from '../../source/engine/address.js';
import {buildNetwork} from '../../source/engine/network.js';
import {effectiveRoutes, effectiveRoutesForSubnet, lookupRoute} from '../../source/engine/routes.js';
import type {Topology} from '../../source/engine/topology.js';
import {formatEffectiveRoutes} from '../../source/format/routes.js';
import {loadTopologyText} from '../../source/lab/load-topology.js';
import {benchmarkOptions, generateHubSpoke} from './generate.js';
import {median, medianMs, runs, type Bench, type Measurement} from './harness.js';

const lookups = 100_000;

export const bench: Bench = {
	name: 'routes (hub and spoke: 200 spokes, 2,000 subnets, 20,000 UDRs, 1,000 PEs)',
	run() {
		const generateStart = performance.now();
		const generated = generateHubSpoke(benchmarkOptions);
		const generateMs = performance.now() - generateStart;

		let topology: Topology | undefined;
		const parseMs = medianMs(
			(text: string) => {
				const loaded = loadTopologyText(text, 'bench.yaml');
				const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
				if (!loaded.topology || errors.length > 0) {
					throw new Error(`the generated topology fails validation: ${errors.slice(0, 3).map((d) => `${d.path}: ${d.message}`).join('; ')}`);
				}

				topology = loaded.topology;
			},
			() => generated.yaml,
		);
		if (!topology) throw new Error('no topology');
		const yamlOnlyMs = medianMs((text: string) => parse(text), () => generated.yaml);
		const loadedTopology = topology;
		const nic = loadedTopology.networkInterfaces.find((candidate) => candidate.name === generated.probeNic)!;

		const indexMs = medianMs(
			() => effectiveRoutesForSubnet(buildNetwork(loadedTopology), nic.subnet),
			() => undefined,
		);
		const routesMs = medianMs(
			(network) => effectiveRoutes(network, nic.name),
			() => buildNetwork(loadedTopology),
		);

		const network = buildNetwork(loadedTopology);
		const destinations = generated.probeDestinations.map((ip) => ipToInt(ip));
		lookupRoute(network, nic.subnet, destinations[0]!);
		const perLookupUs: number[] = [];
		for (let run = 0; run < runs; run++) {
			const start = performance.now();
			for (let index = 0; index < lookups; index++) lookupRoute(network, nic.subnet, destinations[index % destinations.length]!);
			perLookupUs.push(((performance.now() - start) * 1000) / lookups);
		}

		const lookupUs = median(perLookupUs);
		const routes = effectiveRoutes(network, nic.name);
		const formatMs = medianMs(() => formatEffectiveRoutes(routes), () => undefined);
		const size = `${(generated.yaml.length / 1024 / 1024).toFixed(1)} MB of YAML`;
		const measurements: Measurement[] = [
			{name: 'generate topology + YAML', value: generateMs, unit: 'ms', detail: `once; ${size}`},
			{name: 'YAML parse + validation', value: parseMs, unit: 'ms', detail: 'loadTopologyText'},
			{name: '  of which YAML parse', value: yamlOnlyMs, unit: 'ms', detail: "the yaml package's parse()"},
			{name: 'model build + route index', value: indexMs, unit: 'ms', target: {max: 1000}, detail: `buildNetwork + ${nic.subnet} table`},
			{name: 'effective routes, one NIC (cold)', value: routesMs, unit: 'ms', target: {max: 5}, detail: `${routes.length} routes, fresh network`},
			{name: 'next hop, per lookup', value: lookupUs, unit: 'µs', target: {max: 20}, detail: `${lookups.toLocaleString('en-US')} lookups, ${destinations.length} destinations`},
			{name: 'next hop, lookups per second', value: 1_000_000 / lookupUs, unit: '/s'},
			{name: 'routes table as text', value: formatMs, unit: 'ms', detail: `formatEffectiveRoutes, ${routes.length} rows`},
		];
		return measurements;
	},
};
