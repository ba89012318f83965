/** Scroll offsets over a list of lines, as pure functions. */

/** The largest first line that still fills a box of `height` lines (0 when it all fits). */
export function maxOffset(total: number, height: number): number {
	return Math.max(0, total - Math.max(1, height));
}

export function clampOffset(offset: number, total: number, height: number): number {
	return Math.min(maxOffset(total, height), Math.max(0, offset));
}

/**
 * The first line to show so that lines `from`..`to` (inclusive) are visible, moving from
 * `previous` as little as possible; when the range is taller than the box, its start shows.
 */
export function revealRange(previous: number, from: number, to: number, total: number, height: number): number {
	let offset = clampOffset(previous, total, height);
	if (to >= offset + height) offset = to - height + 1;
	if (from < offset) offset = from;
	return clampOffset(offset, total, height);
}
