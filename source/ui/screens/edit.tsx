/**
 * The edit screen: the ops the lab allows (every op in a sandbox) as a menu, each opening a
 * short form; under the menu, what the last change did, the learner's edits (with their Azure
 * CLI commands on `a`) and the hints revealed. Submitting a form applies the edit through the
 * lab's work (lab-work.ts): the network changes on every screen at once, or, when the edit is
 * rejected, nothing changes and the problems show under their fields.
 */
import {Box} from 'ink';
import {useMemo} from 'react';
import {evaluateObjective} from '../../engine/objectives.js';
import {EditFormView} from '../components/edit-form-view.js';
import {LineView} from '../components/line-view.js';
import {Menu, type MenuItem} from '../components/menu.js';
import {ScrollBox, scrollRows} from '../components/scroll-box.js';
import {StyledText} from '../components/styled-text.js';
import {editForms, menuOps} from '../edit-forms.js';
import {revealedHints, revealNextHint} from '../hints.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useEditKeys} from '../hooks/use-edit-keys.js';
import {useLabWork} from '../hooks/use-lab-work.js';
import {useLoadedLab} from '../hooks/use-loaded-lab.js';
import {useNetwork} from '../hooks/use-network.js';
import {useProgress, useProgressStore} from '../hooks/use-progress.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useTheme} from '../hooks/use-theme.js';
import {fit, wrapped} from '../lines.js';
import type {LabRef} from '../session-reducer.js';
import {editScreenReducer, initialEditScreen} from '../state/edit-screen-state.js';
import {maxOffset} from '../state/scroll.js';
import {themedText} from '../theme.js';
import {workPaneLines} from '../work-lines.js';
import type {LabWorkSource} from '../lab-work.js';

type Props = {
	readonly lab: LabRef;
};

export function EditScreen({lab: ref}: Props) {
	const loaded = useLoadedLab(ref);
	if (!loaded.ok) return <StyledText tone="bad">This lab cannot be opened.</StyledText>;
	return <LoadedEditScreen source={loaded} />;
}

function LoadedEditScreen({source}: {readonly source: LabWorkSource}) {
	const theme = useTheme();
	const {width, height} = useBodySize();
	const {lab} = source;
	const {work, snapshot} = useLabWork(source);
	const store = useProgressStore();
	const progress = useProgress();
	const network = useNetwork(snapshot.topology);
	const ops = useMemo(() => menuOps(work.allowedOps), [work]);
	const [state, dispatch, stateRef] = useRefReducer(editScreenReducer, initialEditScreen);
	const answers = source.sandbox ? {} : (progress.labs[lab.id]?.predictAnswers ?? {});
	const statuses = useMemo(() => lab.objectives.map((objective) => evaluateObjective(network, objective, answers)), [lab, network, answers]);

	const paneLines = (showAz: boolean) => {
		const current = work.getSnapshot();
		return workPaneLines({
			...(current.change ? {change: current.change} : {}),
			edits: current.edits,
			showAz,
			hints: revealedHints(store.get(), lab, source.sandbox),
			hintTotal: source.sandbox ? 0 : lab.hints.length,
			width,
			theme,
		});
	};

	// The menu takes at least 40% of the rows, and whatever the pane below does not need (the sandbox offers every op).
	const paneNeed = paneLines(state.showAz).length;
	const menuRows = Math.min(ops.length, Math.max(3, Math.floor(height * 0.4), height - 2 - paneNeed));
	const paneHeight = Math.max(2, height - menuRows - 2);

	useEditKeys({
		work,
		ops,
		stateRef,
		dispatch,
		revealHint: () => revealNextHint(store, lab, source.sandbox),
		pane() {
			const total = paneLines(stateRef.current.showAz).length;
			const rows = scrollRows(total, paneHeight);
			return {max: maxOffset(total, rows), page: Math.max(1, rows - 1)};
		},
	});

	if (state.mode === 'form' && state.form) return <EditFormView state={state.form} topology={snapshot.topology} width={width} height={height} />;

	const done = statuses.filter((status) => status.passed && !status.holds).length;
	const goals = statuses.filter((status) => !status.holds).length;
	// When the menu scrolls, say where the cursor is, so the ops below the fold are not a secret.
	const position = ops.length > menuRows ? `choice ${state.cursor + 1} of ${ops.length}` : '';
	const facts = [position, goals > 0 ? `${done} of ${goals} objectives done` : '', `${snapshot.edits.length} ${snapshot.edits.length === 1 ? 'edit' : 'edits'}`].filter(Boolean).join(` ${theme.symbols.dot} `);
	const opWidth = Math.max(...ops.map((op) => op.length), 4);
	const items: MenuItem[] = ops.map((op) => ({
		key: op,
		line: [{text: `${fit(op, opWidth)}  `}, {text: fit(themedText(editForms[op].summary, theme), Math.max(4, width - opWidth - 4)), tone: 'muted'}],
		label: `${op}: ${editForms[op].summary}`,
	}));
	const below =
		state.mode === 'confirm-reset'
			? wrapped(themedText(`Reset the lab to its start? Your ${snapshot.edits.length} ${snapshot.edits.length === 1 ? 'edit is' : 'edits are'} undone. y: reset · n: keep them`, theme), width, {tone: 'warn'})
			: paneLines(state.showAz);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width}>
				<Box flexGrow={1} flexShrink={1}>
					<StyledText tone="title" truncate>
						{ops.length > 0 ? 'Change the network' : 'This lab has no edits'}
					</StyledText>
				</Box>
				<Box flexShrink={0} marginLeft={2}>
					<StyledText tone="muted">{facts}</StyledText>
				</Box>
			</Box>
			{ops.length > 0 ? <Menu items={items} cursor={state.cursor} height={menuRows} /> : <StyledText tone="muted">Its objectives are predictions: answer them on the lab screen.</StyledText>}
			{state.message ? <LineView line={[{text: themedText(state.message, theme), tone: 'warn'}]} /> : <Box height={1} />}
			<ScrollBox lines={below} offset={state.mode === 'confirm-reset' ? 0 : state.offset} height={paneHeight} label="changes and edits" />
		</Box>
	);
}
