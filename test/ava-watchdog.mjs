/**
 * `npm test` runs ava through this watchdog. Once in about eight full runs on these 2-core
 * machines, an ava worker process stalled before its first test: blocked on a futex (most
 * likely the module-hooks thread that tsx's `--import` loader talks to synchronously), printing
 * nothing, and ava's own `timeout` never fired because no test had started. The suite then
 * hangs until CI gives up. (A related hang, Node 20 deadlocking at exit, nodejs/node#54918, is
 * avoided with --no-concurrent-recompilation on ava and its workers: see package.json.) The watchdog kills ava when it has
 * printed nothing for `VNETLAB_TEST_SILENCE_MS` (default 150 s; no single test is that quiet)
 * and runs the suite once more, saying so loudly. Test failures are never retried: only
 * silence is. Arguments pass through to ava (`npm test -- test/engine`).
 */
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const avaCli = fileURLToPath(new URL('../node_modules/ava/entrypoints/cli.mjs', import.meta.url));
const silenceMs = Number(process.env.VNETLAB_TEST_SILENCE_MS ?? 150_000);
const attempts = 2;

/** One run of ava: its exit code, or 'silent' when the watchdog had to end it. */
function runAva() {
	return new Promise((resolve) => {
		// Keep ava's colours when a person is watching; its output goes through a pipe here.
		const env = process.stdout.isTTY && !('NO_COLOR' in process.env) ? {...process.env, FORCE_COLOR: '1'} : process.env;
		// Its own process group, so a kill reaches ava's worker processes too.
		const child = spawn(process.execPath, ['--no-concurrent-recompilation', avaCli, ...process.argv.slice(2)], {stdio: ['ignore', 'pipe', 'pipe'], env, detached: true});
		let silent = false;
		let timer;
		const arm = () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				silent = true;
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}, silenceMs);
		};

		child.stdout.on('data', (chunk) => {
			process.stdout.write(chunk);
			arm();
		});
		child.stderr.on('data', (chunk) => {
			process.stderr.write(chunk);
			arm();
		});
		arm();
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve(silent ? 'silent' : (code ?? 1));
		});
	});
}

for (let attempt = 1; attempt <= attempts; attempt++) {
	const result = await runAva();
	if (result !== 'silent') {
		process.exitCode = result;
		break;
	}

	console.error(`\ntest watchdog: ava printed nothing for ${silenceMs / 1000} s (a worker stalled at start-up) and was stopped; ${attempt < attempts ? 'running the suite again' : 'giving up'}.\n`);
	process.exitCode = 1;
}
