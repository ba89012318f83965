/**
 * Starting the TUI in the user's terminal: the alternate screen (so quitting leaves the
 * terminal as it was), Ink's render with the options the app needs, and saving progress
 * before the process ends. cli.tsx imports this lazily, only when the TUI is wanted.
 */
import {render} from 'ink';
import {anchoredStdout} from './anchored-stdout.js';
import {App} from './app.js';
import type {ProgressStore} from './progress.js';
import type {Services} from './services.js';
import type {SessionStart} from './session-reducer.js';
import type {Theme} from './theme.js';

export type TuiOptions = {
	readonly start: SessionStart;
	readonly services: Services;
	readonly progress: ProgressStore;
	readonly theme: Theme;
};

const enterAlternateScreen = '\u001B[?1049h';
const leaveAlternateScreen = '\u001B[?1049l';

/** Run the app until it quits (q on the first screen, or Ctrl+C); returns the exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
	const {stdout} = process;
	// A screen reader reads the output as a stream: keep it in the scrollback.
	const useAlternate = stdout.isTTY === true && process.env['INK_SCREEN_READER'] !== 'true';
	let inAlternate = false;
	const leave = () => {
		if (!inAlternate) return;
		inAlternate = false;
		stdout.write(leaveAlternateScreen);
	};

	if (useAlternate) {
		stdout.write(enterAlternateScreen);
		inAlternate = true;
		process.once('exit', leave);
	}

	try {
		const app = <App start={options.start} services={options.services} progress={options.progress} theme={options.theme} repaintOnResize={useAlternate} />;
		const instance = render(app, {
			...(useAlternate ? {stdout: anchoredStdout(stdout)} : {}),
			exitOnCtrlC: true,
			patchConsole: false,
			incrementalRendering: true,
		});
		await instance.waitUntilExit();
	} finally {
		await options.progress.flush();
		leave();
		process.off('exit', leave);
	}

	return 0;
}
