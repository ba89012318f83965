/**
 * Applying edits: check the record, run its op on a copy-on-write topology, then validate the
 * result. A new error-severity problem rejects the edit (Azure would refuse it); a new
 * warning, from validation or from the broken-but-accepted checks, comes back with the new
 * topology (design section 6: learning that it breaks is the point). The input is never mutated.
 */
import type {Topology} from '../topology.js';
import {validateTopology, type TopologyProblem} from '../validate.js';
import {isRecord, readerFor, type EditError} from './args.js';
import {closestName} from './names.js';
import {opHandlers} from './ops.js';
import {editArguments, editOps, isEditOp} from './types.js';
import {configurationWarnings} from './warnings.js';

export type {EditError} from './args.js';

export type ApplyOptions = {
	/** The ops a lab allows; absent means every op (the sandbox). */
	readonly allowedOps?: readonly string[];
	/** The semantic check run before and after each edit; validateTopology unless a test swaps it. */
	readonly validate?: (topology: Topology) => TopologyProblem[];
};

export type ApplyResult = {ok: true; topology: Topology; warnings: string[]} | {ok: false; errors: EditError[]};

/** A warning of one edit in a list. */
export type EditWarning = {index: number; message: string};

export type ApplyEditsResult =
	| {ok: true; topology: Topology; warnings: EditWarning[]}
	| {
			ok: false;
			/** The edit that failed (0-based). */
			index: number;
			errors: EditError[];
			/** The topology after the edits before `index`. */
			topology: Topology;
			warnings: EditWarning[];
	  };

type Baseline = {errors: TopologyProblem[]; warnings: string[]};

type Validate = NonNullable<ApplyOptions['validate']>;

/** Problems per validator and topology object: topologies are immutable, so replaying edits validates each state once. */
const baselines = new WeakMap<Validate, WeakMap<Topology, Baseline>>();

function baselineOf(topology: Topology, validate: Validate): Baseline {
	let cache = baselines.get(validate);
	if (!cache) {
		cache = new WeakMap();
		baselines.set(validate, cache);
	}

	let baseline = cache.get(topology);
	if (!baseline) {
		const problems = validate(topology);
		baseline = {
			errors: problems.filter((p) => p.severity === 'error'),
			warnings: [...problems.filter((p) => p.severity === 'warning').map((p) => p.message), ...configurationWarnings(topology)],
		};
		cache.set(topology, baseline);
	}

	return baseline;
}

/** Items of `after` beyond those already in `before` (as a multiset, by key). */
function added<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): T[] {
	const counts = new Map<string, number>();
	for (const item of before) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	return after.filter((item) => {
		const count = counts.get(key(item)) ?? 0;
		if (count > 0) counts.set(key(item), count - 1);
		return count === 0;
	});
}

/** The edit argument a validation problem is about, by the last name in its path ('' when none fits). */
function fieldOf(problem: TopologyProblem, edit: Record<string, unknown>): string {
	const leaf = [...problem.path].reverse().find((part): part is string => typeof part === 'string');
	if (leaf === undefined) return '';
	for (const [key, value] of Object.entries(edit)) {
		if (key !== 'op' && isRecord(value) && leaf in value) return `${key}.${leaf}`;
	}

	return leaf !== 'op' && leaf in edit ? leaf : '';
}

function failure(field: string, message: string): ApplyResult {
	return {ok: false, errors: [{field, message}]};
}

/** Applies one edit record (from the TUI, a lab's solution or a YAML file: its shape is checked). */
export function applyEdit(topology: Topology, edit: unknown, options: ApplyOptions = {}): ApplyResult {
	if (!isRecord(edit)) return failure('', 'an edit is a record with an op and its arguments, such as {op: remove-route, routeTable: rt-app, name: old}');
	const {op} = edit;
	if (op === undefined) return failure('op', `missing: every edit names its op (${editOps.slice(0, 3).join(', ')}, ...)`);
	if (!isEditOp(op)) {
		const near = typeof op === 'string' ? closestName(op, editOps) : undefined;
		return failure('op', `'${String(op)}' is not an edit op${near ? ` (did you mean ${near}?)` : ''}`);
	}

	if (options.allowedOps && !options.allowedOps.includes(op)) {
		const allowed = options.allowedOps.length > 0 ? `: it allows ${options.allowedOps.join(', ')}` : '';
		return failure('op', `this lab does not allow ${op} edits${allowed}`);
	}

	const a = readerFor(edit);
	const {required, optional} = editArguments[op];
	a.rejectUnknownKeys([...required, ...optional], ['op']);
	const notes: string[] = [];
	const result = opHandlers[op]({topology, a, warn: (message) => notes.push(message)});
	if (a.failed || !result) {
		return {ok: false, errors: a.errors.length > 0 ? a.errors : [{field: '', message: `the ${op} edit could not be applied`}]};
	}

	const validate = options.validate ?? validateTopology;
	const before = baselineOf(topology, validate);
	const after = baselineOf(result, validate);
	const errors = added(before.errors, after.errors, (p) => p.message);
	if (errors.length > 0) return {ok: false, errors: errors.map((p) => ({field: fieldOf(p, edit), message: p.message}))};
	const warnings = [...new Set([...notes, ...added(before.warnings, after.warnings, (w) => w)])];
	return {ok: true, topology: result, warnings};
}

/**
 * Applies edits in order, stopping at the first that fails. Replaying a lab's progress after an
 * undo is this call: each state is validated once.
 */
export function applyEdits(topology: Topology, edits: readonly unknown[], options: ApplyOptions = {}): ApplyEditsResult {
	let current = topology;
	const warnings: EditWarning[] = [];
	for (const [index, edit] of edits.entries()) {
		const result = applyEdit(current, edit, options);
		if (!result.ok) return {ok: false, index, errors: result.errors, topology: current, warnings};
		current = result.topology;
		for (const message of result.warnings) warnings.push({index, message});
	}

	return {ok: true, topology: current, warnings};
}
