/**
 * One learner's session on the server side: a worker thread runs the app, this pipes the SSH
 * channel to and from it, resizes it, ends it after the idle timeout, and makes sure that
 * however the session ends (the learner quits, the app fails, the client vanishes or stops
 * reading, the server stops) the learner gets one closing line and no thread is left behind.
 */
import type {Worker} from 'node:worker_threads';
import type {ServerChannel} from 'ssh2';
import type {LoadedLab} from '../ui/services.js';
import type {Activity, FromWorker, SessionSetup, StopReason, ToWorker} from './protocol.js';
import {terminalSize} from './stream-shims.js';

/** How a session ended. */
export type SessionEnd =
	| {readonly kind: 'quit'}
	| {readonly kind: 'failed'; readonly message: string}
	| {readonly kind: 'stopped'; readonly reason: StopReason}
	| {readonly kind: 'stuck'};

export type SessionEvents = {
	readonly onActivity: (activity: Activity) => void;
	readonly onKey: () => void;
	readonly onEnd: (end: SessionEnd) => void;
};

export type SessionOptions = {
	readonly channel: ServerChannel;
	readonly setup: SessionSetup;
	/** A session worker (session-worker.ts), fresh or a warm spare from the pool. */
	readonly worker: Worker;
	readonly idleTimeoutMs: number;
	readonly events: SessionEvents;
	/** A lab in full, for the worker (lab-host.ts). */
	readonly loadLab: (file: string) => Promise<LoadedLab>;
};

/** Output the client has not taken yet, above which it counts as stuck and is dropped. */
export const maxBufferedOutput = 1024 * 1024;
/** How long a worker gets to unmount and save before it is terminated. */
export const stopGraceMs = 3000;

function minutes(ms: number): string {
	const value = ms / 60_000;
	if (value >= 1) return `${Number.isInteger(value) ? value : value.toFixed(1)} minute${value === 1 ? '' : 's'}`;
	return `${Math.round(ms / 1000)} seconds`;
}

/** The line a learner reads as the session closes. */
export function closingLine(end: SessionEnd, idleTimeoutMs: number): string | undefined {
	switch (end.kind) {
		case 'quit':
		case 'stuck':
			return undefined;
		case 'failed':
			return 'vnetlab: this session stopped on an internal error. Your progress is saved; connect again to continue.';
		case 'stopped':
			switch (end.reason) {
				case 'idle':
					return `vnetlab: no key pressed for ${minutes(idleTimeoutMs)}, so this session ends. Your progress is saved; connect again to continue. Goodbye!`;
				case 'shutdown':
					return 'vnetlab: the workshop server is shutting down. Your progress is saved. Goodbye!';
				case 'replaced':
					return 'vnetlab: you connected again from somewhere else, so this session ends here. Goodbye!';
				case 'closed':
					return undefined;
			}
	}
}

export class LearnerSession {
	/** Settles once the session is over and its worker is gone. */
	readonly ended: Promise<SessionEnd>;
	private resolveEnded!: (end: SessionEnd) => void;
	private readonly worker: Worker;
	private readonly channel: ServerChannel;
	private readonly idle: NodeJS.Timeout;
	private done = false;
	private stopping: Promise<void> | undefined;
	private onStopped: (() => void) | undefined;

	constructor(private readonly options: SessionOptions) {
		this.ended = new Promise((resolve) => {
			this.resolveEnded = resolve;
		});
		this.channel = options.channel;
		this.worker = options.worker;
		this.worker.postMessage({type: 'start', setup: options.setup} satisfies ToWorker);
		this.worker.on('message', (message: FromWorker) => this.onMessage(message));
		this.worker.on('error', (error) => this.finish({kind: 'failed', message: error.message}));
		this.worker.on('exit', () => {
			if (this.stopping) {
				this.onStopped?.();
				return;
			}

			// Let a last message (exit, failed) posted just before the thread ended arrive first.
			setImmediate(() => this.finish({kind: 'failed', message: 'the session thread ended unexpectedly'}));
		});

		this.idle = setTimeout(() => void this.stop('idle'), options.idleTimeoutMs);
		this.channel.on('data', (chunk: Buffer) => {
			if (this.done || this.stopping) return;
			this.idle.refresh();
			options.events.onKey();
			this.post({type: 'input', data: chunk});
		});
		this.channel.on('close', () => void this.stop('closed'));
		this.channel.on('error', () => void this.stop('closed'));
	}

	/** The client's window changed. */
	resize(columns: number, rows: number): void {
		this.post({type: 'resize', ...terminalSize(columns, rows)});
	}

	resetLab(lab: string): void {
		this.post({type: 'reset-lab', lab});
	}

	/** End the session: the app unmounts and saves (bounded by stopGraceMs), then the closing line. */
	stop(reason: StopReason): Promise<SessionEnd> {
		return this.halt(reason, {kind: 'stopped', reason});
	}

	private halt(reason: StopReason, end: SessionEnd): Promise<SessionEnd> {
		if (this.done || this.stopping) return this.ended;
		this.stopping = new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, stopGraceMs);
			this.onStopped = () => {
				clearTimeout(timer);
				resolve();
			};
			this.post({type: 'stop', reason});
		}).then(() => this.finish(end));
		return this.ended;
	}

	private post(message: ToWorker): void {
		if (!this.done) this.worker.postMessage(message);
	}

	private onMessage(message: FromWorker): void {
		switch (message.type) {
			case 'output':
				if (this.done || !this.channel.writable) return;
				this.channel.write(message.data);
				if (this.channel.writableLength > maxBufferedOutput) this.dropStuckClient();
				break;
			case 'activity':
				this.options.events.onActivity(message.activity);
				break;
			case 'exit':
				this.finish({kind: 'quit'});
				break;
			case 'failed':
				this.finish({kind: 'failed', message: message.message});
				break;
			case 'stopped':
				this.onStopped?.();
				break;
			case 'load-lab':
				void this.options.loadLab(message.file).then(
					(loaded) => this.post({type: 'lab', request: message.request, loaded}),
					(error: unknown) => this.post({type: 'lab', request: message.request, loaded: {ok: false, problems: [`${message.file}: ${(error as Error).message}`]}}),
				);
				break;
			case 'warm':
				break;
		}
	}

	/** A client that stops reading: save what can be saved, then cut it off. */
	private dropStuckClient(): void {
		void this.halt('closed', {kind: 'stuck'}).then(() => this.channel.destroy());
	}

	private finish(end: SessionEnd): void {
		if (this.done) return;
		this.done = true;
		clearTimeout(this.idle);
		void this.worker.terminate();
		const line = closingLine(end, this.options.idleTimeoutMs);
		if (this.channel.writable) {
			if (line) this.channel.write(`\r\n${line}\r\n`);
			this.channel.exit(end.kind === 'failed' ? 1 : 0);
			this.channel.end();
		}

		this.options.events.onEnd(end);
		this.resolveEnded(end);
	}
}
