/** The screens' pure reducers: menu cursor, scroll windows, text fields, trace stepping. */
import test from 'ava';
import {moveCursor, windowStart} from '../../source/ui/state/menu-state.js';
import {clampOffset, revealRange} from '../../source/ui/state/scroll.js';
import {editText} from '../../source/ui/state/text-field.js';
import {focusedField, initialTraceState, traceReducer} from '../../source/ui/state/trace-state.js';

test('the menu cursor clamps at both ends', (t) => {
	t.is(moveCursor(0, {type: 'up'}, 3), 0);
	t.is(moveCursor(2, {type: 'down'}, 3), 2);
	t.is(moveCursor(1, {type: 'last'}, 3), 2);
	t.is(moveCursor(0, {type: 'page-down', page: 10}, 3), 2);
	t.is(moveCursor(5, {type: 'set', index: 9}, 0), 0);
});

test('the window follows the cursor and stays put otherwise', (t) => {
	t.is(windowStart(0, 10, 4, 0), 0);
	t.is(windowStart(5, 10, 4, 0), 2);
	t.is(windowStart(3, 10, 4, 2), 2);
	t.is(windowStart(1, 10, 4, 2), 1);
	t.is(windowStart(9, 3, 4, 7), 0);
});

test('scroll offsets clamp and reveal a range', (t) => {
	t.is(clampOffset(50, 30, 10), 20);
	t.is(clampOffset(-3, 30, 10), 0);
	t.is(revealRange(0, 12, 14, 30, 10), 5);
	t.is(revealRange(5, 2, 3, 30, 10), 2);
	t.is(revealRange(5, 6, 8, 30, 10), 5);
});

test('text fields: typing, pasting with line breaks, deleting', (t) => {
	t.is(editText('vm', {type: 'insert', text: '-app'}), 'vm-app');
	t.is(editText('', {type: 'insert', text: 'a\r\nb\t'}), 'ab');
	t.is(editText('vm-é', {type: 'delete'}), 'vm-');
	t.is(editText('vm', {type: 'clear'}), '');
});

test('trace stepping stays within the hops and resets the scroll', (t) => {
	const query = {from: 'a', to: 'b'};
	let state = traceReducer(initialTraceState(), {type: 'run', query});
	t.is(state.mode, 'step');
	state = traceReducer(state, {type: 'scroll', by: 3, max: 10});
	t.is(state.offset, 3);
	state = traceReducer(state, {type: 'step', to: 'next', hops: 3});
	t.deepEqual([state.hop, state.offset], [1, 0]);
	state = traceReducer(state, {type: 'step', to: 'last', hops: 3});
	t.is(state.hop, 2);
	t.is(traceReducer(state, {type: 'step', to: 'next', hops: 3}), state);
	state = traceReducer(state, {type: 'step', to: 'first', hops: 3});
	t.is(state.hop, 0);
	t.is(traceReducer(state, {type: 'step', to: 'previous', hops: 3}), state);
	t.is(traceReducer(state, {type: 'pick', suggestions: 0}).mode, 'pick');
});

test('back from stepping a typed packet, no field keeps focus, so q and esc are keys again; the text stays', (t) => {
	let state = traceReducer(initialTraceState(), {type: 'edit', field: 'to', edit: {type: 'insert', text: '10.0.0.4'}});
	state = traceReducer(state, {type: 'move', move: {type: 'set', index: 1}, count: 3});
	t.is(focusedField(state, 0), 'to');
	state = traceReducer(state, {type: 'run', query: {from: 'vm', to: '10.0.0.4'}});
	const noSuggestions = traceReducer(state, {type: 'pick', suggestions: 0});
	t.is(focusedField(noSuggestions, 0), undefined);
	t.is(noSuggestions.fields.to, '10.0.0.4');
	// With suggestions, the cursor returns to the first of them.
	const withSuggestions = traceReducer({...state, cursor: 3}, {type: 'pick', suggestions: 2});
	t.is(withSuggestions.cursor, 0);
});

test('esc in a field leaves it for the first suggestion, or for nothing; ↓ comes back to the first field', (t) => {
	const typed = traceReducer(initialTraceState(), {type: 'edit', field: 'from', edit: {type: 'insert', text: 'vm-a'}});
	const left = traceReducer(typed, {type: 'leave', suggestions: 0});
	t.is(left.cursor, -1);
	t.is(focusedField(left, 0), undefined);
	t.is(left.fields.from, 'vm-a');
	t.is(focusedField(traceReducer(left, {type: 'move', move: {type: 'down'}, count: 3}), 0), 'from');
	t.is(traceReducer({...typed, cursor: 4}, {type: 'leave', suggestions: 2}).cursor, 0);
});

test('the field under the cursor comes after the suggestions', (t) => {
	const state = traceReducer(initialTraceState(), {type: 'move', move: {type: 'set', index: 3}, count: 5});
	t.is(focusedField(state, 2), 'to');
	t.is(focusedField(initialTraceState(), 2), undefined);
	t.is(focusedField(initialTraceState(), 0), 'from');
});
