/** The session reducer: a stack of screens, help over any screen, back and quit, the colour toggle. */
import test from 'ava';
import {initialSession, sessionReducer, topScreen, type Session, type SessionAction} from '../../source/ui/session-reducer.js';

const lab = {kind: 'catalog', id: 'hub', file: 'labs/01-hub.yaml'} as const;

function run(session: Session, ...actions: SessionAction[]): Session {
	return actions.reduce(sessionReducer, session);
}

test('opening a lab, a trace and the help stacks screens; back pops them', (t) => {
	let session = run(initialSession({kind: 'home'}, true), {type: 'open-lab', lab}, {type: 'open-trace'}, {type: 'open-help', context: 'trace'});
	t.deepEqual(
		session.stack.map((screen) => screen.kind),
		['home', 'lab', 'trace', 'help'],
	);
	const help = topScreen(session);
	t.true(help.kind === 'help' && help.of === 'trace' && help.context === 'trace');
	t.is(new Set(session.stack.map((screen) => screen.id)).size, 4);
	session = run(session, {type: 'back'}, {type: 'back'});
	t.is(topScreen(session).kind, 'lab');
	t.false(session.quit);
});

test('help does not stack on help; routes replace a trace', (t) => {
	const session = run(initialSession({kind: 'home'}, true), {type: 'open-lab', lab}, {type: 'open-trace'}, {type: 'open-routes'}, {type: 'open-help', context: 'routes'}, {type: 'open-help', context: 'help'});
	t.deepEqual(
		session.stack.map((screen) => screen.kind),
		['home', 'lab', 'routes', 'help'],
	);
});

test('trace and routes need a lab below them', (t) => {
	const home = initialSession({kind: 'home'}, true);
	t.is(sessionReducer(home, {type: 'open-trace'}), home);
});

test('back on the first screen quits; the sandbox starts on its lab screen', (t) => {
	const sandbox = initialSession({kind: 'sandbox', file: 'net.yaml'}, false);
	t.deepEqual(topScreen(sandbox), {id: 1, kind: 'lab', lab: {kind: 'sandbox', file: 'net.yaml'}});
	t.false(sandbox.color);
	const quit = sessionReducer(sandbox, {type: 'back'});
	t.true(quit.quit);
	t.is(sessionReducer(quit, {type: 'open-trace'}), quit);
});

test('a lab file opens on its lab, over the lab list: back goes to the list, then quits', (t) => {
	const start = initialSession({kind: 'lab', id: 'forced-tunnelling', file: 'labs/05-forced-tunnelling.yaml'}, true);
	t.deepEqual(topScreen(start), {id: 2, kind: 'lab', lab: {kind: 'catalog', id: 'forced-tunnelling', file: 'labs/05-forced-tunnelling.yaml'}});
	const list = sessionReducer(start, {type: 'back'});
	t.deepEqual(topScreen(list), {id: 1, kind: 'home'});
	t.false(list.quit);
	t.is(topScreen(sessionReducer(start, {type: 'open-trace'})).kind, 'trace');
	t.true(sessionReducer(list, {type: 'back'}).quit);
});

test('c toggles colour', (t) => {
	const session = run(initialSession({kind: 'home'}, true), {type: 'toggle-color'});
	t.false(session.color);
	t.true(sessionReducer(session, {type: 'toggle-color'}).color);
});
