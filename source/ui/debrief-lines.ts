/**
 * A finished lab's debrief as lines: the debrief text, the documentation links, the Azure CLI
 * commands of the learner's own edits (what they would type to make the same change), and the
 * next lab. Pure.
 */
import type {Lab, LabSummary} from '../engine/lab.js';
import type {AppliedEdit} from './lab-work.js';
import {blank, commandLines, line, proseLines, wrapped, type Line} from './lines.js';
import {symbolsOf, themedText, type Theme} from './theme.js';

export type DebriefInput = {
	readonly lab: Lab;
	readonly edits: readonly AppliedEdit[];
	/** The lab after this one, if any. */
	readonly next?: LabSummary;
	readonly width: number;
	readonly theme: Theme;
};

/**
 * A URL on one line, never broken at a hyphen: indented when it fits, else without its
 * indent, then without `https://`; only a URL longer than that is cut into full-width pieces.
 */
function urlLines(url: string, width: number): Line[] {
	if (url.length <= width - 4) return [[{text: '    '}, {text: url, tone: 'accent'}]];
	if (url.length <= width) return [line(url, 'accent')];
	const bare = url.replace(/^https?:\/\//, '');
	if (bare.length <= width) return [line(bare, 'accent')];
	const lines: Line[] = [];
	for (let start = 0; start < bare.length; start += width) lines.push(line(bare.slice(start, start + width), 'accent'));
	return lines;
}

export function debriefLines({lab, edits, next, width, theme}: DebriefInput): Line[] {
	const t = (text: string) => themedText(text, theme);
	const {pass, arrow} = symbolsOf(theme);
	const lines: Line[] = [...wrapped(t(`${pass} Lab done: ${lab.title}`), width, {tone: 'ok'}), blank];
	lines.push(...proseLines(lab.debrief.text, width, t));
	if (lab.debrief.links.length > 0) {
		lines.push(blank, line('Read more', 'title'));
		for (const link of lab.debrief.links) {
			lines.push(...wrapped(t(link.title), width, {prefix: '  - ', indent: 4}));
			lines.push(...urlLines(link.url, width));
		}
	}

	lines.push(blank, line('Your edits as Azure CLI commands', 'title'));
	if (edits.length === 0) lines.push(line('  You made no edits: this lab was about reading the network.', 'muted'));
	for (const applied of edits) {
		// The edit in words as a comment, then its commands, one per line (an edit may take several).
		lines.push(...commandLines(`# ${t(applied.description)}`, width, '  ', 4), ...commandLines(applied.az, width, '  ', 4));
	}

	lines.push(blank);
	if (next) lines.push(...wrapped(t(`Next: Lab ${String(next.number).padStart(2, '0')} ${next.title}  (enter opens it ${arrow})`), width, {tone: 'title'}));
	else lines.push(line('That was the last lab. q goes back.', 'title'));
	return lines;
}
