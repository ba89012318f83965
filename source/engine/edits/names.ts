/**
 * Messages for names that match nothing: the closest known name when it looks like a typo,
 * otherwise the known names themselves when there are few enough to read.
 */

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
	const previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0]!;
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j]!;
			previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}

	return previous[b.length]!;
}

/** The known name `name` was probably meant to be: same letters in another case, or a typo away. */
export function closestName(name: string, known: readonly string[]): string | undefined {
	const lower = name.toLowerCase();
	const sameCase = known.find((k) => k.toLowerCase() === lower);
	if (sameCase) return sameCase;
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
	for (const candidate of known) {
		const d = distance(lower, candidate.toLowerCase());
		if (d <= bestDistance) {
			best = candidate;
			bestDistance = d - 1;
		}
	}

	return best;
}

const listLimit = 8;

/** "no route table named 'rt-ap' (did you mean rt-app?)", or with the known names listed when few. */
export function unknownName(kind: string, plural: string, name: string, known: readonly string[]): string {
	const base = `no ${kind} named '${name}'`;
	if (known.length === 0) return `${base}: there are no ${plural}`;
	const near = closestName(name, known);
	if (near) return `${base} (did you mean ${near}?)`;
	if (known.length <= listLimit) return `${base} (${plural}: ${known.join(', ')})`;
	return base;
}
