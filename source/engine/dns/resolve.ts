/**
 * Recursive resolution: how one DNS server (Azure DNS as seen from a VNet, an on-premises DNS
 * server, or a public resolver) answers a name, chasing CNAMEs and following forwarders.
 *
 * The server that receives a query resolves it completely: each CNAME target is looked up again
 * by that same server, so its private zones and forwarders apply to the target too. A server
 * that forwards a query takes the other server's whole answer as it is, and so does an on-premises
 * server resolving on the Internet (the public chain arrives whole).
 */
import type {Network} from '../network.js';
import type {DnsAnswer, DnsOrigin, Resolution} from '../results.js';
import type {DnsRecord} from '../topology.js';
import {isWildcardRule, matchingRule, reservedAzureDomain, ruleDomainLabel, rulesetRules, siteForwarders, type ForwardingRule} from './forwarding.js';
import {isPrivateLinkZone, linkedZoneFor, recordsFor, zoneLabel} from './private-zones.js';
import {normalizeName} from './names.js';
import {publicRecord} from './public-dns.js';
import {dnsServerAt, type DnsServer, type Vantage} from './servers.js';

/** A CNAME chain longer than this is treated as a loop. */
export const maxCnames = 8;
/** More forwarding hops than this (conditional forwarders and ruleset rules) is treated as a loop. */
export const maxForwards = 8;

/** The server doing the recursion. */
export type DnsContext =
	/** Azure DNS (168.63.129.16) as seen from a VNet: linked private zones, then linked rulesets, then public DNS. */
	| {kind: 'azure-dns'; vnet: string}
	/** An on-premises DNS server: its conditional forwarders, then public DNS. */
	| {kind: 'on-premises'; localNetwork: string}
	/** A resolver on the Internet: public DNS only. */
	| {kind: 'public'};

type Outcome = {answers: DnsAnswer[]; result: Resolution['result']; ip?: string};

type State = {
	network: Network;
	steps: string[];
	cnames: number;
	forwards: number;
	/** Whether a forwarded query reaches its target (see DnsReach in engine/dns.ts); unchecked without it. */
	reach?: (serverIp: string, from: Vantage) => string | undefined;
};

type Lookup =
	| {kind: 'record'; record: Pick<DnsRecord, 'type' | 'value'>; origin: DnsOrigin}
	| {kind: 'nxdomain'}
	| {kind: 'no-answer'}
	/** Another server answered the whole query; its chain is final. */
	| {kind: 'forwarded'; outcome: Outcome};

function contextOf(server: Exclude<DnsServer, {kind: 'none'}>): DnsContext {
	return server.kind === 'azure-dns' ? {kind: 'azure-dns', vnet: server.vnet} : {kind: 'on-premises', localNetwork: server.localNetwork};
}

/**
 * Public DNS: the derived table (design 2); a name it does not hold does not exist.
 * `lead` says why a server asked it; without one the step reads as public DNS answering directly.
 */
function lookupPublic(state: State, name: string, lead?: string): Lookup {
	const record = publicRecord(state.network, name);
	const opening = lead ? `${lead}, so it asks public DNS:` : `Public DNS, ${name}:`;
	if (!record) {
		state.steps.push(`${opening} no such name, NXDOMAIN.`);
		return {kind: 'nxdomain'};
	}

	state.steps.push(`${opening} ${record.type} ${record.value} (${record.note}).`);
	return {kind: 'record', record, origin: {kind: 'public'}};
}

