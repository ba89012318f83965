/**
 * Checking what the learner typed on the trace screen before the engine sees it: a known
 * source, a destination that is an IPv4 address, a DNS name or a named destination, and a
 * protocol with a port. Every problem is a message for under its field. Pure.
 */
import {isIpv4Address} from '../engine/address.js';
import type {TraceQuery} from '../engine/lab.js';
import type {Network} from '../engine/network.js';
import type {Protocol} from '../engine/results.js';
import {destinationKinds} from '../engine/trace/destination.js';
import {destinationProblem, findSource, sourceNames, sourceProblem} from '../engine/trace/trace.js';

export type TraceFields = {readonly from: string; readonly to: string; readonly protocol: string};
export type FieldName = keyof TraceFields;
export type TraceFieldErrors = Partial<Record<FieldName, string>>;

export type TraceInputCheck = {readonly ok: true; readonly query: TraceQuery} | {readonly ok: false; readonly errors: TraceFieldErrors};

export {sourceNames} from '../engine/trace/trace.js';

/** Named destinations: the sources, private endpoints, Internet hosts (and their names) and PaaS resources. */
export function destinationNames(network: Network): string[] {
	return [
		...sourceNames(network).filter((name) => !network.internetHosts.has(name)),
		...network.privateEndpoints.keys(),
		...network.topology.internetHosts.flatMap((host) => (host.fqdn ? [host.name, host.fqdn] : [host.name])),
		...network.resources.keys(),
	];
}

/** `a, b, c, ... (12 in all)` for a message. */
export function someNames(names: readonly string[], limit = 5): string {
	if (names.length === 0) return 'none';
	return names.length > limit ? `${names.slice(0, limit).join(', ')}, ... (${names.length} in all)` : names.join(', ');
}

/** Names that start with what was typed (all of them for an empty field). */
export function matching(names: readonly string[], typed: string): string[] {
	const prefix = typed.trim().toLowerCase();
	return names.filter((name) => name.toLowerCase().startsWith(prefix));
}

export function parseProtocol(text: string): {protocol: Protocol; port: number} | string {
	const value = text.trim().toLowerCase();
	if (value === '' || value === 'tcp') return {protocol: 'tcp', port: 443};
	if (value === 'icmp') return {protocol: 'icmp', port: 0};
	if (value === 'udp') return {protocol: 'udp', port: 53};
	const match = /^(?:(tcp|udp)[\s/:]*)?(\d{1,5})$/.exec(value);
	if (!match) return `'${text.trim()}' is not a protocol and port: write tcp 443, udp 53 or icmp`;
	const port = Number(match[2]);
	if (port < 1 || port > 65535) return `port ${match[2]} is not between 1 and 65535`;
	return {protocol: (match[1] ?? 'tcp') as Protocol, port};
}

export function checkTraceInput(network: Network, fields: TraceFields): TraceInputCheck {
	const errors: TraceFieldErrors = {};
	const from = fields.from.trim();
	const to = fields.to.trim();
	if (from === '') errors.from = 'type a network interface, an on-premises host or an Internet host';
	else if (network.privateEndpoints.has(from)) errors.from = sourceProblem(network, from);
	else if (!findSource(network, from)) errors.from = `unknown source '${from}' (known: ${someNames(sourceNames(network))})`;
	if (to === '') errors.to = `type ${destinationKinds}`;
	else if (/^[\d.]+$/.test(to) && !isIpv4Address(to)) errors.to = `'${to}' is not an IPv4 address (four numbers 0-255, like 10.0.1.4)`;
	else {
		const problem = destinationProblem(network, to);
		if (problem) errors.to = problem;
	}

	const protocol = parseProtocol(fields.protocol);
	if (typeof protocol === 'string') errors.protocol = protocol;
	if (Object.keys(errors).length > 0 || typeof protocol === 'string') return {ok: false, errors};
	return {ok: true, query: {from, to, protocol: protocol.protocol, port: protocol.port}};
}

/** A query's protocol as the field shows it: `tcp 443`, `icmp`. */
export function protocolField(query: TraceQuery): string {
	const protocol = query.protocol ?? 'tcp';
	return protocol === 'icmp' ? 'icmp' : `${protocol} ${query.port ?? 443}`;
}
