/**
 * Loads a topology file: YAML (with positions) → JSON Schema (ajv fills the defaults) →
 * semantic checks (engine/validate.ts) → diagnostics, every problem at once, sorted by
 * position. A topology comes back only when there is no error (warnings are allowed).
 *
 * A file that cannot be read at all is not a diagnostic: loadTopologyFile throws a
 * TopologyFileError, so the CLI can exit 2 ("could not run on its input") instead of 1.
 */
import {readFileSync} from 'node:fs';
import {validateTopology} from '../engine/validate.js';
import type {Topology} from '../engine/topology.js';
import {formatFieldPath, hasErrors, sortDiagnostics, type Diagnostic, type FieldPath} from './diagnostics.js';
import {describeSchemaErrors} from './schema-errors.js';
import {topologyValidator} from './topology-schema.js';
import {parseYaml, type YamlSource} from './yaml-positions.js';

export type TopologyLoad = {
	/** Present only when there is no error-severity diagnostic. */
	topology?: Topology;
	/** Errors and warnings, sorted by line and column. */
	diagnostics: Diagnostic[];
};

/** The file could not be read: missing, a directory, no permission. `code` is Node's (ENOENT, EISDIR, EACCES, ...). */
export class TopologyFileError extends Error {
	override readonly name = 'TopologyFileError';
	constructor(
		readonly file: string,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
	return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function samePath(a: FieldPath, b: FieldPath): boolean {
	return a.length === b.length && startsWith(a, b);
}

/** Paths whose last segment is a user-chosen key (a service tag name): point at the key, not its value. */
function isKeyPath(path: FieldPath): boolean {
	return path.length === 2 && path[0] === 'serviceTags';
}

/**
 * Defaults that depend on other objects, which JSON Schema cannot say: a zone's id is its name
 * (design §2); a private endpoint's subscription is its VNet's (S-PE: they must match anyway).
 */
function fillDerivedDefaults(data: Record<string, unknown>): void {
	const zones = data.privateDnsZones;
	if (Array.isArray(zones)) {
		for (const zone of zones) {
			if (isPlainObject(zone) && zone.id === undefined && typeof zone.name === 'string') zone.id = zone.name;
		}
	}

	const endpoints = data.privateEndpoints;
	if (!Array.isArray(endpoints)) return;
	const vnets = Array.isArray(data.virtualNetworks) ? data.virtualNetworks.filter(isPlainObject) : [];
	for (const endpoint of endpoints) {
		if (!isPlainObject(endpoint) || endpoint.subscription !== undefined) continue;
		const vnetName = typeof endpoint.subnet === 'string' ? endpoint.subnet.split('/')[0] : undefined;
		const vnet = vnets.find((candidate) => candidate.name === vnetName);
		endpoint.subscription = typeof vnet?.subscription === 'string' ? vnet.subscription : 'default';
	}
}

/**
 * Checks a topology that is (part of) an already-parsed YAML document: `value` is the data
 * at `basePath` in `source` (the whole document for a topology file, `['topology']` for a
 * topology written inline in a lab file). Paths and positions in the diagnostics are the
 * document's. `value` is not modified.
 */
export function checkTopologyValue(value: unknown, source: YamlSource, basePath: FieldPath = []): TopologyLoad {
	const diagnostic = (path: FieldPath, locate: FieldPath, at: 'key' | 'value', message: string, severity: Diagnostic['severity']): Diagnostic => ({
		file: source.file,
		...source.locate([...basePath, ...locate], at),
		path: formatFieldPath([...basePath, ...path]),
		message,
		severity,
	});

	// An empty file is an empty topology.
	const data: unknown = value === null || value === undefined ? {} : structuredClone(value);
	if (!isPlainObject(data)) {
		const message = 'a topology is a mapping of collections (virtualNetworks:, routeTables:, ...), not a list or a single value';
		return {diagnostics: [diagnostic([], [], 'value', message, 'error')]};
	}

	const validate = topologyValidator();
	validate(data);
	const schemaProblems = describeSchemaErrors(validate.errors ?? [], data);
	fillDerivedDefaults(data);

	let semantic: ReturnType<typeof validateTopology> = [];
	try {
		semantic = validateTopology(data as unknown as Topology);
	} catch (error) {
		// Data that fails the schema can have shapes the semantic checks do not expect; the
		// schema errors already say what to fix. Without schema errors this is a bug: say so.
		if (schemaProblems.length === 0) {
			semantic = [{path: [], message: `internal error while checking the topology: ${(error as Error).message}`, severity: 'error'}];
		}
	}

	// One message per field: where both report an error on the same field, the semantic message is
	// the more precise (`did you mean 10.0.0.0/16?` beats a pattern); and a semantic problem
	// inside a field the schema rejected (a list given as text) is noise.
	const kept = schemaProblems.filter((problem) => !semantic.some((s) => s.severity === 'error' && samePath(s.path, problem.path)));
	const semanticKept = semantic.filter((s) => !kept.some((problem) => s.path.length > problem.path.length && startsWith(s.path, problem.path)));

	const diagnostics = sortDiagnostics([
		...kept.map((problem) => diagnostic(problem.path, problem.locate, problem.at, problem.message, 'error')),
		...semanticKept.map((problem) => diagnostic(problem.path, problem.path, isKeyPath(problem.path) ? 'key' : 'value', problem.message, problem.severity)),
	]);
	return hasErrors(diagnostics) ? {diagnostics} : {topology: data as unknown as Topology, diagnostics};
}

/** Parses and checks topology YAML text; `file` names it in the diagnostics. */
export function loadTopologyText(text: string, file: string): TopologyLoad {
	const source = parseYaml(text, file);
	if (!source.usable) return {diagnostics: sortDiagnostics(source.diagnostics)};
	const result = checkTopologyValue(source.value, source);
	const diagnostics = sortDiagnostics([...source.diagnostics, ...result.diagnostics]);
	return hasErrors(diagnostics) ? {diagnostics} : {topology: result.topology, diagnostics};
}

/**
 * Reads and checks a topology file. Problems in the file are diagnostics; a file that cannot
 * be read throws TopologyFileError (the CLI's exit 2).
 */
export function loadTopologyFile(path: string): TopologyLoad {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
		const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
		throw new TopologyFileError(path, code, `${path}: ${reason}`);
	}

	return loadTopologyText(text, path);
}
