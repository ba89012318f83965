/**
 * The instructor's room table: rows from the room, selection with ↑/↓, `r` then `y` resets
 * the selected learner's lab, anything else cancels; `q` asks before stopping the server.
 */
import test from 'ava';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {Room} from '../../source/serve/room.js';
import {ago, columnWidths, formatRow, roomHeaders, roomRow} from '../../source/serve/room-table.js';
import {RoomView, visibleRows} from '../../source/serve/room-view.js';

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

function roomOfTwo(): Room {
	const room = new Room();
	const at = new Date(2026, 10, 25, 9, 5);
	room.joined('alice', 'alice', at);
	room.joined('bob', 'Bob', at);
	room.reported('alice', {lab: 'default-routes', objectivesPassed: 2, objectivesTotal: 6, hintsUsed: 1, completed: false});
	room.reported('bob', {lab: 'nva-inspection', objectivesPassed: 4, objectivesTotal: 4, hintsUsed: 0, completed: true});
	return room;
}

test('rows show learner, since, lab, passed, hints and last key', (t) => {
	const room = roomOfTwo();
	const now = new Date(2026, 10, 25, 9, 7, 30);
	t.deepEqual(roomRow(room.get('alice')!, now), ['alice', '09:05', 'default-routes', '2/6', '1', '2m ago']);
	t.deepEqual(roomRow(room.get('bob')!, now), ['Bob', '09:05', 'nva-inspection', '4/4 done', '0', '2m ago']);
	room.left('bob');
	t.deepEqual(roomRow(room.get('bob')!, now).slice(0, 1), ['Bob (left)']);
	t.is(ago(new Date(now.getTime() - 5000), now), '5s ago');
	t.is(ago(new Date(now.getTime() - 7_200_000), now), '2h ago');
});

test('columns shrink the lab column first to fit the width', (t) => {
	const rows = [[...roomHeaders], ['alice', '09:05', 'a-very-long-lab-identifier-that-goes-on', '2/6', '1', '2m ago']];
	const widths = columnWidths(rows, 60);
	t.true(widths.reduce((sum, width) => sum + width, 0) + 12 <= 60);
	t.regex(formatRow(rows[1]!, widths), /a-very-long.*…/);
});

test('r then y resets the selected learner\'s lab; other keys cancel', async (t) => {
	const room = roomOfTwo();
	const resets: string[] = [];
	let quits = 0;
	const view = render(
		createElement(RoomView, {
			room,
			heading: ['vnetlab workshop server listening on 127.0.0.1:2222'],
			maxSessions: 60,
			refreshMs: 1,
			async onReset(key, lab) {
				resets.push(`${key}:${lab}`);
			},
			onQuit: () => quits++,
		}),
	);
	try {
		const frame = () => view.lastFrame() ?? '';
		t.regex(frame(), /Learner\s+Since\s+Lab\s+Passed\s+Hints\s+Last key/);
		t.regex(frame(), /> alice\s+09:05\s+default-routes\s+2\/6\s+1/);
		t.regex(frame(), /2 of 60 connected/);
		view.stdin.write('\u001B[B');
		await waitFor(() => /> Bob/.test(frame()));
		view.stdin.write('r');
		await waitFor(() => frame().includes("Reset Bob's lab nva-inspection? Their edits, answers and hints for it are cleared. y/n"));
		view.stdin.write('n');
		await waitFor(() => frame().includes('Cancelled.'));
		t.deepEqual(resets, []);
		view.stdin.write('r');
		await waitFor(() => frame().includes("Reset Bob's lab"));
		view.stdin.write('y');
		await waitFor(() => frame().includes("Reset Bob's lab nva-inspection."));
		t.deepEqual(resets, ['bob:nva-inspection']);
		view.stdin.write('q');
		await waitFor(() => frame().includes('Stop the server?'));
		view.stdin.write('y');
		await waitFor(() => quits === 1);
		t.is(quits, 1);
	} finally {
		view.unmount();
	}
});

test('new events and learners appear without a key', async (t) => {
	const room = new Room();
	const view = render(createElement(RoomView, {room, heading: [], maxSessions: 5, refreshMs: 1, onReset: async () => undefined, onQuit: () => undefined}));
	try {
		t.regex(view.lastFrame() ?? '', /No learners yet/);
		room.joined('carol', 'carol');
		room.note('carol joined (xterm-256color, 80x24)');
		await waitFor(() => /> carol/.test(view.lastFrame() ?? '') && (view.lastFrame() ?? '').includes('carol joined'));
		t.regex(view.lastFrame() ?? '', /1 of 5 connected/);
	} finally {
		view.unmount();
	}
});

test('a room taller than the terminal shows a window around the selection', (t) => {
	t.deepEqual(visibleRows(10, 0, 20), {first: 0, last: 10});
	t.deepEqual(visibleRows(60, 0, 12), {first: 0, last: 10});
	t.deepEqual(visibleRows(60, 30, 12), {first: 25, last: 35});
	t.deepEqual(visibleRows(60, 59, 12), {first: 50, last: 60});
	t.deepEqual(visibleRows(60, 5, 1), {first: 5, last: 6});
});
