/**
 * A lab's first pane as lines: the briefing, then the objectives with their live status (a
 * symbol and a word, never colour alone), then the ones that must stay true, shown apart.
 * Each objective's line range is returned so the pane can keep the selected one in view. Pure.
 */
import type {ObjectiveStatus} from '../engine/lab.js';
import {blank, line, proseLines, wrapped, type Line} from './lines.js';
import {symbolsOf, themedText, type Theme} from './theme.js';

export type ObjectivePane = {
	readonly lines: Line[];
	/** Per objective in `ordered`: its first and last line. */
	readonly ranges: Array<{from: number; to: number}>;
	/** Objectives in cursor order: the regular ones, then those that must hold. */
	readonly ordered: ObjectiveStatus[];
};

/** Regular objectives first, then the `holds` ones: the order the cursor moves in. */
export function orderObjectives(statuses: readonly ObjectiveStatus[]): ObjectiveStatus[] {
	return [...statuses.filter((status) => !status.holds), ...statuses.filter((status) => status.holds)];
}

export function statusWord(passed: boolean, theme: Theme): string {
	const symbols = symbolsOf(theme);
	return passed ? `${symbols.pass} done` : `${symbols.fail} not yet`;
}

export type ObjectiveLinesInput = {
	readonly briefing: string;
	readonly statuses: readonly ObjectiveStatus[];
	/** Index into the ordered objectives. */
	readonly cursor: number;
	readonly width: number;
	readonly theme: Theme;
	/** The hints revealed so far, and how many the lab has: shown after the objectives. */
	readonly hints?: {readonly shown: readonly string[]; readonly total: number};
};

export function objectiveLines({briefing, statuses, cursor, width, theme, hints}: ObjectiveLinesInput): ObjectivePane {
	const t = (text: string) => themedText(text, theme);
	const symbols = symbolsOf(theme);
	const ordered = orderObjectives(statuses);
	const lines: Line[] = [];
	lines.push(...proseLines(briefing, width, t));

	const ranges: Array<{from: number; to: number}> = [];
	const column = Math.max(statusWord(true, theme).length, statusWord(false, theme).length) + 2;
	const pointer = symbols.pointer;
	const regular = ordered.filter((status) => !status.holds);
	const holds = ordered.filter((status) => status.holds);
	const section = (title: string, list: ObjectiveStatus[], startIndex: number) => {
		if (list.length === 0) return;
		if (lines.length > 0) lines.push(blank);
		const done = list.filter((status) => status.passed).length;
		lines.push([{text: title, tone: 'title'}, {text: `  ${done} of ${list.length} done`, tone: 'muted'}]);
		list.forEach((status, offset) => {
			const index = startIndex + offset;
			const selected = index === cursor;
			const from = lines.length;
			const lead = `${selected ? pointer : ' '.repeat(pointer.length)} `;
			const word = statusWord(status.passed, theme);
			const indent = lead.length + column;
			const text = wrapped(t(status.text), width - indent);
			text.forEach((row, at) => {
				lines.push(
					at === 0
						? [{text: lead, tone: 'selected'}, {text: word.padEnd(column), tone: status.passed ? 'ok' : 'bad'}, ...row.map((span) => (selected ? {...span, tone: 'selected' as const} : span))]
						: [{text: ' '.repeat(indent)}, ...row],
				);
			});
			if (status.kind === 'predict') {
				const answer = status.answer === undefined ? 'not answered yet' : `your answer: ${status.answer}`;
				lines.push(...wrapped(t(answer), width, {prefix: ' '.repeat(indent), tone: 'accent'}));
			}

			// An unanswered prediction's reason only repeats "not answered yet".
			const unanswered = status.kind === 'predict' && status.answer === undefined;
			if (selected && !status.passed && status.reason && !unanswered) {
				lines.push(...wrapped(t(status.reason), width, {prefix: ' '.repeat(indent), tone: 'muted'}));
			}

			ranges[index] = {from, to: lines.length - 1};
		});
	};

	section('Objectives', regular, 0);
	section('Must stay true', holds, regular.length);
	if (hints && hints.total > 0) {
		if (lines.length > 0) lines.push(blank);
		lines.push([{text: 'Hints', tone: 'title'}, {text: `  ${hints.shown.length} of ${hints.total} shown${hints.shown.length < hints.total ? ' · h: next hint' : ''}`, tone: 'muted'}]);
		hints.shown.forEach((hint, index) => lines.push(...wrapped(t(hint.replace(/\s+/g, ' ').trim()), width, {prefix: `${index + 1}. `, prefixTone: 'accent', indent: 3})));
	}

	if (ordered.length === 0 && lines.length === 0) lines.push(line('No objectives: explore freely.', 'muted'));
	return {lines, ranges, ordered};
}
