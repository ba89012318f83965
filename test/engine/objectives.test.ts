/**
 * Objectives over the engine's answers: each kind passing and failing with the reason a
 * learner reads, predictions in their canonical answer forms, holds, and queries that name
 * objects the network does not have (a failing status, never a throw).
 */
import test from 'ava';
import type {Objective, PredictObjective} from '../../source/engine/lab.js';
import {buildNetwork} from '../../source/engine/network.js';
import {evaluateObjective, evaluateObjectives, normalizeAnswer, objectiveKind, predictAnswer} from '../../source/engine/objectives.js';
import {loadFixture} from '../helpers/fixtures.js';

const topology = loadFixture('objectives.yaml');
const network = buildNetwork(topology);

/** An objective without its id and text (kept per kind: Omit over the union would merge them). */
type Body<O = Objective> = O extends Objective ? Omit<O, 'id' | 'text'> : never;

function status(objective: Body, answers: Record<string, string> = {}) {
	return evaluateObjective(network, {id: 'o', text: 'an objective', ...objective} as Objective, answers);
}

// Trace objectives

test('trace: a delivered packet passes result, via and notVia', (t) => {
	const result = status({trace: {from: 'vm-app', to: 'vm-web'}, expect: {result: 'delivered', via: ['vm-web'], notVia: ['nva']}});
	t.like(result, {id: 'o', kind: 'trace', holds: false, passed: true});
	t.is(result.reason, undefined);
});

test('trace: a drop is reported where it happened, with its reason code and detail', (t) => {
	const result = status({trace: {from: 'vm-web', to: 'vm-app'}, expect: {result: 'delivered'}});
	t.false(result.passed);
	t.regex(result.reason!, /^the packet was dropped at nva: ip-forwarding-disabled \(nva received a packet for 10\.0\.2\.4.*IP forwarding is off on the NIC.*\); expected delivered$/);
});

test('trace: the drop reason must match too', (t) => {
	t.true(status({trace: {from: 'vm-web', to: 'vm-app'}, expect: {result: 'dropped', reason: 'ip-forwarding-disabled'}}).passed);
	const wrong = status({trace: {from: 'vm-web', to: 'vm-app'}, expect: {result: 'dropped', reason: 'nsg-denied'}});
	t.false(wrong.passed);
	t.regex(wrong.reason!, /dropped at nva: ip-forwarding-disabled .*; expected the drop reason nsg-denied$/);
	const delivered = status({trace: {from: 'vm-app', to: 'vm-web'}, expect: {result: 'dropped', reason: 'nsg-denied'}});
	t.is(delivered.reason, 'the packet was delivered to vm-web (it saw the source 10.0.2.4); expected dropped (nsg-denied)');
});

test('trace: via is an ordered list of hop names (or the destination)', (t) => {
	t.true(status({trace: {from: 'vm-web', to: 'vm-app'}, expect: {via: ['vm-web', 'nva']}}).passed);
	const reversed = status({trace: {from: 'vm-web', to: 'vm-app'}, expect: {via: ['nva', 'vm-web']}});
	t.is(reversed.reason, 'expected the packet to pass nva, then vm-web, but it went vm-web → nva and was dropped there (ip-forwarding-disabled)');
	// An Internet host is the destination, not a hop name (the hop is its IP).
	t.true(status({trace: {from: 'vm-web', to: 'www.example.com'}, expect: {via: ['example-web']}}).passed);
});

test('trace: notVia fails when the packet passes the object', (t) => {
	const result = status({trace: {from: 'vm-web', to: 'vm-app'}, expect: {notVia: ['nva']}});
	t.is(result.reason, 'the packet passed nva (vm-web → nva), and it should not');
});

test('trace: path and sourceIpSeen over a service endpoint', (t) => {
	const query = {from: 'vm-app', to: 'stdata.blob.core.windows.net'};
	t.true(status({trace: query, expect: {result: 'delivered', path: 'service-endpoint', sourceIpSeen: '10.0.2.4'}}).passed);
	t.true(status({trace: query, expect: {sourceIpSeen: 'private'}}).passed);
	const publicSource = status({trace: query, expect: {sourceIpSeen: 'public'}});
	t.is(publicSource.reason, 'stdata saw the source 10.0.2.4; expected a public address');
	const wrongPath = status({trace: query, expect: {path: 'private-endpoint'}});
	t.is(wrongPath.reason, 'the packet did not travel over a private-endpoint path (it went over service-endpoint: vm-app → hub/app → stdata)');
});

