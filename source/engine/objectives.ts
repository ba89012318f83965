/**
 * Lab objectives (design section 7) evaluated over the engine's own answers: a trace's verdict
 * and path, a NIC's next hop, a DNS resolution, or a learner's prediction of one of those.
 * Pure: every status carries a reason a learner can act on, and a query that names something
 * the network no longer has is a failing status, never a throw.
 */
import {ipToInt, isIpv4Address, isPrivateAddress} from './address.js';
import {resolve} from './dns.js';
import {buildNetwork, type Network} from './network.js';
import {lookupRoute} from './routes.js';
import type {DropReason, NextHopResult, Resolution, Trace} from './results.js';
import type {Topology} from './topology.js';
import {azurePrivateSource, describeSource} from './trace/source-address.js';
import {addressOfObject, dnsReachFrom, trace} from './trace/trace.js';
import type {
	DnsObjective,
	DnsQuery,
	Objective,
	ObjectiveKind,
	ObjectiveStatus,
	PredictAnswer,
	PredictObjective,
	RouteObjective,
	RouteQuery,
	TraceObjective,
	TraceQuery,
} from './lab.js';

/** Every drop reason code (design section 3), in the lab schema's order; `reason` expectations name one. */
export const dropReasons = [
	'no-route',
	'next-hop-none',
	'nsg-denied',
	'ip-forwarding-disabled',
	'appliance-not-forwarding',
	'next-hop-unreachable',
	'firewall-denied',
	'public-network-access-disabled',
	'private-endpoint-not-approved',
	'not-mapped-resource',
	'dns-nxdomain',
	'dns-no-answer',
	'peering-not-connected',
	'peering-access-disabled',
	'forwarded-traffic-not-allowed',
	'no-outbound-access',
	'routing-loop',
	'hop-limit',
	'private-link-service-not-visible',
	'no-load-balancer-rule',
	'protocol-not-supported',
	'destination-not-found',
	'destination-stopped',
	'no-healthy-backend',
	'source-stopped',
	'private-address-on-internet',
	'inbound-not-allowed',
	'asymmetric-routing',
	'basic-load-balancer-global-peering',
	'no-return-route',
] as const satisfies readonly DropReason[];

// Does not compile when the engine gains a drop reason this list (and so the lab schema) lacks.
const everyReasonListed: [Exclude<DropReason, (typeof dropReasons)[number]>] extends [never] ? true : false = true;
void everyReasonListed;

/** Which of the four kinds an objective is. */
export function objectiveKind(objective: Objective): ObjectiveKind {
	if ('predict' in objective) return 'predict';
	if ('trace' in objective) return 'trace';
	if ('route' in objective) return 'route';
	return 'dns';
}

/** The form answers are compared in: case and spacing do not matter (`Dropped:next-hop-none` = `dropped: next-hop-none`). */
export function normalizeAnswer(text: string): string {
	return String(text).trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*:\s*/g, ': ');
}

/** A query the network cannot run: the message says what is missing. */
class QueryError extends Error {}

function runTrace(network: Network, query: TraceQuery): Trace {
	try {
		return trace(network, query.from, query.to, {protocol: query.protocol, port: query.port});
	} catch (error) {
		throw new QueryError((error as Error).message);
	}
}

function runRoute(network: Network, query: RouteQuery): NextHopResult {
	const nic = network.nics.get(query.nic);
	if (!nic) throw new QueryError(`there is no network interface '${query.nic}'`);
	const ip = addressOfObject(network, query.destination);
	if (ip === undefined || !isIpv4Address(ip)) throw new QueryError(`'${query.destination}' is neither an IPv4 address nor an object with one`);
	return lookupRoute(network, nic.subnet, ipToInt(ip));
}

function runDns(network: Network, query: DnsQuery): Resolution {
	try {
		return resolve(network, query.from, query.name, dnsReachFrom(network, query.from));
	} catch (error) {
		throw new QueryError((error as Error).message);
	}
}

