/**
 * Numbered notes under a table: equal texts share one number, and each note wraps
 * with a hanging indent. Pure.
 */
import {wrapHanging} from './wrap.js';

export type NoteList = {
	/** The marker for a note text (`[1]`), numbering it on first use. */
	mark: (text: string) => string;
	/** The notes as lines, `[1] text`, wrapped to `width`. */
	lines: (width: number) => string[];
};

export function createNoteList(): NoteList {
	const texts: string[] = [];
	return {
		mark(text) {
			let index = texts.indexOf(text);
			if (index < 0) index = texts.push(text) - 1;
			return `[${index + 1}]`;
		},
		lines(width) {
			return texts.flatMap((text, index) => wrapHanging(`[${index + 1}] `, text, width));
		},
	};
}