test('trace: the NAT gateway address is what the Internet sees', (t) => {
	const query = {from: 'vm-web', to: 'www.example.com'};
	t.true(status({trace: query, expect: {result: 'delivered', sourceIpSeen: '20.50.0.10'}}).passed);
	t.true(status({trace: query, expect: {sourceIpSeen: 'public'}}).passed);
	t.is(status({trace: query, expect: {sourceIpSeen: 'private'}}).reason, 'example-web saw the source 20.50.0.10; expected a private address');
});

test('trace: a same-region Storage account sees a private Azure address: private, never the sender\'s own IP', (t) => {
	// docs (Azure Storage firewalls and virtual networks): requests from the account's own region come from private Azure addresses, not which ones.
	const hub = buildNetwork(loadFixture('trace-private-access.yaml'));
	const query = {from: 'vm-app', to: '52.239.10.20'};
	const check = (expect: {sourceIpSeen: string}) => evaluateObjective(hub, {id: 'o', text: 'o', trace: query, expect} as Objective, {});
	t.true(check({sourceIpSeen: 'private'}).passed);
	t.is(check({sourceIpSeen: 'public'}).reason, 'stcontoso saw the source a private Azure address (the docs do not say which); expected a public address');
	t.false(check({sourceIpSeen: '10.0.1.4'}).passed);
});

test('trace: a dropped packet has no source seen', (t) => {
	const result = status({trace: {from: 'vm-web', to: 'stdata.blob.core.windows.net'}, expect: {sourceIpSeen: '20.50.0.10'}});
	t.regex(result.reason!, /^the packet was dropped at stdata: firewall-denied .*, so nothing saw its source address; expected 20\.50\.0\.10$/);
});

test('trace: several failing expectations are all reported', (t) => {
	const result = status({trace: {from: 'vm-app', to: 'stblob.blob.core.windows.net'}, expect: {path: 'service-endpoint', notVia: ['pe-blob']}});
	t.is(
		result.reason,
		'the packet did not travel over a service-endpoint path (it went over private-endpoint: vm-app → pe-blob → stblob); the packet passed pe-blob (vm-app → pe-blob → stblob), and it should not',
	);
});

test('trace: a source or destination that does not exist is a failing status, not a throw', (t) => {
	const source = status({trace: {from: 'vm-gone', to: 'vm-app'}, expect: {result: 'delivered'}});
	t.false(source.passed);
	t.regex(source.reason!, /^cannot be checked: unknown source 'vm-gone'/);
	const destination = status({trace: {from: 'vm-app', to: 'ghost'}, expect: {result: 'delivered'}});
	t.regex(destination.reason!, /^cannot be checked: unknown destination 'ghost'/);
});

// Route objectives

