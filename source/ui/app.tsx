/**
 * The root of the TUI: the session's screen stack (session-reducer.ts), the one key input
 * that feeds the key router, the theme, and the frame (header, the top screen, the keys
 * footer). Screens below the top stay mounted but hidden, so going back finds them as left.
 */
import {Box, useApp, useInput} from 'ink';
import {lazy, Suspense, useEffect, useMemo, useSyncExternalStore, type ReactNode} from 'react';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {RepaintOnResize} from './components/repaint-on-resize.js';
import {StyledText} from './components/styled-text.js';
import {useRefReducer} from './hooks/use-ref-reducer.js';
import {KeyRouterContext, ScreenIdContext} from './hooks/use-keys.js';
import {ProgressContext} from './hooks/use-progress.js';
import {ScreenActiveContext} from './hooks/use-screen-active.js';
import {SessionContext} from './hooks/use-session.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {keyNames} from './key-press.js';
import {KeyRouter} from './key-router.js';
import {BodySizeContext, bodySize, frameSize} from './layout.js';
import type {ProgressStore} from './progress.js';
import {HelpScreen} from './screens/help.js';
import {HomeScreen} from './screens/home.js';
import {cachedServices, ServicesContext, type Services} from './services.js';
import {initialSession, sessionReducer, topScreen, type Screen, type SessionStart} from './session-reducer.js';
import {ThemeContext, type Theme} from './theme.js';

export type AppProps = {
	/** The lab list, or a sandbox on one topology file. */
	readonly start: SessionStart;
	readonly services: Services;
	readonly progress: ProgressStore;
	/** The starting theme; `c` toggles colour in the app. */
	readonly theme: Theme;
	/** Redraw the whole screen after a resize (a real terminal; not in tests). */
	readonly repaintOnResize?: boolean;
};

// The lab, trace and routes screens bring the engine with them: they load when first opened,
// so the first frame (the lab list) needs only Ink, the catalogue and the progress file.
const LabScreen = lazy(async () => ({default: (await import('./screens/lab.js')).LabScreen}));
const TraceScreen = lazy(async () => ({default: (await import('./screens/trace.js')).TraceScreen}));
const RoutesScreen = lazy(async () => ({default: (await import('./screens/routes.js')).RoutesScreen}));
const EditScreen = lazy(async () => ({default: (await import('./screens/edit.js')).EditScreen}));
const DebriefScreen = lazy(async () => ({default: (await import('./screens/debrief.js')).DebriefScreen}));

function renderScreen(screen: Screen): ReactNode {
	switch (screen.kind) {
		case 'home':
			return <HomeScreen />;
		case 'lab':
			return <LabScreen lab={screen.lab} />;
		case 'trace':
			return <TraceScreen lab={screen.lab} />;
		case 'routes':
			return <RoutesScreen lab={screen.lab} />;
		case 'edit':
			return <EditScreen lab={screen.lab} />;
		case 'debrief':
			return <DebriefScreen lab={screen.lab} />;
		case 'help':
			return <HelpScreen screen={screen.of} context={screen.context} />;
	}
}

/** The header's trail for a stack of screens. */
function trailOf(stack: readonly Screen[], services: Services): string[] {
	return stack.flatMap((screen): string[] => {
		switch (screen.kind) {
			case 'home':
				return [];
			case 'lab': {
				if (screen.lab.kind === 'sandbox') return ['Sandbox'];
				const labId = screen.lab.id;
				const summary = services.catalog().labs.find((lab) => lab.id === labId);
				return [summary ? `Lab ${String(summary.number).padStart(2, '0')}` : labId];
			}

			case 'trace':
				return ['Trace'];
			case 'routes':
				return ['Routes'];
			case 'edit':
				return ['Edit'];
			case 'debrief':
				return ['Debrief'];
			case 'help':
				return ['Keys'];
		}
	});
}

export function App({start, services, progress, theme, repaintOnResize = false}: AppProps) {
	const {exit} = useApp();
	const cached = useMemo(() => cachedServices(services), [services]);
	const [session, dispatch, sessionRef] = useRefReducer(sessionReducer, () => initialSession(start, theme.color));
	const router = useMemo(
		() =>
			new KeyRouter({
				topId: () => topScreen(sessionRef.current).id,
				onGlobal(id, context) {
					switch (id) {
						case 'global.help':
							dispatch(topScreen(sessionRef.current).kind === 'help' ? {type: 'back'} : {type: 'open-help', context});
							break;
						case 'global.back':
							dispatch({type: 'back'});
							break;
						case 'global.color':
							dispatch({type: 'toggle-color'});
							break;
						case 'global.quit':
							dispatch({type: 'quit'});
							break;
						default:
							break;
					}
				},
			}),
		[dispatch, sessionRef],
	);
	useInput((input, key) => {
		router.press(keyNames(input, key));
	});
	useEffect(() => {
		if (session.quit) exit();
	}, [session.quit, exit]);

	const size = useTerminalSize();
	const frame = frameSize(size);
	const body = bodySize(size);
	const top = topScreen(session);
	const context = useSyncExternalStore(router.subscribe, () => router.contextOf(top.id));
	const footer = useSyncExternalStore(router.subscribe, () => router.footerOf(top.id));
	const themeValue = useMemo(() => ({color: session.color, ascii: theme.ascii}), [session.color, theme.ascii]);
	return (
		<ThemeContext.Provider value={themeValue}>
			<ServicesContext.Provider value={cached}>
				<ProgressContext.Provider value={progress}>
					<SessionContext.Provider value={dispatch}>
						<KeyRouterContext.Provider value={router}>
							<Box flexDirection="column" width={frame.columns} height={frame.rows} paddingX={1}>
								<Header trail={trailOf(session.stack, cached)} width={body.width} />
								<BodySizeContext.Provider value={body}>
									<Box flexDirection="column" height={body.height} overflow="hidden">
										{session.stack.map((screen) => (
											<ScreenIdContext.Provider key={screen.id} value={screen.id}>
												<ScreenActiveContext.Provider value={screen.id === top.id}>
													<Box display={screen.id === top.id ? 'flex' : 'none'} flexDirection="column" height={body.height}>
														<Suspense fallback={<StyledText tone="muted">Loading…</StyledText>}>{renderScreen(screen)}</Suspense>
													</Box>
												</ScreenActiveContext.Provider>
											</ScreenIdContext.Provider>
										))}
									</Box>
								</BodySizeContext.Provider>
								{/* Always one row, so the frame keeps its height while a screen loads. */}
								<Box height={1}>{context ? <Footer context={context} width={body.width} isRoot={session.stack.length === 1} overrides={footer} /> : null}</Box>
							</Box>
							{repaintOnResize ? <RepaintOnResize size={size} /> : null}
						</KeyRouterContext.Provider>
					</SessionContext.Provider>
				</ProgressContext.Provider>
			</ServicesContext.Provider>
		</ThemeContext.Provider>
	);
}
