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
import {editFormReducer, findOption, initialEditForm, withFieldValue} from '../../source/ui/state/edit-form-state.js';
import {fieldMessage} from '../../source/ui/components/edit-form-view.js';
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
	t.is(problem(form, 'route.name', '', topology), 'Route name is required');
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

const nsgLab = labs.find((lab) => lab.id === 'nsg-find-the-drop')!;
const endpointLab = labs.find((lab) => lab.id === 'private-endpoint-dns')!;

/** A form's values after setting some fields, as a learner would in order. */
function filled(form: FormSpec, topology: Topology, values: Record<string, string>): Record<string, string> {
	let all: Record<string, string> = initialValues(form, topology);
	for (const [key, value] of Object.entries(values)) all = withFieldValue(form, topology, all, key, value);
	return all;
}

test('lab 15 add-nsg-rule: a bad priority, port, service tag and prefix are all flagged at once, each under its field, by the fields’ own checks', (t) => {
	const form = editForms['add-nsg-rule'];
	const topology = nsgLab.topology;
	const values = filled(form, topology, {
		'rule.name': 'allow-app',
		'rule.priority': '5000',
		'rule.sourceAddressPrefix': 'Internett',
		'rule.destinationAddressPrefix': '10.0.0.1/16',
		'rule.destinationPortRange': '70000',
		'rule.sourcePortRange': '9000-8000',
	});
	let applied = 0;
	const outcome = submitEditForm({...initialEditForm(form, topology), values}, topology, (record) => {
		applied++;
		return applyEdit(topology, record);
	});
	t.is(applied, 0);
	t.deepEqual(outcome.ok ? {} : outcome.errors, {
		'rule.priority': '5000 is outside 100-4096',
		'rule.sourceAddressPrefix': "'Internett' is not a known service tag (did you mean Internet?)",
		'rule.sourcePortRange': "'9000-8000' runs backwards: give the low port first, like 8000-9000",
		'rule.destinationAddressPrefix': "'10.0.0.1/16' is not a network address (did you mean 10.0.0.0/16?)",
		'rule.destinationPortRange': "'70000' is not *, a port or a range like 8000-8080",
	});
	// What the fields accept, the engine accepts too.
	t.is(problem(form, 'rule.sourceAddressPrefix', 'internet', topology), undefined);
	t.is(problem(form, 'rule.sourceAddressPrefix', 'Storage.WestEurope', topology), undefined);
	t.is(problem(form, 'rule.sourceAddressPrefix', '10.50.3.4', topology), undefined);
	t.is(problem(form, 'rule.sourceAddressPrefix', '10.50.3.0/24', topology), undefined);
	t.regex(problem(form, 'rule.sourceAddressPrefix', '10.50.3', topology)!, /'10\.50\.3' is not an IPv4 address/);
	t.regex(problem(form, 'rule.sourceAddressPrefix', 'my-hosts', topology)!, /is not \*, an IP, a CIDR prefix or a service tag/);
	t.regex(problem(form, 'rule.name', '-dash', topology)!, /'-dash' is not a valid security rule name/);
});

test('other forms check what they can before the engine: a route’s NSG-only tag, names, DNS names, a free IP of the chosen subnet', (t) => {
	t.regex(problem(editForms['add-route'], 'route.addressPrefix', 'Internet', nva.topology)!, /Internet is a tag for NSG rules only/);
	t.is(problem(editForms['add-route'], 'route.addressPrefix', 'Storag', nva.topology), "'Storag' is neither a CIDR prefix nor a service tag (did you mean Storage?)");
	t.regex(problem(editForms['create-route-table'], 'name', 'rt.', nva.topology)!, /'rt\.' is not a valid route table name/);
	t.regex(problem(editForms['create-private-dns-zone'], 'name', 'contoso', nva.topology)!, /has a single label/);
	t.regex(problem(editForms['add-dns-record'], 'record.name', 'st_x!', nva.topology)!, /is not a DNS name/);
	t.is(problem(editForms['add-dns-record'], 'record.name', '@', nva.topology), undefined);
	t.regex(problem(editForms['add-dns-record'], 'record.value', 'st..contoso', nva.topology, {'record.type': 'CNAME'})!, /is not a DNS name/);
	t.regex(problem(editForms['set-dns-forwarding'], 'rules', 'blob.core.windows.net.=10.1.0.4', nva.topology)!, /ends with a dot/);
	const endpoint = editForms['create-private-endpoint'];
	const topology = endpointLab.topology;
	t.is(problem(endpoint, 'privateIpAddress', '10.3.3.10', topology, {subnet: 'vnet-app/app'}), '10.3.3.10 is outside subnet vnet-app/app (10.3.1.0/24)');
	t.is(problem(endpoint, 'privateIpAddress', '10.3.3.10', topology, {subnet: 'vnet-app/endpoints'}), undefined);
	t.regex(problem(endpoint, 'privateIpAddress', '10.3.3.1', topology, {subnet: 'vnet-app/endpoints'})!, /reserved by Azure/);
});

