/**
 * One hop of a trace as lines: a fixed head (the packet, the path with this hop marked,
 * where the packet is and its addresses there) and a body that scrolls (each step's decision,
 * the rule that made it with the candidates it beat indented under it, the DNS chain, and on
 * the last hop the verdict and its reason). Pure.
 */
import {describeOrigin} from '../format/resolution.js';
import {hopDestination} from '../format/trace.js';
import type {Hop, Step, Trace} from '../engine/results.js';
import {describeSource} from '../engine/trace/source-address.js';
import {blank, line, wrapped, type Line, type Span} from './lines.js';
import {symbolsOf, themedText, type Theme} from './theme.js';

const labelWidth = 11;

function protocolText(trace: Trace): string {
	return trace.packet.protocol === 'icmp' ? 'ICMP' : `${trace.packet.protocol.toUpperCase()} ${trace.packet.port}`;
}

/** `a → b → [c] → d`, the current hop in brackets (and highlighted), wrapped between hops. */
function pathLines(trace: Trace, index: number, width: number, theme: Theme): Line[] {
	const {arrow} = symbolsOf(theme);
	const lines: Span[][] = [[{text: 'Path  ', tone: 'muted'}]];
	let used = 6;
	trace.hops.forEach((hop, at) => {
		const name = at === index ? `[${hop.at.name}]` : hop.at.name;
		const joint = at === 0 ? '' : ` ${arrow} `;
		if (used + joint.length + name.length > width && used > 6) {
			lines.push([{text: '      '}]);
			used = 6;
		}

		const current = lines[lines.length - 1]!;
		if (joint && used > 6) current.push({text: joint, tone: 'muted'});
		current.push(at === index ? {text: name, tone: 'selected'} : {text: name});
		used += (used > 6 ? joint.length : 0) + name.length;
	});
	return lines;
}

export function traceHeadLines(trace: Trace, index: number, width: number, theme: Theme): Line[] {
	const {arrow} = symbolsOf(theme);
	const hop = trace.hops[index];
	const head = wrapped(themedText(`${trace.packet.from} ${arrow} ${trace.packet.to}  ${protocolText(trace)}`, theme), width, {prefix: 'Trace ', tone: 'title'});
	if (!hop) return [...head, line('No hops.', 'muted')];
	const where = `Hop ${index + 1} of ${trace.hops.length}: ${hop.at.kind} ${hop.at.name}   ${hop.packet.sourceIp} ${arrow} ${hopDestination(trace, hop)}`;
	return [...head, ...pathLines(trace, index, width, theme), ...wrapped(themedText(where, theme), width, {tone: 'accent'})];
}

function stepLines(step: Step, trace: Trace, width: number, theme: Theme): Line[] {
	const symbols = symbolsOf(theme);
	const t = (text: string) => themedText(text, theme);
	const pad = ' '.repeat(labelWidth);
	const lines: Line[] = [];
	const label = step.kind.padEnd(labelWidth - 1);
	lines.push(...wrapped(t(step.decision), width, {prefix: `${label} `, prefixTone: 'accent', tone: 'title', indent: labelWidth}));
	const beaten = step.beaten ?? [];
	const mark = (symbol: string, word: string) => `${pad}${symbol} ${word.padEnd(5)} `;
	const indent = (symbol: string) => labelWidth + symbol.length + 7;
	const winner = (word: string) => wrapped(t(step.rule!), width, {prefix: mark(symbols.pass, word), prefixTone: 'ok', indent: indent(symbols.pass)});
	const losers = (word: string) =>
		beaten.flatMap((loser) => wrapped(t(`${loser.rule}: ${loser.why}`), width, {prefix: mark(symbols.fail, word), prefixTone: 'muted', tone: 'muted', indent: indent(symbols.fail)}));
	if (step.rule && beaten.length > 0 && step.kind === 'nsg') {
		// NSG rules in evaluation order: those that did not match, then the one that decided.
		lines.push(...losers('skip'), ...winner('match'));
	} else if (step.rule && beaten.length > 0) {
		// The winning route marked above the candidates it beat.
		lines.push(...winner('won'), ...losers('lost'));
	} else if (step.rule) {
		lines.push(...wrapped(t(step.rule), width, {prefix: `${pad}rule  `, prefixTone: 'muted', indent: labelWidth + 6}));
	}

	// A drop's detail is the verdict's, shown once with it.
	if (step.kind !== 'drop') lines.push(...wrapped(t(step.detail), width, {prefix: pad}));
	if (step.kind === 'dns' && trace.resolution && trace.resolution.answers.length > 0) {
		lines.push(line(`${pad}DNS chain`, 'muted'));
		for (const answer of trace.resolution.answers) {
			lines.push(...wrapped(t(`${answer.name} ${answer.type} ${answer.value} (from ${describeOrigin(answer.origin)})`), width, {prefix: `${pad}  `, indent: labelWidth + 4}));
		}
	}

	return lines;
}

function verdictLines(trace: Trace, width: number, theme: Theme): Line[] {
	const symbols = symbolsOf(theme);
	const t = (text: string) => themedText(text, theme);
	const {verdict} = trace;
	const mark = verdict.result === 'delivered' ? symbols.pass : verdict.result === 'dropped' ? symbols.fail : symbols.arrow;
	const reason = verdict.reason ? ` (${verdict.reason})` : '';
	const by = verdict.rule ? ` by ${verdict.rule}` : '';
	const tone = verdict.result === 'dropped' ? 'bad' : 'ok';
	const lines: Line[] = [
		...wrapped(t(`${mark} ${verdict.result}${reason}${by}`), width, {prefix: 'Verdict'.padEnd(labelWidth), prefixTone: 'title', tone, indent: labelWidth}),
		...wrapped(t(verdict.detail), width, {prefix: ' '.repeat(labelWidth)}),
	];
	if (trace.sourceIpSeen && verdict.result !== 'dropped') {
		lines.push(...wrapped(`Source address seen at the destination: ${describeSource(trace.sourceIpSeen)}`, width, {prefix: ' '.repeat(labelWidth)}));
	}

	if (trace.notes.length > 0) {
		lines.push(blank, line('Notes', 'title'));
		for (const note of trace.notes) lines.push(...wrapped(t(note), width, {prefix: '  - ', tone: 'muted'}));
	}

	return lines;
}

/** The scrolling part of a hop: its steps, then the verdict on the last hop (or what comes next). */
export function hopBodyLines(trace: Trace, index: number, width: number, theme: Theme): Line[] {
	const hop: Hop | undefined = trace.hops[index];
	const lines: Line[] = [];
	if (hop) for (const step of hop.steps) lines.push(...stepLines(step, trace, width, theme));
	const isLast = index >= trace.hops.length - 1;
	if (isLast) {
		if (lines.length > 0) lines.push(blank);
		lines.push(...verdictLines(trace, width, theme));
	} else {
		const next = trace.hops[index + 1]!;
		lines.push(blank, ...wrapped(themedText(`Next hop: ${next.at.kind} ${next.at.name}`, theme), width, {tone: 'muted'}));
	}

	return lines;
}
