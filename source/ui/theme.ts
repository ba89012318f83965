/**
 * The theme: colour on or off and Unicode or ASCII symbols, as a React context the
 * components read (not chalk's global level, so it can change in the app and differ per
 * session). Colour never carries meaning alone: every status has a symbol and a word.
 */
import {createContext} from 'react';

export type Theme = {
	/** Colour and text styles (bold, dim); off: plain text only, no SGR escapes at all. */
	readonly color: boolean;
	/** ASCII symbols instead of ✓ ✗ → ❯ (a terminal whose locale is not UTF-8). */
	readonly ascii: boolean;
};

export type Symbols = {
	readonly pass: string;
	readonly fail: string;
	readonly arrow: string;
	readonly pointer: string;
	readonly up: string;
	readonly down: string;
	readonly ellipsis: string;
	readonly rule: string;
	readonly dot: string;
};

export const unicodeSymbols: Symbols = {pass: '✓', fail: '✗', arrow: '→', pointer: '❯', up: '↑', down: '↓', ellipsis: '…', rule: '─', dot: '·'};
export const asciiSymbols: Symbols = {pass: '[x]', fail: '[ ]', arrow: '->', pointer: '>', up: '^', down: 'v', ellipsis: '...', rule: '-', dot: '-'};

export function symbolsOf(theme: Theme): Symbols {
	return theme.ascii ? asciiSymbols : unicodeSymbols;
}

/** Non-ASCII characters the engine and formatters write, with their ASCII spellings. */
const asciiReplacements: ReadonlyArray<[RegExp, string]> = [
	[/→/g, '->'],
	[/←/g, '<-'],
	[/⇄/g, '<->'],
	[/✓/g, '[x]'],
	[/✗/g, '[ ]'],
	[/❯/g, '>'],
	[/…/g, '...'],
	[/[–—]/g, '-'],
	[/·/g, '-'],
	[/[─━]/g, '-'],
	[/↑/g, '^'],
	[/↓/g, 'v'],
	[/[‘’]/g, "'"],
	[/[“”]/g, '"'],
	[/\u00A0/g, ' '],
];

/** Text as the theme shows it: unchanged, or with its non-ASCII symbols spelled in ASCII. */
export function themedText(text: string, theme: Theme): string {
	if (!theme.ascii) return text;
	let out = text;
	for (const [pattern, replacement] of asciiReplacements) out = out.replace(pattern, replacement);
	return out;
}

/** What a role looks like in colour; without colour, every role is plain text. */
export type Tone = 'plain' | 'title' | 'accent' | 'ok' | 'bad' | 'warn' | 'muted' | 'key' | 'selected';

export type ToneStyle = {color?: string; bold?: boolean; dimColor?: boolean};

export const toneStyles: Readonly<Record<Tone, ToneStyle>> = {
	plain: {},
	title: {bold: true},
	accent: {color: 'cyan'},
	ok: {color: 'green'},
	bad: {color: 'red'},
	warn: {color: 'yellow'},
	muted: {dimColor: true},
	key: {color: 'cyan', bold: true},
	selected: {color: 'cyan', bold: true},
};

export type Environment = Readonly<Record<string, string | undefined>>;

/** `NO_COLOR` set to anything but the empty string turns colour off (no-color.org). */
export function colorFromEnvironment(env: Environment): boolean {
	return env['NO_COLOR'] === undefined || env['NO_COLOR'] === '';
}

/** UTF-8 when the effective locale (LC_ALL, then LC_CTYPE, then LANG) says so. */
export function isUtf8Locale(env: Environment): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return /utf-?8/i.test(locale);
}

export type ThemeFlags = {
	/** `--no-color` (commander's `color: false`). */
	readonly color?: boolean;
	/** `--ascii`. */
	readonly ascii?: boolean;
};

/** The starting theme from the flags and the environment. */
export function themeFrom(flags: ThemeFlags, env: Environment): Theme {
	return {
		color: flags.color !== false && colorFromEnvironment(env),
		ascii: flags.ascii === true || !isUtf8Locale(env),
	};
}

export const ThemeContext = createContext<Theme>({color: true, ascii: false});
