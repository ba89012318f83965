/**
 * The edit forms as data: one form per op; each field's inline messages (a bad CIDR, a prefix
 * that is not a network address, a duplicate name, a bad IP, a number, list items); engine
 * errors landing under the field they name; and every solution edit of every lab typed into
 * its form and applied changes the network exactly as the solution does.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {applyEdit} from '../../source/engine/edits/index.js';
import {editOps, type Edit} from '../../source/engine/edits/types.js';
import {loadLabFile} from '../../source/lab/load-lab.js';
import {buildEdit, fieldForError, fieldProblem, formProblems, initialValues, isChoiceKind, optionsOf, settleValues, visibleFields, type FieldSpec, type FormSpec} from '../../source/ui/edit-fields.js';
import {editForms, menuOps} from '../../source/ui/edit-forms.js';
import {submitEditForm} from '../../source/ui/edit-submit.js';
import {editFormReducer, initialEditForm, withFieldValue} from '../../source/ui/state/edit-form-state.js';
import type {Topology} from '../../source/engine/topology.js';

const labsDir = fileURLToPath(new URL('../../labs/', import.meta.url));
const labs = readdirSync(labsDir)
	.filter((name) => name.endsWith('.yaml'))
	.sort()
	.map((name) => loadLabFile(path.join(labsDir, name), {check: false}).lab!);
const nva = labs.find((lab) => lab.id === 'nva-inspection')!;

function problem(form: FormSpec, key: string, value: string, topology: Topology, values: Record<string, string> = {}): string | undefined {
	const field = form.fields.find((f) => f.key === key)!;
	const all = {...initialValues(form, topology), ...values, [key]: value};
	return fieldProblem(field, value, topology, all);
}

test('one form per op, in the order of the ops; a sandbox menu offers them all, a lab its allowed ones', (t) => {
	t.deepEqual(Object.keys(editForms), [...editOps]);
	for (const op of editOps) t.is(editForms[op].op, op);
	t.is(menuOps(undefined).length, 28);
	t.deepEqual(menuOps(nva.allowedEdits), nva.allowedEdits);
	t.deepEqual(menuOps(['add-route', 'no-such-op']), ['add-route']);
});

test('add-route: a bad CIDR, a prefix that is not a network address, a duplicate route name, a bad next hop IP', (t) => {
	const form = editForms['add-route'];
	const topology = nva.topology;
	t.is(problem(form, 'route.addressPrefix', '10.0.1.0', topology), "'10.0.1.0' is not a CIDR prefix (expected a.b.c.d/n)");
	t.is(problem(form, 'route.addressPrefix', '10.0.1.300/24', topology), "'10.0.1.300/24' does not start with a valid IPv4 address");
	t.is(problem(form, 'route.addressPrefix', '10.0.1.0/33', topology), "'10.0.1.0/33' has a prefix length outside 0..32");
	t.is(problem(form, 'route.addressPrefix', '10.0.1.4/24', topology), "'10.0.1.4/24' is not a network address (did you mean 10.0.1.0/24?)");
	t.is(problem(form, 'route.addressPrefix', '10.0.1.0/24', topology), undefined);
	t.is(problem(form, 'route.addressPrefix', 'Storage', topology), undefined, 'a service tag');
	t.regex(problem(form, 'route.addressPrefix', 'Nonsense', topology)!, /neither a CIDR prefix nor a service tag/);
	t.is(problem(form, 'route.name', 'app-via-fw', topology, {routeTable: 'rt-web'}), "A route 'app-via-fw' exists already: pick another name");
	t.is(problem(form, 'route.name', 'web-via-fw', topology, {routeTable: 'rt-web'}), undefined);
	t.is(problem(form, 'route.name', 'two words', topology), "'two words' has a space in it: names have none");
	t.is(problem(form, 'route.nextHopIpAddress', '10.0.3', topology), "'10.0.3' is not an IPv4 address (four numbers 0-255, like 10.0.1.4)");
	t.is(problem(form, 'route.name', '', topology), 'required: give route name');
});

test('the next hop IP shows only for a VirtualAppliance next hop', (t) => {
	const form = editForms['add-route'];
	const values = initialValues(form, nva.topology);
	t.is(values['route.nextHopType'], 'VirtualAppliance');
	t.true(visibleFields(form, values).some((field) => field.key === 'route.nextHopIpAddress'));
	t.false(visibleFields(form, {...values, 'route.nextHopType': 'None'}).some((field) => field.key === 'route.nextHopIpAddress'));
});

test('other fields: numbers, NSG prefixes and ports, lists of IPs and services, forwarding rules, record values', (t) => {
	const hub = labs.find((lab) => lab.allowedEdits.includes('add-nsg-rule'))!;
	const nsg = editForms['add-nsg-rule'];
	t.is(problem(nsg, 'rule.priority', 'ten', hub.topology), "'ten' is not a whole number");
	t.is(problem(nsg, 'rule.priority', '50', hub.topology), '50 is outside 100-4096');
	t.is(problem(nsg, 'rule.destinationPortRange', '80-90000', hub.topology), "'80-90000' is not *, a port or a range like 8000-8080");
	t.is(problem(nsg, 'rule.destinationAddressPrefix', 'Storage', hub.topology), undefined);
	t.is(problem(editForms['set-dns-servers'], 'servers', '10.0.0.4, 10.0.0', nva.topology), "'10.0.0' is not an IPv4 address (four numbers 0-255, like 10.0.1.4)");
	t.is(problem(editForms['set-dns-servers'], 'servers', '10.0.0.4, 10.0.0.4', nva.topology), "'10.0.0.4' is listed twice");
	t.is(problem(editForms['set-dns-servers'], 'servers', '', nva.topology), undefined, 'empty is Azure-provided DNS');
	t.regex(problem(editForms['set-service-endpoints'], 'services', 'Microsoft.Storage, Microsoft.Storag', nva.topology)!, /'Microsoft.Storag' is not a service endpoint/);
	t.regex(problem(editForms['set-dns-forwarding'], 'rules', 'blob.core.windows.net', nva.topology)!, /is not domain=ip/);
	t.regex(problem(editForms['set-dns-forwarding'], 'rules', 'blob.core.windows.net=10.1', nva.topology)!, /'10.1' is not an IPv4 address/);
	t.is(problem(editForms['add-dns-record'], 'record.value', 'stcontoso', nva.topology, {'record.type': 'A'}), "'stcontoso' is not an IPv4 address (four numbers 0-255, like 10.0.1.4)");
	t.is(problem(editForms['add-dns-record'], 'record.value', 'stcontoso.privatelink.blob.core.windows.net', nva.topology, {'record.type': 'CNAME'}), undefined);
});

test('a choice with nothing to choose says so; dependent choices follow the field they depend on', (t) => {
	const form = editForms['remove-route'];
	const values = initialValues(form, nva.topology);
	t.deepEqual(values, {routeTable: 'rt-web', name: 'app-via-fw'});
	t.is(fieldProblem(form.fields[0]!, '', {...nva.topology, routeTables: []}, {}), 'there is nothing to choose: the network has no route table');
	const table = {name: 'rt-two', disableBgpRoutePropagation: false, routes: [{name: 'r1', addressPrefix: '10.9.0.0/16', nextHopType: 'None' as const}]};
	const topology = {...nva.topology, routeTables: [...nva.topology.routeTables, table]};
	let state = initialEditForm(form, topology);
	state = editFormReducer(state, {type: 'cycle', by: 1}, topology);
	t.deepEqual(state.values, {routeTable: 'rt-two', name: 'r1'});
	t.deepEqual(settleValues(form, {routeTable: 'rt-web', name: 'r1'}, topology), {routeTable: 'rt-web', name: 'app-via-fw'});
});

test('typing in a choice field finds an option: first by its start, then anywhere in it', (t) => {
	const form = editForms['associate-route-table'];
	let state = initialEditForm(form, nva.topology);
	t.is(state.values['subnet'], 'vnet-shop/web');
	for (const char of 'app') state = editFormReducer(state, {type: 'type', edit: {type: 'insert', text: char}}, nva.topology);
	t.is(state.values['subnet'], 'vnet-shop/app');
	t.is(state.search, 'app');
	state = editFormReducer(state, {type: 'type', edit: {type: 'insert', text: 'zz'}}, nva.topology);
	t.is(state.values['subnet'], 'vnet-shop/app', 'no match keeps the choice');
	state = editFormReducer(state, {type: 'move', by: 1}, nva.topology);
	t.is(state.search, '');
	t.is(state.focus, 'routeTable');
	t.true(state.touched['subnet']);
});

test('engine errors land under the field they name, list indexes dropped; others go to the whole form', (t) => {
	const form = editForms['create-private-link-service'];
	const values = initialValues(form, nva.topology);
	t.is(fieldForError(form, values, 'natIpConfigurations[0].privateIpAddress'), 'natIpConfigurations.privateIpAddress');
	t.is(fieldForError(form, values, 'visibility[1]'), 'visibility');
	t.is(fieldForError(form, values, 'name'), 'name');
	t.is(fieldForError(form, values, 'op'), '');
	t.is(fieldForError(editForms['add-route'], initialValues(editForms['add-route'], nva.topology), 'route.nextHopIpAddress'), 'route.nextHopIpAddress');
});

test('submitting: field problems stop it before the engine; an engine rejection names its field; nothing changes', (t) => {
	const form = editForms['add-route'];
	let state = initialEditForm(form, nva.topology);
	let applied = 0;
	const apply = (record: Record<string, unknown>) => {
		applied++;
		return applyEdit(nva.topology, record, {allowedOps: nva.allowedEdits});
	};

	const empty = submitEditForm(state, nva.topology, apply);
	t.false(empty.ok);
	t.is(applied, 0);
	t.deepEqual(Object.keys(empty.ok ? {} : empty.errors).sort(), ['route.addressPrefix', 'route.name', 'route.nextHopIpAddress']);
	state = {...state, values: {...state.values, 'route.name': 'to-web', 'route.addressPrefix': '10.0.1.0/24', 'route.nextHopIpAddress': '10.0.3.4'}};
	t.true(submitEditForm(state, nva.topology, apply).ok);
	// Too many routes for a table is only known to the engine: it answers for the whole form or a field.
	const forwarding = initialEditForm(editForms['create-private-endpoint'], nva.topology);
	const outcome = submitEditForm({...forwarding, values: {...forwarding.values, name: 'pe', privateIpAddress: '10.0.9.9'}}, nva.topology, (record) => applyEdit(nva.topology, record));
	t.false(outcome.ok);
	t.truthy(outcome.ok ? undefined : outcome.errors['target'] ?? outcome.errors['privateIpAddress'] ?? outcome.errors['']);
});

/** The text a form field would hold for one argument of a solution edit. */
function typedValue(field: FieldSpec, edit: Record<string, unknown>): string | undefined {
	let value: unknown = edit;
	for (const part of field.key.split('.')) {
		if (Array.isArray(value)) value = value[0];
		value = (value as Record<string, unknown> | undefined)?.[part];
	}

	if (field.key === 'rules' && Array.isArray(value)) return (value as Array<{domain: string; targets: string[]}>).map((rule) => `${rule.domain}=${rule.targets.join(', ')}`).join('; ');
	if (value === null) return '(none)';
	if (value === '' && field.key === 'groupId') return '(none)';
	if (Array.isArray(value)) return value.join(', ');
	if (value === undefined) return undefined;
	return String(value);
}

