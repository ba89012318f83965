/**
 * Finishing a lab and keeping its state: hints revealed one at a time (saved, changing
 * nothing), the debrief opening when every objective passes (its text, links and the
 * learner's own edits as Azure CLI commands) with completedAt saved and the next lab one key
 * away, edits kept in progress and replayed in a new session, a changed lab file offering
 * replay or restart, and saved edits that no longer apply dropped with a message.
 */
import test from 'ava';
import type {Edit} from '../../source/engine/edits/types.js';
import {emptyProgress, type ProgressData} from '../../source/ui/progress-data.js';
import {memoryProgress} from '../../source/ui/progress.js';
import {renderSandbox} from './helpers/app.js';
import {openLab, renderEditLabs, shows, until} from './helpers/edit-labs.js';
import {keys} from './helpers/render.js';

const solution: Edit[] = [
	{op: 'set-ip-forwarding', nic: 'fw', enabled: true},
	{op: 'create-route-table', name: 'rt-app'},
	{op: 'add-route', routeTable: 'rt-app', route: {name: 'web-via-fw', addressPrefix: '10.0.1.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4'}},
	{op: 'associate-route-table', subnet: 'vnet-shop/app', routeTable: 'rt-app'},
];

/** The keys that make the solution's edits, from the lab screen, in one chunk. */
const solve = `e${keys.down.repeat(5)}${keys.enter}fw${keys.enter}${keys.up.repeat(5)}${keys.enter}rt-app${keys.enter}${keys.down}${keys.enter}rt-app${keys.tab}web-via-fw${keys.tab}10.0.1.0/24${keys.tab}${keys.tab}10.0.3.4${keys.enter}${keys.down}${keys.down}${keys.enter}app${keys.tab}rt-app${keys.enter}`;

function savedLab(edits: Edit[], labHash: string): ProgressData {
	return {...emptyProgress(), lastLab: 'nva-inspection', labs: {'nva-inspection': {startedAt: '2026-01-01T00:00:00.000Z', objectivesPassed: [], predictAnswers: {}, hintsUsed: 0, edits, labHash}}};
}

test('h reveals the next hint under the objectives, saved in hintsUsed; a hint changes nothing', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press('h');
	t.true(await shows(app, /Hints {2}1 of 3 shown · h: next hint/), app.lastFrame());
	t.regex(app.lastFrame(), /1\. Trace vm-web to vm-app and read the last hop\./);
	t.is(app.progress.get().labs['nva-inspection']?.hintsUsed, 1);
	t.deepEqual(app.progress.get().labs['nva-inspection']?.edits, []);
	t.regex(app.lastFrame(), /Objectives {2}0 of 3 done/);
	app.press('hh');
	t.true(await shows(app, /Hints {2}3 of 3 shown/), app.lastFrame());
	t.regex(app.lastFrame(), /3\. Turn on IP forwarding for fw\./);
	app.press('h');
	t.true(await shows(app, 'No more hints: all 3 are shown.'), app.lastFrame());
	t.is(app.progress.get().labs['nva-inspection']?.hintsUsed, 3);
	// The edit screen lists them too.
	app.press('e');
	t.true(await shows(app, 'Hints (3 of 3)'), app.lastFrame());
	app.unmount();
});

test('d opens the debrief only once every objective is done', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press('d');
	t.true(await shows(app, 'The debrief opens once every objective is done.'), app.lastFrame());
	app.unmount();
});

