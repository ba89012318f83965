/**
 * The terminal Ink sees in a session: a stdout that is a TTY of the pty's size and turns
 * `\n` into `\r\n` (there is no server-side pty to do it, and the client's terminal is raw),
 * and a stdin that is a TTY whose raw mode is already on (the client set it). One pair per
 * session: Ink keeps one instance per stdout object.
 */
import {PassThrough, Writable} from 'node:stream';

export class TerminalOutput extends Writable {
	readonly isTTY = true;
	columns: number;
	rows: number;
	private dropping = false;

	/** `sink` receives each write, line endings converted; nothing after close(). */
	constructor(
		private readonly sink: (text: string) => void,
		columns: number,
		rows: number,
	) {
		super({decodeStrings: false});
		this.columns = columns;
		this.rows = rows;
	}

	override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		if (!this.dropping) {
			const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			this.sink(text.replace(/\r?\n/g, '\r\n'));
		}

		callback();
	}

	/** The client's window changed (`window-change`): Ink re-lays out on `resize`. */
	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}

	/** Drop everything written from now on (the channel is gone). */
	drop(): void {
		this.dropping = true;
	}

	getColorDepth(): number {
		return 8;
	}

	hasColors(): boolean {
		return true;
	}
}

export class TerminalInput extends PassThrough {
	readonly isTTY = true;
	isRaw = true;

	setRawMode(mode: boolean): this {
		this.isRaw = mode;
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}
}

/** Pty sizes from the client, made safe for layout: 0 or absurd values fall back or clamp. */
export function terminalSize(columns: number | undefined, rows: number | undefined): {columns: number; rows: number} {
	const clamp = (value: number | undefined, fallback: number, max: number) => (value && Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value), max) : fallback);
	return {columns: clamp(columns, 80, 500), rows: clamp(rows, 24, 200)};
}
