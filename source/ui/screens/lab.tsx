/**
 * A lab: its briefing and objectives with live status (predictions answered here, saved in
 * progress, and re-evaluated at once), or the compact network view; `t` traces a packet and
 * `r` shows effective routes. A sandbox is the same screen without objectives.
 */
import {Box} from 'ink';
import {useMemo} from 'react';
import type {Lab} from '../../engine/lab.js';
import {NetworkView} from '../components/network-view.js';
import {ObjectiveList} from '../components/objective-list.js';
import {PredictPanel} from '../components/predict-panel.js';
import {ScrollBox, scrollRows} from '../components/scroll-box.js';
import {StyledText} from '../components/styled-text.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useKeys} from '../hooks/use-keys.js';
import {predictObjective, useLabKeys} from '../hooks/use-lab-keys.js';
import {useLabProgress} from '../hooks/use-lab-progress.js';
import {useLabWork} from '../hooks/use-lab-work.js';
import {labNoticeLines, useLabWorkKeys} from '../hooks/use-lab-work-keys.js';
import {useProgress, useProgressStore} from '../hooks/use-progress.js';
import {revealedHints} from '../hints.js';
import {LineView} from '../components/line-view.js';
import {useLoadedLab} from '../hooks/use-loaded-lab.js';
import {useNetwork} from '../hooks/use-network.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useSessionDispatch} from '../hooks/use-session.js';
import {useTheme} from '../hooks/use-theme.js';
import {line, wrapped} from '../lines.js';
import {cachedNetworkLines} from '../network-lines-cache.js';
import {useScreenActive} from '../hooks/use-screen-active.js';
import {objectiveLines, orderObjectives} from '../objective-lines.js';
import type {LabRef} from '../session-reducer.js';
import {clampOffset, maxOffset, revealRange} from '../state/scroll.js';
import {initialLabState, labReducer} from '../state/lab-state.js';
import {themedText} from '../theme.js';

type Props = {
	readonly lab: LabRef;
};

/** From this many columns, the objectives and the network show side by side. */
const wideWidth = 110;
const paneGap = 3;

/** A lab that could not be loaded: its problems, and the way back. */
function LabProblems({problems}: {readonly problems: readonly string[]}) {
	const {width, height} = useBodySize();
	const theme = useTheme();
	useKeys({context: 'lab', onAction: () => false});
	const lines = [line('This lab cannot be opened:', 'bad'), ...problems.flatMap((problem) => wrapped(themedText(problem, theme), width, {prefix: '  '}))];
	return <ScrollBox lines={lines} offset={0} height={height} />;
}

export function LabScreen({lab: ref}: Props) {
	const loaded = useLoadedLab(ref);
	if (!loaded.ok) return <LabProblems problems={loaded.problems} />;
	return <LoadedLabScreen lab={loaded.lab} hash={loaded.hash} isSandbox={loaded.sandbox} />;
}

type LoadedProps = {
	readonly lab: Lab;
	readonly hash: string | undefined;
	readonly isSandbox: boolean;
};

