/**
 * Rendering the TUI in tests: a fake terminal of a chosen size (ink-testing-library's is
 * 100 columns with no rows), keys written as they would arrive from a terminal, and
 * `waitFor` polling the frames every 5 ms for up to 3 s (no fixed sleeps).
 */
import {EventEmitter} from 'node:events';
import {render as inkRender, type Instance} from 'ink';
import type {ReactElement} from 'react';

class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};

	lastFrame = () => this.frames[this.frames.length - 1] ?? '';
}

class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export type Rendered = {
	/** The latest frame, as plain text. */
	lastFrame(): string;
	/** Every frame written so far. */
	frames(): readonly string[];
	/** Write input as one chunk (several keys in one write arrive together). */
	press(data: string): void;
	resize(columns: number, rows: number): void;
	unmount(): void;
	instance: Instance;
};

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	/** Ctrl+U: clear a text field. */
	clearLine: '\u0015',
	backspace: '\u007F',
} as const;

export function renderApp(tree: ReactElement, columns = 80, rows = 24): Rendered {
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		lastFrame: stdout.lastFrame,
		frames: () => stdout.frames,
		press: (data) => stdin.write(data),
		resize(newColumns, newRows) {
			stdout.columns = newColumns;
			stdout.rows = newRows;
			stdout.emit('resize');
		},
		unmount: () => instance.unmount(),
		instance,
	};
}

/** Poll until `check` passes (every 5 ms, up to 3 s); true when it did. */
export async function waitFor(check: () => boolean, timeout = 3000): Promise<boolean> {
	const end = Date.now() + timeout;
	for (;;) {
		try {
			if (check()) return true;
		} catch {
			// A frame not there yet.
		}

		if (Date.now() > end) return false;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