test('route: the next hop type and IP of the matching route', (t) => {
	t.true(status({route: {nic: 'vm-web', destination: '10.0.2.4'}, expect: {nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4'}}).passed);
	// A destination may be an object with an address.
	t.true(status({route: {nic: 'vm-web', destination: 'vm-app'}, expect: {nextHopType: 'VirtualAppliance'}}).passed);
	const wrong = status({route: {nic: 'vm-web', destination: '10.0.2.4'}, expect: {nextHopType: 'Internet'}});
	t.is(wrong.reason, 'next hop is VirtualAppliance 10.0.3.4 (route app-via-nva of rt-web, 10.0.2.0/24), expected Internet');
	const system = status({route: {nic: 'vm-app', destination: '172.16.0.1'}, expect: {nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4'}});
	t.is(system.reason, 'next hop is None (a system route, 172.16.0.0/12), expected VirtualAppliance 10.0.3.4');
	const ip = status({route: {nic: 'vm-web', destination: '10.0.2.4'}, expect: {nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.5'}});
	t.is(ip.reason, 'next hop is VirtualAppliance 10.0.3.4 (route app-via-nva of rt-web, 10.0.2.0/24), expected VirtualAppliance 10.0.3.5');
});

test('route: an unknown NIC or destination fails with the reason', (t) => {
	t.is(status({route: {nic: 'nic-gone', destination: '10.0.2.4'}, expect: {nextHopType: 'VnetLocal'}}).reason, "cannot be checked: there is no network interface 'nic-gone'");
	t.is(status({route: {nic: 'vm-web', destination: 'ghost'}, expect: {nextHopType: 'VnetLocal'}}).reason, "cannot be checked: 'ghost' is neither an IPv4 address nor an object with one");
});

// DNS objectives

test('dns: result, ip and private', (t) => {
	const query = {from: 'vm-app', name: 'stblob.blob.core.windows.net'};
	t.true(status({dns: query, expect: {result: 'ip', ip: '10.0.4.4', private: true}}).passed);
	t.is(
		status({dns: query, expect: {private: false}}).reason,
		'stblob.blob.core.windows.net resolves to 10.0.4.4 for vm-app (answered by private zone privatelink.blob.core.windows.net), a private address; expected a public one',
	);
	// From the Internet the public chain ends at the public address.
	t.true(status({dns: {from: 'example-web', name: 'stblob.blob.core.windows.net'}, expect: {ip: '52.239.2.10', private: false}}).passed);
});

test('dns: NXDOMAIN against an expected address', (t) => {
	const query = {from: 'vm-app', name: 'nosuch.blob.core.windows.net'};
	t.true(status({dns: query, expect: {result: 'nxdomain'}}).passed);
	t.is(status({dns: query, expect: {ip: '10.0.4.4'}}).reason, 'nosuch.blob.core.windows.net does not exist for vm-app (NXDOMAIN); expected 10.0.4.4');
	t.is(status({dns: query, expect: {result: 'ip'}}).reason, 'nosuch.blob.core.windows.net does not exist for vm-app (NXDOMAIN); expected an IP address');
	t.regex(status({dns: {from: 'nobody', name: 'x.example.com'}, expect: {result: 'ip'}}).reason!, /^cannot be checked: unknown DNS client 'nobody'/);
});

// Predictions

function predict(ask: PredictObjective['predict']['ask'], query: Omit<PredictObjective['predict'], 'ask'>, choices: string[] = ['a', 'b']): PredictObjective {
	return {id: 'p', text: 'a question', predict: {ask, ...query}, choices};
}

test('predict answers: verdict is the result word, or dropped: <reason>', (t) => {
	t.deepEqual(predictAnswer(network, predict('verdict', {trace: {from: 'vm-app', to: 'vm-web'}})), {ok: true, answer: 'delivered'});
	t.deepEqual(predictAnswer(network, predict('verdict', {trace: {from: 'vm-web', to: '8.8.8.8'}})), {ok: true, answer: 'exited'});
	t.deepEqual(predictAnswer(network, predict('verdict', {trace: {from: 'vm-web', to: 'vm-app'}})), {ok: true, answer: 'dropped: ip-forwarding-disabled'});
	t.deepEqual(predictAnswer(network, predict('verdict', {trace: {from: 'vm-app', to: '8.8.8.8'}})), {ok: true, answer: 'dropped: no-outbound-access'});
});

test('predict answers: next-hop-type, next-hop with and without an IP, dns-answer', (t) => {
	t.deepEqual(predictAnswer(network, predict('next-hop-type', {route: {nic: 'vm-web', destination: '10.0.2.4'}})), {ok: true, answer: 'VirtualAppliance'});
	t.deepEqual(predictAnswer(network, predict('next-hop', {route: {nic: 'vm-web', destination: '10.0.2.4'}})), {ok: true, answer: 'VirtualAppliance 10.0.3.4'});
	t.deepEqual(predictAnswer(network, predict('next-hop', {route: {nic: 'vm-app', destination: '10.0.1.4'}})), {ok: true, answer: 'VnetLocal'});
	t.deepEqual(predictAnswer(network, predict('next-hop-type', {route: {nic: 'vm-app', destination: '10.99.0.1'}})), {ok: true, answer: 'None'});
	t.deepEqual(predictAnswer(network, predict('dns-answer', {dns: {from: 'vm-app', name: 'stblob.blob.core.windows.net'}})), {ok: true, answer: '10.0.4.4'});
	t.deepEqual(predictAnswer(network, predict('dns-answer', {dns: {from: 'vm-app', name: 'nosuch.blob.core.windows.net'}})), {ok: true, answer: 'NXDOMAIN'});
});

test('predict answers: a question the network cannot answer', (t) => {
	t.deepEqual(predictAnswer(network, predict('verdict', {trace: {from: 'vm-gone', to: 'vm-app'}})), {
		ok: false,
		reason: "unknown source 'vm-gone': give a network interface, an on-premises host or an Internet host name",
	});
	t.deepEqual(predictAnswer(network, predict('verdict', {route: {nic: 'vm-app', destination: '10.0.1.4'}})), {ok: false, reason: 'a verdict question needs a trace: {from, to}'});
});

test('predict: passes when the answer is the right choice, compared case- and space-insensitively', (t) => {
	const question = predict('verdict', {trace: {from: 'vm-web', to: 'vm-app'}}, ['delivered', 'dropped: ip-forwarding-disabled', 'dropped: next-hop-none']);
	const right = evaluateObjective(network, question, {p: 'DROPPED:ip-forwarding-disabled'});
	t.like(right, {kind: 'predict', passed: true, answer: 'DROPPED:ip-forwarding-disabled'});
	const wrong = evaluateObjective(network, question, {p: 'delivered'});
	t.is(wrong.reason, "'delivered' is not what the network does: trace vm-web → vm-app and read the verdict");
	t.is(evaluateObjective(network, question, {p: 'lost'}).reason, "'lost' is not one of the choices: delivered, dropped: ip-forwarding-disabled, dropped: next-hop-none");
	const unanswered = evaluateObjective(network, question, {});
	t.is(unanswered.reason, 'not answered yet: choose one of delivered, dropped: ip-forwarding-disabled, dropped: next-hop-none');
	t.is(unanswered.answer, undefined);
});

test('predict: a wrong route answer says where to look', (t) => {
	const question = predict('next-hop-type', {route: {nic: 'vm-web', destination: '10.0.2.4'}}, ['VirtualAppliance', 'VnetLocal']);
	t.is(evaluateObjective(network, question, {p: 'VnetLocal'}).reason, "'VnetLocal' is not what the network does: look at vm-web's effective routes: which one matches 10.0.2.4, by longest prefix?");
	t.true(evaluateObjective(network, question, {p: 'virtualappliance'}).passed);
});

test('normalizeAnswer ignores case and the spacing around a colon', (t) => {
	t.is(normalizeAnswer('  Dropped :  Next-Hop-None '), 'dropped: next-hop-none');
	t.is(normalizeAnswer('VirtualAppliance   10.0.3.4'), 'virtualappliance 10.0.3.4');
});

// Holds and lists

test('evaluateObjectives keeps the order, marks holds and builds the network once', (t) => {
	const objectives: Objective[] = [
		{id: 'goal', text: 'web reaches app', trace: {from: 'vm-web', to: 'vm-app'}, expect: {result: 'delivered'}},
		{id: 'keep', text: 'app reaches web', holds: true, trace: {from: 'vm-app', to: 'vm-web'}, expect: {result: 'delivered'}},
		{id: 'ask', text: 'a question', predict: {ask: 'dns-answer', dns: {from: 'vm-app', name: 'stblob.blob.core.windows.net'}}, choices: ['10.0.4.4', '52.239.2.10']},
	];
	const statuses = evaluateObjectives(topology, objectives, {ask: '10.0.4.4'});
	t.deepEqual(
		statuses.map((s) => [s.id, s.kind, s.holds, s.passed]),
		[
			['goal', 'trace', false, false],
			['keep', 'trace', true, true],
			['ask', 'predict', false, true],
		],
	);
	t.is(objectiveKind(objectives[2]!), 'predict');
});
