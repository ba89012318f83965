/**
 * Turns ajv's errors for a document into human messages with the field path they concern:
 * `unknown field 'adressPrefix' (did you mean 'addressPrefix'?)`, `required field 'name' is missing`,
 * `must be one of Inbound, Outbound (got 'inbound')`. Shared by the topology and lab loaders.
 */
import type {ErrorObject} from 'ajv';
import {closestName} from '../engine/validate.js';
import type {FieldPath} from './diagnostics.js';
import type {LocateAt} from './yaml-positions.js';

export type SchemaProblem = {
	/** The field the message is about (for a missing field, the field that is missing). */
	path: FieldPath;
	/** Where to point in the file: the field itself, or the object that lacks it. */
	locate: FieldPath;
	at: LocateAt;
	message: string;
};

// The patterns of labs/schema/topology.schema.json, built from the same pieces, so a
// pattern error gets a sentence instead of a regular expression. test/lab checks that
// every pattern in the schema has an entry here; one without falls back to the field description.
const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const ip = `${octet}(?:\\.${octet}){3}`;
const cidr = `${ip}/(?:3[0-2]|[12]\\d|\\d)`;
const tag = '[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*';
const port = '(?:0|[1-9]\\d{0,4})';
const label = '(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)';

export const patternMessages: Readonly<Record<string, string>> = {
	[`^${ip}$`]: 'is not an IPv4 address (four numbers 0-255 without leading zeros, e.g. 10.0.1.4)',
	[`^${cidr}$`]: 'is not a CIDR prefix (an IPv4 network address and a length 0-32, e.g. 10.0.0.0/16)',
	[`^(?:${cidr}|${tag})$`]: 'is neither a CIDR prefix (e.g. 10.0.0.0/16) nor a service tag (e.g. Storage.WestEurope)',
	[`^(?:\\*|${cidr}|${ip}|${tag})$`]: "must be '*', a CIDR prefix, an IP address or a service tag (VirtualNetwork, Internet, Storage, ...)",
	[`^(?:${cidr}|${ip})$`]: 'is neither an IP address nor a CIDR prefix',
	[`^(?:\\*|${port}(?:-${port})?)$`]: "is not a port range: use '*', a port such as '443' or a range such as '1000-2000'",
	'^[^/\\s]+/[^/\\s]+$': 'is not a subnet reference: write it as vnet/subnet (e.g. hub/app)',
	[`^${tag}$`]: 'is not a service tag name: use letters, digits and dots (e.g. Storage.WestEurope)',
	[`^${label}(?:\\.${label})*\\.?$`]: 'is not a DNS name (e.g. corp.contoso.com)',
	// A ruleset rule may be '.', the wildcard that matches every name (S-RESOLVER rulesets).
	[`^(?:\\.|${label}(?:\\.${label})*\\.?)$`]: "is not a DNS domain: write one such as corp.contoso.com, or '.' for every name",
	'^[^/\\s]+$': "cannot be a name here: no '/' or spaces (subnets are referenced as vnet/subnet)",
};

const typeNames: Record<string, string> = {
	string: 'a string',
	array: 'a list',
	object: 'a mapping of fields',
	integer: 'a whole number',
	number: 'a number',
	boolean: 'true or false',
	null: 'empty',
};

function describeValue(value: unknown): string {
	if (value === null || value === undefined) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string') return `'${value}'`;
	return String(value);
}

function showChoice(value: unknown): string {
	return typeof value === 'string' && /^[\w./-]+$/.test(value) ? value : `'${String(value)}'`;
}

/** JSON pointer → path, with array indexes as numbers (read off the data). */
function pointerToPath(pointer: string, data: unknown): Array<string | number> {
	const path: Array<string | number> = [];
	if (pointer === '') return path;
	let node: unknown = data;
	for (const raw of pointer.slice(1).split('/')) {
		const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		if (Array.isArray(node) && /^\d+$/.test(key)) {
			path.push(Number(key));
			node = node[Number(key)];
		} else {
			path.push(key);
			node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
		}
	}

	return path;
}

function suggestion(word: string, candidates: readonly string[]): string {
	const best = closestName(word, candidates);
	return best === undefined ? '' : `did you mean '${best}'?`;
}

/** One human message per ajv error, except the summary errors ajv adds on top of a detailed one. */
export function describeSchemaErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
	const problems: SchemaProblem[] = [];
	for (const error of errors) {
		const base = pointerToPath(error.instancePath, data);
		const params = error.params as Record<string, unknown>;
		const value = error.data;
		switch (error.keyword) {
			case 'additionalProperties': {
				const field = String(params.additionalProperty);
				const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {}).filter((k) => k !== '$schema');
				const hint = suggestion(field, known) || `known fields: ${known.join(', ')}`;
				problems.push({path: [...base, field], locate: [...base, field], at: 'key', message: `unknown field '${field}' (${hint})`});
				break;
			}

			case 'required': {
				const field = String(params.missingProperty);
				problems.push({path: [...base, field], locate: base, at: 'value', message: `required field '${field}' is missing`});
				break;
			}

			case 'enum': {
				const allowed = (params.allowedValues as unknown[]) ?? [];
				const hint = typeof value === 'string' ? suggestion(value, allowed.map(String)) : '';
				const got = `got ${describeValue(value)}`;
				problems.push({
					path: base,
					locate: base,
					at: 'value',
					message: `must be one of ${allowed.map(showChoice).join(', ')} (${hint ? `${got}; ${hint}` : got})`,
				});
				break;
			}

			case 'type': {
				const expected = String(params.type).split(',').map((t) => typeNames[t] ?? t).join(' or ');
				const quote = params.type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ` (quote it: '${String(value)}')` : '';
				problems.push({path: base, locate: base, at: 'value', message: `must be ${expected}, not ${describeValue(value)}${quote}`});
				break;
			}

			case 'pattern': {
				const sentence = patternMessages[String(params.pattern)];
				if (error.propertyName !== undefined) {
					// A bad key (serviceTags names): point at the key itself.
					const name = error.propertyName;
					problems.push({path: [...base, name], locate: [...base, name], at: 'key', message: `'${name}' ${sentence ?? 'is not an allowed name here'}`});
				} else {
					const fallback = `is not valid here: ${String(error.parentSchema?.description ?? `it must match ${String(params.pattern)}`)}`;
					problems.push({path: base, locate: base, at: 'value', message: `${describeValue(value)} ${sentence ?? fallback}`});
				}

				break;
			}

			case 'propertyNames':
				// Summary of the key's own pattern error, reported above.
				break;
			case 'minLength':
				problems.push({path: base, locate: base, at: 'value', message: 'must not be empty'});
				break;
			case 'minItems': {
				const limit = Number(params.limit);
				problems.push({path: base, locate: base, at: 'value', message: `must list at least ${limit} ${limit === 1 ? 'item' : 'items'}`});
				break;
			}

			case 'maxItems':
				problems.push({path: base, locate: base, at: 'value', message: `can list at most ${Number(params.limit)} items`});
				break;
			case 'minimum':
				problems.push({path: base, locate: base, at: 'value', message: `must be at least ${Number(params.limit)} (got ${describeValue(value)})`});
				break;
			case 'maximum':
				problems.push({path: base, locate: base, at: 'value', message: `must be at most ${Number(params.limit)} (got ${describeValue(value)})`});
				break;
			default:
				problems.push({path: base, locate: base, at: 'value', message: error.message ?? `fails the '${error.keyword}' rule`});
		}
	}

	return problems;
}