test('a field value the field’s own check accepts is never turned down by the engine for its syntax (every lab, every solution edit)', (t) => {
	const bad = ['Internett', 'internet', '10.0.0.1/16', '10.0.0.0/33', '10.0.0', '300.1.1.1', '70000', '9-8', '5000', '-name', 'a!b', 'x.', 'Storag', 'two words', '@'];
	let checked = 0;
	for (const lab of labs) {
		for (const solution of lab.solutions) {
			const topology = lab.topology;
			const edit = solution.edits[0];
			if (!edit) continue;
			const form = editForms[edit.op];
			let values: Record<string, string> = initialValues(form, topology);
			for (const field of form.fields) {
				const typed = typedValue(field, edit as unknown as Record<string, unknown>);
				if (typed !== undefined) values = withFieldValue(form, topology, values, field.key, typed);
			}

			for (const field of visibleFields(form, values)) {
				if (isChoiceKind(field.kind)) continue;
				for (const value of bad) {
					const changed = withFieldValue(form, topology, values, field.key, value);
					if (formProblems(form, changed, topology)[field.key] !== undefined) continue;
					const record = buildEdit(form, changed, topology);
					if (typeof record === 'string') continue;
					const result = applyEdit(topology, record);
					const under = result.ok ? [] : result.errors.filter((error) => fieldForError(form, changed, error.field) === field.key);
					t.deepEqual(under, [], `${lab.id}: ${edit.op}: ${field.key} = ${value}`);
					checked++;
				}
			}
		}
	}

	t.true(checked > 20, `${checked} values the fields accept`);
});

test('after a submit, a field’s problem follows the fields it depends on; the engine’s errors are judged again when a value changes', (t) => {
	// Lab 04: an IP outside the chosen subnet, then the subnet it lies in.
	const endpoint = editForms['create-private-endpoint'];
	const lab04 = endpointLab.topology;
	let state = initialEditForm(endpoint, lab04);
	state = {...state, values: filled(endpoint, lab04, {name: 'pe-blob', subnet: 'vnet-app/app', privateIpAddress: '10.3.3.10'})};
	const outcome = submitEditForm(state, lab04, (record) => applyEdit(lab04, record));
	t.false(outcome.ok);
	state = editFormReducer(state, {type: 'rejected', errors: outcome.ok ? {} : outcome.errors}, lab04);
	const ipField = endpoint.fields.find((field) => field.key === 'privateIpAddress')!;
	t.is(fieldMessage(state, ipField, lab04), '10.3.3.10 is outside subnet vnet-app/app (10.3.1.0/24)');
	state = {...state, focus: 'subnet'};
	state = editFormReducer(state, {type: 'cycle', by: 1}, lab04);
	t.is(state.values['subnet'], 'vnet-app/endpoints');
	t.is(fieldMessage(state, ipField, lab04), undefined, 'gone as soon as the subnet changes');

	// An error only the engine knows (a prefix another route of the table holds) goes once the table changes.
	const form = editForms['add-route'];
	const table = {name: 'rt-two', disableBgpRoutePropagation: false, routes: []};
	const topology = {...nva.topology, routeTables: [...nva.topology.routeTables, table]};
	let route = initialEditForm(form, topology);
	route = {...route, values: filled(form, topology, {'route.name': 'dup', 'route.addressPrefix': '10.0.2.0/24', 'route.nextHopType': 'None'})};
	const rejected = submitEditForm(route, topology, (record) => applyEdit(topology, record));
	route = editFormReducer(route, {type: 'rejected', errors: rejected.ok ? {} : rejected.errors}, topology);
	const prefixField = form.fields.find((field) => field.key === 'route.addressPrefix')!;
	t.regex(fieldMessage(route, prefixField, topology)!, /route app-via-fw in rt-web already covers 10\.0\.2\.0\/24/);
	route = {...route, focus: 'route.name'};
	route = editFormReducer(route, {type: 'type', edit: {type: 'insert', text: 'x'}}, topology);
	t.regex(fieldMessage(route, prefixField, topology)!, /already covers/, 'another field changed: the engine still finds it');
	route = {...route, focus: 'routeTable'};
	route = editFormReducer(route, {type: 'cycle', by: 1}, topology);
	t.is(route.values['routeTable'], 'rt-two');
	t.is(fieldMessage(route, prefixField, topology), undefined, 'another table: nothing covers the prefix there');
});

test('type-to-find prefers an option starting with the text, then a last path segment starting with it, then any containing it', (t) => {
	t.is(findOption(['vnet-app/app', 'vnet-app/endpoints'], 'e'), 'vnet-app/endpoints');
	t.is(findOption(['vnet-app/app', 'vnet-app/endpoints'], 'endp'), 'vnet-app/endpoints');
	t.is(findOption(['vnet-app/app', 'vnet-app/endpoints'], 'V'), 'vnet-app/app');
	t.is(findOption(['vnet-app/app', 'vnet-app/endpoints'], 'pp/'), 'vnet-app/app', 'a substring when nothing else matches');
	t.is(findOption(['rt-app', 'fw', 'nic-fw'], 'f'), 'fw');
	t.is(findOption(['spoke-to-hub', 'hub-to-spoke'], 'spoke-t'), 'spoke-to-hub');
	t.is(findOption(['vnet-shop/web', 'vnet-shop/app'], 'app'), 'vnet-shop/app');
	t.is(findOption(['a', 'b'], 'z'), undefined);
	// In lab 04's form, typed letters in the Subnet choice.
	const endpoint = editForms['create-private-endpoint'];
	let state = {...initialEditForm(endpoint, endpointLab.topology), focus: 'subnet'};
	t.is(state.values['subnet'], 'vnet-app/app');
	state = editFormReducer(state, {type: 'type', edit: {type: 'insert', text: 'e'}}, endpointLab.topology);
	t.is(state.values['subnet'], 'vnet-app/endpoints');
	for (const char of 'nd') state = editFormReducer(state, {type: 'type', edit: {type: 'insert', text: char}}, endpointLab.topology);
	t.is(state.search, 'end');
	t.is(state.values['subnet'], 'vnet-app/endpoints');
	state = editFormReducer(state, {type: 'type', edit: {type: 'clear'}}, endpointLab.topology);
	for (const char of 'vnet-app/a') state = editFormReducer(state, {type: 'type', edit: {type: 'insert', text: char}}, endpointLab.topology);
	t.is(state.values['subnet'], 'vnet-app/app');
});
