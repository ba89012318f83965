/**
 * The room: every learner seen since the server started, connected or not, with what their
 * session last reported, plus a short log of events. The instructor view and the plain log
 * both read it; the server writes to it. Listeners hear every change.
 */
import type {Activity} from './protocol.js';

export type Learner = {
	/** The SSH user name (for display). */
	readonly user: string;
	/** The sanitised name: the progress folder and the room's key. */
	readonly key: string;
	readonly connected: boolean;
	/** When the current (or last) connection started. */
	readonly connectedSince: Date;
	/** The last key pressed, or the connection time. */
	readonly lastActivity: Date;
	readonly activity: Activity;
};

export type RoomEvent = {readonly at: Date; readonly text: string};

const keptEvents = 200;

export class Room {
	private readonly learners = new Map<string, Learner>();
	private readonly events: RoomEvent[] = [];
	private readonly listeners = new Set<() => void>();
	private readonly eventListeners = new Set<(event: RoomEvent) => void>();
	private version = 0;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Hear each event line as it happens (the plain log). */
	onEvent(listener: (event: RoomEvent) => void): () => void {
		this.eventListeners.add(listener);
		return () => this.eventListeners.delete(listener);
	}

	/** A number that changes with every change (for useSyncExternalStore). */
	getVersion = (): number => this.version;

	list(): Learner[] {
		return [...this.learners.values()].sort((a, b) => a.key.localeCompare(b.key));
	}

	get(key: string): Learner | undefined {
		return this.learners.get(key);
	}

	connectedCount(): number {
		let count = 0;
		for (const learner of this.learners.values()) if (learner.connected) count++;
		return count;
	}

	recentEvents(count: number): RoomEvent[] {
		return this.events.slice(-count);
	}

	note(text: string, at = new Date()): void {
		const event = {at, text};
		this.events.push(event);
		if (this.events.length > keptEvents) this.events.splice(0, this.events.length - keptEvents);
		for (const listener of this.eventListeners) listener(event);
		this.changed();
	}

	joined(key: string, user: string, at = new Date()): void {
		const previous = this.learners.get(key);
		this.learners.set(key, {
			user,
			key,
			connected: true,
			connectedSince: at,
			lastActivity: at,
			activity: previous?.activity ?? {objectivesPassed: 0, hintsUsed: 0, completed: false},
		});
		this.changed();
	}

	left(key: string): void {
		const learner = this.learners.get(key);
		if (!learner) return;
		this.learners.set(key, {...learner, connected: false});
		this.changed();
	}

	reported(key: string, activity: Activity): void {
		const learner = this.learners.get(key);
		if (!learner) return;
		const before = learner.activity;
		this.learners.set(key, {...learner, activity});
		if (activity.lab && activity.lab !== before.lab) this.note(`${learner.user} is on ${activity.lab}`);
		else if (activity.lab && activity.objectivesPassed !== before.objectivesPassed) {
			const total = activity.objectivesTotal === undefined ? '' : `/${activity.objectivesTotal}`;
			this.note(`${learner.user}: ${activity.objectivesPassed}${total} objectives pass in ${activity.lab}${activity.completed && !before.completed ? ' (lab complete)' : ''}`);
		} else this.changed();
	}

	keyPressed(key: string, at = new Date()): void {
		const learner = this.learners.get(key);
		if (!learner) return;
		this.learners.set(key, {...learner, lastActivity: at});
		this.changed();
	}

	private changed(): void {
		this.version++;
		for (const listener of this.listeners) listener();
	}
}