function LoadedLabScreen({lab, hash, isSandbox}: LoadedProps) {
	const theme = useTheme();
	const {width, height} = useBodySize();
	const dispatchSession = useSessionDispatch();
	// The network as the learner's edits left it (lab-work.ts), shared with the other screens.
	const {work, snapshot} = useLabWork({lab, hash, sandbox: isSandbox});
	const topology = snapshot.topology;
	const network = useNetwork(topology);
	const [state, dispatch, stateRef] = useRefReducer(labReducer, () => initialLabState(lab.objectives.length > 0));
	const {answers, statuses, answer} = useLabProgress(lab, network, hash, isSandbox);
	const ordered = useMemo(() => orderObjectives(statuses), [statuses]);
	const store = useProgressStore();
	const hintTotal = isSandbox ? 0 : lab.hints.length;
	const hints = {shown: revealedHints(useProgress(), lab, isSandbox), total: hintTotal};
	const workKeys = useLabWorkKeys({
		work,
		store,
		dispatchSession,
		isComplete: statuses.length > 0 && statuses.every((status) => status.passed),
		onHint() {
			// Show the objectives pane, scrolled to its end, where the new hint is.
			if (stateRef.current.pane === 'network') dispatch({type: 'switch-pane'});
			const total = objectivePane(stateRef.current.cursor).lines.length;
			dispatch({type: 'scroll-objectives', offset: clampOffset(total, total, scrollRows(total, paneHeight))});
		},
	});
	const notice = labNoticeLines(snapshot, workKeys.state, width, theme);

	const paneHeight = Math.max(3, height - 2 - notice.length);
	// A wide terminal shows the objectives and the network side by side; tab moves the keys between them.
	const isWide = width >= wideWidth && lab.objectives.length > 0;
	const leftWidth = isWide ? Math.floor((width - paneGap) * 0.55) : width;
	const rightWidth = isWide ? width - leftWidth - paneGap : width;
	// Hidden under another screen (editing), the network view waits: laying out a large network takes a while.
	const isActive = useScreenActive();
	const networkTotal = useMemo(() => (isActive ? cachedNetworkLines(topology, rightWidth, theme).length : 0), [isActive, topology, rightWidth, theme.color, theme.ascii]);

	/** The objectives pane's lines with the cursor at `cursor` (pure; the key handler asks too, after a hint is revealed). */
	const objectivePane = (cursor: number) =>
		objectiveLines({briefing: lab.briefing, statuses, cursor, width: leftWidth, theme, hints: {shown: revealedHints(store.get(), lab, isSandbox), total: hintTotal}});
	useLabKeys({
		lab,
		stateRef,
		dispatch,
		dispatchSession,
		ordered,
		answers,
		answer,
		reveal(cursor, offset) {
			const pane = objectivePane(cursor);
			const range = pane.ranges[cursor];
			const rows = scrollRows(pane.lines.length, paneHeight);
			return range ? revealRange(offset, range.from, range.to, pane.lines.length, rows) : offset;
		},
		scrollObjectives(offset, by) {
			const total = objectivePane(stateRef.current.cursor).lines.length;
			return clampOffset(offset + by, total, scrollRows(total, paneHeight));
		},
		networkMax: maxOffset(networkTotal, scrollRows(networkTotal, paneHeight)),
		page: Math.max(1, paneHeight - 2),
		question: workKeys.question,
		onOtherAction: workKeys.onOtherAction,
		isSandbox,
	});

	const {symbols} = theme;
	const facts = [lab.level.join(', '), lab.minutes > 0 ? `${lab.minutes} min` : ''].filter(Boolean).join(` ${symbols.dot} `);
	const tabs = lab.objectives.length > 0 ? ['objectives', 'network'] : ['briefing', 'network'];
	const predicting = state.predict ? predictObjective(lab, state.predict.objectiveId) : undefined;
	const predictPanel = (paneWidth: number) =>
		predicting && state.predict ? (
			<PredictPanel question={predicting.text} choices={predicting.choices} cursor={state.predict.cursor} answer={answers[predicting.id]} width={paneWidth} height={paneHeight} />
		) : null;
	const objectiveList = (paneWidth: number) => (
		<ObjectiveList briefing={lab.briefing} statuses={statuses} cursor={state.cursor} offset={state.objectivesOffset} width={paneWidth} height={paneHeight} hints={hints} />
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width}>
				<Box flexGrow={1} flexShrink={1}>
					<StyledText tone="title" truncate>
						{themedText(lab.title, theme)}
					</StyledText>
				</Box>
				{facts ? (
					<Box flexShrink={0} marginLeft={2}>
						<StyledText tone="muted">{facts}</StyledText>
					</Box>
				) : null}
			</Box>
			<Box aria-label={isWide ? `keys move the ${state.pane}` : `showing ${state.pane === 'network' ? 'network' : tabs[0]}`}>
				{tabs.map((tab, index) => {
					const active = (index === 1) === (state.pane === 'network');
					return (
						<Box key={tab} {...(isWide && index === 0 ? {width: leftWidth + paneGap} : {marginRight: 2})}>
							<StyledText tone={active ? 'selected' : 'muted'}>{active ? `[${tab}]` : ` ${tab} `}</StyledText>
						</Box>
					);
				})}
			</Box>
			{notice.map((row, index) => (
				<LineView key={`notice-${index}`} line={row} />
			))}
			{isWide ? (
				<Box flexDirection="row" width={width} height={paneHeight}>
					<Box width={leftWidth} flexShrink={0}>
						{predicting && state.predict ? predictPanel(leftWidth) : objectiveList(leftWidth)}
					</Box>
					<Box width={paneGap} flexShrink={0} />
					{isActive ? <NetworkView topology={topology} offset={state.networkOffset} width={rightWidth} height={paneHeight} /> : null}
				</Box>
			) : predicting && state.predict ? (
				predictPanel(width)
			) : state.pane === 'network' ? (
				isActive ? <NetworkView topology={topology} offset={state.networkOffset} width={width} height={paneHeight} /> : null
			) : (
				objectiveList(width)
			)}
		</Box>
	);
}
