/**
 * Packet traces and DNS at scale, on the generated hub-and-spoke: a 5-hop path from one spoke
 * through the hub NVA and a peering into another spoke, a private-endpoint path that starts
 * with DNS, and resolutions. The TUI re-traces on every keypress, so the target is 0.2 ms.
 */
import {performance} from 'node:perf_hooks';
import {resolve} from '../../source/engine/dns.js';
import {buildNetwork, type Network} from '../../source/engine/network.js';
import {trace} from '../../source/engine/trace/trace.js';
import {benchmarkOptions, generateTopology} from './generate.js';
import {median, runs, type Bench} from './harness.js';

const iterations = 20_000;

/** Median microseconds per call of `body` over `runs` runs of `iterations` calls. */
function perCallUs(body: (index: number) => unknown): number {
	body(0);
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		for (let index = 0; index < iterations; index++) body(index);
		samples.push(((performance.now() - start) * 1000) / iterations);
	}

	return median(samples);
}

function check(network: Network, from: string, to: string, expected: string): number {
	const result = trace(network, from, to);
	if (result.verdict.result !== 'delivered') throw new Error(`${from} → ${to}: ${JSON.stringify(result.verdict)}`);
	if (!result.hops.some((hop) => hop.at.name === expected)) throw new Error(`${from} → ${to} does not pass ${expected}`);
	return result.hops.length;
}

export const bench: Bench = {
	name: 'trace and DNS (same generated hub and spoke, NSGs on every subnet, 50 private DNS zones)',
	run() {
		const topology = generateTopology(benchmarkOptions);
		const network = buildNetwork(topology);
		const from = 'vm-spoke1';
		const to = topology.networkInterfaces.find((nic) => nic.name === 'vm-spoke2')!.privateIpAddress;
		const hops = check(network, from, to, 'nva');
		const endpoint = topology.privateEndpoints.find((pe) => pe.subnet.startsWith('spoke1/'))!;
		const account = endpoint.connection.target;
		const name = `${account}.blob.core.windows.net`;
		const peHops = check(network, from, name, endpoint.name);
		const nvaUs = perCallUs(() => trace(network, from, to));
		const peUs = perCallUs(() => trace(network, from, name));
		const dnsUs = perCallUs(() => resolve(network, from, name));
		const coldStart = performance.now();
		trace(buildNetwork(topology), from, to);
		const coldMs = performance.now() - coldStart;
		return [
			{name: `trace through NVA + peering (${hops} hops)`, value: nvaUs / 1000, unit: 'ms', target: {max: 0.2}, detail: `${iterations.toLocaleString('en-US')} traces`},
			{name: '  traces per second', value: 1_000_000 / nvaUs, unit: '/s'},
			{name: `trace to a private endpoint by name (${peHops} hops)`, value: peUs / 1000, unit: 'ms', target: {max: 0.2}, detail: 'DNS + route + PE'},
			{name: '  traces per second', value: 1_000_000 / peUs, unit: '/s'},
			{name: 'DNS resolution (privatelink CNAME chain)', value: dnsUs, unit: 'µs', detail: name},
			{name: '  resolutions per second', value: 1_000_000 / dnsUs, unit: '/s'},
			{name: 'first trace on a fresh network (cold caches)', value: coldMs, unit: 'ms', detail: 'index + route tables + trace'},
		];
	},
};