/** `a → b → c`: the objects a packet passed, in order. */
export function hopPath(result: Trace): string {
	return result.hops.map((hop) => hop.at.name).join(' → ');
}

/** What happened to a traced packet, in one learner-facing clause. */
export function describeOutcome(result: Trace): string {
	const {verdict} = result;
	if (verdict.result === 'delivered') {
		const seen = result.sourceIpSeen ? ` (it saw the source ${describeSource(result.sourceIpSeen)})` : '';
		return `the packet was delivered to ${result.destination?.name ?? result.packet.to}${seen}`;
	}

	if (verdict.result === 'exited') return `the packet left Azure for ${result.destination?.name ?? result.packet.to} from ${result.sourceIpSeen ? describeSource(result.sourceIpSeen) : '?'}`;
	const at = result.hops[result.hops.length - 1]?.at.name ?? result.packet.from;
	return `the packet was dropped at ${at}: ${verdict.reason ?? 'dropped'} (${verdict.detail.replace(/\.$/, '')})`;
}

/** The names a packet passed, in order: every hop's object, then the destination. */
function namesPassed(result: Trace): string[] {
	const names = result.hops.map((hop) => hop.at.name);
	if (result.destination && names[names.length - 1] !== result.destination.name) names.push(result.destination.name);
	return names;
}

/** True when `wanted` appears in `names` in the same order (other names may come between). */
function inOrder(names: readonly string[], wanted: readonly string[]): boolean {
	let at = 0;
	for (const name of names) if (at < wanted.length && name === wanted[at]) at++;
	return at === wanted.length;
}

function matchesSourceIp(expected: string, seen: string): boolean {
	const kind = expected.toLowerCase();
	// The default outbound address is a public IP Azure picks (S-DOA); same-region Storage sees a private Azure address: both named without digits.
	const isPrivate = seen === azurePrivateSource || (isIpv4Address(seen) && isPrivateAddress(ipToInt(seen)));
	if (kind === 'private') return isPrivate;
	if (kind === 'public') return !isPrivate;
	return expected === seen;
}

function traceProblems(objective: TraceObjective, result: Trace): string[] {
	const {expect} = objective;
	const {verdict} = result;
	const outcome = describeOutcome(result);
	if (expect.result !== undefined && verdict.result !== expect.result) {
		const wanted = expect.result === 'dropped' && expect.reason ? `dropped (${expect.reason})` : expect.result;
		return [`${outcome}; expected ${wanted}`];
	}

	if (expect.reason !== undefined && verdict.reason !== expect.reason) {
		return [verdict.result === 'dropped' ? `${outcome}; expected the drop reason ${expect.reason}` : `${outcome}; expected it to be dropped (${expect.reason})`];
	}

	const problems: string[] = [];
	const ending = verdict.result === 'dropped' ? ` and was dropped there (${verdict.reason ?? 'dropped'})` : '';
	if (expect.path !== undefined && !result.paths.includes(expect.path)) {
		const took = result.paths.length > 0 ? `it went over ${result.paths.join(', ')}` : 'it stayed inside the virtual network';
		problems.push(`the packet did not travel over a ${expect.path} path (${took}: ${hopPath(result)}${ending})`);
	}

	if (expect.via && expect.via.length > 0 && !inOrder(namesPassed(result), expect.via)) {
		problems.push(`expected the packet to pass ${expect.via.join(', then ')}, but it went ${hopPath(result)}${ending}`);
	}

	const passed = new Set(namesPassed(result));
	const forbidden = (expect.notVia ?? []).filter((name) => passed.has(name));
	if (forbidden.length > 0) problems.push(`the packet passed ${forbidden.join(' and ')} (${hopPath(result)}), and it should not`);
	if (expect.sourceIpSeen !== undefined) {
		const wanted = ['private', 'public'].includes(expect.sourceIpSeen.toLowerCase()) ? `a ${expect.sourceIpSeen.toLowerCase()} address` : expect.sourceIpSeen;
		if (verdict.result === 'dropped' || result.sourceIpSeen === undefined) {
			problems.push(`${outcome}, so nothing saw its source address; expected ${wanted}`);
		} else if (!matchesSourceIp(expect.sourceIpSeen, result.sourceIpSeen)) {
			problems.push(`${result.destination?.name ?? 'the destination'} saw the source ${describeSource(result.sourceIpSeen)}; expected ${wanted}`);
		}
	}

	return problems;
}

