/**
 * Effective routes: pick a network interface, then read its effective route table as Azure
 * shows it, Invalid rows with their notes; ←/→ move to the previous or next interface.
 */
import {Box} from 'ink';
import {useCallback, useMemo} from 'react';
import type {Lab} from '../../engine/lab.js';
import {LineView} from '../components/line-view.js';
import {Menu, type MenuItem} from '../components/menu.js';
import {ScrollBox, scrollRows} from '../components/scroll-box.js';
import {StyledText} from '../components/styled-text.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useKeys} from '../hooks/use-keys.js';
import {useNetwork} from '../hooks/use-network.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useLoadedLab} from '../hooks/use-loaded-lab.js';
import {useLabTopology} from '../hooks/use-lab-work.js';
import {useTheme} from '../hooks/use-theme.js';
import {fit} from '../lines.js';
import {routeLines, routeTitleLines} from '../route-lines.js';
import type {LabRef} from '../session-reducer.js';
import {initialRoutesState, routesReducer, type RoutesState} from '../state/routes-state.js';
import {maxOffset} from '../state/scroll.js';

type Props = {
	readonly lab: LabRef;
};

export function RoutesScreen({lab: ref}: Props) {
	const loaded = useLoadedLab(ref);
	if (!loaded.ok) return <StyledText tone="bad">This lab cannot be opened.</StyledText>;
	return <LoadedRoutesScreen lab={loaded.lab} />;
}

function LoadedRoutesScreen({lab}: {readonly lab: Lab}) {
	const theme = useTheme();
	const {width, height} = useBodySize();
	const network = useNetwork(useLabTopology(lab));
	const nics = useMemo(() => [...network.nics.values()], [network]);
	const [state, dispatch, stateRef] = useRefReducer(routesReducer, initialRoutesState);

	const tableLayout = useCallback(
		(current: RoutesState) => {
			const nic = nics[current.cursor];
			if (!nic) return {lines: [], title: [], rows: 1, max: 0};
			const title = routeTitleLines(network, nic.name, width, theme);
			const lines = routeLines(network, nic.name, width, theme);
			const boxHeight = Math.max(2, height - title.length - 1);
			const rows = scrollRows(lines.length, boxHeight);
			return {lines, title, boxHeight, rows, max: maxOffset(lines.length, rows)};
		},
		[nics, network, width, height, theme.color, theme.ascii],
	);

	useKeys({
		// Read at each key, so keys arriving together see the mode the previous one left.
		get context() {
			return stateRef.current.mode === 'table' ? 'routes' : 'routes-pick';
		},
		onAction(id) {
			const current = stateRef.current;
			const count = nics.length;
			switch (id) {
				case 'routes-pick.up':
				case 'routes-pick.down':
					dispatch({type: 'move', move: {type: id === 'routes-pick.up' ? 'up' : 'down'}, count});
					return true;
				case 'routes-pick.open':
					if (count > 0) dispatch({type: 'open'});
					return true;
				case 'routes.previous':
				case 'routes.next':
					dispatch({type: 'cycle', by: id === 'routes.next' ? 1 : -1, count});
					return true;
				case 'routes.up':
				case 'routes.down':
				case 'routes.page-up':
				case 'routes.page-down': {
					const layout = tableLayout(current);
					const step = id.endsWith('page-up') || id.endsWith('page-down') ? Math.max(1, layout.rows - 1) : 1;
					dispatch({type: 'scroll', by: id === 'routes.up' || id === 'routes.page-up' ? -step : step, max: layout.max});
					return true;
				}

				case 'global.back':
					if (current.mode === 'table') {
						dispatch({type: 'pick'});
						return true;
					}

					return false;
				default:
					return false;
			}
		},
	});

	if (nics.length === 0) return <StyledText tone="muted">This network has no network interfaces.</StyledText>;

	if (state.mode === 'table') {
		const layout = tableLayout(state);
		return (
			<Box flexDirection="column" width={width} height={height}>
				{layout.title.map((line, index) => (
					<LineView key={index} line={line} />
				))}
				<Box height={1} />
				<ScrollBox lines={layout.lines} offset={state.offset} height={layout.boxHeight ?? 2} label="effective routes" />
			</Box>
		);
	}

	const nameWidth = Math.min(Math.max(...nics.map((nic) => nic.name.length)), Math.floor(width / 2));
	const items: MenuItem[] = nics.map((nic) => ({
		key: nic.name,
		line: [{text: `${fit(nic.name, nameWidth)}  `}, {text: `${nic.privateIpAddress.padEnd(15)}  ${nic.subnet}`, tone: 'muted'}],
	}));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<StyledText tone="title">Effective routes of which network interface?</StyledText>
			<Box height={1} />
			<Menu items={items} cursor={state.cursor} height={Math.max(1, height - 2)} />
		</Box>
	);
}
