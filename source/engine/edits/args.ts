/**
 * Reading an edit's arguments: type checks that collect every problem as an EditError named
 * after the argument (`route.addressPrefix`, `rules[1].targets`), so a form can show each
 * message under its field. Edit records arrive from YAML files as often as from the TUI,
 * so nothing here trusts their shape.
 */
import {cidrProblem, describePrefixProblem, isIpv4Address} from '../address.js';
import {closestName} from './names.js';

/** A rejected argument: `field` names it as the edit writes it ('' for the edit as a whole). */
export type EditError = {field: string; message: string};

type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value} (${JSON.stringify(value)})`;
}

/** Joins a field path: `route` + `name` → `route.name`, `rules` + 2 → `rules[2]`. */
export function fieldPath(prefix: string, key: string | number): string {
	if (typeof key === 'number') return `${prefix}[${key}]`;
	return prefix ? `${prefix}.${key}` : key;
}

/** Reads the fields of one record (the edit, or a nested object such as `route`), collecting errors. */
export class ArgReader {
	constructor(
		private readonly record: Json,
		/** Where `record` sits in the edit ('' for the edit itself). */
		private readonly prefix: string,
		/** Shared by every reader of one edit. */
		readonly errors: EditError[],
	) {}

	field(key: string | number): string {
		return fieldPath(this.prefix, key);
	}

	fail(key: string | number, message: string): undefined {
		this.errors.push({field: this.field(key), message});
		return undefined;
	}

	get failed(): boolean {
		return this.errors.length > 0;
	}

	/** True when the argument is present (null counts as present). */
	has(key: string): boolean {
		return this.record[key] !== undefined;
	}

	isNull(key: string): boolean {
		return this.record[key] === null;
	}

	/** Reports keys outside `allowed`, with the closest allowed key when it looks like a typo. */
	rejectUnknownKeys(allowed: readonly string[], ignore: readonly string[] = []): void {
		for (const key of Object.keys(this.record)) {
			if (allowed.includes(key) || ignore.includes(key)) continue;
			const near = closestName(key, allowed);
			const hint = near ? ` (did you mean ${near}?)` : ` (expected ${allowed.join(', ')})`;
			this.fail(key, `unknown argument '${key}'${hint}`);
		}
	}

	private missing(key: string, what: string): undefined {
		return this.fail(key, `missing: give ${what}`);
	}

	/** A non-empty string (surrounding spaces are an error, not trimmed away). */
	string(key: string, what = key): string | undefined {
		return this.readString(key, what, false);
	}

	/** Like `string`, but absent is fine. */
	optionalString(key: string, what = key): string | undefined {
		return this.readString(key, what, true);
	}

	private readString(key: string, what: string, optional: boolean): string | undefined {
		const value = this.record[key];
		if (value === undefined) return optional ? undefined : this.missing(key, what);
		if (typeof value !== 'string') return this.fail(key, `expected text, got ${typeName(value)}`);
		if (value.trim() === '') return this.fail(key, `${what} is empty`);
		if (value.trim() !== value) return this.fail(key, `'${value}' has spaces around it`);
		return value;
	}

	/** A string that may be empty ('' is a real value, e.g. a PLS's groupId). */
	text(key: string): string | undefined {
		const value = this.record[key];
		if (value === undefined) return undefined;
		if (typeof value !== 'string') return this.fail(key, `expected text, got ${typeName(value)}`);
		return value;
	}

	boolean(key: string, optional = false): boolean | undefined {
		const value = this.record[key];
		if (value === undefined) return optional ? undefined : this.missing(key, 'true or false');
		if (typeof value !== 'boolean') return this.fail(key, `expected true or false, got ${typeName(value)}`);
		return value;
	}

	integer(key: string, what: string): number | undefined {
		const value = this.record[key];
		if (value === undefined) return this.missing(key, what);
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			return this.fail(key, `expected a whole number, got ${typeName(value)}`);
		}

		return value;
	}

	/** One of a closed vocabulary; a case slip is answered with the right spelling. */
	oneOf<T extends string>(key: string, values: readonly T[], optional = false): T | undefined {
		const value = this.record[key];
		if (value === undefined) return optional ? undefined : this.missing(key, `one of ${values.join(', ')}`);
		if (typeof value !== 'string') return this.fail(key, `expected one of ${values.join(', ')}, got ${typeName(value)}`);
		if ((values as readonly string[]).includes(value)) return value as T;
		const near = values.find((v) => v.toLowerCase() === value.toLowerCase());
		const hint = near ? ` (did you mean ${near}?)` : '';
		return this.fail(key, `'${value}' is not one of ${values.join(', ')}${hint}`);
	}

	/** A list of strings; each entry is checked by `check` (returning a message or undefined). */
	stringList(key: string, check?: (item: string) => string | undefined, optional = false): string[] | undefined {
		const value = this.record[key];
		if (value === undefined) return optional ? undefined : this.missing(key, 'a list (may be empty)');
		if (!Array.isArray(value)) return this.fail(key, `expected a list, got ${typeName(value)}`);
		const before = this.errors.length;
		const seen = new Set<string>();
		value.forEach((item, index) => {
			const field = fieldPath(key, index);
			if (typeof item !== 'string' || item.trim() === '') {
				this.fail(field, `expected non-empty text, got ${typeName(item)}`);
				return;
			}

			const problem = check?.(item);
			if (problem) this.fail(field, problem);
			else if (seen.has(item)) this.fail(field, `'${item}' is listed twice`);
			seen.add(item);
		});
		return this.errors.length === before ? (value as string[]) : undefined;
	}

	/** A nested record, read by its own reader whose fields are prefixed (`route.name`). */
	object(key: string, allowedKeys: readonly string[]): ArgReader | undefined {
		const value = this.record[key];
		if (value === undefined) return this.missing(key, 'an object');
		if (!isRecord(value)) return this.fail(key, `expected an object, got ${typeName(value)}`);
		const reader = new ArgReader(value, this.field(key), this.errors);
		reader.rejectUnknownKeys(allowedKeys);
		return reader;
	}

	/** A list of nested records. */
	objectList(key: string, allowedKeys: readonly string[]): ArgReader[] | undefined {
		const value = this.record[key];
		if (value === undefined) return this.missing(key, 'a list');
		if (!Array.isArray(value)) return this.fail(key, `expected a list, got ${typeName(value)}`);
		const readers: ArgReader[] = [];
		value.forEach((item, index) => {
			if (!isRecord(item)) {
				this.fail(fieldPath(key, index), `expected an object, got ${typeName(item)}`);
				return;
			}

			const reader = new ArgReader(item, this.field(fieldPath(key, index)), this.errors);
			reader.rejectUnknownKeys(allowedKeys);
			readers.push(reader);
		});
		return readers;
	}

	/** A strict IPv4 address. */
	ip(key: string, what = 'an IPv4 address'): string | undefined {
		const value = this.string(key, what);
		if (value === undefined) return undefined;
		return ipProblem(value) ? this.fail(key, ipProblem(value)!) : value;
	}

	/** A strict CIDR prefix (network address, no short forms), with the "did you mean" hint. */
	cidr(key: string): string | undefined {
		const value = this.string(key, 'a CIDR prefix such as 10.0.0.0/16');
		if (value === undefined) return undefined;
		const problem = cidrProblem(value);
		return problem ? this.fail(key, describePrefixProblem(value, problem)) : value;
	}
}

/** Why text is not a strict IPv4 address, or undefined. */
export function ipProblem(text: string): string | undefined {
	if (isIpv4Address(text)) return undefined;
	if (text.includes('/')) return `'${text}' is a prefix; give a single IPv4 address`;
	return `'${text}' is not an IPv4 address (expected four numbers 0-255 such as 10.0.2.4)`;
}

/** Why text is not a strict CIDR prefix, or undefined. */
export function prefixProblem(text: string): string | undefined {
	const problem = cidrProblem(text);
	return problem ? describePrefixProblem(text, problem) : undefined;
}

/** A reader over a whole edit record. */
export function readerFor(edit: Json): ArgReader {
	return new ArgReader(edit, '', []);
}
