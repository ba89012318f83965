/**
 * Delivers keys to the screen on top, one at a time and in order, even when several arrive
 * in one chunk (`\x1b[B\x1b[B\r` from tmux or a fast typist). Screens keep their state in
 * refs, so a handler always sees what the previous key did. When a key opens or closes a
 * screen, the keys after it wait until the new top screen has registered its handler.
 */
import {actionFor, textContexts, type KeyContext, type KeyName} from './keys.js';
import {printableText} from './key-press.js';

/** How the footer differs from the context's bindings right now: keys that do nothing here, and labels that read better. */
export type FooterOverrides = {
	/** Binding ids left out of the footer (the help still lists them). */
	readonly hidden?: readonly string[];
	/** Footer labels by binding id. */
	readonly labels?: Readonly<Record<string, string>>;
};

/** What a screen answers to right now. */
export type KeyTarget = {
	/** The mode the screen is in: which bindings apply. */
	readonly context: KeyContext;
	/** The footer's adjustments for the screen's current state. */
	readonly footer?: FooterOverrides;
	/** Handle an action id from keys.ts; return false to let the global binding act (back, help). */
	onAction(id: string): boolean;
	/** Text typed while a text field has focus. */
	onText?(text: string): void;
};

export type GlobalActions = {
	/** The id of the screen that should get keys now. */
	topId(): number;
	/** A global action the screen did not take (`global.back`, `global.help`, ...), with the screen's context. */
	onGlobal(id: string, context: KeyContext): void;
};

export class KeyRouter {
	private readonly targets = new Map<number, () => KeyTarget>();
	private readonly contexts = new Map<number, KeyContext>();
	private readonly footers = new Map<number, {key: string; overrides?: FooterOverrides}>();
	private readonly listeners = new Set<() => void>();
	private readonly queue: KeyName[] = [];
	private draining = false;

	constructor(private readonly global: GlobalActions) {}

	/** A screen's handler; `target` is called per key, so it reads the screen's current state. */
	register(screenId: number, target: () => KeyTarget): () => void {
		this.targets.set(screenId, target);
		this.drain();
		return () => {
			if (this.targets.get(screenId) === target) {
				this.targets.delete(screenId);
				this.contexts.delete(screenId);
				this.footers.delete(screenId);
			}
		};
	}

	/** A screen's current mode, for the footer (which listens through `subscribe`). */
	announce(screenId: number, context: KeyContext, footer?: FooterOverrides): void {
		const key = JSON.stringify(footer ?? {});
		if (this.contexts.get(screenId) === context && this.footers.get(screenId)?.key === key) return;
		this.contexts.set(screenId, context);
		this.footers.set(screenId, footer ? {key, overrides: footer} : {key});
		for (const listener of this.listeners) listener();
	}

	contextOf(screenId: number): KeyContext | undefined {
		return this.contexts.get(screenId);
	}

	/** The footer overrides a screen announced (the same object until they change). */
	footerOf(screenId: number): FooterOverrides | undefined {
		return this.footers.get(screenId)?.overrides;
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Keys in the order they were pressed. */
	press(keys: readonly KeyName[]): void {
		this.queue.push(...keys);
		this.drain();
	}

	/** Keys waiting for a screen that has not registered yet. */
	get pending(): number {
		return this.queue.length;
	}

	private drain(): void {
		if (this.draining) return;
		this.draining = true;
		try {
			while (this.queue.length > 0) {
				const target = this.targets.get(this.global.topId());
				if (!target) return;
				this.deliver(target(), this.queue.shift()!);
			}
		} finally {
			this.draining = false;
		}
	}

	private deliver(target: KeyTarget, key: KeyName): void {
		const {context} = target;
		if (textContexts.has(context) && target.onText) {
			const action = actionFor(context, key);
			if (action) {
				target.onAction(action);
				return;
			}

			const text = printableText(key);
			if (text !== undefined) target.onText(text);
			return;
		}

		const action = actionFor(context, key);
		if (!action) return;
		if (target.onAction(action)) return;
		if (action.startsWith('global.')) this.global.onGlobal(action, context);
	}
}
