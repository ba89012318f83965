/**
 * The fields of an edit form: their kinds, the inline check of what was typed (a CIDR prefix,
 * an IPv4 address, a whole number, a comma-separated list, a choice from the network), and
 * turning the typed values into an edit record. Every problem is a message for under its
 * field. Pure; the per-op descriptors are in edit-forms.ts.
 */
import {cidrProblem, describePrefixProblem, isIpv4Address} from '../engine/address.js';
import type {EditOp} from '../engine/edits/types.js';
import {looksLikeTag, nsgOnlyTags, tagProblem} from '../engine/edits/vocabulary.js';
import type {Topology} from '../engine/topology.js';

export type FieldKind =
	/** Free text: a name. */
	| 'text'
	/** An IPv4 address. */
	| 'ip'
	/** A CIDR prefix that is a network address. */
	| 'cidr'
	/** A CIDR prefix or a service tag (a route's address prefix). */
	| 'prefix'
	/** A whole number. */
	| 'integer'
	/** One of a closed vocabulary (nextHopType, access, status...). */
	| 'choice'
	/** An object of the current topology (a route table, a subnet, a NIC...). */
	| 'object-ref'
	/** true or false. */
	| 'boolean'
	/** Comma-separated values, each checked as `item`. */
	| 'list';

/** The typed (or chosen) text of each field, by key. */
export type FormValues = Readonly<Record<string, string>>;

export type FieldSpec = {
	/** Where the value goes in the edit record (`route.addressPrefix`); also the EditError field it answers to. */
	readonly key: string;
	readonly label: string;
	readonly kind: FieldKind;
	/** Empty is fine: the argument is left out. */
	readonly optional?: boolean;
	/** choice, object-ref and boolean: what can be chosen (object refs come from the current topology). */
	readonly options?: (topology: Topology, values: FormValues) => readonly string[];
	/** The starting value (default: empty text, or the first option). */
	readonly initial?: (topology: Topology, values: FormValues) => string;
	/** Shown (and part of the edit) only when this holds: the next hop IP only for VirtualAppliance. */
	readonly when?: (values: FormValues) => boolean;
	/** list: how each item is checked. */
	readonly item?: 'ip' | 'cidr' | 'text';
	/** A further check of a non-empty value (a duplicate name); a message, or undefined when fine. */
	readonly check?: (value: string, topology: Topology, values: FormValues) => string | undefined;
	/** Grey text in an empty field. */
	readonly placeholder?: string;
	/** A line under the field while it has focus. */
	readonly hint?: string;
	/** Left out of the edit when the value is this (`false` for an optional flag, `(default)`). */
	readonly omitWhen?: string;
	/** The record's value for the text, when it is not the plain text (`(none)` is null). */
	readonly toValue?: (text: string) => unknown;
	/** Back to its initial value when this other field changes (a route table's routes, a peering's flags). */
	readonly dependsOn?: string;
	/** text: spaces are fine (a list of forwarding rules), not a name. */
	readonly freeText?: boolean;
	/** The record's value for an empty field that is not optional (`[]`: remove them all). */
	readonly emptyValue?: unknown;
};

export type FormSpec = {
	readonly op: EditOp;
	/** One line: what the op does, for the menu. */
	readonly summary: string;
	readonly fields: readonly FieldSpec[];
	/** Reshape the generic record (lists of objects, flags only when changed); may return a form-level problem. */
	readonly finish?: (record: Record<string, unknown>, values: FormValues, topology: Topology) => Record<string, unknown> | string;
};

export const ipExample = 'four numbers 0-255, like 10.0.1.4';

export function isChoiceKind(kind: FieldKind): boolean {
	return kind === 'choice' || kind === 'object-ref' || kind === 'boolean';
}

/** The fields shown for these values, in order. */
export function visibleFields(form: FormSpec, values: FormValues): FieldSpec[] {
	return form.fields.filter((field) => !field.when || field.when(values));
}

export function optionsOf(field: FieldSpec, topology: Topology, values: FormValues): readonly string[] {
	if (field.kind === 'boolean') return field.options?.(topology, values) ?? ['true', 'false'];
	return field.options?.(topology, values) ?? [];
}

/** The items of a list field's text: comma-separated, trimmed, empty ones dropped. */
export function listItems(text: string): string[] {
	return text
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

function ipProblem(text: string): string | undefined {
	return isIpv4Address(text) ? undefined : `'${text}' is not an IPv4 address (${ipExample})`;
}

function cidrMessage(text: string): string | undefined {
	const problem = cidrProblem(text);
	return problem ? describePrefixProblem(text, problem) : undefined;
}

/** Why text that starts with a letter is not a service tag a route may use (as the engine judges it), or undefined. */
function routeTagProblem(text: string, topology: Topology): string | undefined {
	const problem = looksLikeTag(text) ? tagProblem(text, topology, false) : '';
	if (problem === undefined) return undefined;
	if (nsgOnlyTags.some((tag) => tag.toLowerCase() === text.toLowerCase())) return problem;
	const near = /did you mean (.+)\?\)$/.exec(problem ?? '')?.[1];
	return `'${text}' is neither a CIDR prefix nor a service tag (${near ? `did you mean ${near}?` : 'such as Storage or Storage.WestEurope'})`;
}