test('when every objective passes the debrief opens: text, links, your edits as az commands; completedAt saved; enter opens the next lab', async (t) => {
	const app = renderEditLabs({rows: 60});
	t.true(await openLab(app));
	app.press(solve);
	t.true(await shows(app, '✓ Lab done: Inspect traffic with a network virtual appliance'), app.lastFrame());
	t.regex(app.lastFrame(), /vnetlab › Lab 01 › Edit › Debrief/);
	t.regex(app.lastFrame(), /A VirtualAppliance route only chooses where a packet goes next\./);
	app.press(keys.pageDown.repeat(3));
	t.true(await shows(app, 'Your edits as Azure CLI commands'), app.lastFrame());
	const frame = app.lastFrame();
	t.regex(frame, /\n +(https:\/\/)?learn\.microsoft\.com\/azure\/virtual-network\/virtual-networks-udr-overview\n/);
	t.regex(frame, /# Turn on IP forwarding on NIC fw\n +az network nic update --resource-group <rg> --name fw\s+--ip-forwarding true/);
	t.regex(frame, /az network vnet subnet update --resource-group <rg> --vnet-name vnet-shop\s+--name app --route-table rt-app/);
	t.regex(frame, /Next: Lab 02 Lock a storage account to one subnet/);
	const progress = app.progress.get().labs['nva-inspection']!;
	t.truthy(progress.completedAt);
	t.deepEqual(progress.edits, solution);
	t.deepEqual(progress.objectivesPassed.length, 5);
	app.press(keys.enter);
	t.true(await shows(app, 'vnetlab › Lab 02'), app.lastFrame());
	t.true(await shows(app, '[objectives]'), app.lastFrame());
	t.false(app.lastFrame().includes('Debrief'));
	// Back goes to the lab list, where lab 1 is done.
	app.press('q');
	t.true(await shows(app, 'Labs, in learning order'), app.lastFrame());
	t.regex(app.lastFrame(), /01 +Inspect traffic.*✓ done/);
	app.unmount();
});

test('progress keeps the edits: a new session resumes the lab exactly where it was left', async (t) => {
	const progress = memoryProgress();
	const first = renderEditLabs({progress});
	t.true(await openLab(first));
	first.press(`e${keys.down.repeat(5)}${keys.enter}fw${keys.enter}${keys.up.repeat(5)}${keys.enter}rt-app${keys.enter}`);
	t.true(await shows(first, 'Your edits (2)'), first.lastFrame());
	first.unmount();
	const second = renderEditLabs({progress});
	t.true(await shows(second, /❯ 01 .*continue/), second.lastFrame());
	second.press(keys.enter);
	t.true(await shows(second, /Objectives {2}1 of 3 done/), second.lastFrame());
	second.press('e');
	t.true(await shows(second, 'Your edits (2)'), second.lastFrame());
	t.regex(second.lastFrame(), /1 {2}Turn on IP forwarding on NIC fw\n +2 {2}Create route table rt-app/);
	second.press('u');
	t.true(await shows(second, 'Your edits (1)'), second.lastFrame());
	t.deepEqual(progress.get().labs['nva-inspection']?.edits, [solution[0]]);
	second.unmount();
});

test('a lab changed since the edits were made: y replays them on the new version', async (t) => {
	const app = renderEditLabs({initial: savedLab([solution[0]!], 'an-older-hash')});
	t.true(await openLab(app));
	t.true(await shows(app, /This lab changed since you made your 1 edit\. y: replay them on the new version\s+· n: restart/), app.lastFrame());
	t.regex(app.lastFrame(), /Objectives {2}0 of 3 done/);
	t.regex(app.lastFrame(), /y yes · n no/);
	app.press('e');
	t.true(await until(() => !app.lastFrame().includes('Change the network')));
	app.press('y');
	t.true(await shows(app, /Objectives {2}1 of 3 done/), app.lastFrame());
	t.false(app.lastFrame().includes('This lab changed'));
	const saved = app.progress.get().labs['nva-inspection']!;
	t.is(saved.labHash, 'hash-nva-inspection');
	t.deepEqual(saved.edits, [solution[0]]);
	app.unmount();
});

test('a lab changed since the edits were made: n restarts it from its start', async (t) => {
	const app = renderEditLabs({initial: savedLab([solution[0]!], 'an-older-hash')});
	t.true(await openLab(app));
	t.true(await shows(app, 'This lab changed since'), app.lastFrame());
	app.press('n');
	t.true(await until(() => !app.lastFrame().includes('This lab changed')), app.lastFrame());
	const saved = app.progress.get().labs['nva-inspection']!;
	t.is(saved.labHash, 'hash-nva-inspection');
	t.deepEqual(saved.edits, []);
	t.regex(app.lastFrame(), /Objectives {2}0 of 3 done/);
	app.unmount();
});

test('saved edits that no longer apply are dropped with a message; those before them are kept', async (t) => {
	const app = renderEditLabs({initial: savedLab([solution[0]!, {op: 'create-route-table', name: 'rt-web'}], 'hash-nva-inspection')});
	t.true(await openLab(app));
	t.true(await shows(app, /Your edit 2 \(Create route table rt-web\) no longer applies: .*\s+.*Kept the 1 before it\./), app.lastFrame());
	t.regex(app.lastFrame(), /Objectives {2}1 of 3 done/);
	t.true(await until(() => app.progress.get().labs['nva-inspection']?.edits.length === 1));
	app.unmount();
});

test('the sandbox edits in memory: every change shows, nothing is saved, and it has no hints', async (t) => {
	const app = renderSandbox();
	t.true(await shows(app, '[network]'), app.lastFrame());
	app.press('h');
	t.true(await shows(app, 'This lab has no hints.'), app.lastFrame());
	app.press(`e${keys.down.repeat(2)}${keys.enter}rt-new${keys.enter}`);
	t.true(await shows(app, 'Your edits (1)'), app.lastFrame());
	t.regex(app.lastFrame(), /1 {2}Create route table rt-new/);
	app.press('q');
	t.true(await shows(app, '[network]'), app.lastFrame());
	app.press(keys.pageDown);
	t.true(await shows(app, 'route table rt-new · not associated'), app.lastFrame());
	app.unmount();
});

test('the sandbox offers every op: the menu uses the free rows, says where the cursor is, and scrolls to the last op', async (t) => {
	const app = renderSandbox();
	t.true(await shows(app, '[network]'), app.lastFrame());
	app.press('e');
	t.true(await shows(app, 'Change the network'), app.lastFrame());
	const match = /choice 1 of (\d+)/.exec(app.lastFrame());
	t.truthy(match, app.lastFrame());
	const total = Number(match![1]);
	const shown = app.lastFrame().split('\n').filter((row) => /^ (❯| ) [a-z]+(-[a-z]+)+ {2,}\S/.test(row)).length;
	t.true(shown >= 12 && shown < total, `${shown} of ${total} ops shown at 80x24`);
	app.press(keys.down.repeat(total));
	t.true(await shows(app, `choice ${total} of ${total}`), app.lastFrame());
	t.regex(app.lastFrame(), /❯ set-dns-forwarding/);
	app.unmount();
});
