/**
 * DNS names as the engine compares them: lower case, no trailing dot, matched by suffix
 * on label boundaries. `''` stands for the root, so a forwarding rule for `.` matches every name.
 */

/** Lower case, trimmed, one trailing dot removed (`Foo.COM.` -> `foo.com`; `.` -> ``). */
export function normalizeName(name: string): string {
	const trimmed = name.trim().toLowerCase();
	return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** The name itself, then each parent, then the root: `a.b.c` -> `a.b.c`, `b.c`, `c`, ``. */
export function suffixesOf(name: string): string[] {
	const suffixes: string[] = [];
	let rest = name;
	while (rest !== '') {
		suffixes.push(rest);
		const dot = rest.indexOf('.');
		rest = dot < 0 ? '' : rest.slice(dot + 1);
	}

	suffixes.push('');
	return suffixes;
}

/** The entry for the longest suffix of `name` present in `table` (the most specific zone or rule). */
export function longestSuffixMatch<T>(table: ReadonlyMap<string, T>, name: string): T | undefined {
	if (table.size === 0) return undefined;
	for (const suffix of suffixesOf(name)) {
		const entry = table.get(suffix);
		if (entry !== undefined) return entry;
	}

	return undefined;
}

/** `name` relative to `zone` (`@` for the apex); assumes `name` is at or under `zone`. */
export function relativeName(name: string, zone: string): string {
	if (name === zone) return '@';
	return zone === '' ? name : name.slice(0, name.length - zone.length - 1);
}
