/**
 * A plain-text table in the shape of the Azure CLI's `-o table` output: a header row,
 * a row of dashes, then the rows, columns two spaces apart. When the natural width
 * exceeds the target, columns narrow and their cells wrap onto extra lines (lists break
 * after a comma, long names at hyphens and camelCase boundaries), choosing the widths
 * that add the fewest lines and break the fewest words. Headers never wrap. A column may
 * ask to keep its words whole (an enum value such as VirtualNetworkGateway broken in two reads
 * like two values): then any layout that keeps them whole wins over one that does not. The
 * first column may instead spill: a cell wider than the column takes a line of its own, above
 * the rest of its row. Unless a gap is given, columns sit one space apart instead of two when
 * that alone keeps every row on one line.
 */
import {longestPiece, wrapText} from './wrap.js';

export type TableColumnOptions = {
	/** How much a word broken in this column costs against one broken elsewhere, default 1. */
	readonly breakCost?: number;
	/** Break this column's words only when no layout that fits keeps them all whole (weighed by breakCost against other such columns). */
	readonly keepWhole?: boolean;
	/** First column only: a cell wider than the column goes whole on a line of its own above the rest of its row, instead of wrapping. */
	readonly spill?: boolean;
};

export type TableOptions = {
	/** The width to fit, default 80. */
	readonly width?: number;
	/** Spaces between columns, default 2 (1 when that alone makes every row fit on one line). */
	readonly gap?: number;
	/** Per column, in order. */
	readonly columns?: readonly TableColumnOptions[];
};

/** One width a column may take, and what it costs; `spilled` rows take an extra line (spill columns only). */
type Candidate = {width: number; heights: number[]; brokenWords: number; spilled?: boolean[]};

/** Give up searching every combination past this many; shrink greedily instead. */
const searchLimit = 200_000;

function candidate(cells: readonly string[], width: number): Candidate {
	const heights = cells.map((cell) => wrapText(cell, width, {breakWords: true}).length);
	const brokenWords = cells.filter((cell) => cell.split(' ').some((word) => word.length > width)).length;
	return {width, heights, brokenWords};
}

/** The widths a spilling column can take: its natural width, or the next widest cell's (only the widest values spill). */
function spillCandidatesOf(header: string, cells: readonly string[]): Candidate[] {
	const natural = Math.max(header.length, ...cells.map((cell) => cell.length));
	const next = Math.max(header.length, ...cells.map((cell) => cell.length).filter((length) => length < natural));
	const widths = next < natural ? [natural, next] : [natural];
	return widths.map((width) => ({width, heights: cells.map(() => 1), brokenWords: 0, spilled: cells.map((cell) => cell.length > width)}));
}

/** The widths a column can usefully take: each wrap point from its natural width down to its longest piece. */
function candidatesOf(header: string, cells: readonly string[]): Candidate[] {
	const floor = Math.max(header.length, ...cells.map(longestPiece));
	let width = Math.max(header.length, ...cells.map((cell) => cell.length));
	const candidates = [candidate(cells, width)];
	while (width > floor) {
		const narrower = Math.max(floor, ...cells.flatMap((cell) => wrapText(cell, width - 1, {breakWords: true}).map((line) => line.length)));
		width = narrower;
		candidates.push(candidate(cells, width));
	}

	return candidates;
}

type Score = {whole: number; lines: number; broken: number; width: number};

function better(a: Score, b: Score | undefined): boolean {
	if (!b) return true;
	if (a.whole !== b.whole) return a.whole < b.whole;
	return a.lines < b.lines || (a.lines === b.lines && (a.broken < b.broken || (a.broken === b.broken && a.width > b.width)));
}