function routeProblems(objective: RouteObjective, result: NextHopResult): string[] {
	const {expect} = objective;
	const hop = `${result.nextHopType}${result.nextHopIpAddress ? ` ${result.nextHopIpAddress}` : ''}`;
	const wanted = `${expect.nextHopType}${expect.nextHopIpAddress ? ` ${expect.nextHopIpAddress}` : ''}`;
	const typeWrong = result.nextHopType !== expect.nextHopType;
	const ipWrong = expect.nextHopIpAddress !== undefined && result.nextHopIpAddress !== expect.nextHopIpAddress;
	if (!typeWrong && !ipWrong) return [];
	const by = result.routeTableId === 'System Route' ? 'a system route' : `route ${result.matched.name ?? '?'} of ${result.routeTableId}`;
	return [`next hop is ${hop} (${by}, ${result.matchedPrefix}), expected ${wanted}`];
}

/** `name resolves to X (from where)`, for reasons. */
function describeResolution(query: DnsQuery, result: Resolution): string {
	if (result.result === 'nxdomain') return `${query.name} does not exist for ${query.from} (NXDOMAIN)`;
	if (result.result === 'no-answer') return `${query.name} gets no answer for ${query.from}`;
	const last = result.answers[result.answers.length - 1];
	const origin = last?.origin.kind === 'private-zone' ? `private zone ${last.origin.zone ?? ''}` : last?.origin.kind === 'forwarder' ? `forwarder ${last.origin.forwarder ?? ''}` : 'public DNS';
	return `${query.name} resolves to ${result.ip ?? '?'} for ${query.from} (answered by ${origin.trim()})`;
}

function dnsProblems(objective: DnsObjective, result: Resolution): string[] {
	const {expect} = objective;
	const said = describeResolution(objective.dns, result);
	if (expect.result !== undefined && result.result !== expect.result) {
		const wanted = expect.result === 'ip' ? 'an IP address' : expect.result === 'nxdomain' ? 'NXDOMAIN' : 'no answer';
		return [`${said}; expected ${wanted}`];
	}

	if ((expect.ip !== undefined || expect.private !== undefined) && result.result !== 'ip') {
		return [`${said}; expected ${expect.ip ?? (expect.private ? 'a private address' : 'a public address')}`];
	}

	const problems: string[] = [];
	if (expect.ip !== undefined && result.ip !== expect.ip) problems.push(`${said}; expected ${expect.ip}`);
	if (expect.private !== undefined && result.ip !== undefined) {
		const isPrivate = isPrivateAddress(ipToInt(result.ip));
		if (isPrivate !== expect.private) problems.push(`${said}, a ${isPrivate ? 'private' : 'public'} address; expected a ${expect.private ? 'private' : 'public'} one`);
	}

	return problems;
}

/** The engine's answer to a predict objective, in the canonical form of its `ask` (see PredictAsk). */
export function predictAnswer(network: Network, objective: PredictObjective): PredictAnswer {
	const {predict} = objective;
	try {
		switch (predict.ask) {
			case 'verdict': {
				if (!predict.trace) return {ok: false, reason: 'a verdict question needs a trace: {from, to}'};
				const {verdict} = runTrace(network, predict.trace);
				return {ok: true, answer: verdict.result === 'dropped' ? `dropped: ${verdict.reason ?? 'unknown'}` : verdict.result};
			}

			case 'next-hop-type':
			case 'next-hop': {
				if (!predict.route) return {ok: false, reason: `a ${predict.ask} question needs a route: {nic, destination}`};
				const result = runRoute(network, predict.route);
				const ip = predict.ask === 'next-hop' && result.nextHopIpAddress ? ` ${result.nextHopIpAddress}` : '';
				return {ok: true, answer: `${result.nextHopType}${ip}`};
			}

			case 'dns-answer': {
				if (!predict.dns) return {ok: false, reason: 'a dns-answer question needs a dns query: {from, name}'};
				const result = runDns(network, predict.dns);
				return {ok: true, answer: result.result === 'ip' ? (result.ip ?? '') : result.result === 'nxdomain' ? 'NXDOMAIN' : 'no-answer'};
			}
		}
	} catch (error) {
		if (error instanceof QueryError) return {ok: false, reason: error.message};
		throw error;
	}

	return {ok: false, reason: `'${String(predict.ask)}' is not a question vnetlab can answer`};
}

