/**
 * The lab loader and its semantic checks, on broken lab files (test/fixtures/labs-broken/)
 * and inline texts: each case lists every diagnostic it must give, as line:col (found from a
 * needle in the file, so the test reads like the file), field path and a message fragment.
 * Then the good fixture, the hash, files that cannot be read, and the published lab schema.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import test from 'ava';
import type {AnySchemaObject} from 'ajv';
import {editArguments, editOps} from '../../source/engine/edits/types.js';
import {dropReasons} from '../../source/engine/objectives.js';
import {formatDiagnostic, type Diagnostic} from '../../source/lab/diagnostics.js';
import {labSchema} from '../../source/lab/lab-schema.js';
import {loadLabFile, loadLabText, looksLikeLab} from '../../source/lab/load-lab.js';
import {topologySchema} from '../../source/lab/topology-schema.js';
import {fixturePath} from '../helpers/fixtures.js';

const broken = (name: string) => fixturePath(`labs-broken/${name}`);
const good = fixturePath('labs-good/01-mini-nva.yaml');

/** `line:col` of the first occurrence of `needle` in a file (plus `shift` columns). */
function pos(file: string, needle: string, shift = 0): string {
	const text = readFileSync(file, 'utf8');
	const index = text.indexOf(needle);
	if (index < 0) throw new Error(`'${needle}' is not in ${file}`);
	const before = text.slice(0, index).split('\n');
	return `${before.length}:${before.at(-1)!.length + 1 + shift}`;
}

type Expected = [at: string, path: string, fragment: string, severity?: 'error' | 'warning'];

function assertDiagnostics(t: import('ava').ExecutionContext, diagnostics: readonly Diagnostic[], expected: readonly Expected[], file?: string): void {
	const shown = diagnostics.map(formatDiagnostic).join('\n');
	t.is(diagnostics.length, expected.length, shown);
	expected.forEach(([at, path, fragment, severity = 'error'], index) => {
		const d = diagnostics[index];
		if (!d) return;
		t.is(`${d.line}:${d.col}`, at, shown);
		t.is(d.path, path, shown);
		t.true(d.message.includes(fragment), `'${d.message}' lacks '${fragment}'`);
		t.is(d.severity, severity);
		if (file) t.is(d.file, file);
	});
}

test('missing fields, a value of the wrong type and an objective of no kind', (t) => {
	const file = broken('missing-fields.yaml');
	const {lab, diagnostics} = loadLabFile(file);
	t.is(lab, undefined);
	assertDiagnostics(
		t,
		diagnostics,
		[
			[pos(file, 'id: missing-fields'), 'minutes', "required field 'minutes' is missing"],
			[pos(file, 'id: missing-fields'), 'title', "required field 'title' is missing"],
			[pos(file, 'AZ-104'), 'level', "must be a list, not 'AZ-104'"],
			[pos(file, 'id: nothing'), 'objectives[0]', 'an objective needs one of trace, route, dns or predict'],
		],
		file,
	);
});

test('wrong types, an unknown field, a misspelt op and an edit argument of the wrong type', (t) => {
	const file = broken('wrong-types.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, 'ten'), 'minutes', "must be a whole number, not 'ten'"],
		[pos(file, "'443'"), 'objectives[0].trace.port', "must be a whole number, not '443'"],
		[pos(file, 'viaa'), 'objectives[0].expect.viaa', "unknown field 'viaa' (did you mean 'via'?)"],
		[pos(file, 'set-ip-forwardin,'), 'solutions[0].edits[0].op', "'set-ip-forwardin' is not an edit op (did you mean 'set-ip-forwarding'?)"],
		[pos(file, "'yes'"), 'solutions[0].edits[1].enabled', "must be true or false, not 'yes'"],
	]);
});

