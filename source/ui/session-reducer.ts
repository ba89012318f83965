/**
 * The session: a stack of screens (the top one shows and gets the keys) and the in-app
 * colour toggle, as a pure reducer. Screens below the top stay mounted, so going back finds
 * them as they were.
 */
import type {KeyContext, ScreenKind} from './keys.js';

/** Which lab a screen is about: one from the catalogue, or a topology opened as a sandbox. */
export type LabRef =
	| {readonly kind: 'catalog'; readonly id: string; readonly file: string}
	| {readonly kind: 'sandbox'; readonly file: string};

export type Screen =
	| {readonly id: number; readonly kind: 'home'}
	| {readonly id: number; readonly kind: 'lab'; readonly lab: LabRef}
	| {readonly id: number; readonly kind: 'trace'; readonly lab: LabRef}
	| {readonly id: number; readonly kind: 'routes'; readonly lab: LabRef}
	/** Changing the lab's network: the edit menu and forms. */
	| {readonly id: number; readonly kind: 'edit'; readonly lab: LabRef}
	/** A finished lab: its debrief and the next lab. */
	| {readonly id: number; readonly kind: 'debrief'; readonly lab: LabRef}
	/** The keys of the screen below, in the mode it was in (`context`). */
	| {readonly id: number; readonly kind: 'help'; readonly context: KeyContext; readonly of: ScreenKind};

export type Session = {
	readonly stack: readonly Screen[];
	readonly nextId: number;
	readonly color: boolean;
	/** Set when the first screen is left: the app exits. */
	readonly quit: boolean;
};

export type SessionAction =
	| {readonly type: 'open-lab'; readonly lab: LabRef}
	| {readonly type: 'open-trace'}
	| {readonly type: 'open-routes'}
	| {readonly type: 'open-edit'}
	| {readonly type: 'open-debrief'}
	/** From a debrief: the next lab replaces the finished one (over the first screen). */
	| {readonly type: 'next-lab'; readonly lab: LabRef}
	| {readonly type: 'open-help'; readonly context: KeyContext}
	| {readonly type: 'back'}
	| {readonly type: 'toggle-color'}
	| {readonly type: 'quit'};

/**
 * Where the app opens: the lab list; a sandbox; or one lab file (`vnetlab open <lab>`), over the
 * list of its folder, so going back from the lab finds the other labs as in `vnetlab`.
 */
export type SessionStart =
	| {readonly kind: 'home'}
	| {readonly kind: 'sandbox'; readonly file: string}
	| {readonly kind: 'lab'; readonly id: string; readonly file: string};

export function initialSession(start: SessionStart, color: boolean): Session {
	switch (start.kind) {
		case 'home':
			return {stack: [{id: 1, kind: 'home'}], nextId: 2, color, quit: false};
		case 'sandbox':
			return {stack: [{id: 1, kind: 'lab', lab: {kind: 'sandbox', file: start.file}}], nextId: 2, color, quit: false};
		case 'lab':
			return {stack: [{id: 1, kind: 'home'}, {id: 2, kind: 'lab', lab: {kind: 'catalog', id: start.id, file: start.file}}], nextId: 3, color, quit: false};
	}
}

export function topScreen(session: Session): Screen {
	return session.stack[session.stack.length - 1]!;
}

/** The lab the top screen is about, if any. */
function currentLab(session: Session): LabRef | undefined {
	for (let index = session.stack.length - 1; index >= 0; index--) {
		const screen = session.stack[index]!;
		if (screen.kind === 'lab' || screen.kind === 'trace' || screen.kind === 'routes' || screen.kind === 'edit' || screen.kind === 'debrief') return screen.lab;
	}

	return undefined;
}

function push(session: Session, screen: Screen): Session {
	return {...session, stack: [...session.stack, screen], nextId: session.nextId + 1};
}

export function sessionReducer(session: Session, action: SessionAction): Session {
	if (session.quit) return session;
	const id = session.nextId;
	switch (action.type) {
		case 'open-lab':
			return push(session, {id, kind: 'lab', lab: action.lab});
		case 'open-trace':
		case 'open-routes': {
			const lab = currentLab(session);
			if (!lab) return session;
			const kind = action.type === 'open-trace' ? 'trace' : 'routes';
			// From trace to routes and back: replace rather than pile up screens.
			const top = topScreen(session);
			const base = top.kind === 'trace' || top.kind === 'routes' ? {...session, stack: session.stack.slice(0, -1)} : session;
			return push(base, {id, kind, lab});
		}

		case 'open-edit':
		case 'open-debrief': {
			const lab = currentLab(session);
			const kind = action.type === 'open-edit' ? 'edit' : 'debrief';
			if (!lab || topScreen(session).kind === kind) return session;
			return push(session, {id, kind, lab});
		}

		case 'next-lab':
			return push({...session, stack: session.stack.slice(0, 1)}, {id, kind: 'lab', lab: action.lab});
		case 'open-help': {
			const top = topScreen(session);
			if (top.kind === 'help') return session;
			return push(session, {id, kind: 'help', context: action.context, of: top.kind});
		}

		case 'back':
			if (session.stack.length <= 1) return {...session, quit: true};
			return {...session, stack: session.stack.slice(0, -1)};
		case 'toggle-color':
			return {...session, color: !session.color};
		case 'quit':
			return {...session, quit: true};
	}
}