/** How a learner finds the answer out, for a wrong prediction. */
function howToFindOut(objective: PredictObjective): string {
	const {predict} = objective;
	if (predict.ask === 'verdict' && predict.trace) return `trace ${predict.trace.from} → ${predict.trace.to} and read the verdict`;
	if (predict.route) return `look at ${predict.route.nic}'s effective routes: which one matches ${predict.route.destination}, by longest prefix?`;
	if (predict.dns) return `resolve ${predict.dns.name} from ${predict.dns.from}`;
	return 'run the query and compare';
}

function predictStatus(network: Network, objective: PredictObjective, answer: string | undefined): string | undefined {
	const choices = objective.choices.map(String);
	if (answer === undefined || answer.trim() === '') return `not answered yet: choose one of ${choices.join(', ')}`;
	const given = normalizeAnswer(answer);
	if (!choices.some((choice) => normalizeAnswer(choice) === given)) return `'${answer}' is not one of the choices: ${choices.join(', ')}`;
	const engine = predictAnswer(network, objective);
	if (!engine.ok) return `this question cannot be answered on the current network: ${engine.reason}`;
	if (normalizeAnswer(engine.answer) === given) return undefined;
	return `'${answer}' is not what the network does: ${howToFindOut(objective)}`;
}

function problemsOf(network: Network, objective: Objective, answers: Readonly<Record<string, string>>): string[] {
	try {
		if ('predict' in objective) {
			const reason = predictStatus(network, objective, answers[objective.id]);
			return reason === undefined ? [] : [reason];
		}

		if ('trace' in objective) return traceProblems(objective, runTrace(network, objective.trace));
		if ('route' in objective) return routeProblems(objective, runRoute(network, objective.route));
		return dnsProblems(objective, runDns(network, objective.dns));
	} catch (error) {
		if (error instanceof QueryError) return [`cannot be checked: ${error.message}`];
		return [`cannot be checked: internal error (${(error as Error).message})`];
	}
}

/** One objective's status on a network; `answers` maps predict objective ids to the learner's choice. */
export function evaluateObjective(network: Network, objective: Objective, answers: Readonly<Record<string, string>> = {}): ObjectiveStatus {
	const problems = problemsOf(network, objective, answers);
	const status: ObjectiveStatus = {
		id: objective.id,
		text: objective.text,
		kind: objectiveKind(objective),
		holds: objective.holds === true,
		passed: problems.length === 0,
	};
	if (problems.length > 0) status.reason = problems.join('; ');
	const answer = answers[objective.id];
	if ('predict' in objective && answer !== undefined) status.answer = answer;
	return status;
}

/** Every objective's status on one topology (the network is built once), in the lab's order. */
export function evaluateObjectives(
	topology: Topology,
	objectives: readonly Objective[],
	answers: Readonly<Record<string, string>> = {},
): ObjectiveStatus[] {
	let network: Network;
	try {
		network = buildNetwork(topology);
	} catch (error) {
		const reason = `cannot be checked: the network does not build (${(error as Error).message})`;
		return objectives.map((objective) => ({id: objective.id, text: objective.text, kind: objectiveKind(objective), holds: objective.holds === true, passed: false, reason}));
	}

	return objectives.map((objective) => evaluateObjective(network, objective, answers));
}
