/**
 * The semantic checks of a lab that passed its schema (design section 7): every name an
 * objective, hint or suggested trace mentions is an object of the network; every solution
 * applies with the lab's allowed edits and then passes every objective; the start fails at
 * least one objective that is not `holds`; `holds` objectives pass at the start and after each
 * solution; each prediction has exactly one right choice. Problems carry a field path into the
 * lab file; the loader turns them into positioned diagnostics.
 */
import {isIpv4Address} from '../engine/address.js';
import {applyEdits} from '../engine/edits/apply.js';
import type {DnsQuery, Lab, Objective, RouteQuery, TraceQuery} from '../engine/lab.js';
import {buildNetwork, type Network} from '../engine/network.js';
import {evaluateObjectives, normalizeAnswer, predictAnswer} from '../engine/objectives.js';
import type {Topology} from '../engine/topology.js';
import type {FieldPath, Severity} from './diagnostics.js';
import type {LocateAt} from './yaml-positions.js';

export type LabProblem = {path: FieldPath; message: string; severity: Severity; at?: LocateAt};

/** The network in one state the lab can be in: the start, or after a solution. */
type State = {label: string; topology: Topology; network: Network};

/** `a, b, c, ... (12 in all)`. */
function listNames(names: readonly string[], limit = 8): string {
	if (names.length === 0) return 'none';
	const shown = names.slice(0, limit).join(', ');
	return names.length > limit ? `${shown}, ... (${names.length} in all)` : shown;
}

/** Every name an objective or a hint may mention: objects, subnets as vnet/subnet, and their parts. */
export function objectNames(topology: Topology): Set<string> {
	const names = new Set<string>();
	const add = (...list: Array<string | undefined>) => {
		for (const name of list) if (name) names.add(name);
	};

	for (const vnet of topology.virtualNetworks) {
		add(vnet.name);
		for (const subnet of vnet.subnets) add(`${vnet.name}/${subnet.name}`);
	}

	for (const peering of topology.virtualNetworkPeerings) add(peering.name);
	for (const nic of topology.networkInterfaces) add(nic.name);
	for (const nat of topology.natGateways) add(nat.name);
	for (const gateway of topology.virtualNetworkGateways) add(gateway.name);
	for (const site of topology.localNetworks) add(site.name, ...site.hosts.map((h) => h.name));
	for (const table of topology.routeTables) add(table.name, ...table.routes.map((r) => r.name));
	for (const nsg of topology.networkSecurityGroups) add(nsg.name, ...nsg.securityRules.map((r) => r.name));
	for (const resource of topology.resources) add(resource.name);
	for (const endpoint of topology.privateEndpoints) add(endpoint.name);
	for (const zone of topology.privateDnsZones) add(zone.name, zone.id, ...zone.virtualNetworkLinks.map((l) => l.name));
	for (const resolver of topology.dnsResolvers) add(resolver.name, ...resolver.forwardingRulesets.map((r) => r.name));
	for (const lb of topology.loadBalancers) add(lb.name, ...lb.frontends.map((f) => f.name));
	for (const service of topology.privateLinkServices) add(service.name, service.alias);
	for (const host of topology.internetHosts) add(host.name, host.fqdn);
	return names;
}

/** Names of things a packet can be sent from, which also ask DNS questions: NICs, on-premises and Internet hosts. */
function senders(topology: Topology): string[] {
	return [...topology.networkInterfaces.map((n) => n.name), ...topology.localNetworks.flatMap((s) => s.hosts.map((h) => h.name)), ...topology.internetHosts.map((h) => h.name)];
}

/** Names of objects with an address a query may target. */
function addressed(topology: Topology): string[] {
	return [...senders(topology), ...topology.privateEndpoints.map((e) => e.name)];
}

const looksLikeDnsName = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i;

class NameChecker {
	/** How many problems were found so far (to tell which objectives have one). */
	get count(): number {
		return this.problems.length;
	}

	private readonly union: {senders: Set<string>; addressed: Set<string>; resources: Set<string>; nics: Set<string>; objects: Set<string>};

	constructor(
		states: readonly State[],
		private readonly problems: LabProblem[],
	) {
		const collect = (pick: (t: Topology) => Iterable<string>) => new Set(states.flatMap((s) => [...pick(s.topology)]));
		this.union = {
			senders: collect(senders),
			addressed: collect(addressed),
			resources: collect((t) => t.resources.map((r) => r.name)),
			nics: collect((t) => t.networkInterfaces.map((n) => n.name)),
			objects: collect(objectNames),
		};
	}

	private fail(path: FieldPath, message: string): void {
		this.problems.push({path, message, severity: 'error'});
	}

	private need(path: FieldPath, name: string, set: Set<string>, what: string): void {
		if (!set.has(name)) this.fail(path, `'${name}' is not ${what} in the lab's network (known: ${listNames([...set])})`);
	}

