/**
 * The lab list's rows: number, title, level, minutes and status (not started, n of m
 * objectives, done), with "continue" on the lab opened last while it is in progress. Columns
 * share the width; the title gives way first (the selected lab's full title shows under the
 * list). Pure.
 */
import type {LabSummary} from '../engine/lab.js';
import {fit, type Line} from './lines.js';
import {labStatus, type ProgressData} from './progress-data.js';
import {symbolsOf, themedText, type Theme} from './theme.js';

export function statusText(data: ProgressData, lab: LabSummary, theme: Theme): string {
	const status = labStatus(data, lab.id, lab.goalIds ?? lab.objectiveCount);
	switch (status.kind) {
		case 'not-started':
			return 'not started';
		case 'in-progress':
			return `${status.passed} of ${status.total} objectives`;
		case 'done':
			return `${symbolsOf(theme).pass} done`;
	}
}

/**
 * The status column. The lab opened last says "continue" only when there is something to
 * continue (it is in progress): "continue · not started" and "continue · ✓ done" contradict
 * themselves.
 */
function statusCell(data: ProgressData, lab: LabSummary, theme: Theme): string {
	const text = statusText(data, lab, theme);
	const inProgress = labStatus(data, lab.id, lab.goalIds ?? lab.objectiveCount).kind === 'in-progress';
	return data.lastLab === lab.id && inProgress ? `continue ${symbolsOf(theme).dot} ${text}` : text;
}

/** One line per lab, `width` wide (the menu adds its pointer before). */
export function homeRows(labs: readonly LabSummary[], data: ProgressData, width: number, theme: Theme): Line[] {
	const {ellipsis} = symbolsOf(theme);
	const numbers = labs.map((lab) => String(lab.number).padStart(2, '0'));
	const levels = labs.map((lab) => lab.level.join(' '));
	const minutes = labs.map((lab) => `${lab.minutes} min`);
	const statuses = labs.map((lab) => statusCell(data, lab, theme));
	const w = (cells: string[]) => Math.max(0, ...cells.map((cell) => [...cell].length));
	const gap = 2;
	const fixed = w(numbers) + gap + w(minutes) + gap + w(statuses) + gap;
	// The level gives way to the title when room is short (the details under the list show it).
	const showLevel = width - fixed - w(levels) - gap >= 28;
	const titleWidth = Math.max(8, width - fixed - (showLevel ? w(levels) + gap : 0));
	return labs.map((lab, index) => {
		const status = labStatus(data, lab.id, lab.goalIds ?? lab.objectiveCount);
		const line: Array<{text: string; tone?: 'muted' | 'ok' | 'accent'}> = [
			{text: `${numbers[index]!.padEnd(w(numbers))}  `, tone: 'muted'},
			{text: `${fit(themedText(lab.title, theme), titleWidth, ellipsis)}  `},
		];
		if (showLevel) line.push({text: `${levels[index]!.padEnd(w(levels))}  `, tone: 'muted'});
		line.push({text: `${minutes[index]!.padStart(w(minutes))}  `, tone: 'muted'});
		line.push({text: statuses[index]!, ...(status.kind === 'done' ? {tone: 'ok' as const} : status.kind === 'in-progress' ? {tone: 'accent' as const} : {})});
		return line;
	});
}
