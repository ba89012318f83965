/**
 * The key router: keys delivered in order to the top screen, read through its latest state;
 * keys after a screen change wait for the new screen; globals when the screen declines.
 */
import test from 'ava';
import {KeyRouter, type KeyTarget} from '../../source/ui/key-router.js';
import type {KeyContext} from '../../source/ui/keys.js';

function setup() {
	let top = 1;
	const globals: string[] = [];
	const router = new KeyRouter({topId: () => top, onGlobal: (id, context) => globals.push(`${id}@${context}`)});
	return {router, globals, setTop: (id: number) => (top = id)};
}

test('keys arriving together are handled in order, each seeing the last one’s state', (t) => {
	const {router} = setup();
	let cursor = 0;
	const opened: number[] = [];
	router.register(1, () => ({
		context: 'home',
		onAction(id) {
			if (id === 'home.down') cursor++;
			else if (id === 'home.open') opened.push(cursor);
			else return false;
			return true;
		},
	}));
	router.press(['down', 'down', 'enter']);
	t.deepEqual(opened, [2]);
});

test('after a key opens a screen, the next keys wait for that screen to register', (t) => {
	const {router, setTop} = setup();
	const seen: string[] = [];
	router.register(1, () => ({
		context: 'home',
		onAction(id) {
			seen.push(`home:${id}`);
			if (id === 'home.open') setTop(2);
			return true;
		},
	}));
	router.press(['enter', 'down', 't']);
	t.deepEqual(seen, ['home:home.open']);
	t.is(router.pending, 2);
	router.register(2, () => ({
		context: 'lab',
		onAction(id) {
			seen.push(`lab:${id}`);
			return true;
		},
	}));
	t.deepEqual(seen, ['home:home.open', 'lab:lab.down', 'lab:lab.trace']);
	t.is(router.pending, 0);
});

test('a global key goes to the app when the screen does not take it; text fields take letters', (t) => {
	const {router, globals} = setup();
	let context: KeyContext = 'trace-pick';
	let text = '';
	const target: KeyTarget = {
		get context() {
			return context;
		},
		onAction: (id) => {
			if (id === 'trace-pick.down') context = 'trace-input';
			return !id.startsWith('global.');
		},
		onText(typed) {
			text += typed;
		},
	};
	router.register(1, () => target);
	router.press(['?', 'down', 'q', '?', 'space', 'c', 'escape']);
	t.is(text, 'q? c');
	t.deepEqual(globals, ['global.help@trace-pick']);
});
