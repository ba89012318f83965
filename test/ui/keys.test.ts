/** Key data: lookups per context, text fields, footer entries, and the normalised key names. */
import test from 'ava';
import type {Key} from 'ink';
import {keyNames, printableText} from '../../source/ui/key-press.js';
import {actionFor, bindingsFor, displayKey, footerEntries, keyBindings} from '../../source/ui/keys.js';

test('every binding has a unique id in its context, and no key means two things in one context', (t) => {
	const ids = new Set<string>();
	for (const binding of keyBindings) {
		t.false(ids.has(binding.id), binding.id);
		ids.add(binding.id);
		t.true(binding.id.startsWith(`${binding.screen}.`), binding.id);
	}

	for (const context of new Set(keyBindings.map((binding) => binding.screen))) {
		const seen = new Map<string, string>();
		for (const binding of keyBindings.filter((b) => b.screen === context)) {
			for (const key of binding.keys) {
				t.false(seen.has(key), `${context}: ${key} is ${seen.get(key)} and ${binding.id}`);
				seen.set(key, binding.id);
			}
		}
	}
});

test('a context’s own binding wins over the global one; globals apply elsewhere', (t) => {
	t.is(actionFor('home', 'enter'), 'home.open');
	t.is(actionFor('home', '?'), 'global.help');
	t.is(actionFor('trace', 'q'), 'global.back');
	t.is(actionFor('trace', 'space'), 'trace.next');
	t.is(actionFor('home', 'x'), undefined);
});

test('in a text field letters are not shortcuts', (t) => {
	t.is(actionFor('trace-input', 'q'), undefined);
	t.is(actionFor('trace-input', '?'), undefined);
	t.is(actionFor('trace-input', 'c'), undefined);
	t.is(actionFor('trace-input', 'enter'), 'trace-input.run');
	t.is(actionFor('trace-input', 'escape'), 'trace-input.leave');
	t.false(bindingsFor('trace-input').some((binding) => binding.screen === 'global'));
});

test('the footer shows first keys, up and down as one entry', (t) => {
	t.deepEqual(footerEntries('home'), [
		{id: 'home.down', keys: '↑↓', label: 'move'},
		{id: 'home.open', keys: 'enter', label: 'open'},
		{id: 'global.help', keys: '?', label: 'help'},
		{id: 'global.back', keys: 'q', label: 'back'},
	]);
	t.deepEqual(footerEntries('home', true)[0], {id: 'home.down', keys: 'up/down', label: 'move'});
});

test('a screen can leave keys that do nothing out of its footer and relabel others', (t) => {
	const entries = footerEntries('lab', false, undefined, {hidden: ['lab.answer', 'lab.hint'], labels: {'lab.pane': 'objectives'}});
	t.false(entries.some((entry) => entry.label === 'answer' || entry.label === 'hint'));
	t.deepEqual(
		entries.find((entry) => entry.id === 'lab.pane'),
		{id: 'lab.pane', keys: 'tab', label: 'objectives'},
	);
	t.is(displayKey('ctrl-c'), 'ctrl+c');
	t.is(displayKey('left', true), 'left');
});

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

test('key names from Ink input events, a run of characters split in order', (t) => {
	t.deepEqual(keyNames('', {...noKey, downArrow: true}), ['down']);
	t.deepEqual(keyNames('', {...noKey, tab: true, shift: true}), ['shift-tab']);
	t.deepEqual(keyNames('', {...noKey, delete: true}), ['backspace']);
	t.deepEqual(keyNames('u', {...noKey, ctrl: true}), ['ctrl-u']);
	t.deepEqual(keyNames('jj\r', noKey), ['j', 'j', 'enter']);
	t.deepEqual(keyNames('a b\t', noKey), ['a', 'space', 'b', 'tab']);
	t.is(printableText('space'), ' ');
	t.is(printableText('enter'), undefined);
	t.is(printableText('é'), 'é');
});
