/**
 * The workshop server under a room's load, on loopback: 30 scripted ssh2 clients (80x24 pty)
 * each open a lab, answer predictions, step a packet trace and return to the lab list for 60 s,
 * pausing 500 ms after each frame (a brisk learner). Reports keystroke-to-frame latency
 * percentiles, the server's RSS (and per session) and CPU, and fails unless every session's
 * progress was saved. Runs the built server: `npx tsc` first. VNETLAB_BENCH_CLIENTS,
 * VNETLAB_BENCH_SECONDS and VNETLAB_BENCH_THINK_MS change the room.
 */
import {closeAll} from '../serve/helpers/ssh-client.js';
import {describeLoad, percentile, runLoad} from '../serve/helpers/load.js';
import {startServe, stopAll} from '../serve/helpers/serve-process.js';
import type {Bench, Measurement} from './harness.js';

const clients = Number(process.env['VNETLAB_BENCH_CLIENTS'] ?? 30);
const seconds = Number(process.env['VNETLAB_BENCH_SECONDS'] ?? 60);
const thinkMs = Number(process.env['VNETLAB_BENCH_THINK_MS'] ?? 500);

export const bench: Bench = {
	name: `workshop server: ${clients} SSH learners for ${seconds} s (open a lab, answer, trace, home; ${thinkMs} ms between keys)`,
	async run() {
		// The production default of two spare workers (the test helper uses one).
		const server = await startServe(['--spare-workers', '2']);
		try {
			const result = await runLoad(server, {clients, durationMs: seconds * 1000, thinkMs});
			console.error(describeLoad(result));
			if (result.errors.length > 0) throw new Error(`load run failed:\n${result.errors.join('\n')}`);
			if (result.saved !== result.sessions) throw new Error(`progress saved for only ${result.saved} of ${result.sessions} sessions`);
			const keys = `${result.latencies.length} keys, ${result.silentKeys} silent, ${result.resyncs} resyncs`;
			const perSession = (result.meanRssMb - result.baselineRssMb) / result.sessions;
			const code = await server.stop('SIGTERM');
			if (code !== 0) throw new Error(`the server exited ${code} on SIGTERM`);
			const measurements: Measurement[] = [
				{name: 'key to frame p50', value: percentile(result.latencies, 0.5), unit: 'ms', target: {max: 100}, detail: keys},
				{name: 'key to frame p95', value: percentile(result.latencies, 0.95), unit: 'ms', target: {max: 250}},
				{name: 'key to frame p99', value: percentile(result.latencies, 0.99), unit: 'ms', target: {max: 500}},
				{name: 'keys drawn', value: result.latencies.length / result.windowSeconds, unit: '/s', detail: `all ${result.sessions} sessions up in ${result.rampSeconds.toFixed(1)} s`},
				{name: 'server RSS (mean)', value: result.meanRssMb, unit: 'MB', detail: `baseline ${result.baselineRssMb.toFixed(0)} MB, peak ${result.peakRssMb.toFixed(0)} MB`},
				{name: 'RSS per session', value: perSession, unit: 'MB', target: {max: 40}, detail: '(mean - baseline) / sessions, spare workers included'},
				{name: 'server CPU', value: result.cpuCores * 1000, unit: 'ms', detail: 'CPU ms per wall second (1000 = one core busy)'},
				{name: 'progress saved', value: result.saved, unit: '/s', target: {min: result.sessions}, detail: `sessions with an answer saved, of ${result.sessions} (a count, not a rate)`},
			];
			return measurements;
		} finally {
			closeAll();
			stopAll();
		}
	},
};
