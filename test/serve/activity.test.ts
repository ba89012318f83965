/** What the room table learns from a learner's progress: current lab, objectives to reach passed, hints. */
import test from 'ava';
import {activityOf, goalsOf} from '../../source/serve/activity.js';
import {emptyProgress} from '../../source/ui/progress-data.js';

const entry = {startedAt: '2026-11-25T09:00:00.000Z', objectivesPassed: ['keep-web', 'a'], predictAnswers: {}, hintsUsed: 2, edits: []};

test('no lab yet', (t) => {
	t.deepEqual(activityOf(emptyProgress()), {objectivesPassed: 0, hintsUsed: 0, completed: false});
});

test('the last lab, with its goals counted as the app counts them', (t) => {
	const data = {...emptyProgress(), lastLab: 'nva', labs: {nva: entry}};
	const goals = goalsOf([{id: 'nva', file: 'labs/02-nva.yaml', number: 2, title: 'NVA', summary: '', level: [], minutes: 15, concepts: [], objectiveCount: 4, goalIds: ['a', 'b', 'c']}]);
	t.deepEqual(activityOf(data, goals), {lab: 'nva', objectivesPassed: 1, objectivesTotal: 3, hintsUsed: 2, completed: false});
	t.deepEqual(activityOf(data), {lab: 'nva', objectivesPassed: 2, hintsUsed: 2, completed: false});
	t.true(activityOf({...data, labs: {nva: {...entry, completedAt: '2026-11-25T10:00:00.000Z'}}}, goals).completed);
});