/** The column widths that fit `width` as well as the content allows (the narrowest ones when nothing fits). */
export function columnWidths(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, width: number, gap: number, columns: readonly TableColumnOptions[] = []): number[] {
	const cells = headers.map((_, index) => rows.map((row) => row[index] ?? ''));
	const spills = (index: number) => index === 0 && columns[0]?.spill === true;
	const options = headers.map((header, index) => (spills(index) ? spillCandidatesOf(header, cells[index]!) : candidatesOf(header, cells[index]!)));
	const budget = width - gap * (headers.length - 1);
	const natural = options.map((list) => list[0]!.width);
	if (natural.reduce((sum, w) => sum + w, 0) <= budget) return natural;
	const narrowest = options.map((list) => list.at(-1)!.width);
	const minimumAfter = narrowest.map((_, index) => narrowest.slice(index + 1).reduce((sum, w) => sum + w, 0));
	if (minimumAfter[0]! + narrowest[0]! > budget) return narrowest;

	const combinations = options.reduce((product, list) => product * list.length, 1);
	const cost = (index: number) => columns[index]?.breakCost ?? 1;
	if (combinations > searchLimit) {
		// Greedy: narrow the widest column that can still narrow, one wrap point at a time.
		const chosen = options.map(() => 0);
		const used = () => chosen.reduce((sum, choice, index) => sum + options[index]![choice]!.width, 0);
		while (used() > budget) {
			let widest = -1;
			for (const [index, choice] of chosen.entries()) {
				if (choice + 1 < options[index]!.length && (widest < 0 || options[index]![choice]!.width > options[widest]![chosen[widest]!]!.width)) widest = index;
			}

			chosen[widest]!++;
		}

		return chosen.map((choice, index) => options[index]![choice]!.width);
	}

	// Every combination that fits; keep the one that breaks the fewest keep-whole words (weighed by cost), then the
	// fewest lines, then the fewest broken words.
	let best: Score | undefined;
	let bestWidths = narrowest;
	const widths: number[] = [];
	let spilled: readonly boolean[] = [];
	const search = (index: number, used: number, heights: readonly number[], broken: number, whole: number) => {
		if (index === options.length) {
			const lines = heights.reduce((sum, h, row) => sum + h + (spilled[row] ? 1 : 0), 0);
			const score = {whole, lines, broken, width: used};
			if (better(score, best)) {
				best = score;
				bestWidths = [...widths];
			}

			return;
		}

		for (const option of options[index]!) {
			if (used + option.width + minimumAfter[index]! > budget) continue;
			widths[index] = option.width;
			if (option.spilled) spilled = option.spilled;
			search(
				index + 1,
				used + option.width,
				heights.map((h, row) => Math.max(h, option.heights[row]!)),
				broken + option.brokenWords * cost(index),
				whole + (columns[index]?.keepWhole ? option.brokenWords * cost(index) : 0),
			);
		}
	};

	search(0, 0, rows.map(() => 1), 0, 0);
	return bestWidths;
}

/** Each column's natural width: its widest cell or its header. */
function naturalWidths(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): number[] {
	return headers.map((header, index) => Math.max(header.length, ...rows.map((row) => (row[index] ?? '').length)));
}

export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
	const width = options.width ?? 80;
	const natural = naturalWidths(headers, rows).reduce((sum, w) => sum + w, 0);
	// One space between columns rather than a wrapped cell, when that alone makes every row fit on one line
	// (an 80-column route table with VirtualAppliance and a UDR name is two columns too wide at two spaces).
	const fitsTight = natural + 2 * (headers.length - 1) > width && natural + (headers.length - 1) <= width;
	const gap = options.gap ?? (fitsTight ? 1 : 2);
	const widths = columnWidths(headers, rows, width, gap, options.columns);
	const separator = ' '.repeat(gap);
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, index) => cell.padEnd(widths[index]!))
			.join(separator)
			.trimEnd();
	const out = [line(headers), line(widths.map((width) => '-'.repeat(width)))];
	const spill = options.columns?.[0]?.spill === true;
	for (const fullRow of rows) {
		let row = fullRow;
		if (spill && (row[0] ?? '').length > widths[0]!) {
			// The first cell whole on a line of its own; the rest of the row follows under the other columns.
			out.push(row[0]!);
			row = ['', ...row.slice(1)];
		}

		const wrapped = headers.map((_, index) => (row[index] ? wrapText(row[index]!, widths[index]!, {breakWords: true}) : ['']));
		const height = Math.max(...wrapped.map((cell) => cell.length));
		for (let index = 0; index < height; index++) out.push(line(wrapped.map((cell) => cell[index] ?? '')));
	}

	return out.join('\n');
}
