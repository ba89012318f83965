/**
 * The edit screen's lower pane as lines: what the last change did (objectives that flipped,
 * routes that became Active or Invalid, the last trace before and after, warnings), the
 * learner's edits in order (each with its Azure CLI command when asked), and the hints
 * revealed so far. Pure.
 */
import type {ChangeSummary, TraceOutcomeText} from './change-summary.js';
import type {AppliedEdit} from './lab-work.js';
import {blank, commandLines, line, wrapped, type Line} from './lines.js';
import {symbolsOf, themedText, type Theme} from './theme.js';

const warnMark = '!';

function outcomeText(outcome: TraceOutcomeText, theme: Theme): string {
	const {arrow, pass, fail} = symbolsOf(theme);
	if (outcome.result === 'error') return `cannot be traced: ${outcome.reason ?? ''}`;
	const path = outcome.path.join(` ${arrow} `);
	const verdict = outcome.result === 'dropped' ? `${fail} dropped: ${outcome.reason ?? ''}` : outcome.result === 'delivered' ? `${pass} delivered` : `${arrow} exited`;
	return `${path}  ${verdict}`;
}

function sameOutcome(a: TraceOutcomeText, b: TraceOutcomeText): boolean {
	return a.result === b.result && a.reason === b.reason && a.path.join('>') === b.path.join('>');
}

/** What one change did. */
export function changeLines(change: ChangeSummary, width: number, theme: Theme): Line[] {
	const t = (text: string) => themedText(text, theme);
	const {pass, fail, arrow} = symbolsOf(theme);
	const lines: Line[] = [...wrapped(t(change.title), width, {prefix: 'Last change  ', prefixTone: 'muted', tone: 'title', indent: 2})];
	for (const warning of change.warnings) lines.push(...wrapped(t(warning), width, {prefix: `  ${warnMark} warning  `, prefixTone: 'warn', tone: 'warn', indent: 13}));
	for (const flip of change.objectives) {
		const word = flip.passed ? `${pass} now done  ` : `${fail} not any more  `;
		lines.push(...wrapped(t(flip.text), width, {prefix: `  ${word}`, prefixTone: flip.passed ? 'ok' : 'bad', indent: 4}));
	}

	for (const {nic, route, change: what} of change.routes) {
		const via = route.nextHopIpAddress.length > 0 ? ` ${route.nextHopIpAddress.join(', ')}` : '';
		const state = what === 'gone' ? 'gone' : what === 'active' ? 'now Active' : 'now Invalid';
		const text = `${nic}: ${route.addressPrefix.join(', ')} ${arrow} ${route.nextHopType}${via} (${route.source}${route.name ? ` ${route.name}` : ''})  ${state}`;
		lines.push(...wrapped(t(text), width, {prefix: '  route  ', prefixTone: 'accent', tone: what === 'invalid' ? 'warn' : undefined, indent: 9}));
	}

	if (change.moreRoutes > 0) lines.push(line(`         and ${change.moreRoutes} more route changes`, 'muted'));
	if (change.trace) {
		const {query, before, after} = change.trace;
		const packet = `${query.from} ${arrow} ${query.to}`;
		if (sameOutcome(before, after)) {
			lines.push(...wrapped(t(`${packet} unchanged: ${outcomeText(after, theme)}`), width, {prefix: '  trace  ', prefixTone: 'accent', tone: 'muted', indent: 9}));
		} else {
			lines.push(...wrapped(t(packet), width, {prefix: '  trace  ', prefixTone: 'accent', indent: 9}));
			lines.push(...wrapped(t(outcomeText(before, theme)), width, {prefix: '    before  ', prefixTone: 'muted', tone: 'muted', indent: 12}));
			lines.push(...wrapped(t(outcomeText(after, theme)), width, {prefix: '    after   ', prefixTone: 'muted', tone: after.result === 'delivered' ? 'ok' : after.result === 'dropped' ? 'bad' : undefined, indent: 12}));
		}
	}

	if (change.objectives.length === 0 && change.routes.length === 0 && !change.trace) lines.push(line('  No objective, route or traced packet changed.', 'muted'));
	return lines;
}

/** The learner's edits in order, with their CLI commands when `showAz`. */
export function editListLines(edits: readonly AppliedEdit[], showAz: boolean, width: number, theme: Theme): Line[] {
	const t = (text: string) => themedText(text, theme);
	const lines: Line[] = [[{text: `Your edits (${edits.length})`, tone: 'title'}, {text: showAz ? '  a: hide az commands' : '  a: show as az commands', tone: 'muted'}]];
	if (edits.length === 0) lines.push(line('  None yet: choose an edit above.', 'muted'));
	edits.forEach((applied, index) => {
		const number = `${index + 1}`.padStart(3);
		lines.push(...wrapped(t(applied.description), width, {prefix: `${number}  `, prefixTone: 'muted', indent: 5}));
		for (const warning of applied.warnings) lines.push(...wrapped(t(warning), width, {prefix: `     ${warnMark} `, prefixTone: 'warn', tone: 'warn', indent: 7}));
		// An edit may take several commands, one per line: each wraps on its own.
		if (showAz) lines.push(...commandLines(applied.az, width, '     $ ', 7));
	});
	return lines;
}

/** The hints revealed so far. */
export function hintLines(hints: readonly string[], total: number, width: number, theme: Theme): Line[] {
	if (total === 0) return [];
	const lines: Line[] = [[{text: `Hints (${hints.length} of ${total})`, tone: 'title'}, {text: hints.length < total ? '  h: next hint' : '', tone: 'muted'}]];
	hints.forEach((hint, index) => lines.push(...wrapped(themedText(hint.replace(/\s+/g, ' ').trim(), theme), width, {prefix: `${`${index + 1}`.padStart(3)}  `, prefixTone: 'muted', indent: 5})));
	return lines;
}

export type WorkPaneInput = {
	readonly change?: ChangeSummary;
	readonly edits: readonly AppliedEdit[];
	readonly showAz: boolean;
	readonly hints: readonly string[];
	readonly hintTotal: number;
	readonly width: number;
	readonly theme: Theme;
};

export function workPaneLines(input: WorkPaneInput): Line[] {
	const {width, theme} = input;
	const lines: Line[] = [];
	if (input.change) lines.push(...changeLines(input.change, width, theme), blank);
	lines.push(...editListLines(input.edits, input.showAz, width, theme));
	const hints = hintLines(input.hints, input.hintTotal, width, theme);
	if (hints.length > 0) lines.push(blank, ...hints);
	return lines;
}
