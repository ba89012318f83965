/**
 * Values keyed by IPv4 prefix, indexed by prefix length: one map per length present, from the
 * masked base to the values. Finding every prefix that contains an address is then one map probe
 * per length present (at most 33), never a scan of all prefixes.
 */
import {maskOf, type Prefix} from '../address.js';

export type PrefixIndex<T> = {
	/** Lengths present, longest first. */
	readonly lengths: number[];
	readonly byLength: Map<number, Map<number, T[]>>;
};

export function buildPrefixIndex<T>(entries: Iterable<{prefix: Prefix; value: T}>): PrefixIndex<T> {
	const byLength = new Map<number, Map<number, T[]>>();
	for (const {prefix, value} of entries) {
		let bases = byLength.get(prefix.length);
		if (!bases) {
			bases = new Map();
			byLength.set(prefix.length, bases);
		}

		const list = bases.get(prefix.base);
		if (list) list.push(value);
		else bases.set(prefix.base, [value]);
	}

	return {lengths: [...byLength.keys()].sort((a, b) => b - a), byLength};
}

/** Every value whose prefix contains `ip`, longest prefix first; lengths below `minLength` are skipped. */
export function matchingValues<T>(index: PrefixIndex<T>, ip: number, minLength = 0): T[] {
	const found: T[] = [];
	for (const length of index.lengths) {
		if (length < minLength) break;
		const values = index.byLength.get(length)!.get((ip & maskOf(length)) >>> 0);
		if (values) found.push(...values);
	}

	return found;
}

/** The values stored under exactly this prefix. */
export function exactValues<T>(index: PrefixIndex<T>, prefix: Prefix): T[] | undefined {
	return index.byLength.get(prefix.length)?.get(prefix.base);
}
