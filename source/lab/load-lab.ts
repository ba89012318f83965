/**
 * Loads a lab file: YAML (with positions) → the lab JSON Schema (defaults filled) → the
 * topology, written inline or in a file next to the lab (its diagnostics name that file) →
 * the semantic checks of check-lab.ts. Every problem comes back at once, sorted; a lab comes
 * back only when there is no error. A broken lab never throws: a file that cannot be read is
 * one diagnostic with `unreadable` set, so the CLI can exit 2 instead of 1.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {dirname, isAbsolute, join} from 'node:path';
import type {Lab} from '../engine/lab.js';
import type {Topology} from '../engine/topology.js';
import {checkLab} from './check-lab.js';
import {formatFieldPath, hasErrors, sortDiagnostics, type Diagnostic, type FieldPath} from './diagnostics.js';
import {checkLabSchema} from './lab-schema.js';
import {checkTopologyValue, loadTopologyText} from './load-topology.js';
import {parseYaml, type LocateAt, type YamlSource} from './yaml-positions.js';

export type LabLoad = {
	/** Present only when there is no error-severity diagnostic. */
	lab?: Lab;
	/** Errors and warnings, sorted by file, line and column. */
	diagnostics: Diagnostic[];
	/** sha256 (hex) of the lab file and of the topology file it references, if any: progress's labHash. */
	hash?: string;
	/** The topology file the lab references, resolved against the lab file's folder. */
	topologyFile?: string;
	/** True when the lab file itself could not be read (missing, a directory, no permission). */
	unreadable?: boolean;
};

export type LabLoadOptions = {
	/** Run the semantic checks (names, solutions, start state, predictions). Default true. */
	check?: boolean;
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a parsed YAML document looks like a lab rather than a topology. */
export function looksLikeLab(value: unknown): boolean {
	return isRecord(value) && ['objectives', 'briefing', 'solutions', 'allowedEdits'].some((key) => key in value);
}

function readReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
	if (code === 'ENOENT') return 'no such file';
	if (code === 'EISDIR') return 'is a directory, not a file';
	if (code === 'EACCES') return 'permission denied';
	return (error as Error).message;
}

function hashOf(...texts: string[]): string {
	const hash = createHash('sha256');
	for (const text of texts) hash.update(text).update('\0');
	return hash.digest('hex');
}

type TopologyResult = {topology?: Topology; diagnostics: Diagnostic[]; text?: string; file?: string};

/** The lab's topology: inline (checked in place) or a file relative to the lab. */
function loadLabTopology(data: Record<string, unknown>, source: YamlSource): TopologyResult {
	const value = data.topology;
	const here = (message: string): Diagnostic => ({file: source.file, ...source.locate(['topology']), path: 'topology', message, severity: 'error'});
	if (typeof value === 'string') {
		// Relative to the lab file; diagnostics name it the way the lab file was named (labs/net.yaml).
		const file = isAbsolute(value) ? value : join(dirname(source.file), value);
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch (error) {
			return {diagnostics: [here(`cannot read the topology file ${value}: ${readReason(error)}`)], file};
		}

		const loaded = loadTopologyText(text, file);
		return {topology: loaded.topology, diagnostics: loaded.diagnostics, text, file};
	}

	if (isRecord(value)) {
		const loaded = checkTopologyValue(value, source, ['topology']);
		return {topology: loaded.topology, diagnostics: loaded.diagnostics};
	}

	return {diagnostics: []};
}

/** Parses and checks lab YAML text; `file` names it in diagnostics and anchors a relative topology path. */
/**
 * A packet's protocol is case-insensitive, as on the command line (design §3: `tcp`, `TCP` and
 * `Tcp` are one protocol): objectives' and suggested traces' protocols are read in lowercase.
 */
function lowercaseProtocols(data: Record<string, unknown>): void {
	const lower = (query: unknown) => {
		if (isRecord(query) && typeof query.protocol === 'string') query.protocol = query.protocol.toLowerCase();
	};
	for (const objective of Array.isArray(data.objectives) ? data.objectives : []) {
		if (!isRecord(objective)) continue;
		lower(objective.trace);
		if (isRecord(objective.predict)) lower(objective.predict.trace);
	}

	for (const suggestion of Array.isArray(data.suggestedTraces) ? data.suggestedTraces : []) lower(suggestion);
}

export function loadLabText(text: string, file: string, options: LabLoadOptions = {}): LabLoad {
	const source = parseYaml(text, file);
	const diagnostic = (path: FieldPath, message: string, severity: Diagnostic['severity'] = 'error', at: LocateAt = 'value', locate: FieldPath = path): Diagnostic => ({
		file,
		...source.locate(locate, at),
		path: formatFieldPath(path),
		message,
		severity,
	});
	if (!source.usable) return {diagnostics: sortDiagnostics(source.diagnostics), hash: hashOf(text)};
	const raw: unknown = source.value;
	if (!isRecord(raw)) {
		const message = 'a lab is a mapping of fields (id:, title:, topology:, objectives:, ...), not a list or a single value';
		return {diagnostics: sortDiagnostics([...source.diagnostics, diagnostic([], message)]), hash: hashOf(text)};
	}

	const data = structuredClone(raw);
	lowercaseProtocols(data);
	const schemaProblems = checkLabSchema(data);
	const diagnostics: Diagnostic[] = [
		...source.diagnostics,
		// Problems inside an inline topology are the topology loader's, with the same messages as a topology file.
		...schemaProblems.map((p) => diagnostic(p.path, p.message, 'error', p.at, p.locate)),
	];
	const topology = loadLabTopology(data, source);
	diagnostics.push(...topology.diagnostics);
	const hash = topology.text === undefined ? hashOf(text) : hashOf(text, topology.text);
	const base: LabLoad = {diagnostics: [], hash, ...(topology.file ? {topologyFile: topology.file} : {})};
	if (hasErrors(diagnostics) || !topology.topology) return {...base, diagnostics: sortDiagnostics(diagnostics)};

	const lab = {...(data as unknown as Lab), topology: topology.topology};
	delete (lab as {$schema?: unknown}).$schema;
	if (options.check !== false) {
		try {
			for (const problem of checkLab(lab)) diagnostics.push(diagnostic(problem.path, problem.message, problem.severity, problem.at));
		} catch (error) {
			// An engine bug must not crash a validation run: say so, at the top of the lab.
			diagnostics.push(diagnostic([], `internal error while checking the lab: ${(error as Error).message}`));
		}
	}

	const sorted = sortDiagnostics(diagnostics);
	return hasErrors(sorted) ? {...base, diagnostics: sorted} : {...base, lab, diagnostics: sorted};
}

/** Reads and checks a lab file. Never throws: an unreadable file is a diagnostic with `unreadable` set. */
export function loadLabFile(path: string, options: LabLoadOptions = {}): LabLoad {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		return {diagnostics: [{file: path, line: 0, col: 0, path: '', message: `cannot read the lab: ${readReason(error)}`, severity: 'error'}], unreadable: true};
	}

	return loadLabText(text, path, options);
}
