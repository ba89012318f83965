/**
 * The instructor's room table as text rows: learner, connected since, current lab,
 * objectives passed, hints used, last activity. Pure, so the view and the tests share it.
 */
import type {Learner} from './room.js';

export const roomHeaders = ['Learner', 'Since', 'Lab', 'Passed', 'Hints', 'Last key'] as const;

/** `14:05` in local time. */
export function clock(date: Date): string {
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** `4s ago`, `12m ago`, `2h ago`. */
export function ago(date: Date, now: Date): string {
	const seconds = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 1000));
	if (seconds < 60) return `${seconds}s ago`;
	if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
	return `${Math.floor(seconds / 3600)}h ago`;
}

export function roomRow(learner: Learner, now: Date): string[] {
	const {activity} = learner;
	const passed = activity.lab === undefined ? '-' : `${activity.objectivesPassed}${activity.objectivesTotal === undefined ? '' : `/${activity.objectivesTotal}`}${activity.completed ? ' done' : ''}`;
	return [
		learner.connected ? learner.user : `${learner.user} (left)`,
		clock(learner.connectedSince),
		activity.lab ?? '-',
		passed,
		activity.lab === undefined ? '-' : String(activity.hintsUsed),
		learner.connected ? ago(learner.lastActivity, now) : '-',
	];
}

/** Column widths that fit `rows` (header included), the lab column giving way first when space is short. */
export function columnWidths(rows: readonly string[][], width: number): number[] {
	const widths = roomHeaders.map((header, index) => Math.max(header.length, ...rows.map((row) => row[index]!.length)));
	const gaps = (widths.length - 1) * 2 + 2;
	const over = widths.reduce((sum, value) => sum + value, 0) + gaps - width;
	if (over > 0) widths[2] = Math.max(8, widths[2]! - over);
	const stillOver = widths.reduce((sum, value) => sum + value, 0) + gaps - width;
	if (stillOver > 0) widths[0] = Math.max(8, widths[0]! - stillOver);
	return widths;
}

/** One table line: cells padded (or cut with …) to their widths. */
export function formatRow(cells: readonly string[], widths: readonly number[]): string {
	return cells
		.map((cell, index) => {
			const width = widths[index]!;
			const fitted = cell.length > width ? `${cell.slice(0, Math.max(0, width - 1))}…` : cell;
			return fitted.padEnd(width);
		})
		.join('  ')
		.trimEnd();
}
