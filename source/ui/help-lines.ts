/** The help screen's text: every key of a screen's modes, then the global ones, from keys.ts. Pure. */
import {contextTitles, displayKeys, keyBindings, screenContexts, type KeyBinding, type ScreenKind} from './keys.js';
import {blank, line, wrapped, type Line} from './lines.js';
import {themedText, type Theme} from './theme.js';

export function helpLines(screen: ScreenKind, width: number, theme: Theme, bindings: readonly KeyBinding[] = keyBindings): Line[] {
	const contexts = [...screenContexts[screen], 'global' as const];
	const keyWidth = Math.min(18, Math.max(...bindings.map((binding) => displayKeys(binding, theme.ascii).length)) + 2);
	const lines: Line[] = [];
	for (const context of contexts) {
		const own = bindings.filter((binding) => binding.screen === context);
		if (own.length === 0) continue;
		if (lines.length > 0) lines.push(blank);
		lines.push(line(contextTitles[context], 'title'));
		for (const binding of own) {
			const keys = displayKeys(binding, theme.ascii);
			const prefix = `  ${keys.padEnd(keyWidth)}`;
			lines.push(...wrapped(themedText(binding.description, theme), width, {prefix, prefixTone: 'key', indent: keyWidth + 2}));
		}
	}

	return lines;
}