/** S-RESOLVER steps 3-9: linked private zones first, then linked forwarding rulesets, then public DNS. */
function lookupAzureDns(state: State, vnet: string, name: string): Lookup {
	const who = `Azure DNS in ${vnet}`;
	// S-RESOLVER step 3 / S-DNSLINK: only zones linked to this VNet are consulted; the most specific one holds the name.
	const linked = linkedZoneFor(state.network, vnet, name);
	if (linked) {
		const records = recordsFor(state.network, linked, name);
		const where = `zone ${zoneLabel(linked.zone)} (linked to ${vnet} by ${linked.link.name})`;
		const origin: DnsOrigin = {kind: 'private-zone', zone: zoneLabel(linked.zone), link: linked.link.name};
		// A CNAME owns its name; otherwise the first A record answers.
		const record = records.find((candidate) => candidate.type === 'CNAME') ?? records.find((candidate) => candidate.type === 'A');
		if (record) {
			state.steps.push(`${who}: ${name} is in ${where}: ${record.type} ${record.value}.`);
			return {kind: 'record', record, origin};
		}

		// The zone's apex always exists (it holds the SOA): no A record there is an empty answer, not NXDOMAIN.
		if (name === linked.name) {
			state.steps.push(`${who}: ${name} is the apex of ${where}, which exists but has no A record: no answer.`);
			return {kind: 'no-answer'};
		}

		// S-NXR: NxDomainRedirect makes Azure DNS fall back to public resolution, for privatelink zones only.
		if (linked.link.resolutionPolicy === 'NxDomainRedirect' && isPrivateLinkZone(linked.name)) {
			return lookupPublic(state, name, `${who}: ${where} has no record for ${name}, but the link's resolution policy is NxDomainRedirect`);
		}

		// S-PEDNS / S-STPE known issue: a linked zone answers for every name under it, so a missing record is NXDOMAIN.
		const ignored = linked.link.resolutionPolicy === 'NxDomainRedirect' ? ' (NxDomainRedirect only applies to privatelink zones)' : '';
		state.steps.push(`${who}: ${where} has no record for ${name}, and a linked zone answers for every name under it: NXDOMAIN${ignored}.`);
		return {kind: 'nxdomain'};
	}

	// S-RESOLVER steps 4-8: forwarding rulesets linked to the VNet, longest suffix first.
	const rule = matchingRule(rulesetRules(state.network, vnet), name);
	if (rule) {
		// Docs (private-resolver-endpoints-rulesets, rule processing): a wildcard rule ignores domains reserved for Azure services.
		const reserved = isWildcardRule(rule) ? reservedAzureDomain(name) : undefined;
		if (reserved === undefined) return forward(state, rule, name, `${who}: no private zone linked to ${vnet} covers ${name}; ${rule.owner} forwards it`);
		// As if no rule matched (only the wildcard does): Azure DNS resolves the name itself; linked zones were consulted above.
		return lookupPublic(state, name,
			`${who}: no private zone linked to ${vnet} covers ${name}, and ${rule.owner} does not apply: a wildcard rule ignores names under ${reserved}, a domain reserved for Azure services`);
	}

	// S-RESOLVER steps 5 and 9: otherwise Azure DNS resolves the name publicly.
	const rules = rulesetRules(state.network, vnet).size > 0 ? ' and no forwarding rule matches it' : '';
	return lookupPublic(state, name, `${who}: no private zone linked to ${vnet} covers ${name}${rules}`);
}

/** An on-premises DNS server: its conditional forwarders (longest suffix), else public DNS (S-PEDNSI). */
function lookupOnPremises(state: State, localNetwork: string, name: string): Lookup {
	const who = `${localNetwork}'s DNS server`;
	const rule = matchingRule(siteForwarders(state.network, localNetwork), name);
	if (rule) return forward(state, rule, name, `${who}: ${rule.owner} forwards ${name}`);
	// Resolved on the Internet, the whole CNAME chain comes back from the public servers in one answer, so a
	// forwarder for the privatelink name never sees the target: forward the public zone instead (S-PEDNSI).
	const privatelink = [...siteForwarders(state.network, localNetwork).keys()].find((domain) => domain.startsWith('privatelink.') && name.endsWith(`.${domain.slice('privatelink.'.length)}`));
	const unused = privatelink
		? ` Its forwarder for ${privatelink} is not used: the chain comes back whole from the Internet, so ${privatelink} is never asked on its own. Forward the public zone ${privatelink.slice('privatelink.'.length)} instead, as the docs advise.`
		: '';
	state.steps.push(`${who}: no conditional forwarder covers ${name}, so it resolves the name on the Internet and takes the public answer chain as it comes back.${unused}`);
	return {kind: 'forwarded', outcome: recurse(state, {kind: 'public'}, name)};
}

/** Note that the answers came through a forwarder (the outermost first). */
function throughForwarder(answers: readonly DnsAnswer[], forwarder: string): DnsAnswer[] {
	return answers.map((answer) => ({
		...answer,
		origin: {
			...answer.origin,
			kind: 'forwarder',
			forwarder: answer.origin.forwarder ? `${forwarder}, then ${answer.origin.forwarder}` : forwarder,
		},
	}));
}

