/**
 * What one session shows: the vnetlab app (source/ui/app.tsx) on that session's own terminal
 * shims, starting on the lab list with the learner's progress store and the client's theme,
 * inside an error boundary. `fault` wraps it in a deliberately failing component for the
 * isolation tests (never set for normal users).
 */
import {render, useInput} from 'ink';
import {useState, type ReactNode} from 'react';
import {anchoredStdout} from '../ui/anchored-stdout.js';
import {App} from '../ui/app.js';
import type {ProgressStore} from '../ui/progress.js';
import type {Services} from '../ui/services.js';
import type {SessionFault, SessionSetup} from './protocol.js';
import {SessionBoundary} from './session-boundary.js';
import type {TerminalInput, TerminalOutput} from './stream-shims.js';

export type SessionApp = {
	/** Resolves when the learner quits; rejects when the app throws. */
	readonly exited: Promise<void>;
	unmount(): void;
};

/** Test-only failures (VNETLAB_SERVE_FAULT): a session that breaks on its first key. */
function Faulty({fault, children}: {readonly fault: SessionFault; readonly children: ReactNode}) {
	const [broken, setBroken] = useState(false);
	useInput(() => {
		if (fault === 'key') throw new Error('deliberate failure in a key handler (VNETLAB_SERVE_FAULT)');
		if (fault === 'hang') for (;;) {
			// A stuck session: this thread never answers again.
		}

		setBroken(true);
	});
	if (broken) throw new Error('deliberate failure while rendering (VNETLAB_SERVE_FAULT)');
	return <>{children}</>;
}

export function startSessionApp(setup: SessionSetup, stdout: TerminalOutput, stdin: TerminalInput, progress: ProgressStore, services: Services): SessionApp {
	// As in the local TUI (ui/start.tsx): the session draws on the alternate screen (the worker
	// enters it), anchored at the top-left corner, and repaints in full after a resize.
	const app = <App start={{kind: 'home'}} services={services} progress={progress} theme={{color: setup.color, ascii: setup.ascii}} repaintOnResize />;
	const instance = render(<SessionBoundary>{setup.fault ? <Faulty fault={setup.fault}>{app}</Faulty> : app}</SessionBoundary>, {
		stdout: anchoredStdout(stdout as unknown as NodeJS.WriteStream),
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: stdout as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: true,
		incrementalRendering: true,
	});
	return {
		exited: instance.waitUntilExit().then(() => undefined),
		unmount: () => instance.unmount(),
	};
}
