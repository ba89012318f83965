/**
 * The home screen: labs in learning order with level, minutes and status, "continue" on the
 * last lab opened, keys arriving in one chunk handled in order, the corrupt-store notice.
 */
import test from 'ava';
import {memoryProgress} from '../../source/ui/progress.js';
import {renderHome, renderLabFile} from './helpers/app.js';
import {keys, waitFor} from './helpers/render.js';

test('lists the labs in order with level, minutes and status', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')), app.lastFrame());
	const frame = app.lastFrame();
	const rows = frame.split('\n').filter((line) => /^\s*(❯\s+)?0\d /.test(line));
	t.is(rows.length, 3, frame);
	t.regex(rows[0]!, /❯ 01 {2}Hub and spoke basics\s+AZ-104\s+15 min {2}not started/);
	t.regex(rows[1]!, /02 {2}Route spoke traffic/);
	t.regex(frame, /↑↓ move · enter open · q quit · \? help/);
	app.unmount();
});

test('shows n of m objectives, done, and continue on the last lab opened', async (t) => {
	const now = '2026-11-25T10:00:00.000Z';
	const app = renderHome({
		initial: {
			schemaVersion: 1,
			lastLab: 'spoke-routing',
			labs: {
				'hub-basics': {startedAt: now, objectivesPassed: ['a', 'b', 'c', 'd'], predictAnswers: {}, hintsUsed: 0, edits: [], completedAt: now},
				'spoke-routing': {startedAt: now, objectivesPassed: ['a', 'b'], predictAnswers: {}, hintsUsed: 0, edits: []},
			},
		},
	});
	t.true(await waitFor(() => app.lastFrame().includes('continue')), app.lastFrame());
	const frame = app.lastFrame();
	t.regex(frame, /01 {2}Hub and spoke basics.*✓ done/);
	// The cursor starts on the lab to continue.
	t.regex(frame, /❯ 02 {2}Route spoke traffic.*continue · 2 of 4 objectives/);
	t.regex(frame, /03 {2}Reach storage privately.*not started/);
	app.unmount();
});

test('several keys written in one chunk are all handled, in order', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press(`${keys.down}${keys.down}${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Lab 03') && app.lastFrame().includes('[objectives]')), app.lastFrame());
	t.regex(app.lastFrame(), /Reach storage privately/);
	app.unmount();
});

test('keys after a screen change in the same chunk go to the new screen', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	// Open lab 2, switch to its network pane, then open the keys help: one write.
	app.press(`${keys.down}${keys.enter}${keys.tab}?`);
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Lab 02 › Keys')), app.lastFrame());
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('[network]')), app.lastFrame());
	app.unmount();
});

test('continue only on a last lab in progress: a finished or unstarted last lab just shows its status', async (t) => {
	const now = '2026-11-25T10:00:00.000Z';
	const done = renderHome({
		initial: {
			schemaVersion: 1,
			lastLab: 'hub-basics',
			labs: {'hub-basics': {startedAt: now, objectivesPassed: ['a', 'b', 'c', 'd'], predictAnswers: {}, hintsUsed: 0, edits: [], completedAt: now}},
		},
	});
	t.true(await waitFor(() => /01 {2}Hub and spoke basics.*✓ done/.test(done.lastFrame())), done.lastFrame());
	t.false(done.lastFrame().includes('continue'), done.lastFrame());
	done.unmount();
	const unstarted = renderHome({initial: {schemaVersion: 1, lastLab: 'spoke-routing', labs: {}}});
	t.true(await waitFor(() => /02 {2}Route spoke traffic.* not started/.test(unstarted.lastFrame())), unstarted.lastFrame());
	t.false(unstarted.lastFrame().includes('continue'), unstarted.lastFrame());
	unstarted.unmount();
});

test('opening a lab records it as started and as the lab to continue', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press(keys.enter);
	t.true(await waitFor(() => app.progress.get().lastLab === 'hub-basics'));
	const entry = app.progress.get().labs['hub-basics']!;
	t.is(entry.labHash, 'hash-hub-basics');
	t.deepEqual(entry.edits, []);
	t.is(entry.hintsUsed, 0);
	app.press('q');
	t.true(await waitFor(() => /❯ 01 .*continue · 2 of 4 objectives/.test(app.lastFrame())), app.lastFrame());
	app.unmount();
});

test('a lab file opened directly (vnetlab open <lab>) starts on its lab; q shows the list with that lab to continue', async (t) => {
	const app = renderLabFile();
	t.true(await waitFor(() => /vnetlab › Lab 02\n *Route spoke traffic through the NVA/.test(app.lastFrame())), app.lastFrame());
	t.true(await waitFor(() => app.progress.get().lastLab === 'spoke-routing'));
	app.press('q');
	t.true(await waitFor(() => /❯ 02 .*continue · 2 of 4 objectives/.test(app.lastFrame())), app.lastFrame());
	app.press('q');
	await app.instance.waitUntilExit();
	t.pass();
});

test('a progress store that was set aside is reported in one line', async (t) => {
	const progress = memoryProgress(undefined, 'Progress file was unreadable: moved to /x/config.json.corrupt-2026; starting afresh.');
	const app = renderHome({progress});
	t.true(await waitFor(() => app.lastFrame().includes('Progress file was unreadable')), app.lastFrame());
	app.unmount();
});

test('a broken lab file is reported, the others listed', async (t) => {
	const app = renderHome({problems: ['labs/09-broken.yaml:3:1: title: must be a non-empty string']});
	t.true(await waitFor(() => app.lastFrame().includes('Not listed: labs/09-broken.yaml:3:1')), app.lastFrame());
	t.regex(app.lastFrame(), /Hub and spoke basics/);
	app.unmount();
});

test('q on the home screen quits', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press('q');
	await app.instance.waitUntilExit();
	t.pass();
});