/** Send the query to another server; that server resolves it completely. */
function sendTo(state: State, ip: string, from: Vantage, name: string, forwarder: string): Lookup {
	state.forwards++;
	if (state.forwards > maxForwards) {
		state.steps.push(`The query has been forwarded more than ${maxForwards} times: a forwarding loop; giving up with no answer.`);
		return {kind: 'no-answer'};
	}

	const server = dnsServerAt(state.network, ip, from);
	state.steps.push(`${capitalise(server.description)}.`);
	if (server.kind === 'none') return {kind: 'no-answer'};
	// A forwarder target is reached like any address: an on-premises server needs the VPN or ExpressRoute path to it (S-PEDNSI).
	const blocked = state.reach?.(ip, from);
	if (blocked !== undefined) {
		state.steps.push(`The forwarded query to ${ip} (UDP 53) never gets there: ${blocked}. It times out.`);
		return {kind: 'no-answer'};
	}

	const outcome = recurse(state, contextOf(server), name);
	return {kind: 'forwarded', outcome: {...outcome, answers: throughForwarder(outcome.answers, forwarder)}};
}

/** Forward by a rule; `lead` says which rule forwards what (`...; the rule for D in ruleset R forwards it`). */
function forward(state: State, rule: ForwardingRule, name: string, lead: string): Lookup {
	const target = rule.targets[0];
	const domain = ruleDomainLabel(rule);
	if (target === undefined) {
		state.steps.push(`${lead} to no target: no answer.`);
		return {kind: 'no-answer'};
	}

	state.steps.push(`${lead} to ${target}.`);
	return sendTo(state, target, rule.sender, name, `${domain} → ${target}`);
}

function lookup(state: State, context: DnsContext, name: string): Lookup {
	switch (context.kind) {
		case 'azure-dns':
			return lookupAzureDns(state, context.vnet, name);
		case 'on-premises':
			return lookupOnPremises(state, context.localNetwork, name);
		case 'public':
			return lookupPublic(state, name);
	}
}

/** Resolve a name completely at one server: look it up, chase CNAMEs there, stop at an A record or a failure. */
function recurse(state: State, context: DnsContext, name: string): Outcome {
	const answers: DnsAnswer[] = [];
	let current = name;
	for (;;) {
		const found = lookup(state, context, current);
		switch (found.kind) {
			case 'forwarded':
				return {...found.outcome, answers: [...answers, ...found.outcome.answers]};
			case 'nxdomain':
			case 'no-answer':
				return {answers, result: found.kind};
			case 'record':
				break;
		}

		if (found.record.type === 'A') {
			answers.push({name: current, type: 'A', value: found.record.value, origin: found.origin});
			return {answers, result: 'ip', ip: found.record.value};
		}

		const target = normalizeName(found.record.value);
		answers.push({name: current, type: 'CNAME', value: target, origin: found.origin});
		// Loop guard (design: a resolution never runs forever): a long chain is a CNAME loop.
		state.cnames++;
		if (state.cnames > maxCnames) {
			state.steps.push(`The CNAME chain is longer than ${maxCnames} names: a loop; giving up with no answer.`);
			return {answers, result: 'no-answer'};
		}

		current = target;
	}
}

/** The first letter in upper case, for a description that starts a step. */
export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a client's query goes first: a server that resolves it, or nobody. */
export type FirstServer =
	| {kind: 'context'; context: DnsContext; /** Set when that server is a custom DNS server standing between client and resolver. */ forwarder?: string}
	| {kind: 'none'};

/** Resolve `name` (already normalised) for a client whose first server is given; `steps` begin with `intro`. */
export function resolveFrom(network: Network, first: FirstServer, name: string, from: string, intro: readonly string[], reach?: State['reach']): Resolution {
	const state: State = {network, steps: [...intro], cnames: 0, forwards: 0, ...(reach ? {reach} : {})};
	let outcome: Outcome;
	if (first.kind === 'none') {
		outcome = {answers: [], result: 'no-answer'};
	} else if (name === '') {
		state.steps.push('An empty name does not exist: NXDOMAIN.');
		outcome = {answers: [], result: 'nxdomain'};
	} else {
		outcome = recurse(state, first.context, name);
		if (first.forwarder) outcome = {...outcome, answers: throughForwarder(outcome.answers, first.forwarder)};
	}

	const resolution: Resolution = {name, from, answers: outcome.answers, result: outcome.result, steps: state.steps};
	if (outcome.ip !== undefined) resolution.ip = outcome.ip;
	return resolution;
}

/** The server a DNS server description stands for, as the first server of a client. */
export function firstServerOf(server: DnsServer, forwarder?: string): FirstServer {
	if (server.kind === 'none') return {kind: 'none'};
	const first: FirstServer = {kind: 'context', context: contextOf(server)};
	if (forwarder) first.forwarder = forwarder;
	return first;
}
