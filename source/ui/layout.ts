/**
 * The frame: a header line, the screen's body, a footer line, one row short of the terminal's
 * height (a frame as tall as the terminal makes Ink clear the whole screen on every update).
 * The body's size reaches the screens through a context.
 */
import {createContext} from 'react';
import type {TerminalSize} from './hooks/use-terminal-size.js';

export type BodySize = {readonly width: number; readonly height: number};

/** Rows the header and footer take. */
const chromeRows = 2;

/** The smallest frame laid out: smaller terminals get a cut-off frame rather than a crash. */
export const minimumSize: TerminalSize = {columns: 40, rows: 10};

export function frameSize(terminal: TerminalSize): TerminalSize {
	return {columns: Math.max(minimumSize.columns, terminal.columns), rows: Math.max(minimumSize.rows, terminal.rows - 1)};
}

/** The body's size inside a frame (one column of padding each side). */
export function bodySize(terminal: TerminalSize): BodySize {
	const frame = frameSize(terminal);
	return {width: frame.columns - 2, height: frame.rows - chromeRows};
}

export const BodySizeContext = createContext<BodySize>({width: 78, height: 21});
