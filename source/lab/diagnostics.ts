/**
 * Diagnostics: one problem found in a file the user wrote (a topology or a lab), with the
 * place it concerns (line, column and field path), ready to print as
 * `<file>:<line>:<col>: <path>: <message>`. Shared by every loader under source/lab.
 */

export type Severity = 'error' | 'warning';

export type Diagnostic = {
	file: string;
	/** 1-based; 0 when the problem concerns the whole file (it cannot be read). */
	line: number;
	/** 1-based; 0 with line 0. */
	col: number;
	/** Field path such as `virtualNetworks[0].subnets[1].addressPrefix`; '' for the file as a whole. */
	path: string;
	message: string;
	severity: Severity;
};

/** A field path as keys and indexes, e.g. ['virtualNetworks', 0, 'subnets', 1, 'addressPrefix']. */
export type FieldPath = ReadonlyArray<string | number>;

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `['virtualNetworks', 0, 'name']` → `virtualNetworks[0].name`; a key that is not an identifier is quoted (`serviceTags["Storage.WestEurope"]`). */
export function formatFieldPath(path: FieldPath): string {
	let text = '';
	for (const segment of path) {
		if (typeof segment === 'number') text += `[${segment}]`;
		else if (identifier.test(segment)) text += text === '' ? segment : `.${segment}`;
		else text += `[${JSON.stringify(segment)}]`;
	}

	return text;
}

/**
 * `<file>:<line>:<col>: <path>: <message>`. The path part is left out when the problem
 * concerns no field (a YAML syntax error, an unreadable file); a warning's message starts with `warning: `.
 */
export function formatDiagnostic(d: Diagnostic): string {
	const message = d.severity === 'warning' ? `warning: ${d.message}` : d.message;
	// Line 0 is a problem with the whole file or folder (unreadable, misnamed): no position to give.
	const where = d.line === 0 ? d.file : `${d.file}:${d.line}:${d.col}`;
	return d.path === '' ? `${where}: ${message}` : `${where}: ${d.path}: ${message}`;
}

/** File order: by line, then column, then path; errors before warnings at the same place. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
	return (
		a.file.localeCompare(b.file) ||
		a.line - b.line ||
		a.col - b.col ||
		(a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
		(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
		(a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
	);
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
	return [...diagnostics].sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
	return diagnostics.some((d) => d.severity === 'error');
}
