/**
 * The lab catalog: the `NN-slug.yaml` files of a labs folder, in learning order (by NN),
 * each summarised from its own fields. Listing reads only the fields a menu shows (no
 * schema compile, no traces), so it is fast enough for the app's start; `validate` checks
 * the labs in full. The catalog's own rules (unique numbers and ids, id = slug) live here.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LabSummary} from '../engine/lab.js';
import {formatFieldPath, sortDiagnostics, type Diagnostic, type FieldPath} from './diagnostics.js';
import {parseYaml, type YamlSource} from './yaml-positions.js';

export type {LabSummary} from '../engine/lab.js';

/** The package's own labs/ folder: the same relative place from source/lab (tsx) and dist/lab (compiled). */
export const defaultLabsDir = fileURLToPath(new URL('../../labs/', import.meta.url));

/** `01-default-routes.yaml` → number 1, slug default-routes. */
export const labFilePattern = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

export type Catalog = {labs: LabSummary[]; diagnostics: Diagnostic[]};

export type LabFile = {file: string; number: number; slug: string};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The number and slug of a lab file name, when it has the `NN-slug.yaml` shape. */
export function parseLabFileName(file: string): LabFile | undefined {
	const match = labFilePattern.exec(basename(file));
	return match ? {file, number: Number(match[1]), slug: match[2]!} : undefined;
}

/** The `NN-slug.yaml` files of a folder, by number then name. Throws when the folder cannot be read. */
export function labFiles(dir: string): LabFile[] {
	const entries: LabFile[] = [];
	for (const name of readdirSync(dir)) {
		const parsed = parseLabFileName(join(dir, name));
		if (parsed) entries.push(parsed);
	}

	return entries.sort((a, b) => a.number - b.number || a.file.localeCompare(b.file));
}

/** A lab file parsed as YAML, without any checks yet. */
type Header = LabFile & {source?: YamlSource; data?: Record<string, unknown>; diagnostics: Diagnostic[]};

function readHeader(entry: LabFile): Header {
	let content: string;
	try {
		content = readFileSync(entry.file, 'utf8');
	} catch (error) {
		return {...entry, diagnostics: [{file: entry.file, line: 0, col: 0, path: '', message: `cannot read the lab: ${(error as Error).message}`, severity: 'error'}]};
	}

	const source = parseYaml(content, entry.file);
	if (!source.usable) return {...entry, source, diagnostics: source.diagnostics};
	if (!isRecord(source.value)) {
		return {...entry, source, diagnostics: [{file: entry.file, line: 1, col: 1, path: '', message: 'a lab is a mapping of fields (id:, title:, ...)', severity: 'error'}]};
	}

	return {...entry, source, data: source.value, diagnostics: []};
}

/** The summary fields of a parsed lab; problems with them are added to the header's diagnostics. */
function summarise(header: Header): LabSummary | undefined {
	const {data, source, file} = header;
	if (!data || !source) return undefined;
	const before = header.diagnostics.length;
	const problem = (path: FieldPath, message: string) => {
		header.diagnostics.push({file, ...source.locate(path), path: formatFieldPath(path), message, severity: 'error'});
	};

	const text = (key: string): string => {
		const value = data[key];
		if (typeof value === 'string' && value !== '') return value;
		problem([key], value === undefined ? `required field '${key}' is missing` : 'must be a non-empty string');
		return '';
	};

	const list = (key: string): string[] => {
		const value = data[key];
		if (isStringList(value)) return value;
		problem([key], value === undefined ? `required field '${key}' is missing` : 'must be a list of strings');
		return [];
	};

	const summary: LabSummary = {
		id: text('id'),
		file,
		number: header.number,
		title: text('title'),
		summary: text('summary'),
		level: list('level'),
		minutes: typeof data.minutes === 'number' ? data.minutes : 0,
		concepts: list('concepts'),
		objectiveCount: Array.isArray(data.objectives) ? data.objectives.length : 0,
		goalIds: Array.isArray(data.objectives) ? (data.objectives as unknown[]).flatMap(goalId) : [],
	};
	if (typeof data.minutes !== 'number') problem(['minutes'], data.minutes === undefined ? "required field 'minutes' is missing" : 'must be a whole number');
	return header.diagnostics.length > before ? undefined : summary;
}

/**
 * The catalog's own rules over a set of lab files: the id is the file name's slug, and no two
 * labs share a number or an id. Files of another name shape are not concerned.
 */
function catalogRules(headers: readonly Header[]): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const numbers = new Map<number, string>();
	const ids = new Map<string, string>();
	for (const header of headers) {
		const {file, number, slug, data, source} = header;
		const other = numbers.get(number);
		if (other !== undefined) diagnostics.push({file, line: 1, col: 1, path: '', message: `lab number ${number} is already used by ${other}: each lab has its own place in the order`, severity: 'error'});
		else numbers.set(number, file);
		const id = data?.id;
		if (typeof id !== 'string' || !source) continue;
		const at = source.locate(['id']);
		if (id !== slug) diagnostics.push({file, ...at, path: 'id', message: `'${id}' does not match the file name: the lab in ${basename(file)} has id ${slug}`, severity: 'error'});
		const twin = ids.get(id);
		if (twin !== undefined) diagnostics.push({file, ...at, path: 'id', message: `id '${id}' is already used by ${twin}`, severity: 'error'});
		else ids.set(id, file);
	}

	return diagnostics;
}

/** The catalog rules for some lab files (a folder's, or files given one by one), for `validate`. */
export function catalogDiagnostics(files: readonly string[]): Diagnostic[] {
	const entries = files.map(parseLabFileName).filter((entry): entry is LabFile => entry !== undefined);
	return sortDiagnostics(catalogRules(entries.map(readHeader)));
}

/**
 * The labs of `dir` (default: the package's labs/) in learning order. A folder that cannot be
 * read is one diagnostic (line 0); a lab whose summary fields or catalog rules fail is left
 * out, with its diagnostics.
 */
export function listLabs(dir: string = defaultLabsDir): Catalog {
	let files: LabFile[];
	try {
		files = labFiles(dir);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message;
		return {labs: [], diagnostics: [{file: dir, line: 0, col: 0, path: '', message: `cannot read the labs folder: ${reason}`, severity: 'error'}]};
	}

	if (files.length === 0) {
		// A folder of lab files named otherwise lists nothing: say why instead of a bare "No labs found".
		const yaml = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
		if (yaml.length > 0) {
			const shown = yaml.slice(0, 3).join(', ') + (yaml.length > 3 ? `, ... (${yaml.length} in all)` : '');
			const message = `no lab listed: a lab file is named NN-slug.yaml (a number, a dash, lowercase words), like 01-default-routes.yaml; these are not: ${shown}`;
			return {labs: [], diagnostics: [{file: dir, line: 0, col: 0, path: '', message, severity: 'warning'}]};
		}
	}

	const headers = files.map(readHeader);
	const summaries = headers.map(summarise);
	const rules = catalogRules(headers);
	const diagnostics = [...headers.flatMap((h) => h.diagnostics), ...rules];
	const broken = new Set(rules.map((d) => d.file));
	const labs = summaries.filter((summary): summary is LabSummary => summary !== undefined && !broken.has(summary.file));
	return {labs, diagnostics: sortDiagnostics(diagnostics)};
}

/** The id of an objective to reach; `holds` objectives pass from the start and are not goals. */
function goalId(objective: unknown): string[] {
	if (typeof objective !== 'object' || objective === null) return [];
	const {id, holds} = objective as {id?: unknown; holds?: unknown};
	return typeof id === 'string' && holds !== true ? [id] : [];
}
