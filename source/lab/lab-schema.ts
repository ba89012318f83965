/**
 * The published lab JSON Schema (labs/schema/lab.schema.json), compiled for the loader, and its
 * errors turned into one message per field. Objectives and edits are `oneOf` several kinds:
 * instead of every kind's complaints, the loader reports only those of the kind the entry
 * names (its `op`, or its trace/route/dns/predict key). The inline topology is checked by the
 * topology loader (same messages as a topology file), so here it is only a string or a mapping.
 * Loaded on first use: compiling costs a few hundred milliseconds.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import type {AnySchemaObject, ErrorObject, ValidateFunction} from 'ajv';
import {editOps, isEditOp} from '../engine/edits/types.js';
import {closestName} from '../engine/validate.js';
import {describeSchemaErrors, type SchemaProblem} from './schema-errors.js';

/** Same relative place from source/lab (tsx) and dist/lab (compiled). */
export const labSchemaPath = fileURLToPath(new URL('../../labs/schema/lab.schema.json', import.meta.url));

const runtimeId = 'vnetlab-lab.schema.json';
const objectiveKinds = ['trace', 'route', 'dns', 'predict'] as const;

let schema: AnySchemaObject | undefined;
let compiled: {validate: ValidateFunction; branch: (name: string) => ValidateFunction} | undefined;

/** The schema as published (read once). */
export function labSchema(): AnySchemaObject {
	schema ??= JSON.parse(readFileSync(labSchemaPath, 'utf8')) as AnySchemaObject;
	return schema;
}

function compile(): NonNullable<typeof compiled> {
	if (compiled) return compiled;
	const runtime = structuredClone(labSchema());
	runtime.$id = runtimeId;
	const properties = runtime.properties as Record<string, AnySchemaObject>;
	// The topology loader checks an inline topology itself; here it is a path or a mapping.
	properties.topology = {type: ['string', 'object'], description: String(properties.topology?.description ?? '')};
	const require = createRequire(import.meta.url);
	const {Ajv} = require('ajv') as typeof import('ajv');
	const ajv = new Ajv({allErrors: true, useDefaults: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, validateSchema: false, code: {optimize: false}});
	ajv.addSchema(runtime);
	const validate = ajv.getSchema(runtimeId)!;
	const branches = new Map<string, ValidateFunction>();
	const branch = (name: string): ValidateFunction => {
		let found = branches.get(name);
		if (!found) {
			found = ajv.getSchema(`${runtimeId}#/definitions/${name}`)!;
			branches.set(name, found);
		}

		return found;
	};

	compiled = {validate, branch};
	return compiled;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerToPath(pointer: string, data: unknown): Array<string | number> {
	const path: Array<string | number> = [];
	let node: unknown = data;
	for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
		const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		if (Array.isArray(node) && /^\d+$/.test(key)) {
			path.push(Number(key));
			node = node[Number(key)];
		} else {
			path.push(key);
			node = isRecord(node) ? node[key] : undefined;
		}
	}

	return path;
}

function valueAt(data: unknown, pointer: string): unknown {
	let node: unknown = data;
	for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
		const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		node = Array.isArray(node) ? node[Number(key)] : isRecord(node) ? node[key] : undefined;
	}

	return node;
}

function under(pointer: string, prefix: string): boolean {
	return pointer === prefix || pointer.startsWith(`${prefix}/`);
}

type Sorted = {errors: ErrorObject[]; problems: SchemaProblem[]};

