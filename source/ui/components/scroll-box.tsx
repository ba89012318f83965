/**
 * A window of `height` rows over laid-out lines, starting at `offset`. When the lines do not
 * fit, the last row says where the window is (`↑↓ 12-30 of 45`). With a screen reader, every
 * line is read in order instead.
 */
import {Box, useIsScreenReaderEnabled} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import type {Line} from '../lines.js';
import {clampOffset} from '../state/scroll.js';
import {LineView} from './line-view.js';
import {StyledText} from './styled-text.js';

type Props = {
	readonly lines: readonly Line[];
	readonly offset: number;
	readonly height: number;
	/** What the box holds, read before its lines by a screen reader. */
	readonly label?: string;
};

/** Rows left for lines when the box overflows (one row is the position indicator). */
export function scrollRows(total: number, height: number): number {
	return total > height ? Math.max(1, height - 1) : height;
}

export function ScrollBox({lines, offset, height, label}: Props) {
	const {symbols} = useTheme();
	const isScreenReader = useIsScreenReaderEnabled();
	if (isScreenReader) {
		return (
			<Box flexDirection="column">
				{label ? <StyledText>{`${label}:`}</StyledText> : null}
				{lines.map((line, index) => (
					<LineView key={index} line={line} />
				))}
			</Box>
		);
	}

	const rows = scrollRows(lines.length, height);
	const start = clampOffset(offset, lines.length, rows);
	const visible = lines.slice(start, start + rows);
	const overflows = lines.length > height;
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{visible.map((line, index) => (
				<LineView key={start + index} line={line} />
			))}
			{overflows ? (
				<Box flexGrow={1} alignItems="flex-end">
					<StyledText tone="muted" truncate>
						{`${start > 0 ? symbols.up : ' '}${start + rows < lines.length ? symbols.down : ' '} lines ${start + 1}-${start + visible.length} of ${lines.length}`}
					</StyledText>
				</Box>
			) : null}
		</Box>
	);
}