test('names that are not objects of the network, reported once each', (t) => {
	const file = broken('unknown-objects.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, 'firewall, vm-app'), 'objectives[0].expect.via[0]', "'firewall' is not an object in the lab's network"],
		[pos(file, 'vm-ghost'), 'objectives[1].trace.from', "'vm-ghost' is not a network interface, an on-premises host or an Internet host in the lab's network (known: vm-web, vm-app, nva)"],
		[pos(file, 'nic-ghost'), 'objectives[2].route.nic', "'nic-ghost' is not a network interface"],
		[pos(file, 'server-ghost'), 'suggestedTraces[0].to', "'server-ghost' is neither an IPv4 address, a DNS name nor an object with an address"],
	]);
});

test('a solution that is rejected and one that does not solve the lab', (t) => {
	const file = broken('unsolvable.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, 'create-route-table'), 'solutions[0].edits[1].op', 'solution 1 does not apply: edit 2 (create-route-table) is rejected: this lab does not allow create-route-table edits'],
		[pos(file, 'edits:\n      - {op: set-ip-forwarding, nic: vm-app'), 'solutions[1]', "solution 2 does not pass objective 'web-to-app': the packet was dropped at nva: ip-forwarding-disabled"],
	]);
});

test('a lab already solved at the start', (t) => {
	const file = broken('solved-at-start.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, '- id: app-to-web'), 'objectives', 'the lab is already solved at the start: every objective that is not holds passes before any edit'],
	]);
});

test('a prediction with two right choices, and one with none', (t) => {
	const file = broken('two-right-choices.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, '[VirtualAppliance, virtualappliance'), 'objectives[0].choices', '2 choices are right at the start (VirtualAppliance, virtualappliance): exactly one must be'],
		[pos(file, '[exited'), 'objectives[1].choices', "no choice is right at the start: the network's answer is 'delivered'"],
	]);
});

test("a hint whose ref is missing, and a holds objective that fails from the start", (t) => {
	const file = broken('hint-missing-ref.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, '- id: web-direct', 2), 'objectives[1]', "holds objective 'web-direct' fails at the start: the packet passed nva (vm-web → nva), and it should not"],
		[pos(file, 'firewall-1'), 'hints[1].refs[1]', "'firewall-1' is not an object in the lab's network"],
		[pos(file, 'edits: [{op'), 'solutions[0]', "solution 1 breaks holds objective 'web-direct'"],
	]);
});

test("a referenced topology file's problems carry that file's name and position", (t) => {
	const file = broken('topology-file-error.yaml');
	const topologyFile = broken('broken-topology.yaml');
	const {diagnostics, topologyFile: resolved} = loadLabFile(file);
	t.is(resolved, topologyFile);
	assertDiagnostics(t, diagnostics, [[pos(topologyFile, '10.0.1.0/33'), 'virtualNetworks[0].subnets[0].addressPrefix', "'10.0.1.0/33' has prefix length /33"]], topologyFile);
});

