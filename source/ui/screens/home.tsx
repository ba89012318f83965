/**
 * The home screen: the labs in learning order with level, minutes and status, the cursor on
 * the lab opened last ("continue"), the selected lab's summary under the list, and one line
 * when the progress store had to be set aside or a lab file is broken.
 */
import {Box} from 'ink';
import {useCallback, useRef} from 'react';
import {Menu, type MenuItem} from '../components/menu.js';
import {LineView} from '../components/line-view.js';
import {StyledText} from '../components/styled-text.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useKeys} from '../hooks/use-keys.js';
import {useProgress, useProgressStore} from '../hooks/use-progress.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useScreenActive} from '../hooks/use-screen-active.js';
import {useServices} from '../hooks/use-services.js';
import {useSessionDispatch} from '../hooks/use-session.js';
import {useTheme} from '../hooks/use-theme.js';
import {homeRows, statusText} from '../home-rows.js';
import {clipLines, wrapped, type Line} from '../lines.js';
import {moveCursor, type MenuAction} from '../state/menu-state.js';
import {themedText} from '../theme.js';

const menuActions: Record<string, MenuAction> = {
	'home.up': {type: 'up'},
	'home.down': {type: 'down'},
	'home.first': {type: 'first'},
	'home.last': {type: 'last'},
};

export function HomeScreen() {
	const services = useServices();
	const catalog = services.catalog();
	const store = useProgressStore();
	const progress = useProgress();
	const theme = useTheme();
	const {width, height} = useBodySize();
	const dispatchSession = useSessionDispatch();
	const count = catalog.labs.length;
	const reducer = useCallback((cursor: number, action: MenuAction) => moveCursor(cursor, action, count), [count]);
	const lastIndex = () => catalog.labs.findIndex((lab) => lab.id === store.get().lastLab);
	const [, move, cursorRef] = useRefReducer(reducer, () => Math.max(0, lastIndex()));
	// Back on the list from a lab opened another way (vnetlab open <lab>, or the next lab after a
	// debrief), the cursor is on that lab, the one to continue, from the first frame: set during
	// this render, as the state lives in a ref.
	const active = useScreenActive();
	const wasActive = useRef(active);
	if (active && !wasActive.current && lastIndex() >= 0) cursorRef.current = lastIndex();
	wasActive.current = active;
	const cursor = cursorRef.current;

	useKeys({
		context: 'home',
		onAction(id) {
			const action = menuActions[id];
			if (action) {
				move(action);
				return true;
			}

			if (id === 'home.open') {
				const lab = catalog.labs[cursorRef.current];
				if (lab) dispatchSession({type: 'open-lab', lab: {kind: 'catalog', id: lab.id, file: lab.file}});
				return true;
			}

			return false;
		},
	});

	const notices: Line[] = [];
	if (store.notice) notices.push(...wrapped(themedText(store.notice, theme), width, {tone: 'warn'}));
	if (catalog.problems.length > 0) {
		const first = themedText(catalog.problems[0]!, theme);
		const more = catalog.problems.length > 1 ? ` (and ${catalog.problems.length - 1} more)` : '';
		// With no lab to show, the whole reason fits (a misnamed folder says what a lab file is called).
		const reason = wrapped(count === 0 ? first : `Not listed: ${first}${more}`, width, {tone: 'warn'});
		notices.push(...(count === 0 ? reason : reason.slice(0, 2)));
	}

	const selected = catalog.labs[cursor];
	const detail: Line[] = [];
	if (selected) {
		const about = wrapped(themedText(`${selected.title}: ${selected.summary}`, theme), width);
		const facts = [selected.level.join(', '), `${selected.minutes} min`, statusText(progress, selected, theme), selected.concepts.join(', ')].filter(Boolean).join(` ${theme.symbols.dot} `);
		const factLines = wrapped(themedText(facts, theme), width, {tone: 'muted'});
		// The selected lab's whole summary where the rows allow, keeping 8 rows of the list (fewer labs, fewer rows);
		// what does not fit ends in an ellipsis rather than mid-sentence.
		const room = Math.max(3, height - 2 - notices.length - 1 - Math.min(count, 8));
		const aboutRoom = Math.max(1, room - Math.min(2, factLines.length));
		const aboutShown = clipLines(about, aboutRoom, width, theme.symbols.ellipsis);
		detail.push(...aboutShown, ...clipLines(factLines, room - aboutShown.length, width, theme.symbols.ellipsis));
	}

	const rows = homeRows(catalog.labs, progress, width - theme.symbols.pointer.length - 1, theme);
	const items: MenuItem[] = catalog.labs.map((lab, index) => ({key: lab.id, line: rows[index]!, label: `Lab ${lab.number}: ${lab.title}, ${statusText(progress, lab, theme)}`}));
	const menuHeight = Math.max(3, height - 2 - (detail.length > 0 ? detail.length + 1 : 0) - notices.length);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<StyledText tone="title" truncate>
				Labs, in learning order
			</StyledText>
			<Box height={1} />
			{count === 0 ? (
				<StyledText tone="muted">No labs found.</StyledText>
			) : (
				<Box height={Math.min(menuHeight, count)} flexDirection="column">
					<Menu items={items} cursor={cursor} height={menuHeight} />
				</Box>
			)}
			{detail.length > 0 ? <Box height={1} /> : null}
			{detail.map((line, index) => (
				<LineView key={`detail-${index}`} line={line} />
			))}
			<Box flexGrow={1} />
			{notices.map((line, index) => (
				<LineView key={`notice-${index}`} line={line} />
			))}
		</Box>
	);
}
