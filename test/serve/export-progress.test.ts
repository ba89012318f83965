/**
 * `vnetlab progress --data <dir>`: every workshop learner's progress as a table, JSON (with
 * the answers and edits) or CSV; an unreadable learner file is reported and left alone.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {collectProgress, toCsv} from '../../source/serve/export-progress.js';
import {runCli, temporaryDirectory} from './helpers/serve-process.js';

function learner(data: string, key: string, content: unknown): void {
	const directory = path.join(data, 'progress', key);
	mkdirSync(directory, {recursive: true});
	writeFileSync(path.join(directory, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content));
}

function room(): string {
	const data = temporaryDirectory();
	learner(data, 'alice', {
		schemaVersion: 1,
		lastLab: 'default-routes',
		labs: {
			'default-routes': {startedAt: '2026-11-25T09:00:00.000Z', objectivesPassed: ['a', 'b'], predictAnswers: {a: 'VnetLocal', b: 'dropped: no-route'}, hintsUsed: 1, edits: []},
			'custom-lab': {startedAt: '2026-11-25T09:30:00.000Z', objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits: [{op: 'add-route'}], completedAt: '2026-11-25T09:45:00.000Z'},
		},
	});
	learner(data, 'bob', {schemaVersion: 1, labs: {}});
	learner(data, 'carol', '{not json');
	return data;
}

const catalog = [{id: 'default-routes', number: 1, title: 'The default route table', objectiveCount: 6}];

test('collects learners in order, with catalogue titles and counts', (t) => {
	const data = room();
	const {room: exported, problems} = collectProgress(data, catalog);
	t.deepEqual(
		exported.learners.map((entry) => entry.learner),
		['alice', 'bob'],
	);
	const [first, second] = exported.learners[0]!.labs;
	t.like(first, {lab: 'default-routes', number: 1, title: 'The default route table', passed: 2, goalCount: 6, completed: false, hintsUsed: 1});
	t.deepEqual(first!.objectivesPassed, ['a', 'b']);
	t.like(second, {lab: 'custom-lab', number: null, goalCount: null, completed: true, completedAt: '2026-11-25T09:45:00.000Z'});
	t.is(problems.length, 1);
	t.regex(problems[0]!, /carol.*config\.json: unreadable .*; skipped/);
	t.is(readFileSync(path.join(data, 'progress', 'carol', 'config.json'), 'utf8'), '{not json', 'the unreadable file is left as it was');
});

test('objectives are counted as the app counts them: only those to reach (not the holds ones)', (t) => {
	const {room: exported} = collectProgress(room(), [{...catalog[0]!, goalIds: ['a', 'c']}]);
	t.like(exported.learners[0]!.labs[0], {passed: 1, goalCount: 2});
});

test('CSV has one row per learner and lab, quoted where needed', (t) => {
	const {room: exported} = collectProgress(room(), [{...catalog[0]!, title: 'Routes, "default" ones'}]);
	const lines = toCsv(exported).split('\r\n');
	t.is(lines[0], 'learner,lab,number,title,objectives_passed,objective_count,completed,completed_at,hints_used,predictions_answered,edits,started_at');
	t.is(lines[1], 'alice,default-routes,1,"Routes, ""default"" ones",2,6,false,,1,2,0,2026-11-25T09:00:00.000Z');
	t.is(lines[2], 'alice,custom-lab,,,0,,true,2026-11-25T09:45:00.000Z,0,0,1,2026-11-25T09:30:00.000Z');
	t.is(lines.length, 4);
});

test('vnetlab progress --data prints a table, --json and --csv; a missing folder is exit 2', async (t) => {
	const data = room();
	// A labs folder of its own (empty), so the bundled labs' objectives play no part.
	const labs = temporaryDirectory();
	const table = await runCli(['progress', '--data', data, '--labs', labs]);
	t.is(table.status, 0, table.stderr);
	t.regex(table.stdout, /Workshop progress in .* \(2 learners\)/);
	t.regex(table.stdout, /alice\s+--\s+default-routes\s+2\s+1\s+2\s+0\s+2026-11-25 09:00/);
	t.regex(table.stderr, /^vnetlab: .*carol.*unreadable/);

	const json = await runCli(['progress', '--data', data, '--json']);
	t.is(json.status, 0);
	const parsed = JSON.parse(json.stdout) as {learners: Array<{learner: string; labs: Array<{predictAnswers: Record<string, string>}>}>};
	t.deepEqual(parsed.learners[0]!.labs[0]!.predictAnswers, {a: 'VnetLocal', b: 'dropped: no-route'});

	const csv = await runCli(['progress', '--data', data, '--csv']);
	t.is(csv.status, 0);
	t.true(csv.stdout.startsWith('learner,lab,number,'));

	const missing = await runCli(['progress', '--data', path.join(data, 'nope')]);
	t.is(missing.status, 2);
	t.regex(missing.stderr, /^vnetlab: --data: .* has no progress folder/);
	const both = await runCli(['progress', '--data', data, '--json', '--csv']);
	t.is(both.status, 2);
	const csvAlone = await runCli(['progress', '--csv']);
	t.is(csvAlone.status, 2);
	t.regex(csvAlone.stderr, /--csv goes with --data/);
});