test('a topology file that cannot be read is a problem of the lab', (t) => {
	const file = broken('topology-missing.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [[pos(file, './no-such'), 'topology', 'cannot read the topology file ./no-such-topology.yaml: no such file']], file);
});

test('an inline topology is checked like a topology file, with the lab path', (t) => {
	const file = broken('inline-topology.yaml');
	assertDiagnostics(t, loadLabFile(file).diagnostics, [
		[pos(file, '10.0.9.4'), 'topology.networkInterfaces[0].privateIpAddress', '10.0.9.4 is outside subnet vnet/app (10.0.1.0/24)'],
	]);
});

test('YAML syntax errors', (t) => {
	const file = broken('yaml-syntax.yaml');
	const {lab, diagnostics} = loadLabFile(file);
	t.is(lab, undefined);
	t.is(diagnostics.length, 1);
	t.true(diagnostics[0]!.message.startsWith('YAML syntax error'));
});

test('the good fixture loads, with its topology file and a hash of both files', (t) => {
	const {lab, diagnostics, hash, topologyFile} = loadLabFile(good);
	t.deepEqual(diagnostics, []);
	t.truthy(lab);
	t.is(lab!.id, 'mini-nva');
	t.is(topologyFile, fixturePath('labs-good/network.yaml'));
	t.is(lab!.topology.networkInterfaces.length, 3);
	// Defaults are filled: the hint refs, the solution's answers, the NIC's IP forwarding.
	t.deepEqual(lab!.solutions[0]!.answers, {'web-hop': 'VirtualAppliance'});
	t.is(lab!.topology.networkInterfaces[2]!.enableIpForwarding, false);
	const expected = createHash('sha256').update(readFileSync(good, 'utf8')).update('\0').update(readFileSync(topologyFile!, 'utf8')).update('\0').digest('hex');
	t.is(hash, expected);
});

test('the hash changes with the topology file; an inline lab hashes its own text', (t) => {
	const text = readFileSync(good, 'utf8').replace('./network.yaml', '../labs-good/network.yaml');
	const fromOtherFolder = loadLabText(text, fixturePath('labs-broken/x.yaml'));
	t.deepEqual(fromOtherFolder.diagnostics, []);
	t.not(fromOtherFolder.hash, loadLabFile(good).hash);
	const inline = loadLabFile(broken('inline-topology.yaml'));
	t.is(inline.hash, createHash('sha256').update(readFileSync(broken('inline-topology.yaml'), 'utf8')).update('\0').digest('hex'));
});

test('a lab file that cannot be read is one diagnostic, flagged unreadable', (t) => {
	const result = loadLabFile(broken('no-such-lab.yaml'));
	t.true(result.unreadable);
	t.like(result.diagnostics[0], {line: 0, col: 0, path: '', message: 'cannot read the lab: no such file'});
});

test('garbage never throws', (t) => {
	const texts = [
		'',
		'- a list',
		'just text',
		'id: 5\ntopology: 5\nobjectives: 5\nsolutions: [{edits: x}]',
		'id: x\ntitle: x\nsummary: x\nlevel: [AZ-104]\nminutes: 1\nconcepts: [x]\nbriefing: x\ntopology: {virtualNetworks: 5}\nobjectives: [{id: a, text: a, trace: {from: a, to: b}, route: {nic: a, destination: b}}]\ndebrief: {text: x}\nsolutions: [{edits: [5, {op: add-route}]}]',
	];
	for (const text of texts) {
		let result: ReturnType<typeof loadLabText> | undefined;
		t.notThrows(() => {
			result = loadLabText(text, 'inline.yaml');
		}, text);
		t.true((result?.diagnostics.length ?? 0) > 0, text);
		t.is(result?.lab, undefined);
	}
});

test('two kinds in one objective, and an edit that is not a mapping', (t) => {
	const text = [
		'id: x', 'title: x', 'summary: x', 'level: [AZ-104]', 'minutes: 1', 'concepts: [x]', 'briefing: x',
		'topology: {}',
		'objectives:',
		'  - {id: a, text: a, trace: {from: a, to: b}, route: {nic: a, destination: b}}',
		'debrief: {text: x}',
		'solutions: [{edits: [5]}]',
	].join('\n');
	assertDiagnostics(t, loadLabText(text, 'inline.yaml').diagnostics, [
		['10:47', 'objectives[0].route', 'an objective is one kind: give only one of trace, route'],
		['12:22', 'solutions[0].edits[0]', 'must be a mapping of fields: an edit is a mapping with an op and its arguments'],
	]);
});

test('check: false skips the semantic checks', (t) => {
	const {lab, diagnostics} = loadLabFile(broken('solved-at-start.yaml'), {check: false});
	t.deepEqual(diagnostics, []);
	t.is(lab?.id, 'solved-at-start');
});

test('looksLikeLab tells labs from topologies', (t) => {
	t.true(looksLikeLab({id: 'x', objectives: []}));
	t.false(looksLikeLab({virtualNetworks: []}));
	t.false(looksLikeLab(['objectives']));
});

// The published schema

const require = createRequire(import.meta.url);
const {Ajv} = require('ajv') as typeof import('ajv');

test('lab.schema.json is draft-07 that ajv compiles strictly, with the topology schema as ./topology.schema.json', (t) => {
	const warnings: unknown[] = [];
	const logger = {log() {}, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args)};
	const ajv = new Ajv({allErrors: true, strict: true, strictRequired: false, logger});
	t.true(ajv.validateSchema(labSchema()) as boolean, JSON.stringify(ajv.errors));
	// The editor resolves the $ref next to the lab schema: do the same.
	ajv.addSchema(topologySchema(), 'https://vnetlab.invalid/schema/topology.schema.json');
	const validate = ajv.compile({...labSchema(), $id: 'https://vnetlab.invalid/schema/lab.schema.json'});
	t.deepEqual(warnings, []);
	t.is(labSchema().$schema, 'http://json-schema.org/draft-07/schema#');
	// A shipped lab with an inline topology passes the published schema as an editor sees it.
	const {parse} = require('yaml') as typeof import('yaml');
	const lab = parse(readFileSync(new URL('../../labs/02-nva-inspection.yaml', import.meta.url), 'utf8')) as unknown;
	t.true(validate(lab) as boolean, JSON.stringify(validate.errors));
	t.false(validate({...(lab as object), topology: {virtualNetworks: 'x'}}) as boolean);
});

