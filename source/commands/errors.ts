/**
 * The one error a command throws for input it cannot run on (a missing file, a topology
 * that fails validation, an unknown name, a bad address). The entry prints each line as
 * `vnetlab: <line>` on stderr and exits with `exitCode` (design section 4).
 */
export class CommandError extends Error {
	/** Lines to print after `vnetlab: `, one per problem. */
	readonly lines: string[];
	readonly exitCode: number;

	constructor(lines: string | string[], exitCode = 2) {
		const list = Array.isArray(lines) ? lines : [lines];
		super(list.join('\n'));
		this.name = 'CommandError';
		this.lines = list;
		this.exitCode = exitCode;
	}
}
