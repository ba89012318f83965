/**
 * The session's new screens, pure: the edit screen and the debrief open over a lab (once,
 * and only where there is a lab), and the next lab replaces the finished one over the list.
 * Also the key data: the form is a text context, so no letter is a shortcut there.
 */
import test from 'ava';
import {actionFor, bindingsFor, screenContexts} from '../../source/ui/keys.js';
import {initialSession, sessionReducer, topScreen} from '../../source/ui/session-reducer.js';

const lab = {kind: 'catalog', id: 'nva-inspection', file: 'labs/02-nva-inspection.yaml'} as const;
const next = {kind: 'catalog', id: 'service-endpoint-storage', file: 'labs/03-service-endpoint-storage.yaml'} as const;

test('edit and debrief open over the lab, once each; the next lab replaces everything above the list', (t) => {
	const home = initialSession({kind: 'home'}, true);
	t.is(sessionReducer(home, {type: 'open-edit'}), home, 'no lab, no edit screen');
	let session = sessionReducer(home, {type: 'open-lab', lab});
	session = sessionReducer(session, {type: 'open-edit'});
	t.like(topScreen(session), {kind: 'edit', lab});
	t.is(sessionReducer(session, {type: 'open-edit'}), session);
	session = sessionReducer(session, {type: 'open-debrief'});
	t.like(topScreen(session), {kind: 'debrief', lab});
	t.deepEqual(session.stack.map((screen) => screen.kind), ['home', 'lab', 'edit', 'debrief']);
	session = sessionReducer(session, {type: 'next-lab', lab: next});
	t.deepEqual(session.stack.map((screen) => screen.kind), ['home', 'lab']);
	t.like(topScreen(session), {kind: 'lab', lab: next});
	session = sessionReducer(sessionReducer(session, {type: 'open-trace'}), {type: 'back'});
	t.like(topScreen(session), {kind: 'lab', lab: next});
});

test('in an edit form letters are text; the menu and the lab have their own letters', (t) => {
	for (const letter of ['q', 'u', 'h', 'R', 'a', 'e', '?', 'c', 'y']) t.is(actionFor('edit-form', letter), undefined, letter);
	t.is(actionFor('edit-form', 'enter'), 'edit-form.submit');
	t.is(actionFor('edit-form', 'escape'), 'edit-form.cancel');
	t.is(actionFor('edit-form', 'right'), 'edit-form.choice-next');
	t.false(bindingsFor('edit-form').some((binding) => binding.screen === 'global'));
	t.is(actionFor('edit', 'u'), 'edit.undo');
	t.is(actionFor('edit', 'a'), 'edit.az');
	t.is(actionFor('edit', 'q'), 'global.back');
	t.is(actionFor('lab', 'e'), 'lab.edit');
	t.is(actionFor('lab', 'h'), 'lab.hint');
	t.is(actionFor('lab', 'R'), 'lab.reset');
	t.is(actionFor('confirm', 'y'), 'confirm.yes');
	t.is(actionFor('confirm', 'escape'), 'global.back');
	t.deepEqual(screenContexts.edit, ['edit', 'edit-form', 'confirm']);
	t.deepEqual(screenContexts.debrief, ['debrief']);
});
