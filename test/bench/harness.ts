/**
 * The benchmark harness: a bench is a named list of measurements, each the median of a
 * few timed runs with an optional target. run.ts finds every `*.bench.ts` beside it and
 * prints one table per bench. Not part of `npm test`.
 */
import {performance} from 'node:perf_hooks';

export type Measurement = {
	name: string;
	/** The median, in `unit`. */
	value: number;
	unit: 'ms' | 'µs' | '/s' | 'MB';
	/** Pass when value <= max (or >= min). */
	target?: {max?: number; min?: number};
	/** Runs, sizes, or anything that qualifies the number. */
	detail?: string;
};

export type Bench = {
	name: string;
	run: () => Promise<Measurement[]> | Measurement[];
};

/** Timed runs per measurement. */
export const runs = 5;

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median time of `count` runs of `body`, in milliseconds. `setup` runs before each
 * run, untimed, and hands its result to `body` (a fresh input for a cold measurement).
 */
export function medianMs<T>(body: (input: T) => unknown, setup: () => T, count = runs): number {
	const times: number[] = [];
	for (let index = 0; index < count; index++) {
		const input = setup();
		const start = performance.now();
		body(input);
		times.push(performance.now() - start);
	}

	return median(times);
}

export function passes(measurement: Measurement): boolean | undefined {
	const {target, value} = measurement;
	if (!target) return undefined;
	return (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
}

function formatNumber(value: number): string {
	if (value >= 1000) return Math.round(value).toLocaleString('en-US');
	if (value >= 100) return value.toFixed(0);
	if (value >= 10) return value.toFixed(1);
	return value.toFixed(value >= 1 ? 2 : 3);
}

function formatTarget(measurement: Measurement): string {
	const {target, unit} = measurement;
	if (!target) return '';
	const parts = [];
	if (target.max !== undefined) parts.push(`< ${formatNumber(target.max)} ${unit}`);
	if (target.min !== undefined) parts.push(`> ${formatNumber(target.min)} ${unit}`);
	return parts.join(', ');
}

/** A bench's measurements as an aligned table. */
export function formatMeasurements(name: string, measurements: readonly Measurement[]): string {
	const rows = measurements.map((m) => {
		const verdict = passes(m);
		return [m.name, `${formatNumber(m.value)} ${m.unit}`, formatTarget(m), verdict === undefined ? '' : verdict ? 'ok' : 'MISSED', m.detail ?? ''];
	});
	const headers = ['measure', 'median', 'target', '', 'detail'];
	const widths = headers.map((header, index) => Math.max(header.length, ...rows.map((row) => row[index]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, index) => (index === 1 ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
			.join('  ')
			.trimEnd();
	return [`## ${name}`, line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
