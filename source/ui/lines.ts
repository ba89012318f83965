/**
 * Screen text as lines laid out ahead of rendering: each line a list of spans with a tone.
 * Screens wrap their text to the width they have, so a scroll box knows exactly how many
 * lines there are and nothing is cut off by the terminal. Pure.
 */
import {wrapText} from '../format/wrap.js';
import type {Tone} from './theme.js';

export type Span = {readonly text: string; readonly tone?: Tone};
export type Line = readonly Span[];

export function line(text: string, tone?: Tone): Line {
	return [tone ? {text, tone} : {text}];
}

export const blank: Line = [{text: ''}];

export type WrapOptions = {
	/** The tone of the text. */
	readonly tone?: Tone;
	/** Written before the first line (`- `, a label); later lines are indented to its width. */
	readonly prefix?: string;
	readonly prefixTone?: Tone;
	/** Indent of the later lines, default the prefix's width. */
	readonly indent?: number;
};

/** A paragraph wrapped to `width`, with a hanging prefix. Never fewer than one line. */
export function wrapped(text: string, width: number, options: WrapOptions = {}): Line[] {
	const prefix = options.prefix ?? '';
	const indent = options.indent ?? prefix.length;
	const room = Math.max(8, width - indent);
	const firstRoom = Math.max(8, width - prefix.length);
	const lines = wrapText(text, room, {firstWidth: firstRoom});
	return lines.map((part, index) => {
		const lead: Span = index === 0 ? {text: prefix, ...(options.prefixTone ? {tone: options.prefixTone} : {})} : {text: ' '.repeat(indent)};
		const body: Span = options.tone ? {text: part, tone: options.tone} : {text: part};
		return lead.text === '' ? [body] : [lead, body];
	});
}

/** A list item's marker at the start of a line of prose: `- `, `* ` or `1. `. */
const listMarker = /^([-*]|\d{1,2}\.) +/;

/**
 * Prose as lab files write it (briefings, debriefs), wrapped to `width`: paragraphs are
 * separated by blank lines, the lines within one are joined, and a line that starts with a
 * list marker starts an item of its own with a hanging indent, so a list written without
 * blank lines between its items does not run together. `transform` themes the text.
 */
export function proseLines(text: string, width: number, transform: (text: string) => string = (value) => value): Line[] {
	const lines: Line[] = [];
	for (const paragraph of text.trim().split(/\n\s*\n/)) {
		if (paragraph.trim() === '') continue;
		if (lines.length > 0) lines.push(blank);
		const blocks: string[][] = [];
		for (const raw of paragraph.split('\n')) {
			const text = raw.trim();
			if (blocks.length === 0 || listMarker.test(text)) blocks.push([text]);
			else blocks.at(-1)!.push(text);
		}

		for (const block of blocks) {
			const joined = block.join(' ').trim();
			const marker = listMarker.exec(joined);
			if (marker) lines.push(...wrapped(transform(joined.slice(marker[0].length)), width, {prefix: `${marker[1]} `}));
			else lines.push(...wrapped(transform(joined), width));
		}
	}

	return lines;
}

/** The characters of a line. */
export function lineText(value: Line): string {
	return value.map((span) => span.text).join('');
}

/** Pad or cut plain text to exactly `width` characters (cut text ends with `ellipsis`). */
/**
 * Shell commands laid out for reading and copying: one command per line of `commands`, each
 * wrapped under its `prefix` with later lines indented; a `#` comment stays a comment on every
 * line it takes, so a wrapped comment never reads as a command.
 */
export function commandLines(commands: string, width: number, prefix: string, indent: number): Line[] {
	return commands.split('\n').flatMap((command) => {
		if (!command.startsWith('#')) return wrapped(command, width, {prefix, indent, tone: 'accent'});
		const lead = `${' '.repeat(prefix.length)}# `;
		return wrapText(command.replace(/^#\s*/, ''), Math.max(8, width - lead.length)).map((part): Line => [
			{text: lead, tone: 'muted'},
			{text: part, tone: 'muted'},
		]);
	});
}

/**
 * At most `max` of `lines` (at least one); when some are left out, the last kept line ends with
 * `ellipsis` (replacing its last characters if it is `width` wide), so a cut never looks complete.
 */
export function clipLines(lines: readonly Line[], max: number, width: number, ellipsis = '…'): Line[] {
	const keep = Math.max(1, max);
	if (lines.length <= keep) return [...lines];
	const kept = lines.slice(0, keep);
	const last = kept[keep - 1]!;
	const text = last.map((span) => span.text).join('');
	const room = Math.max(0, width - [...ellipsis].length);
	const cut = [...text].length > room ? [...text].slice(0, room).join('').trimEnd() : text.trimEnd();
	const tone = last.at(-1)?.tone;
	kept[keep - 1] = [tone ? {text: `${cut}${ellipsis}`, tone} : {text: `${cut}${ellipsis}`}];
	return kept;
}

export function fit(text: string, width: number, ellipsis = '…'): string {
	const chars = [...text];
	if (chars.length <= width) return text + ' '.repeat(width - chars.length);
	if (width <= ellipsis.length) return chars.slice(0, width).join('');
	return chars.slice(0, width - ellipsis.length).join('') + ellipsis;
}
