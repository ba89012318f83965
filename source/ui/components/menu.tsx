/**
 * A vertical menu: the item under the cursor has the pointer (❯, or > in ASCII) and is
 * highlighted; a window of `height` rows follows the cursor. The cursor itself lives in the
 * screen's reducer (state/menu-state.ts), so keys that arrive together are all applied in order.
 */
import {Box} from 'ink';
import {useRef} from 'react';
import {useTheme} from '../hooks/use-theme.js';
import type {Line} from '../lines.js';
import {windowStart} from '../state/menu-state.js';
import {LineView} from './line-view.js';

export type MenuItem = {
	/** A stable key. */
	readonly key: string;
	/** The row, laid out (without the pointer). */
	readonly line: Line;
	/** What a screen reader says for the row. */
	readonly label?: string;
};

type Props = {
	readonly items: readonly MenuItem[];
	readonly cursor: number;
	/** Rows available; the menu scrolls within them. */
	readonly height: number;
	/** Show the pointer (false while focus is elsewhere, such as a text field). */
	readonly isFocused?: boolean;
};

export function Menu({items, cursor, height, isFocused = true}: Props) {
	const {symbols} = useTheme();
	const previous = useRef(0);
	const start = windowStart(cursor, items.length, Math.max(1, height), previous.current);
	previous.current = start;
	const pointer = symbols.pointer;
	const blank = ' '.repeat(pointer.length);
	return (
		<Box flexDirection="column">
			{items.slice(start, start + Math.max(1, height)).map((item, offset) => {
				const index = start + offset;
				const selected = isFocused && index === cursor;
				const line: Line = selected
					? [{text: `${pointer} `, tone: 'selected'}, ...item.line.map((span) => ({...span, tone: span.tone === 'muted' ? span.tone : ('selected' as const)}))]
					: [{text: `${blank} `}, ...item.line];
				const label = item.label ?? item.line.map((span) => span.text).join('');
				return <LineView key={item.key} line={line} aria-label={selected ? `selected: ${label}` : label} />;
			})}
		</Box>
	);
}
