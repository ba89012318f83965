/**
 * The text form of a packet trace: one block per hop (where the packet is and its addresses
 * there), the deciding rule of each step first with the rules it beat indented under it, then
 * the verdict and the notes. Fits 80 columns.
 */
import type {Hop, Step, Trace} from '../engine/results.js';
import {describeSource} from '../engine/trace/source-address.js';
import {wrapText} from './wrap.js';

const width = 80;

function indent(text: string, first: string, rest: string, max = width): string[] {
	return wrapText(text, max - rest.length).map((line, index) => (index === 0 ? first : rest) + line);
}

function formatStep(step: Step): string[] {
	const head = `${step.decision}${step.rule ? `   [${step.rule}]` : ''}`;
	const lines = indent(head, `   ${step.kind.padEnd(10)} `, '              ');
	// A drop's detail is the verdict's, printed once at the end.
	if (step.kind !== 'drop') lines.push(...indent(step.detail, '              ', '              '));
	// Routes lose to the winner; NSG and firewall rules before the deciding one simply did not match.
	const label = step.kind === 'route' ? 'beat' : 'no match';
	for (const beaten of step.beaten ?? []) {
		lines.push(...indent(`${label} ${beaten.rule}: ${beaten.why}`, '              - ', '                '));
	}

	return lines;
}

/**
 * The destination a hop shows: its IP, or the name that DNS never turned into one (the packet
 * never left; the engine holds 0.0.0.0 there, which is no real destination).
 */
export function hopDestination(result: Trace, hop: Hop): string {
	const unresolved = result.resolution !== undefined && result.resolution.result !== 'ip' && hop.packet.destinationIp === '0.0.0.0';
	return unresolved ? `${result.packet.to} (not resolved)` : hop.packet.destinationIp;
}

function formatHop(result: Trace, hop: Hop, index: number): string[] {
	const title = `${index + 1}. ${hop.at.kind} ${hop.at.name}`;
	const addresses = `${hop.packet.sourceIp} → ${hopDestination(result, hop)}`;
	const gap = Math.max(2, width - title.length - addresses.length);
	const header = title.length + addresses.length + 2 <= width ? `${title}${' '.repeat(gap)}${addresses}` : `${title}\n   ${addresses}`;
	return [header, ...hop.steps.flatMap(formatStep)];
}

export function formatTrace(result: Trace): string {
	const {packet, verdict} = result;
	const protocol = packet.protocol === 'icmp' ? 'ICMP' : `${packet.protocol.toUpperCase()} ${packet.port}`;
	const lines = [`Trace ${packet.from} → ${packet.to} (${protocol})`, ''];
	result.hops.forEach((hop, index) => {
		lines.push(...formatHop(result, hop, index), '');
	});
	const why = verdict.reason ? ` (${verdict.reason})` : '';
	const by = verdict.rule ? ` by ${verdict.rule}` : '';
	lines.push(`Verdict: ${verdict.result}${why}${by}`);
	lines.push(...indent(verdict.detail, '  ', '  '));
	if (result.sourceIpSeen && verdict.result !== 'dropped') lines.push(...indent(`Source address seen at the destination: ${describeSource(result.sourceIpSeen)}`, '  ', '  '));
	if (result.notes.length > 0) {
		lines.push('', 'Notes:');
		for (const note of result.notes) lines.push(...indent(note, '  - ', '    '));
	}

	return `${lines.join('\n')}\n`;
}
