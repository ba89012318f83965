/**
 * Progress (design section 8): the pure updates, the store's location (VNETLAB_CONFIG_DIR),
 * writes through conf that a restart reads back, and an unreadable file renamed aside.
 */
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {answerPrediction, emptyProgress, labStatus, normaliseProgress, recordObjectives, startLab} from '../../source/ui/progress-data.js';
import {openProgress, progressDirectory, readProgressFile} from '../../source/ui/progress.js';

const now = '2026-11-25T10:00:00.000Z';
const later = '2026-11-25T11:00:00.000Z';

test('starting a lab records when, its hash, and makes it the lab to continue', (t) => {
	const data = startLab(emptyProgress(), 'hub', 'abc', now);
	t.deepEqual(data, {
		schemaVersion: 1,
		lastLab: 'hub',
		labs: {hub: {startedAt: now, objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: [], labHash: 'abc'}},
	});
	const again = startLab(data, 'hub', 'abc', later);
	t.is(again, data);
	t.is(startLab(again, 'other', undefined, later).lastLab, 'other');
});

test('answers, passed objectives and completion', (t) => {
	let data = startLab(emptyProgress(), 'hub', undefined, now);
	data = answerPrediction(data, 'hub', 'q1', 'VnetLocal', now);
	t.deepEqual(data.labs['hub']!.predictAnswers, {q1: 'VnetLocal'});
	data = recordObjectives(data, 'hub', ['q1'], false, now);
	t.deepEqual(labStatus(data, 'hub', 3), {kind: 'in-progress', passed: 1, total: 3});
	t.is(recordObjectives(data, 'hub', ['q1'], false, later), data);
	data = recordObjectives(data, 'hub', ['q1', 'q2', 'q3'], true, later);
	t.is(data.labs['hub']!.completedAt, later);
	t.deepEqual(labStatus(data, 'hub', 3), {kind: 'done'});
	// Completion is kept once reached.
	t.is(recordObjectives(data, 'hub', ['q1'], false, '2027-01-01T00:00:00.000Z').labs['hub']!.completedAt, later);
	t.deepEqual(labStatus(data, 'nope', 3), {kind: 'not-started'});
});

test('normalising read data keeps known fields only', (t) => {
	const data = normaliseProgress({schemaVersion: 1, lastLab: 'a', extra: 1, labs: {a: {startedAt: now, objectivesPassed: ['x', 3], predictAnswers: {q: 'A', r: 1}, junk: true}, b: 'nope'}});
	t.deepEqual(data, {schemaVersion: 1, lastLab: 'a', labs: {a: {startedAt: now, objectivesPassed: ['x'], predictAnswers: {q: 'A'}, hintsUsed: 0, edits: []}}});
	t.deepEqual(normaliseProgress([1, 2]), emptyProgress());
});

test('VNETLAB_CONFIG_DIR decides where the store is; otherwise the platform config folder', (t) => {
	t.is(progressDirectory({VNETLAB_CONFIG_DIR: '/tmp/x'}), '/tmp/x');
	t.is(progressDirectory({HOME: '/home/u'}, 'linux'), '/home/u/.config/vnetlab');
	t.is(progressDirectory({HOME: '/home/u', XDG_CONFIG_HOME: '/cfg'}, 'linux'), '/cfg/vnetlab');
	t.is(progressDirectory({HOME: '/Users/u'}, 'darwin'), '/Users/u/Library/Preferences/vnetlab');
});

test('writes go through conf and survive a restart', async (t) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-progress-'));
	const env = {VNETLAB_CONFIG_DIR: dir};
	const store = openProgress(env);
	t.is(store.path, path.join(dir, 'config.json'));
	t.deepEqual(store.get(), emptyProgress());
	let changes = 0;
	store.subscribe(() => changes++);
	store.update((data) => startLab(data, 'hub', 'h1', now));
	store.update((data) => answerPrediction(data, 'hub', 'q1', 'None', now));
	store.update((data) => data);
	t.is(changes, 2);
	await store.flush();
	const saved = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as unknown;
	t.deepEqual(saved, store.get());
	const reopened = openProgress(env);
	t.deepEqual(reopened.get(), store.get());
	t.is(reopened.notice, undefined);
});

test('an unreadable store is renamed aside and reported, not wiped', (t) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-progress-'));
	const file = path.join(dir, 'config.json');
	writeFileSync(file, '{"schemaVersion": 1, "labs": {');
	const read = readProgressFile(file, () => new Date('2026-11-25T12:34:56.789Z'));
	t.deepEqual(read.data, emptyProgress());
	t.is(read.notice, `Progress file was unreadable: moved to ${file}.corrupt-2026-11-25T12:34:56.789Z; starting afresh.`);
	t.deepEqual(readdirSync(dir), ['config.json.corrupt-2026-11-25T12:34:56.789Z']);
	t.is(readFileSync(path.join(dir, 'config.json.corrupt-2026-11-25T12:34:56.789Z'), 'utf8'), '{"schemaVersion": 1, "labs": {');
	const store = openProgress({VNETLAB_CONFIG_DIR: dir});
	t.is(store.notice, undefined);
});

test('the lab list counts only the objectives to reach, not the ones that hold from the start', (t) => {
	const data = {schemaVersion: 1, labs: {hub: {startedAt: '2026-11-25T00:00:00.000Z', objectivesPassed: ['keep-working', 'reach-spoke'], predictAnswers: {}, hintsUsed: 0, edits: []}}} as unknown as Parameters<typeof labStatus>[0];
	t.deepEqual(labStatus(data, 'hub', ['reach-spoke', 'inspect']), {kind: 'in-progress', passed: 1, total: 2});
});
