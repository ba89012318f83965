/**
 * Every shipped lab, learnGitBranching style: it loads and validates without a problem, its
 * start state does not already pass, and each of its reference solutions solves it. The
 * catalog is numbered in order with unique ids. Then the pitfalls each lab's hints and debrief
 * describe, replayed: the half-done states fail the way the text says they do.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import type {Edit} from '../../source/engine/edits/types.js';
import {gradeAttempt} from '../../source/engine/grade.js';
import type {Lab} from '../../source/engine/lab.js';
import {evaluateObjectives} from '../../source/engine/objectives.js';
import {catalogDiagnostics, defaultLabsDir, labFiles, listLabs} from '../../source/lab/catalog.js';
import {formatDiagnostic} from '../../source/lab/diagnostics.js';
import {loadLabFile} from '../../source/lab/load-lab.js';

const files = labFiles(defaultLabsDir);

function load(id: string): Lab {
	const file = files.find((f) => f.slug === id);
	if (!file) throw new Error(`no lab ${id}`);
	const {lab, diagnostics} = loadLabFile(file.file);
	if (!lab) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
	return lab;
}

/** The statuses after some edits (which must apply), by objective id. */
function after(lab: Lab, edits: Edit[], answers: Record<string, string> = {}): Record<string, {passed: boolean; reason?: string}> {
	const grade = gradeAttempt(lab, edits, answers);
	if (grade.rejected !== undefined) throw new Error(JSON.stringify(grade.edits[grade.rejected]));
	return Object.fromEntries(grade.objectives.map((s) => [s.id, {passed: s.passed, ...(s.reason ? {reason: s.reason} : {})}]));
}

test('the catalog is numbered 01, 02, ... in order, with unique ids that match the file names', (t) => {
	t.true(files.length >= 4);
	t.deepEqual(
		files.map((f) => f.number),
		files.map((_, index) => index + 1),
	);
	const {labs, diagnostics} = listLabs();
	t.deepEqual(diagnostics, []);
	t.deepEqual(
		labs.map((lab) => lab.id),
		files.map((f) => f.slug),
	);
	t.is(new Set(labs.map((lab) => lab.id)).size, labs.length);
});

