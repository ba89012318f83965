/**
 * The keys line at the bottom, drawn from the key data (keys.ts) for the screen's current
 * mode: as many `key label` pairs as fit the width; back (or quit) and help are always kept.
 */
import {Box} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import type {FooterOverrides} from '../key-router.js';
import {footerEntries, type KeyContext} from '../keys.js';
import {StyledText} from './styled-text.js';

type Props = {
	readonly context: KeyContext;
	readonly width: number;
	/** On the first screen, going back quits. */
	readonly isRoot?: boolean;
	/** Keys the screen says do nothing right now, and labels that fit its state. */
	readonly overrides?: FooterOverrides;
};

/** Leaving and help are never dropped: with them a learner can always find the rest. */
const essential = new Set(['help', 'back', 'quit']);

/** The entries that fit in `width`, in their order with help last; `help` and `back` (or `quit`) always kept. */
export function fitFooter(entries: ReadonlyArray<{keys: string; label: string}>, width: number, separator: string): Array<{keys: string; label: string}> {
	const size = (list: ReadonlyArray<{keys: string; label: string}>) =>
		list.reduce((sum, entry) => sum + entry.keys.length + 1 + entry.label.length, 0) + Math.max(0, list.length - 1) * separator.length;
	const kept = new Set(entries.filter((entry) => essential.has(entry.label)));
	for (const entry of entries) {
		if (kept.has(entry)) continue;
		if (size([...kept, entry]) > width) break;
		kept.add(entry);
	}

	// Help goes last, where a reader's eye ends.
	return [...entries.filter((entry) => kept.has(entry) && entry.label !== 'help'), ...entries.filter((entry) => kept.has(entry) && entry.label === 'help')];
}

export function Footer({context, width, isRoot = false, overrides}: Props) {
	const {ascii} = useTheme();
	const separator = ascii ? '  ' : ' · ';
	const all = footerEntries(context, ascii, undefined, overrides).map((entry) => (isRoot && entry.label === 'back' ? {...entry, label: 'quit'} : entry));
	const entries = fitFooter(all, width, separator);
	return (
		<Box>
			<StyledText truncate>
				{entries.map((entry, index) => (
					<StyledText key={entry.label}>
						{index > 0 ? <StyledText tone="muted">{separator}</StyledText> : null}
						<StyledText tone="key">{entry.keys}</StyledText> {entry.label}
					</StyledText>
				))}
			</StyledText>
		</Box>
	);
}
