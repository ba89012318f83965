/**
 * Writing a command's result: text or exactly one JSON document on stdout, and
 * `vnetlab: ` prefixed lines on stderr.
 */

/**
 * The width human output is laid out for: a terminal's own width when it is wider than 80
 * columns (a wide terminal gets whole rows instead of wrapped cells), else 80, also for pipes
 * and files, so scripted output does not depend on who ran it.
 */
export function textWidth(): number {
	return process.stdout.isTTY ? Math.max(80, process.stdout.columns ?? 80) : 80;
}

/**
 * The width a table is laid out for: a terminal's (see textWidth), or none for pipes and
 * files, where a row is never wrapped, so `grep VirtualNetworkServiceEndpoint` finds it whole,
 * as with `az ... -o table`.
 */
export function tableWidth(): number {
	return process.stdout.isTTY ? textWidth() : Number.POSITIVE_INFINITY;
}

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