test('catalog rules: a number used twice, an id that is not the slug, an id used twice', (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'vnetlab-catalog-'));
	const lab = (id: string, title = 'A lab') => `id: ${id}\ntitle: ${title}\nsummary: s\nlevel: [AZ-104]\nminutes: 5\nconcepts: [c]\nobjectives: []\n`;
	writeFileSync(join(dir, '01-first.yaml'), lab('first'));
	writeFileSync(join(dir, '01-again.yaml'), lab('again'));
	writeFileSync(join(dir, '02-second.yaml'), lab('first'));
	writeFileSync(join(dir, '03-third.yaml'), 'id: third\nsummary: no title\n');
	writeFileSync(join(dir, 'notes.yaml'), 'not: a lab file name\n');
	const {labs, diagnostics} = listLabs(dir);
	t.deepEqual(labs.map((l) => l.id), ['again']);
	const messages = diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.col}: ${d.message}`);
	t.deepEqual(messages, [
		`01-first.yaml:1:1: lab number 1 is already used by ${join(dir, '01-again.yaml')}: each lab has its own place in the order`,
		"02-second.yaml:1:5: 'first' does not match the file name: the lab in 02-second.yaml has id second",
		`02-second.yaml:1:5: id 'first' is already used by ${join(dir, '01-first.yaml')}`,
		"03-third.yaml:1:1: required field 'concepts' is missing",
		"03-third.yaml:1:1: required field 'level' is missing",
		"03-third.yaml:1:1: required field 'minutes' is missing",
		"03-third.yaml:1:1: required field 'title' is missing",
	]);
	// validate applies the catalog rules to the files it is given.
	t.deepEqual(catalogDiagnostics([join(dir, '02-second.yaml')]).map((d) => d.message), ["'first' does not match the file name: the lab in 02-second.yaml has id second"]);
});

test('listLabs of a folder that does not exist is one diagnostic', (t) => {
	const {labs, diagnostics} = listLabs(join(tmpdir(), 'vnetlab-no-such-folder'));
	t.deepEqual(labs, []);
	t.like(diagnostics[0], {line: 0, message: 'cannot read the labs folder: no such folder'});
});

for (const entry of files) {
	test(`${entry.slug}: loads and validates without a problem`, (t) => {
		const {lab, diagnostics} = loadLabFile(entry.file);
		t.deepEqual(diagnostics.map(formatDiagnostic), []);
		t.is(lab?.id, entry.slug);
		const text = readFileSync(entry.file, 'utf8');
		t.true(text.startsWith('# yaml-language-server: $schema=./schema/lab.schema.json\n'));
	});

	test(`${entry.slug}: does not pass from its start`, (t) => {
		const lab = load(entry.slug);
		const statuses = evaluateObjectives(lab.topology, lab.objectives, {});
		t.true(statuses.some((s) => !s.holds && !s.passed));
		for (const status of statuses.filter((s) => s.holds)) t.true(status.passed, `${status.id}: ${status.reason ?? ''}`);
	});

	test(`${entry.slug}: every solution solves it`, (t) => {
		const lab = load(entry.slug);
		t.true(lab.solutions.length > 0);
		for (const solution of lab.solutions) {
			const grade = gradeAttempt(lab, solution.edits, solution.answers);
			t.is(grade.rejected, undefined);
			t.deepEqual(
				grade.objectives.filter((s) => !s.passed).map((s) => `${s.id}: ${s.reason ?? ''}`),
				[],
			);
			t.true(grade.passed);
			for (const outcome of grade.edits) t.is(outcome.warnings, undefined, outcome.description);
		}
	});

	test(`${entry.slug}: has a briefing, hints that name real objects, a debrief with Microsoft Learn links, and suggested traces`, (t) => {
		const lab = load(entry.slug);
		t.true(lab.briefing.length > 100);
		t.true(lab.hints.length >= 2);
		for (const hint of lab.hints) t.true(hint.refs.length > 0, hint.text);
		t.true(lab.debrief.links.length >= 2);
		for (const link of lab.debrief.links) t.regex(link.url, /^https:\/\/learn\.microsoft\.com\/azure\//);
		t.true(lab.suggestedTraces.length > 0);
		t.true(lab.level.length > 0 && lab.minutes > 0 && lab.concepts.length > 0);
	});
}

// The pitfalls the labs teach, replayed.

test('default-routes: a wrong answer about the reserved range fails, the right one passes', (t) => {
	const lab = load('default-routes');
	const right = lab.solutions[0]!.answers;
	t.true(after(lab, [], right)['reserved-verdict']!.passed);
	const wrong = after(lab, [], {...right, 'reserved-verdict': 'dropped: no-route'});
	t.false(wrong['reserved-verdict']!.passed);
	t.regex(wrong['reserved-verdict']!.reason!, /is not what the network does/);
});

test('nva-inspection: IP forwarding alone fixes web to app but not the reply path', (t) => {
	const lab = load('nva-inspection');
	const status = after(lab, [{op: 'set-ip-forwarding', nic: 'fw', enabled: true}]);
	t.true(status['web-to-app-inspected']!.passed);
	t.false(status['app-to-web-inspected']!.passed);
	t.is(status['app-to-web-inspected']!.reason, 'expected the packet to pass fw, then vm-web, but it went vm-app → vm-web');
});

test('nva-inspection: the reply route without IP forwarding stops at fw', (t) => {
	const lab = load('nva-inspection');
	const edits = lab.solutions[0]!.edits.filter((e) => e.op !== 'set-ip-forwarding');
	const status = after(lab, edits);
	t.regex(status['app-to-web-inspected']!.reason!, /dropped at fw: ip-forwarding-disabled/);
});

test("nva-inspection: a route table on the firewall's own subnet breaks the holds objective", (t) => {
	const lab = load('nva-inspection');
	const status = after(lab, [...lab.solutions[0]!.edits, {op: 'associate-route-table', subnet: 'vnet-shop/firewall', routeTable: 'rt-app'}]);
	t.false(status['firewall-direct']!.passed);
	t.regex(status['firewall-direct']!.reason!, /routing-loop/);
});

test('service-endpoint-storage: the endpoint alone restricts nothing', (t) => {
	const lab = load('service-endpoint-storage');
	const status = after(lab, [{op: 'set-service-endpoints', subnet: 'vnet-data/app', services: ['Microsoft.Storage']}]);
	t.true(status['app-over-endpoint']!.passed);
	t.true(status['app-source-private']!.passed);
	t.false(status['batch-refused']!.passed);
	t.regex(status['batch-refused']!.reason!, /delivered to stlabdata \(it saw the source 20\.50\.2\.10\)/);
});

test('service-endpoint-storage: Deny without the endpoint shuts the app subnet out too', (t) => {
	const lab = load('service-endpoint-storage');
	const status = after(lab, [
		{op: 'set-default-action', resource: 'stlabdata', action: 'Deny'},
		{op: 'add-vnet-rule', resource: 'stlabdata', subnet: 'vnet-data/app'},
	]);
	t.regex(status['app-over-endpoint']!.reason!, /dropped at stlabdata: firewall-denied/);
});

test('service-endpoint-storage: closing public network access closes the endpoint path as well', (t) => {
	const lab = load('service-endpoint-storage');
	const status = after(lab, [...lab.solutions[0]!.edits, {op: 'set-public-network-access', resource: 'stlabdata', access: 'Disabled'}]);
	t.regex(status['app-over-endpoint']!.reason!, /public-network-access-disabled/);
});

test('private-endpoint-dns: the endpoint without DNS still resolves to the closed public address', (t) => {
	const lab = load('private-endpoint-dns');
	const status = after(lab, [lab.solutions[0]!.edits[0]!]);
	t.regex(status['name-resolves-private']!.reason!, /resolves to 52\.239\.30\.10 .*public DNS/);
	t.regex(status['blob-over-private-endpoint']!.reason!, /public-network-access-disabled/);
});

test('private-endpoint-dns: a linked zone without the record answers NXDOMAIN', (t) => {
	const lab = load('private-endpoint-dns');
	const [endpoint, zone, , link] = lab.solutions[0]!.edits;
	const status = after(lab, [endpoint!, zone!, link!]);
	t.regex(status['name-resolves-private']!.reason!, /does not exist for vm-app \(NXDOMAIN\)/);
	t.regex(status['blob-over-private-endpoint']!.reason!, /dns-nxdomain/);
});

test('private-endpoint-dns: opening the public endpoint breaks the holds objective', (t) => {
	const lab = load('private-endpoint-dns');
	const status = after(lab, [{op: 'set-public-network-access', resource: 'stlabblob', access: 'Enabled'}]);
	t.false(status['public-endpoint-closed']!.passed);
	// The name still resolves publicly: the request reaches the account, but not privately.
	t.regex(status['blob-over-private-endpoint']!.reason!, /did not travel over a private-endpoint path \(it went over internet/);
});
