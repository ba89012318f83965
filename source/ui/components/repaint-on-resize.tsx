/**
 * After the terminal is resized and the frame re-laid out, clear the screen and have Ink
 * write the whole frame again: a frame that shrank is beyond what Ink's line-by-line updates
 * can fix (see anchored-stdout.ts). Renders nothing.
 */
import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {TerminalSize} from '../hooks/use-terminal-size.js';

type Props = {
	readonly size: TerminalSize;
};

const clearScreen = '\u001B[2J';

export function RepaintOnResize({size}: Props) {
	const {write} = useStdout();
	const first = useRef(true);
	useEffect(() => {
		if (first.current) {
			first.current = false;
			return;
		}

		// Ink clears its frame, writes this, then writes the last frame again in full.
		write(clearScreen);
	}, [size.columns, size.rows, write]);
	return null;
}