	/** An IP, a DNS name, an object with an address, or a PaaS resource (traced by its usual DNS name, as on the command line). */
	private target(path: FieldPath, to: string): void {
		if (isIpv4Address(to) || this.union.addressed.has(to) || this.union.resources.has(to)) return;
		if (looksLikeDnsName.test(to) && !/^\d+(\.\d+)*$/.test(to)) return;
		this.fail(path, `'${to}' is neither an IPv4 address, a DNS name nor an object with an address (known: ${listNames([...this.union.addressed])})`);
	}

	trace(path: FieldPath, query: TraceQuery): void {
		this.need([...path, 'from'], query.from, this.union.senders, 'a network interface, an on-premises host or an Internet host');
		this.target([...path, 'to'], query.to);
	}

	route(path: FieldPath, query: RouteQuery): void {
		this.need([...path, 'nic'], query.nic, this.union.nics, 'a network interface');
		this.target([...path, 'destination'], query.destination);
	}

	dns(path: FieldPath, query: DnsQuery): void {
		this.need([...path, 'from'], query.from, this.union.senders, 'a network interface, an on-premises host or an Internet host');
	}

	object(path: FieldPath, name: string): void {
		if (isIpv4Address(name)) return;
		this.need(path, name, this.union.objects, 'an object');
	}
}

/** Checks every name; returns the indexes of the objectives that name something missing. */
function checkNames(lab: Lab, names: NameChecker): Set<number> {
	const broken = new Set<number>();
	lab.objectives.forEach((objective, i) => {
		const before = names.count;
		const at: FieldPath = ['objectives', i];
		if ('predict' in objective) {
			const {predict} = objective;
			if (predict.trace) names.trace([...at, 'predict', 'trace'], predict.trace);
			if (predict.route) names.route([...at, 'predict', 'route'], predict.route);
			if (predict.dns) names.dns([...at, 'predict', 'dns'], predict.dns);
		} else if ('trace' in objective) {
			names.trace([...at, 'trace'], objective.trace);
			objective.expect.via?.forEach((name, j) => names.object([...at, 'expect', 'via', j], name));
			objective.expect.notVia?.forEach((name, j) => names.object([...at, 'expect', 'notVia', j], name));
		} else if ('route' in objective) {
			names.route([...at, 'route'], objective.route);
		} else {
			names.dns([...at, 'dns'], objective.dns);
		}

		if (names.count > before) broken.add(i);
	});
	lab.hints.forEach((hint, i) => hint.refs.forEach((ref, j) => names.object(['hints', i, 'refs', j], ref)));
	lab.suggestedTraces.forEach((suggested, i) => names.trace(['suggestedTraces', i], suggested));
	return broken;
}

/** `route.nextHopIpAddress` → ['route', 'nextHopIpAddress']; `rules[1].targets` → ['rules', 1, 'targets']. */
export function editFieldPath(field: string): FieldPath {
	const path: Array<string | number> = [];
	for (const part of field.split('.')) {
		const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
		if (!match) {
			path.push(part);
			continue;
		}

		if (match[1]) path.push(match[1]);
		for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
	}

	return path.filter((p) => p !== '');
}

function opOf(edit: unknown): string {
	return typeof edit === 'object' && edit !== null && typeof (edit as {op?: unknown}).op === 'string' ? (edit as {op: string}).op : 'edit';
}

/** Applies each solution; returns the end states of those that apply. */
function applySolutions(lab: Lab, problems: LabProblem[]): Array<{index: number; state: State}> {
	const ends: Array<{index: number; state: State}> = [];
	lab.solutions.forEach((solution, i) => {
		const result = applyEdits(lab.topology, solution.edits, {allowedOps: lab.allowedEdits});
		for (const warning of result.warnings) {
			problems.push({path: ['solutions', i, 'edits', warning.index], message: `solution ${i + 1}, edit ${warning.index + 1} (${opOf(solution.edits[warning.index])}): ${warning.message}`, severity: 'warning'});
		}

		if (!result.ok) {
			const edit = solution.edits[result.index];
			for (const error of result.errors) {
				problems.push({
					path: ['solutions', i, 'edits', result.index, ...editFieldPath(error.field)],
					message: `solution ${i + 1} does not apply: edit ${result.index + 1} (${opOf(edit)}) is rejected: ${error.message}`,
					severity: 'error',
				});
			}

			return;
		}

		try {
			ends.push({index: i, state: {label: `after solution ${i + 1}`, topology: result.topology, network: buildNetwork(result.topology)}});
		} catch (error) {
			problems.push({path: ['solutions', i], message: `solution ${i + 1} leaves a network that cannot be built: ${(error as Error).message}`, severity: 'error'});
		}
	});
	return ends;
}

function checkIds(lab: Lab, problems: LabProblem[]): void {
	const seen = new Map<string, number>();
	lab.objectives.forEach((objective, i) => {
		const first = seen.get(objective.id);
		if (first === undefined) seen.set(objective.id, i);
		else problems.push({path: ['objectives', i, 'id'], message: `id '${objective.id}' is already used by objectives[${first}]: objective ids must be unique`, severity: 'error'});
	});
	const predicts = new Set(lab.objectives.filter((o) => 'predict' in o).map((o) => o.id));
	lab.solutions.forEach((solution, i) => {
		for (const key of Object.keys(solution.answers)) {
			if (!predicts.has(key)) {
				const known = predicts.size > 0 ? `the predict objectives are ${[...predicts].join(', ')}` : 'the lab has no predict objective';
				problems.push({path: ['solutions', i, 'answers', key], at: 'key', message: `'${key}' is not a predict objective (${known})`, severity: 'error'});
			}
		}
	});
}

