/**
 * The quick variant of the load benchmark (test/bench/serve.bench.ts): 5 scripted learners
 * open a lab, answer, step a trace and go home again for 10 s. Every key must draw a frame
 * (bounds are loose: the test machine is shared), nothing may fail, and every learner's
 * progress must be saved. The figures are logged.
 */
import test from 'ava';
import {closeAll} from './helpers/ssh-client.js';
import {describeLoad, percentile, runLoad} from './helpers/load.js';
import {startServe, stopAll} from './helpers/serve-process.js';

test('5 learners for 10 s: every key draws, nothing fails, every session saves', async (t) => {
	t.timeout(180_000);
	const server = await startServe();
	try {
		const result = await runLoad(server, {clients: 5, durationMs: 10_000, thinkMs: 200});
		t.log(describeLoad(result));
		t.deepEqual(result.errors, []);
		t.is(result.sessions, 5);
		t.true(result.latencies.length >= 20, `only ${result.latencies.length} keys drawn`);
		t.true(result.silentKeys <= result.latencies.length / 10, `${result.silentKeys} keys drew nothing`);
		t.true(percentile(result.latencies, 0.5) < 2000, 'median key-to-frame latency under 2 s even on a busy machine');
		t.is(result.saved, 5);
		t.is(server.child.exitCode, null, 'the server is still running');
		t.is(await server.stop('SIGTERM'), 0);
	} finally {
		closeAll();
		stopAll();
	}
});