/** The branch of a `oneOf` the entry at `pointer` means, or a problem saying why none. */
function chooseBranch(definition: string, value: unknown, path: Array<string | number>): {name: string} | {problem: SchemaProblem} {
	if (!isRecord(value)) {
		const what = definition === 'edit' ? 'an edit is a mapping with an op and its arguments' : 'an objective is a mapping with id, text and one of trace, route, dns or predict';
		return {problem: {path, locate: path, at: 'value', message: `must be a mapping of fields: ${what}`}};
	}

	if (definition === 'edit') {
		const {op} = value;
		if (op === undefined) return {problem: {path: [...path, 'op'], locate: path, at: 'value', message: `required field 'op' is missing (${editOps.slice(0, 4).join(', ')}, ...)`}};
		if (!isEditOp(op)) {
			const near = typeof op === 'string' ? closestName(op, editOps) : undefined;
			return {problem: {path: [...path, 'op'], locate: [...path, 'op'], at: 'value', message: `'${String(op)}' is not an edit op (${near ? `did you mean '${near}'?` : `one of ${editOps.join(', ')}`})`}};
		}

		return {name: `edit-${op}`};
	}

	const kinds = objectiveKinds.filter((kind) => value[kind] !== undefined);
	if (kinds.length === 1) return {name: `${kinds[0]!}Objective`};
	if (kinds.length === 0) return {problem: {path, locate: path, at: 'value', message: 'an objective needs one of trace, route, dns or predict'}};
	return {problem: {path: [...path, kinds[1]!], locate: [...path, kinds[1]!], at: 'key', message: `an objective is one kind: give only one of ${kinds.join(', ')}`}};
}

/** Replace ajv's all-branch `oneOf` complaints by those of the branch each entry means; drop `if` summaries. */
function sortErrors(errors: readonly ErrorObject[], data: unknown, prefix = ''): Sorted {
	const result: Sorted = {errors: [], problems: []};
	const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
	const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
	for (const error of errors) {
		if (error.keyword === 'if' || error.keyword === 'oneOf') continue;
		if (oneOfs.some((o) => under(error.instancePath, o.instancePath))) continue;
		// The anyOf summary below says it all; its branches' complaints would contradict each other.
		if (anyOfs.some((a) => a !== error && a.instancePath === error.instancePath && error.schemaPath.startsWith(`${a.schemaPath}/`))) continue;
		const path = pointerToPath(prefix + error.instancePath, data);
		if (error.keyword === 'anyOf') {
			const options = ((error.schema as AnySchemaObject[] | undefined) ?? []).flatMap((s) => (s.required as string[] | undefined) ?? []);
			result.problems.push({path, locate: path, at: 'value', message: `give at least one of ${options.join(', ')}`});
			continue;
		}

		if (error.keyword === 'minProperties') {
			result.problems.push({path, locate: path, at: 'value', message: 'give at least one field'});
			continue;
		}

		if (error.keyword === 'uniqueItems') {
			const {i, j} = error.params as {i: number; j: number};
			const later = Math.max(i, j);
			result.problems.push({path: [...path, later], locate: [...path, later], at: 'value', message: `the same as item ${Math.min(i, j)} of this list: list each value once`});
			continue;
		}

		result.errors.push({...error, instancePath: prefix + error.instancePath});
	}

	// The branch errors of a oneOf sit under the oneOf's own path; ajv reports the nested one first.
	for (const oneOf of oneOfs) {
		if (oneOfs.some((o) => o !== oneOf && o.instancePath !== oneOf.instancePath && under(oneOf.instancePath, o.instancePath))) continue;
		const pointer = prefix + oneOf.instancePath;
		const value = valueAt(data, pointer);
		const path = pointerToPath(pointer, data);
		// ajv's schemaPath restarts inside a $ref; the branches' own $refs tell edits from objectives.
		const branches = (oneOf.schema as Array<{$ref?: string}> | undefined) ?? [];
		const definition = branches.some((b) => b.$ref?.includes('/edit-')) ? 'edit' : 'objective';
		const choice = chooseBranch(definition, value, path);
		if ('problem' in choice) {
			result.problems.push(choice.problem);
			continue;
		}

		const validate = compile().branch(choice.name);
		if (validate(value)) continue;
		const inner = sortErrors(validate.errors ?? [], data, pointer);
		result.errors.push(...inner.errors);
		result.problems.push(...inner.problems);
	}

	return result;
}

/**
 * Checks a lab document against the schema. Fills defaults in `data` (allowedEdits, hints,
 * refs, solutions' edits and answers, suggestedTraces). Returns one problem per field.
 */
export function checkLabSchema(data: unknown): SchemaProblem[] {
	const {validate} = compile();
	if (validate(data)) return [];
	const sorted = sortErrors(validate.errors ?? [], data);
	return [...describeSchemaErrors(sorted.errors, data), ...sorted.problems];
}
