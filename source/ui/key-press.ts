/**
 * Ink's `(input, key)` pairs turned into key names (`up`, `enter`, `space`, `ctrl-u`, `q`).
 * Ink splits a chunk of input at escape sequences but hands a run of plain characters over
 * as one string (`jj\r` when keys arrive together): that run becomes one name per character,
 * in order. Pure.
 */
import type {Key} from 'ink';
import type {KeyName} from './keys.js';

const controlNames: Record<string, KeyName> = {
	'\r': 'enter',
	'\n': 'enter',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
	' ': 'space',
};

/** One character of a plain run. */
function charName(char: string): KeyName | undefined {
	const named = controlNames[char];
	if (named) return named;
	const code = char.codePointAt(0)!;
	if (code < 0x20) return `ctrl-${String.fromCodePoint(code + 0x60)}`;
	return char;
}

/** The key names in one Ink input event, in order (usually one). */
export function keyNames(input: string, key: Key): KeyName[] {
	if (key.upArrow) return ['up'];
	if (key.downArrow) return ['down'];
	if (key.leftArrow) return ['left'];
	if (key.rightArrow) return ['right'];
	if (key.pageUp) return ['pageup'];
	if (key.pageDown) return ['pagedown'];
	if (key.home) return ['home'];
	if (key.end) return ['end'];
	if (key.return) return ['enter'];
	if (key.escape) return ['escape'];
	if (key.tab) return [key.shift ? 'shift-tab' : 'tab'];
	// Ink names DEL (0x7f, what most terminals send for Backspace) `delete`.
	if (key.backspace || key.delete) return ['backspace'];
	if (key.ctrl && input.length === 1) return [`ctrl-${input.toLowerCase()}`];
	return [...input].map(charName).filter((name): name is KeyName => name !== undefined);
}

/** True for a key name that is a printable character (what a text field takes). */
export function isPrintable(name: KeyName): boolean {
	return [...name].length === 1 && name.codePointAt(0)! >= 0x20 && name !== '\u007F';
}

/** The text a key adds to a field (`space` is a space). */
export function printableText(name: KeyName): string | undefined {
	if (name === 'space') return ' ';
	return isPrintable(name) ? name : undefined;
}
