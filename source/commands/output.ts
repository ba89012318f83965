/**
 * Writing a command's result: text or exactly one JSON document on stdout, and
 * `vnetlab: ` prefixed lines on stderr.
 */

/** Print human output, ending with one newline. */
export function printText(text: string): void {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Print one JSON document (the whole of stdout for a `--json` query). */
export function printJson(value: unknown): void {
	process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Print each line as `vnetlab: <line>` on stderr. */
export function printErrors(lines: readonly string[]): void {
	for (const line of lines) process.stderr.write(`vnetlab: ${line}\n`);
}
