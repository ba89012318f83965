/**
 * A workaround for Ink 6.8's incremental renderer. With `incrementalRendering`, Ink moves the
 * cursor back up with `cursorUp(previousVisible - 1)` although its frame ends with a newline
 * that left the cursor one row lower: every update lands one row further down and the screen
 * drifts (the header scrolls away, rows repeat). The TUI draws on the alternate screen with its
 * frame at the top-left corner, so each write can start from there: this stream puts a
 * cursor-home before every write, and Ink's relative moves then start from the right row
 * (moves up from row 0 stop at row 0). Everything else is the real stdout's.
 */

const cursorHome = '\u001B[H';

export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const data = typeof chunk === 'string' ? cursorHome + chunk : chunk;
		return (stdout.write as (...args: unknown[]) => boolean)(data, ...rest);
	};

	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
