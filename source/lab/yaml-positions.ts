/**
 * YAML text with positions: parses with the `yaml` package, keeps the node tree so a
 * field path (keys and indexes) can be mapped back to a line and column, and turns YAML
 * syntax errors (duplicate keys included) into diagnostics. Every loader under source/lab
 * parses through here so all its diagnostics point at the right place.
 */
import {isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node} from 'yaml';
import type {Diagnostic, FieldPath} from './diagnostics.js';

export type Position = {line: number; col: number};

/** Where to point for a field: its value (default) or, for a mapping entry, its key. */
export type LocateAt = 'value' | 'key';

export type YamlSource = {
	file: string;
	/** The document as plain data; undefined when the YAML is broken (see `diagnostics`). Empty text gives null. */
	value: unknown;
	/** YAML syntax errors and warnings, with their positions; empty when the text parsed cleanly. */
	diagnostics: Diagnostic[];
	/** True when the only errors are duplicate keys: `value` is still usable (the last key wins). */
	usable: boolean;
	/**
	 * Line and column (1-based) of the node at `path`. A path that goes further than the
	 * document (a missing field, a default the loader filled) points at the deepest existing
	 * node on the way, usually the object that lacks the field.
	 */
	locate(path: FieldPath, at?: LocateAt): Position;
};

/** Friendlier wording for the yaml package's error codes; the package's own message follows. */
const errorHints: Record<string, string> = {
	TAB_AS_INDENT: 'indent YAML with spaces, not tabs',
	MULTIPLE_DOCS: "the file holds more than one YAML document: remove the '---' separator",
	BAD_INDENT: 'check the indentation and the closing bracket',
	MISSING_CHAR: 'a closing quote or bracket is missing',
	BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines: check for a missing colon or quote',
};

function keyText(key: unknown): string {
	if (isScalar(key)) return String(key.value);
	return String(key);
}

export function parseYaml(text: string, file: string): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
	const position = (offset: number): Position => {
		const {line, col} = lineCounter.linePos(offset);
		return {line, col};
	};

	const diagnostics: Diagnostic[] = [];
	let onlyDuplicates = true;
	for (const error of doc.errors) {
		const at = position(error.pos[0]);
		let message: string;
		if (error.code === 'DUPLICATE_KEY') {
			const key = duplicateKeyAt(doc, error.pos[0]);
			message = key === undefined
				? 'a key appears twice in the same mapping: keep one'
				: `duplicate key '${key}': a key may appear only once in a mapping; keep one`;
		} else {
			onlyDuplicates = false;
			const hint = errorHints[error.code];
			message = `YAML syntax error: ${error.message}${hint ? ` (${hint})` : ''}`;
		}

		diagnostics.push({file, ...at, path: '', message, severity: 'error'});
	}

	for (const warning of doc.warnings) {
		diagnostics.push({file, ...position(warning.pos[0]), path: '', message: `YAML: ${warning.message}`, severity: 'warning'});
	}

	let usable = doc.errors.length === 0 || onlyDuplicates;
	let value: unknown;
	if (usable) {
		try {
			value = doc.toJS({maxAliasCount: 1000});
		} catch (error) {
			usable = false;
			// Too many aliases or an alias to nothing: report it where the document starts.
			diagnostics.push({file, line: 1, col: 1, path: '', message: `YAML: ${(error as Error).message}`, severity: 'error'});
		}
	}

	const locate = (path: FieldPath, at: LocateAt = 'value'): Position => {
		const start = nodeStart(doc, path, at);
		return start === undefined ? {line: 1, col: 1} : position(start);
	};

	return {file, value, diagnostics, usable, locate};
}

function duplicateKeyAt(doc: Document, offset: number): string | undefined {
	let found: string | undefined;
	visit(doc, {
		Pair(_, pair) {
			const key = pair.key as Node | null;
			if (key && key.range && key.range[0] === offset) {
				found = keyText(key);
				return visit.BREAK;
			}

			return undefined;
		},
	});
	return found;
}

/** Offset of the node at `path`, or of the deepest node reached on the way. */
function nodeStart(doc: Document, path: FieldPath, at: LocateAt): number | undefined {
	let node: unknown = doc.contents;
	let best: number | undefined = rangeStart(node);
	for (let i = 0; i < path.length; i++) {
		if (isAlias(node)) node = node.resolve(doc);
		const segment = path[i];
		const last = i === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
			if (!pair) return best;
			const keyStart = rangeStart(pair.key);
			const valueStart = rangeStart(pair.value);
			if (last && at === 'key' && keyStart !== undefined) return keyStart;
			// A key with no value (`dnsServers:`) points at the key.
			if (valueStart === undefined || (isScalar(pair.value) && pair.value.value === null && pair.value.source === '')) {
				return keyStart ?? best;
			}

			node = pair.value;
			best = valueStart;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment];
			const itemStart = rangeStart(item);
			if (itemStart === undefined) return best;
			node = item;
			best = itemStart;
		} else {
			return best;
		}
	}

	return best;
}

function rangeStart(node: unknown): number | undefined {
	if (node && typeof node === 'object' && 'range' in node) {
		const range = (node as {range?: [number, number, number] | null}).range;
		if (range) return range[0];
	}

	return undefined;
}
