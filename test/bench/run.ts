/**
 * `npm run bench [-- <name>...]`: run every `test/bench/*.bench.ts` (or the named ones)
 * in turn and print each one's table. Each bench file exports `bench: Bench`.
 * Numbers are medians of a few runs on a shared machine: compare them, don't gate on them.
 */
import {readdirSync} from 'node:fs';
import {formatMeasurements, passes, type Bench} from './harness.js';

// Measure what learners run: the CLI sets NODE_ENV=production before React loads (source/cli.tsx).
// NODE_ENV=development npm run bench measures the development build instead.
process.env['NODE_ENV'] ??= 'production';

const directory = new URL('.', import.meta.url);
const wanted = process.argv.slice(2);
const files = readdirSync(directory)
	.filter((file) => file.endsWith('.bench.ts'))
	.filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
	.sort();
if (files.length === 0) {
	console.error(`bench: nothing to run (looked for ${wanted.length > 0 ? wanted.join(', ') : '*.bench.ts'})`);
	process.exitCode = 2;
}

let missed = 0;
for (const file of files) {
	const {bench} = (await import(new URL(file, directory).href)) as {bench: Bench};
	const measurements = await bench.run();
	missed += measurements.filter((measurement) => passes(measurement) === false).length;
	console.log(`${formatMeasurements(bench.name, measurements)}\n`);
}

console.log(`node ${process.version}, ${files.length} bench file(s), ${missed === 0 ? 'every target met' : `${missed} target(s) missed`}`);