/** What is wrong with a value of a field, or undefined. `required` messages come only when asked (on submit). */
export function fieldProblem(field: FieldSpec, text: string, topology: Topology, values: FormValues): string | undefined {
	const value = text.trim();
	if (value === '' && field.kind !== 'list') {
		if (field.optional || field.emptyValue !== undefined) return undefined;
		if (isChoiceKind(field.kind) && optionsOf(field, topology, values).length === 0) return `there is nothing to choose: the network has no ${field.label.toLowerCase()}`;
		return `${field.label} is required`;
	}

	let problem: string | undefined;
	switch (field.kind) {
		case 'ip':
			problem = ipProblem(value);
			break;
		case 'cidr':
			problem = cidrMessage(value);
			break;
		case 'prefix':
			problem = /^[A-Za-z]/.test(value) ? routeTagProblem(value, topology) : cidrMessage(value);
			break;
		case 'integer':
			problem = /^\d{1,9}$/.test(value) ? undefined : `'${value}' is not a whole number`;
			break;
		case 'choice':
		case 'object-ref':
		case 'boolean': {
			const options = optionsOf(field, topology, values);
			problem = options.includes(value) ? undefined : `choose one of ${options.join(', ') || '(nothing to choose)'}`;
			break;
		}

		case 'list': {
			const items = listItems(value);
			const seen = new Set<string>();
			for (const item of items) {
				const itemProblem = field.item === 'ip' ? ipProblem(item) : field.item === 'cidr' ? cidrMessage(item) : undefined;
				if (itemProblem) return itemProblem;
				if (seen.has(item)) return `'${item}' is listed twice`;
				seen.add(item);
			}

			break;
		}

		case 'text':
			problem = !field.freeText && /\s/.test(value) ? `'${value}' has a space in it: names have none` : undefined;
			break;
	}

	return problem ?? field.check?.(value, topology, values);
}

/** Each visible field's problem (only fields that have one). */
export function formProblems(form: FormSpec, values: FormValues, topology: Topology): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const field of visibleFields(form, values)) {
		const problem = fieldProblem(field, values[field.key] ?? '', topology, values);
		if (problem) problems[field.key] = problem;
	}

	return problems;
}

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
	const parts = path.split('.');
	let target = record;
	for (const part of parts.slice(0, -1)) {
		const next = target[part];
		if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
		else {
			const created: Record<string, unknown> = {};
			target[part] = created;
			target = created;
		}
	}

	target[parts[parts.length - 1]!] = value;
}

function recordValue(field: FieldSpec, text: string): unknown {
	const value = text.trim();
	if (field.toValue) return field.toValue(value);
	switch (field.kind) {
		case 'boolean':
			return value === 'true';
		case 'integer':
			return Number(value);
		case 'list':
			return listItems(value);
		default:
			return value;
	}
}

/** The edit record for the values (checked already), or a form-level problem. */
export function buildEdit(form: FormSpec, values: FormValues, topology: Topology): Record<string, unknown> | string {
	const record: Record<string, unknown> = {op: form.op};
	for (const field of visibleFields(form, values)) {
		const text = (values[field.key] ?? '').trim();
		if (text === '' && field.optional) continue;
		if (text === '' && field.emptyValue !== undefined) {
			setPath(record, field.key, field.emptyValue);
			continue;
		}

		if (field.omitWhen !== undefined && text === field.omitWhen) continue;
		setPath(record, field.key, recordValue(field, text));
	}

	return form.finish ? form.finish(record, values, topology) : record;
}

/**
 * The values a form starts with: each field's initial value, or the first option of a
 * choice. Fields are filled in order, so an option list can depend on an earlier choice.
 */
export function initialValues(form: FormSpec, topology: Topology): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of form.fields) {
		values[field.key] = field.initial?.(topology, values) ?? (isChoiceKind(field.kind) ? (optionsOf(field, topology, values)[0] ?? '') : '');
	}

	return values;
}

/**
 * Values after a change: a choice whose options no longer hold its value (the routes of a
 * route table once another table is chosen) falls back to its initial value or first option.
 */
export function settleValues(form: FormSpec, values: Readonly<Record<string, string>>, topology: Topology): Record<string, string> {
	const next: Record<string, string> = {...values};
	for (const field of form.fields) {
		if (!isChoiceKind(field.kind)) continue;
		const options = optionsOf(field, topology, next);
		if (options.includes(next[field.key] ?? '')) continue;
		const initial = field.initial?.(topology, next);
		next[field.key] = initial !== undefined && options.includes(initial) ? initial : (options[0] ?? '');
	}

	return next;
}

/**
 * The form field an engine error names: `route.addressPrefix` itself, else the field its path
 * falls under once list indexes are dropped (`services[1]` is `services`, `rules[0].targets` is
 * `rules`); '' when no field fits (shown for the form as a whole).
 */
export function fieldForError(form: FormSpec, values: FormValues, errorField: string): string {
	const keys = visibleFields(form, values).map((field) => field.key);
	if (keys.includes(errorField)) return errorField;
	const plain = errorField.replace(/\[\d+\]/g, '');
	let best = '';
	for (const key of keys) {
		if ((plain === key || plain.startsWith(`${key}.`) || key.startsWith(`${plain}.`)) && key.length > best.length) best = key;
	}

	if (best) return best;
	// `natIpConfigurations[0].subnet` against a field keyed `natSubnet`: match on the last name.
	const leaf = plain.split('.').pop() ?? '';
	return keys.find((key) => key.split('.').pop()?.toLowerCase().endsWith(leaf.toLowerCase()) && leaf !== '') ?? '';
}
