/**
 * The debrief of a lab whose objectives all pass: what it taught, where to read more, the
 * learner's own edits as Azure CLI commands, and the next lab (enter opens it). Opens by
 * itself when the last objective passes; `d` on the lab screen opens it again.
 */
import {ScrollBox, scrollRows} from '../components/scroll-box.js';
import {StyledText} from '../components/styled-text.js';
import {debriefLines} from '../debrief-lines.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useKeys} from '../hooks/use-keys.js';
import {useLabWork} from '../hooks/use-lab-work.js';
import {useLoadedLab} from '../hooks/use-loaded-lab.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useServices} from '../hooks/use-services.js';
import {useSessionDispatch} from '../hooks/use-session.js';
import {useTheme} from '../hooks/use-theme.js';
import type {LabWorkSource} from '../lab-work.js';
import type {LabRef} from '../session-reducer.js';
import {maxOffset} from '../state/scroll.js';

type Props = {
	readonly lab: LabRef;
};

export function DebriefScreen({lab: ref}: Props) {
	const loaded = useLoadedLab(ref);
	if (!loaded.ok) return <StyledText tone="bad">This lab cannot be opened.</StyledText>;
	return <LoadedDebriefScreen source={loaded} />;
}

function scrollBy(offset: number, action: {by: number; max: number}): number {
	return Math.min(action.max, Math.max(0, offset + action.by));
}

function LoadedDebriefScreen({source}: {readonly source: LabWorkSource}) {
	const theme = useTheme();
	const {width, height} = useBodySize();
	const {snapshot} = useLabWork(source);
	const catalog = useServices().catalog();
	const dispatchSession = useSessionDispatch();
	const index = catalog.labs.findIndex((summary) => summary.id === source.lab.id);
	const next = index >= 0 ? catalog.labs[index + 1] : undefined;
	const lines = debriefLines({lab: source.lab, edits: snapshot.edits, ...(next ? {next} : {}), width, theme});
	const rows = scrollRows(lines.length, height);
	const max = maxOffset(lines.length, rows);
	const [offset, scroll] = useRefReducer(scrollBy, 0);
	useKeys({
		context: 'debrief',
		onAction(id) {
			switch (id) {
				case 'debrief.up':
				case 'debrief.down':
					scroll({by: id === 'debrief.up' ? -1 : 1, max});
					return true;
				case 'debrief.page-up':
				case 'debrief.page-down':
					scroll({by: (id === 'debrief.page-up' ? -1 : 1) * Math.max(1, rows - 1), max});
					return true;
				case 'debrief.next':
					if (next) dispatchSession({type: 'next-lab', lab: {kind: 'catalog', id: next.id, file: next.file}});
					return true;
				default:
					return false;
			}
		},
	});
	return <ScrollBox lines={lines} offset={offset} height={height} label="debrief" />;
}
