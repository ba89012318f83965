/**
 * A DNS resolution as text: one line per answer (`name  CNAME|A  value  (from: ...)`),
 * the result, then the steps the query took. Pure, for the CLI and the TUI.
 */
import type {DnsAnswer, DnsOrigin, Resolution} from '../engine/results.js';
import {wrapHanging} from './wrap.js';

export type ResolutionFormatOptions = {
	/** The width to fit, default 80. */
	readonly width?: number;
};

/** Where an answer came from, in words. */
export function describeOrigin(origin: DnsOrigin): string {
	const zone = origin.zone ? `private zone ${origin.zone}${origin.link ? ` via link ${origin.link}` : ''}` : '';
	switch (origin.kind) {
		case 'public':
			return 'public DNS';
		case 'private-zone':
			return zone || 'private zone';
		case 'forwarder':
			return [`forwarder ${origin.forwarder ?? ''}`.trim(), zone].filter(Boolean).join(', ');
	}
}

export function describeResult(resolution: Resolution): string {
	switch (resolution.result) {
		case 'ip':
			return `${resolution.name} resolves to ${resolution.ip ?? '?'}`;
		case 'nxdomain':
			return `${resolution.name} does not exist (NXDOMAIN)`;
		case 'no-answer':
			return `${resolution.name} gets no answer (no A record, or no DNS server answered)`;
	}
}

function answerLines(answers: readonly DnsAnswer[], width: number): string[] {
	const nameWidth = Math.max(...answers.map((answer) => answer.name.length));
	const typeWidth = Math.max(...answers.map((answer) => answer.type.length));
	const valueWidth = Math.max(...answers.map((answer) => answer.value.length));
	const from = (answer: DnsAnswer) => `(from: ${describeOrigin(answer.origin)})`;
	const aligned = answers.map(
		(answer) => `${answer.name.padEnd(nameWidth)}  ${answer.type.padEnd(typeWidth)}  ${answer.value.padEnd(valueWidth)}  ${from(answer)}`,
	);
	if (aligned.every((line) => line.length <= width)) return aligned;
	// Too wide: the origin under the record, and the record split after the name if need be.
	return answers.flatMap((answer) => {
		const record = `${answer.name}  ${answer.type}  ${answer.value}`;
		const head = record.length <= width ? [record] : [answer.name, `    ${answer.type.padEnd(typeWidth)}  ${answer.value}`];
		return [...head, ...wrapHanging('    ', from(answer), width)];
	});
}

export function formatResolution(resolution: Resolution, options: ResolutionFormatOptions = {}): string {
	const width = options.width ?? 80;
	const lines = [...(resolution.answers.length > 0 ? answerLines(resolution.answers, width) : ['No answers.']), ''];
	lines.push(...wrapHanging('Result: ', describeResult(resolution), width));
	if (resolution.steps.length > 0) {
		lines.push('Steps:');
		for (const [index, step] of resolution.steps.entries()) lines.push(...wrapHanging(`  ${index + 1}. `, step, width));
	}

	return lines.join('\n');
}
