/**
 * Word wrapping for terminal text: break at spaces first, then inside a long word
 * after a hyphen or at a camelCase boundary (VirtualNetwork|Gateway), or after a path's
 * slashes, and cut only
 * as a last resort. A no-break space (U+00A0) keeps two words together and comes out
 * as a plain space. Pure; shared by the table and the note formatters.
 */

/** Write between two words that must stay on one line (`System${noBreak}Route`). */
export const noBreak = '\u00a0';

/**
 * The pieces a word may be broken into when it does not fit on a line by itself. A path or
 * URL (a slash before a letter) breaks after its slashes and hyphens only, never inside a
 * segment (`resource|Groups`); a CIDR's slash (`/16`) is no break.
 */
export function wordPieces(word: string): string[] {
	if (/\/[A-Za-z<]/.test(word)) return word.split(/(?<=\/)(?=[A-Za-z<])|(?<=-)/).filter(Boolean);
	return word.split(/(?<=[-_])|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
}

/** The longest space-separated word of a text. */
export function longestWord(text: string): number {
	return Math.max(0, ...text.split(' ').map((word) => word.length));
}

/** The longest piece any word of a text can be broken into. */
export function longestPiece(text: string): number {
	return Math.max(0, ...text.split(' ').flatMap((word) => wordPieces(word).map((piece) => piece.length)));
}

export type WrapOptions = {
	/** Break a word longer than the width (default true); when false, it overflows its line. */
	readonly breakWords?: boolean;
	/** The first line's width, when it differs (a hanging prefix takes room). */
	readonly firstWidth?: number;
};

/** Wrap a text to lines of at most `width` characters (never fewer than one line). */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string[] {
	const lines: string[] = [];
	let line = '';
	const room = () => Math.max(1, lines.length === 0 ? (options.firstWidth ?? width) : width);
	const push = () => {
		lines.push(line);
		line = '';
	};

	for (const word of text.split(' ').filter(Boolean)) {
		if (line && line.length + 1 + word.length <= room()) {
			line += ` ${word}`;
			continue;
		}

		if (line) push();
		if (word.length <= room() || options.breakWords === false) {
			line = word;
			continue;
		}

		for (const piece of wordPieces(word)) {
			let rest = piece;
			while (rest) {
				if (line.length >= room()) push();
				const part = rest.slice(0, room() - line.length);
				if (line && part.length < rest.length && part.length < room()) {
					// The piece does not fit after what is on the line: start a new line.
					push();
					continue;
				}

				line += part;
				rest = rest.slice(part.length);
			}
		}
	}

	if (line || lines.length === 0) push();
	return lines.map((text) => text.replaceAll(noBreak, ' '));
}

/** Wrap with a first-line prefix and an indent (default: the prefix's width) on later lines. */
export function wrapHanging(prefix: string, text: string, width: number, indent = prefix.length): string[] {
	const lines = wrapText(text, Math.max(20, width - indent), {firstWidth: Math.max(20, width - prefix.length)});
	return lines.map((line, index) => (index === 0 ? prefix : ' '.repeat(indent)) + line);
}