test('the schema mirrors the edit ops and their arguments exactly', (t) => {
	const definitions = labSchema().definitions as Record<string, AnySchemaObject>;
	const branches = (definitions.edit!.oneOf as Array<{$ref: string}>).map((b) => b.$ref.replace('#/definitions/edit-', ''));
	t.deepEqual(branches, [...editOps]);
	t.deepEqual((labSchema().properties as Record<string, AnySchemaObject>).allowedEdits!.items.enum, [...editOps]);
	for (const op of editOps) {
		const schema = definitions[`edit-${op}`]!;
		const {required, optional} = editArguments[op];
		t.deepEqual(Object.keys(schema.properties as object).sort(), ['op', ...required, ...optional].sort(), op);
		t.deepEqual([...(schema.required as string[])].sort(), ['op', ...required].sort(), op);
		t.is(schema.additionalProperties, false, op);
	}
});

test('the schema lists every drop reason and every objective kind rejects unknown fields', (t) => {
	const definitions = labSchema().definitions as Record<string, AnySchemaObject>;
	const expect = definitions.traceObjective!.properties.expect as AnySchemaObject;
	t.deepEqual(expect.properties.reason.enum, [...dropReasons]);
	for (const kind of ['traceObjective', 'routeObjective', 'dnsObjective', 'predictObjective']) {
		t.is(definitions[kind]!.additionalProperties, false, kind);
		t.true(typeof definitions[kind]!.description === 'string');
	}
});

test('every field of the lab schema is described (a $ref takes its definition description)', (t) => {
	const missing: string[] = [];
	const walk = (schema: AnySchemaObject | undefined, path: string): void => {
		if (!schema || typeof schema !== 'object') return;
		for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) {
			if (!child.description && !child.$ref) missing.push(`${path}.${key}`);
			walk(child, `${path}.${key}`);
		}

		if (schema.items) walk(schema.items as AnySchemaObject, `${path}[]`);
		for (const key of ['oneOf', 'anyOf', 'allOf'] as const) (schema[key] as AnySchemaObject[] | undefined)?.forEach((branch, i) => walk(branch, `${path}/${key}${i}`));
	};

	walk(labSchema(), '$');
	for (const [name, definition] of Object.entries(labSchema().definitions as Record<string, AnySchemaObject>)) {
		if (!definition.description) missing.push(`#${name}`);
		walk(definition, `#${name}`);
	}

	t.deepEqual(missing, []);
});

test('an objective may trace to a PaaS resource by name and write its protocol in any case, as the command line does', (t) => {
	const file = 'labs/03-service-endpoint-storage.yaml';
	const text = readFileSync(file, 'utf8').replace('trace: {from: vm-app, to: stlabdata.blob.core.windows.net}', 'trace: {from: vm-app, to: stlabdata, protocol: TCP}');
	t.true(text.includes('to: stlabdata, protocol: TCP'));
	const {lab, diagnostics} = loadLabText(text, file);
	t.deepEqual(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), []);
	const objective = lab?.objectives.find((o) => 'trace' in o && o.trace?.to === 'stlabdata') as {trace: {protocol?: string}} | undefined;
	t.is(objective?.trace.protocol, 'tcp');
});