function checkStart(lab: Lab, start: State, skip: ReadonlySet<number>, problems: LabProblem[]): void {
	const statuses = evaluateObjectives(start.topology, lab.objectives, {});
	const goals = statuses.filter((s) => !s.holds);
	if (goals.length === 0) {
		problems.push({path: ['objectives'], message: 'every objective is holds: a lab needs at least one goal the learner has to reach', severity: 'error'});
	} else if (goals.every((s) => s.passed)) {
		problems.push({path: ['objectives'], message: 'the lab is already solved at the start: every objective that is not holds passes before any edit', severity: 'error'});
	}

	statuses.forEach((status, i) => {
		if (status.holds && !status.passed && !skip.has(i)) {
			problems.push({path: ['objectives', i], message: `holds objective '${status.id}' fails at the start: ${status.reason ?? 'it fails'}`, severity: 'error'});
		}
	});
}

function checkSolutions(lab: Lab, ends: ReadonlyArray<{index: number; state: State}>, skip: ReadonlySet<number>, problems: LabProblem[]): void {
	for (const {index, state} of ends) {
		const statuses = evaluateObjectives(state.topology, lab.objectives, lab.solutions[index]!.answers);
		for (const [i, status] of statuses.entries()) {
			if (status.passed || skip.has(i)) continue;
			const what = status.holds ? `breaks holds objective '${status.id}'` : `does not pass objective '${status.id}'`;
			problems.push({path: ['solutions', index], message: `solution ${index + 1} ${what}: ${status.reason ?? 'it fails'}`, severity: 'error'});
		}
	}
}

/**
 * Exactly one choice right, in every state the lab checks (each problem reported once, for the
 * first state that shows it); a warning when the right answer changes. Returns the indexes of
 * the predictions with a problem.
 */
function checkPredictions(lab: Lab, states: readonly State[], problems: LabProblem[]): Set<number> {
	const broken = new Set<number>();
	lab.objectives.forEach((objective: Objective, i) => {
		if (!('predict' in objective)) return;
		const reported = new Set<string>();
		const report = (key: string, problem: LabProblem) => {
			if (problem.severity === 'error') broken.add(i);
			if (reported.has(key)) return;
			reported.add(key);
			problems.push(problem);
		};

		const answers: Array<{label: string; answer: string}> = [];
		for (const state of states) {
			const engine = predictAnswer(state.network, objective);
			if (!engine.ok) {
				report(`cannot:${engine.reason}`, {path: ['objectives', i, 'predict'], message: `cannot be answered ${state.label}: ${engine.reason}`, severity: 'error'});
				continue;
			}

			answers.push({label: state.label, answer: engine.answer});
			const right = objective.choices.filter((choice) => normalizeAnswer(choice) === normalizeAnswer(engine.answer));
			if (right.length === 0) {
				report(`none:${normalizeAnswer(engine.answer)}`, {path: ['objectives', i, 'choices'], message: `no choice is right ${state.label}: the network's answer is '${engine.answer}'`, severity: 'error'});
			} else if (right.length > 1) {
				report(`many:${right.join()}`, {path: ['objectives', i, 'choices'], message: `${right.length} choices are right ${state.label} (${right.join(', ')}): exactly one must be`, severity: 'error'});
			}
		}

		const first = answers[0];
		const changed = answers.find((a) => normalizeAnswer(a.answer) !== normalizeAnswer(first?.answer ?? ''));
		if (first && changed) {
			report('changes', {
				path: ['objectives', i],
				message: `the right answer changes from '${first.answer}' ${first.label} to '${changed.answer}' ${changed.label}: an answer given early goes stale`,
				severity: 'warning',
			});
		}
	});
	return broken;
}

/** Every semantic problem of a lab whose file passed the schema and whose topology loaded. */
export function checkLab(lab: Lab): LabProblem[] {
	const problems: LabProblem[] = [];
	let start: State;
	try {
		start = {label: 'at the start', topology: lab.topology, network: buildNetwork(lab.topology)};
	} catch (error) {
		return [{path: ['topology'], message: `the network cannot be built: ${(error as Error).message}`, severity: 'error'}];
	}

	checkIds(lab, problems);
	const ends = applySolutions(lab, problems);
	const states = [start, ...ends.map((e) => e.state)];
	// An objective that names something missing, or a question without one right choice, is
	// reported once for that; its failures at the start or after a solution would only repeat it.
	const skip = new Set([...checkNames(lab, new NameChecker(states, problems)), ...checkPredictions(lab, states, problems)]);
	checkStart(lab, start, skip, problems);
	checkSolutions(lab, ends, skip, problems);
	return problems;
}

