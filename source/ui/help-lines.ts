/** The help screen's text: every key of a screen's modes, then the global ones, from keys.ts. Pure. */
import {contextTitles, displayKeys, keyBindings, screenContexts, type KeyBinding, type KeyContext, type ScreenKind} from './keys.js';
import {blank, line, wrapped, type Line} from './lines.js';
import {themedText, type Theme} from './theme.js';

/**
 * `current`, the mode the learner pressed `?` in, comes first, so its keys are on the first page
 * (stepping a trace, the routes table); the screen's other modes follow, then the global keys.
 */
export function helpLines(screen: ScreenKind, width: number, theme: Theme, bindings: readonly KeyBinding[] = keyBindings, current?: KeyContext): Line[] {
	const own = screenContexts[screen];
	const first = current !== undefined && own.includes(current) ? [current] : [];
	const contexts = [...first, ...own.filter((context) => context !== current), 'global' as const];
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
