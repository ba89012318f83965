/**
 * The briefing and the objectives with live status (✓ done / ✗ not yet, symbol and word),
 * the ones that must stay true apart, scrolled to `offset` (the lab screen keeps the selected
 * objective in view).
 */
import type {ObjectiveStatus} from '../../engine/lab.js';
import {useTheme} from '../hooks/use-theme.js';
import {objectiveLines} from '../objective-lines.js';
import {ScrollBox} from './scroll-box.js';

type Props = {
	readonly briefing: string;
	readonly statuses: readonly ObjectiveStatus[];
	readonly cursor: number;
	readonly offset: number;
	readonly width: number;
	readonly height: number;
	/** The hints revealed so far, and how many the lab has. */
	readonly hints?: {readonly shown: readonly string[]; readonly total: number};
};

export function ObjectiveList({briefing, statuses, cursor, offset, width, height, hints}: Props) {
	const theme = useTheme();
	const pane = objectiveLines({briefing, statuses, cursor, width, theme, ...(hints ? {hints} : {})});
	return <ScrollBox lines={pane.lines} offset={offset} height={height} label="briefing and objectives" />;
}
