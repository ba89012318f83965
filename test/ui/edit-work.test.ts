/**
 * A lab's work (source/ui/lab-work.ts) without the screens: applying saves the edit records
 * with the lab hash; a rejected edit changes nothing; undo replays the others; reset; what a
 * change did (objectives, routes, the traced packet); replay on open; a changed lab waits for
 * replay or restart. One LabWork per session and lab.
 */
import test from 'ava';
import {emptyProgress} from '../../source/ui/progress-data.js';
import {memoryProgress} from '../../source/ui/progress.js';
import {existingLabWork, LabWork, labWorkFor} from '../../source/ui/lab-work.js';
import {shippedLab} from './helpers/edit-labs.js';

const nva = shippedLab('02-nva-inspection.yaml');
const forwarding = {op: 'set-ip-forwarding', nic: 'fw', enabled: true} as const;
const table = {op: 'create-route-table', name: 'rt-app'} as const;

test('apply, reject, undo and reset; each accepted change saved with the lab hash', (t) => {
	const progress = memoryProgress();
	const work = new LabWork({lab: nva, hash: 'h1', sandbox: false}, progress);
	let notified = 0;
	work.subscribe(() => notified++);
	const start = work.getSnapshot().topology;
	t.is(start, nva.topology);
	t.true(work.apply(forwarding).ok);
	const rejected = work.apply({op: 'create-route-table', name: 'rt-web'});
	t.false(rejected.ok);
	t.is(notified, 1, 'a rejected edit notifies nobody');
	t.true(work.apply(table).ok);
	t.deepEqual(progress.get().labs['nva-inspection'], {startedAt: progress.get().labs['nva-inspection']!.startedAt, objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: [forwarding, table], labHash: 'h1'});
	const snapshot = work.getSnapshot();
	t.is(snapshot.edits.length, 2);
	t.is(snapshot.edits[1]!.az, 'az network route-table create --resource-group <rg> --name rt-app');
	t.true(work.undo());
	t.deepEqual(work.getSnapshot().edits.map((applied) => applied.edit), [forwarding]);
	t.is(work.getSnapshot().change?.title, 'Undid: Create route table rt-app');
	work.reset();
	t.is(work.getSnapshot().topology, start);
	t.deepEqual(progress.get().labs['nva-inspection']?.edits, []);
	t.false(work.undo());
});

test('what a change did: the objective flipped and the traced packet before and after', (t) => {
	const work = new LabWork({lab: nva, hash: 'h1', sandbox: false}, memoryProgress());
	work.lastTrace = {from: 'vm-web', to: 'vm-app'};
	work.apply(forwarding);
	const change = work.getSnapshot().change!;
	t.is(change.kind, 'edit');
	t.deepEqual(change.objectives.map((flip) => [flip.id, flip.passed]), [['web-to-app-inspected', true]]);
	t.deepEqual(change.trace?.before, {path: ['vm-web', 'fw'], result: 'dropped', reason: 'ip-forwarding-disabled'});
	t.deepEqual(change.trace?.after, {path: ['vm-web', 'fw', 'vm-app'], result: 'delivered'});
	work.apply(table);
	work.apply({op: 'add-route', routeTable: 'rt-app', route: {name: 'back', addressPrefix: '10.0.1.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4'}});
	work.apply({op: 'associate-route-table', subnet: 'vnet-shop/app', routeTable: 'rt-app'});
	const routes = work.getSnapshot().change!.routes;
	t.true(routes.some((route) => route.nic === 'vm-app' && route.change === 'active' && route.route.name === 'back'), JSON.stringify(routes));
});

test('saved edits are replayed on open; a changed lab waits for replay or restart', (t) => {
	const saved = {...emptyProgress(), labs: {'nva-inspection': {startedAt: 'x', objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: [forwarding, table], labHash: 'h1'}}};
	const same = new LabWork({lab: nva, hash: 'h1', sandbox: false}, memoryProgress(saved));
	t.is(same.getSnapshot().edits.length, 2);
	t.is(same.getSnapshot().mismatch, undefined);
	const progress = memoryProgress(saved);
	const changed = new LabWork({lab: nva, hash: 'h2', sandbox: false}, progress);
	t.deepEqual(changed.getSnapshot().mismatch?.edits, [forwarding, table]);
	t.is(changed.getSnapshot().topology, nva.topology);
	t.false(changed.apply(forwarding).ok, 'no edits until the learner chooses');
	changed.replaySaved();
	t.is(changed.getSnapshot().edits.length, 2);
	t.is(progress.get().labs['nva-inspection']?.labHash, 'h2');
	const restarted = new LabWork({lab: nva, hash: 'h2', sandbox: false}, memoryProgress(saved));
	restarted.restart();
	t.deepEqual(restarted.getSnapshot().edits, []);
});

test('a sandbox allows every op and saves nothing; one LabWork per session and lab', (t) => {
	const progress = memoryProgress();
	const session = {};
	const work = labWorkFor(session, {lab: nva, sandbox: true}, progress);
	t.is(work.allowedOps, undefined);
	t.true(work.apply({op: 'add-nsg-rule', nsg: 'nsg-x', rule: {name: 'r', priority: 100, direction: 'Inbound', access: 'Allow'}}).ok === false);
	t.true(work.apply({op: 'set-dns-servers', vnet: 'vnet-shop', servers: ['10.0.4.4']}).ok);
	t.deepEqual(progress.get().labs, {});
	t.is(labWorkFor(session, {lab: nva, sandbox: true}, progress), work);
	t.is(existingLabWork(session, nva), work);
	t.is(existingLabWork({}, nva), undefined);
});
