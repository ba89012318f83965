/**
 * The messages between the server (main thread) and a session worker. The worker owns one
 * learner's app; the main thread owns the SSH channel and pipes bytes both ways.
 */

import type {Catalog, LoadedLab} from '../ui/services.js';

/** What a worker is started with (its workerData), before it has a learner. */
export type WorkerBoot = {
	/** The lab catalogue, listed once by the server. */
	readonly catalog: Catalog;
};

/** The learner a worker serves (the `start` message). */
export type SessionSetup = {
	/** The SSH user name as typed. */
	readonly user: string;
	/** `<data>/progress/<sanitised user>`: this learner's progress store. */
	readonly progressDirectory: string;
	readonly columns: number;
	readonly rows: number;
	/** The client's TERM (from the pty request); decides the starting colour. */
	readonly term: string;
	/** Colour at the start (the learner can toggle it in the app). */
	readonly color: boolean;
	/** ASCII symbols instead of Unicode (a client locale that is not UTF-8). */
	readonly ascii: boolean;
	/** A deliberate failure for the isolation tests (VNETLAB_SERVE_FAULT); never set for normal users. */
	readonly fault?: SessionFault;
};

/** `key`: throw from a key handler; `render`: throw while rendering; `hang`: busy-loop forever on a key. */
export type SessionFault = 'key' | 'render' | 'hang';

/** Why the server stops a session. */
export type StopReason = 'idle' | 'shutdown' | 'replaced' | 'closed';

export type ToWorker =
	/** The first message: whom to serve. */
	| {readonly type: 'start'; readonly setup: SessionSetup}
	| {readonly type: 'input'; readonly data: Uint8Array}
	| {readonly type: 'resize'; readonly columns: number; readonly rows: number}
	/** Unmount, save, then answer `stopped`. */
	| {readonly type: 'stop'; readonly reason: StopReason}
	/** The instructor reset one of this learner's labs. */
	| {readonly type: 'reset-lab'; readonly lab: string}
	/** The answer to `load-lab`. */
	| {readonly type: 'lab'; readonly request: number; readonly loaded: LoadedLab};

/** What the room table shows about a learner, from their progress and screen. */
export type Activity = {
	/** The lab open now (or last opened). */
	readonly lab?: string;
	readonly objectivesPassed: number;
	readonly objectivesTotal?: number;
	readonly hintsUsed: number;
	readonly completed: boolean;
};

export type FromWorker =
	/** Modules loaded and the catalogue read: waiting for `start`. */
	| {readonly type: 'warm'}
	| {readonly type: 'output'; readonly data: string}
	| {readonly type: 'activity'; readonly activity: Activity}
	/** The learner left the app (q / Ctrl+C); progress is saved. */
	| {readonly type: 'exit'}
	/** The app threw; progress as far as saved. */
	| {readonly type: 'failed'; readonly message: string}
	/** Answer to `stop`: unmounted and saved. */
	| {readonly type: 'stopped'}
	/** The app opens a lab: the server has it loaded (lab-host.ts). */
	| {readonly type: 'load-lab'; readonly request: number; readonly file: string};