test('every lab solution, typed into the forms, changes the network exactly as the solution does', (t) => {
	let checked = 0;
	for (const lab of labs) {
		for (const solution of lab.solutions) {
			let topology = lab.topology;
			for (const edit of solution.edits) {
				const form = editForms[edit.op];
				let values: Record<string, string> = initialValues(form, topology);
				// Fill in field by field, as a learner would (choices settle as earlier ones change).
				for (const field of form.fields) {
					const typed = typedValue(field, edit as unknown as Record<string, unknown>);
					if (typed !== undefined) values = withFieldValue(form, topology, values, field.key, typed);
					else if (!isChoiceKind(field.kind) && !field.initial) values[field.key] = '';
				}

				t.deepEqual(formProblems(form, values, topology), {}, `${lab.id}: ${edit.op}`);
				const record = buildEdit(form, values, topology);
				t.not(typeof record, 'string', `${lab.id}: ${edit.op}: ${String(record)}`);
				const viaForm = applyEdit(topology, record, {allowedOps: lab.allowedEdits});
				const direct = applyEdit(topology, edit as Edit, {allowedOps: lab.allowedEdits});
				t.true(viaForm.ok, `${lab.id}: ${edit.op}: ${JSON.stringify(viaForm.ok ? '' : viaForm.errors)} from ${JSON.stringify(record)}`);
				if (!viaForm.ok || !direct.ok) break;
				t.deepEqual(viaForm.topology, direct.topology, `${lab.id}: ${edit.op}`);
				for (const field of visibleFields(form, values)) if (isChoiceKind(field.kind)) t.true(optionsOf(field, topology, values).includes(values[field.key]!), `${edit.op}: ${field.key}`);
				topology = direct.topology;
				checked++;
			}
		}
	}

	t.true(checked > 40, `${checked} solution edits`);
});
