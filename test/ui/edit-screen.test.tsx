/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The edit screen in the app: the menu of allowed edits, forms with their messages under the
 * fields, rejected edits changing nothing, accepted edits flipping objectives and re-running
 * the last trace, warnings, undo and reset, letters as text while typing, keys in one chunk,
 * and esc closing a form. Frames are polled (waitFor), never waited for with fixed sleeps.
 */
import test from 'ava';
import {editOps} from '../../source/engine/edits/types.js';
import {App} from '../../source/ui/app.js';
import {memoryProgress} from '../../source/ui/progress.js';
import {renderSandbox} from './helpers/app.js';
import {openLab, renderEditLabs, shippedLab, shows, typeText, until} from './helpers/edit-labs.js';
import {testServices} from './helpers/labs.js';
import {keys, renderApp} from './helpers/render.js';

const edits = (app: ReturnType<typeof renderEditLabs>, id = 'nva-inspection') => app.progress.get().labs[id]?.edits ?? [];

test('e opens the edit menu with the lab’s allowed edits, in the lab’s order', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app), app.lastFrame());
	app.press('e');
	t.true(await shows(app, 'Change the network'), app.lastFrame());
	// The footer may come a frame after the body: wait for it before reading the whole frame.
	t.true(await shows(app, '· q back'), app.lastFrame());
	t.regex(app.lastFrame(), /vnetlab › Lab 01 › Edit/);
	const frame = app.lastFrame();
	t.regex(frame, /Change the network +0 of 3 objectives done · 0 edits/);
	t.regex(frame, /❯ create-route-table +Create an empty route table\n +add-route +Add a user-defined route/);
	t.regex(frame, /set-ip-forwarding +Turn IP forwarding on or off/);
	t.false(frame.includes('add-nsg-rule'));
	t.regex(frame, /Your edits \(0\)/);
	t.regex(frame, /↑↓ move · enter choose · u undo · a az · h hint · q back/);
	app.unmount();
});

test('the sandbox offers every op', async (t) => {
	const app = renderSandbox({rows: 60});
	t.true(await shows(app, '[network]'), app.lastFrame());
	app.press('e');
	t.true(await shows(app, 'Change the network'), app.lastFrame());
	app.press(keys.end);
	for (const op of editOps.slice(0, 20)) t.true(app.lastFrame().includes(op), `${op} in the menu`);
	app.press(keys.down.repeat(27));
	t.true(await shows(app, '❯ set-dns-forwarding'), app.lastFrame());
	app.unmount();
});

test('at 80x24 every op fits its menu row and every form label shows whole (nothing cut with …)', async (t) => {
	const app = renderSandbox({columns: 80, rows: 24});
	t.true(await shows(app, '[network]'), app.lastFrame());
	app.press('e');
	t.true(await shows(app, 'Change the network'), app.lastFrame());
	for (const [index, op] of editOps.entries()) {
		if (index > 0) app.press(keys.down);
		// eslint-disable-next-line no-await-in-loop
		t.true(await shows(app, `❯ ${op} `), app.lastFrame());
		const row = app.lastFrame().split('\n').find((line) => line.includes(`❯ ${op} `))!;
		t.false(row.includes('…'), row);
		app.press(keys.enter);
		// eslint-disable-next-line no-await-in-loop
		t.true(await shows(app, `${op}: `), app.lastFrame());
		const labels = app.lastFrame().split('\n').filter((line) => /[‹[]/.test(line));
		for (const line of labels) t.false(/…[‹[]/.test(line), `${op}: ${line}`);
		app.press(keys.escape);
		// eslint-disable-next-line no-await-in-loop
		t.true(await shows(app, 'Change the network'), app.lastFrame());
	}

	app.unmount();
});

test('a form shows what is wrong under the field: a bad CIDR, a prefix that is not a network address, a duplicate route name', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.down}${keys.enter}`);
	t.true(await shows(app, 'add-route: Add a user-defined route to a route table'), app.lastFrame());
	t.regex(app.lastFrame(), /❯ Route table +‹ rt-web ›/);
	app.press(keys.tab);
	t.true(await typeText(app, 'app-via-fw'));
	app.press(keys.tab);
	t.true(await shows(app, "✗ A route 'app-via-fw' exists already: pick another name"), app.lastFrame());
	t.true(await typeText(app, '10.0.1.0'));
	app.press(keys.tab);
	t.true(await shows(app, "✗ '10.0.1.0' is not a CIDR prefix (expected a.b.c.d/n)"), app.lastFrame());
	app.press(keys.up);
	t.true(await typeText(app, '/33'));
	t.true(await shows(app, "✗ '10.0.1.0/33' has a prefix length outside 0..32"), app.lastFrame());
	app.press(`${keys.backspace}${keys.backspace}24`);
	t.true(await shows(app, /Address prefix +\[10\.0\.1\.0\/24/), app.lastFrame());
	t.false(app.lastFrame().includes("'10.0.1.0/33'"), 'the message follows the value');
	app.press(`${keys.clearLine}10.0.1.4/24${keys.tab}`);
	t.true(await shows(app, /✗ '10\.0\.1\.4\/24' is not a network address \(did you mean\s+10\.0\.1\.0\/24\?\)/), app.lastFrame());
	// Submitting shows every problem and applies nothing.
	app.press(keys.enter);
	t.true(await shows(app, '✗ Next hop IP is required'), app.lastFrame());
	t.regex(app.lastFrame(), /add-route: Add a user-defined route/);
	t.deepEqual(edits(app), []);
	app.unmount();
});

test('a rejected edit leaves the network and progress unchanged; the engine’s reason shows under its field', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.down}${keys.enter}${keys.tab}`);
	t.true(await shows(app, '❯ Route name'), app.lastFrame());
	app.press(`dup${keys.tab}10.0.2.0/24${keys.tab}${keys.right}${keys.right}${keys.right}${keys.right}`);
	t.true(await shows(app, '‹ None ›'), app.lastFrame());
	app.press(keys.enter);
	t.true(await shows(app, '✗ route app-via-fw in rt-web already covers 10.0.2.0/24'), app.lastFrame());
	const frame = app.lastFrame();
	t.true(frame.indexOf('Address prefix') < frame.indexOf('already covers'), 'under the address prefix');
	t.regex(frame, /add-route: /, 'the form stays open');
	t.deepEqual(edits(app), []);
	app.press(keys.escape);
	t.true(await shows(app, 'Your edits (0)'), app.lastFrame());
	t.regex(app.lastFrame(), /0 of 3 objectives done · 0 edits/);
	app.unmount();
});

test('an edit Azure accepts but that breaks the network goes through with a visible warning', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.down}${keys.enter}${keys.tab}`);
	t.true(await shows(app, '❯ Route name'));
	app.press(`lost${keys.tab}10.0.8.0/24${keys.tab}${keys.tab}10.9.9.9${keys.enter}`);
	t.true(await shows(app, 'Your edits (1)'), app.lastFrame());
	t.regex(app.lastFrame(), /! warning +no network interface or load balancer frontend in vnet-shop has\s+10\.9\.9\.9/);
	t.is(edits(app).length, 1);
	app.unmount();
});

test('after an edit the objective flips at once, what changed is listed, and the lab screen shows it done', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.down.repeat(5)}${keys.enter}`);
	t.true(await shows(app, 'set-ip-forwarding: Turn IP forwarding on or off'), app.lastFrame());
	app.press('fw');
	t.true(await shows(app, '‹ fw ›'), app.lastFrame());
	t.regex(app.lastFrame(), /IP forwarding +‹ true ›/);
	app.press(keys.enter);
	t.true(await shows(app, 'Last change  Turn on IP forwarding on NIC fw'), app.lastFrame());
	const frame = app.lastFrame();
	t.regex(frame, /✓ now done {2}A packet from vm-web to vm-app passes fw and is delivered\./);
	t.regex(frame, /trace {2}vm-web → vm-app\n +before {2}vm-web → fw ✗ dropped: ip-forwarding-disabled\n +after {3}vm-web → fw → vm-app ✓ delivered/);
	t.regex(frame, /1 of 3 objectives done · 1 edit/);
	t.deepEqual(edits(app), [{op: 'set-ip-forwarding', nic: 'fw', enabled: true}]);
	app.press('q');
	t.true(await shows(app, '[objectives]'), app.lastFrame());
	t.regex(app.lastFrame(), /Objectives {2}1 of 3 done/);
	t.regex(app.lastFrame(), /✓ done {5}A packet from vm-web to vm-app passes fw/);
	app.unmount();
});

test('routes that become Active show in what changed, and the routes screen reads the changed network', async (t) => {
	const app = renderEditLabs({rows: 40});
	t.true(await openLab(app));
	// create-route-table rt-app, add-route 10.0.1.0/24 via fw, associate it with vnet-shop/app.
	app.press(`e${keys.enter}rt-app${keys.enter}`);
	t.true(await shows(app, 'Your edits (1)'), app.lastFrame());
	app.press(`${keys.down}${keys.enter}rt-app${keys.tab}back${keys.tab}10.0.1.0/24${keys.tab}${keys.tab}10.0.3.4${keys.enter}`);
	t.true(await shows(app, 'Your edits (2)'), app.lastFrame());
	app.press(`${keys.down}${keys.down}${keys.enter}app${keys.tab}rt-app${keys.enter}`);
	t.true(await shows(app, 'Your edits (3)'), app.lastFrame());
	t.regex(app.lastFrame(), /route {2}vm-app: 10\.0\.1\.0\/24 → VirtualAppliance 10\.0\.3\.4 \(User back\)\s+now\s+Active/);
	t.regex(app.lastFrame(), /✓ now done {2}vm-app's next hop for the web subnet is the firewall\./);
	app.press(`qr${keys.down}${keys.enter}`);
	t.true(await shows(app, 'Effective routes of vm-app'), app.lastFrame());
	t.regex(app.lastFrame(), /route table rt-app/);
	t.regex(app.lastFrame(), /User +Active +10\.0\.1\.0\/24 +VirtualAppliance +10\.0\.3\.4/);
	app.unmount();
});

test('the trace re-runs after an edit: the traced packet’s verdict before and after, and the trace screen on the new network', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	// Trace the reply path (the second suggestion): it does not pass fw yet.
	app.press(`t${keys.down}${keys.enter}`);
	t.true(await shows(app, /Hop 1 of \d+/), app.lastFrame());
	app.press(keys.end);
	t.true(await shows(app, 'Verdict'), app.lastFrame());
	t.regex(app.lastFrame(), /Path +vm-app → \[vm-web\]/);
	app.press('qq');
	t.true(await shows(app, '[objectives]'), app.lastFrame());
	app.press(`e${keys.enter}rt-app${keys.enter}`);
	t.true(await shows(app, 'Your edits (1)'), app.lastFrame());
	t.regex(app.lastFrame(), /trace {2}vm-app → vm-web unchanged: vm-app → vm-web ✓ delivered/);
	app.press(`${keys.down}${keys.enter}rt-app${keys.tab}back${keys.tab}10.0.1.0/24${keys.tab}${keys.tab}10.0.3.4${keys.enter}`);
	t.true(await shows(app, 'Your edits (2)'), app.lastFrame());
	app.press(`${keys.down}${keys.down}${keys.enter}app${keys.tab}rt-app${keys.enter}`);
	t.true(await shows(app, 'Your edits (3)'), app.lastFrame());
	t.regex(app.lastFrame(), /trace {2}vm-app → vm-web\n +before {2}vm-app → vm-web ✓ delivered\n +after {3}vm-app → fw ✗ dropped: ip-forwarding-disabled/);
	app.press(`qt${keys.down}${keys.enter}`);
	t.true(await shows(app, /Path +\[vm-app\] → fw/), app.lastFrame());
	app.unmount();
});

test('u undoes the last edit (the others replayed from the start); R resets after a yes, n keeps the edits', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.enter}rt-app${keys.enter}`);
	t.true(await shows(app, 'Your edits (1)'));
	app.press(`${keys.down.repeat(5)}${keys.enter}fw${keys.enter}`);
	t.true(await shows(app, 'Your edits (2)'), app.lastFrame());
	t.regex(app.lastFrame(), /1 of 3 objectives done · 2 edits/);
	app.press('u');
	t.true(await shows(app, 'Your edits (1)'), app.lastFrame());
	t.regex(app.lastFrame(), /Last change {2}Undid: Turn on IP forwarding on NIC fw/);
	t.regex(app.lastFrame(), /✗ not any more {2}A packet from vm-web to vm-app passes fw/);
	t.deepEqual(edits(app), [{op: 'create-route-table', name: 'rt-app'}]);
	// Reset: asked first; n keeps the edits.
	app.press('R');
	t.true(await shows(app, 'Reset the lab to its start? Your 1 edit is undone. y: reset · n: keep them'), app.lastFrame());
	t.regex(app.lastFrame(), /y yes · n no/);
	app.press('n');
	t.true(await shows(app, 'Nothing was reset.'), app.lastFrame());
	t.is(edits(app).length, 1);
	// From the lab screen: R, then y.
	app.press('q');
	t.true(await shows(app, '[objectives]'));
	app.press('R');
	t.true(await shows(app, 'Reset the lab to its start? Your 1 edit will be undone.'), app.lastFrame());
	app.press('y');
	t.true(await shows(app, 'Reset: the network is back at the start.'), app.lastFrame());
	t.deepEqual(edits(app), []);
	app.press('u');
	t.true(await shows(app, 'Nothing to undo: no edits yet.'), app.lastFrame());
	app.unmount();
});

test('while a form field has focus, letters are text: q, h, u, R, ?, e and c do nothing else', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.enter}`);
	t.true(await shows(app, 'create-route-table: Create an empty route table'), app.lastFrame());
	app.press('qhuR?ec');
	t.true(await shows(app, /Name +\[qhuR\?ec/), app.lastFrame());
	t.regex(app.lastFrame(), /create-route-table: /);
	t.is(app.progress.get().labs['nva-inspection']?.hintsUsed, 0);
	t.regex(app.lastFrame(), /tab next field · → choose · enter apply · esc cancel/);
	app.press(keys.enter);
	t.true(await shows(app, "✗ 'qhuR?ec' "), app.lastFrame());
	app.unmount();
});

test('several keys in one chunk: open, choose, fill in and apply an edit in one write', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.down.repeat(5)}${keys.enter}fw${keys.enter}${keys.up.repeat(5)}${keys.enter}rt-app${keys.enter}q`);
	t.true(await shows(app, /Objectives {2}1 of 3 done/), app.lastFrame());
	t.deepEqual(edits(app), [
		{op: 'set-ip-forwarding', nic: 'fw', enabled: true},
		{op: 'create-route-table', name: 'rt-app'},
	]);
	app.unmount();
});

test('esc closes a form without changing anything; a shows each edit’s Azure CLI command', async (t) => {
	const app = renderEditLabs();
	t.true(await openLab(app));
	app.press(`e${keys.enter}rt-app${keys.escape}`);
	t.true(await shows(app, 'Your edits (0)'), app.lastFrame());
	app.press(`${keys.enter}rt-app${keys.enter}`);
	t.true(await shows(app, 'Your edits (1)'), app.lastFrame());
	app.press('a');
	t.true(await shows(app, '$ az network route-table create --resource-group <rg> --name rt-app'), app.lastFrame());
	app.press('a');
	t.true(await until(() => !app.lastFrame().includes('$ az network')), app.lastFrame());
	app.unmount();
});

test('lab 15: every problem of an NSG rule shows at once on the first enter, each under its own field', async (t) => {
	const progress = memoryProgress();
	const {services} = testServices([], [shippedLab('15-nsg-find-the-drop.yaml')]);
	const app = renderApp(<App start={{kind: 'home'}} services={services} progress={progress} theme={{color: false, ascii: false}} />, 100, 50);
	t.true(await openLab(app), app.lastFrame());
	app.press(`e${keys.enter}`);
	t.true(await shows(app, 'add-nsg-rule: Add a security rule'), app.lastFrame());
	app.press(keys.tab);
	t.true(await typeText(app, 'allow-app'));
	app.press(keys.tab);
	t.true(await typeText(app, '5000'));
	app.press(keys.tab.repeat(4) + keys.clearLine);
	t.true(await typeText(app, 'Internett'));
	app.press(keys.tab.repeat(2) + keys.clearLine);
	t.true(await typeText(app, '10.0.0.1/16'));
	app.press(keys.tab + keys.clearLine);
	t.true(await typeText(app, '70000'));
	// The fields left so far show their problems as typed; enter shows the last one's too and applies nothing.
	t.false(app.lastFrame().includes("✗ '70000'"), app.lastFrame());
	app.press(keys.enter);
	t.true(await shows(app, "✗ '70000' is not *, a port or a range like 8000-8080"), app.lastFrame());
	const frame = app.lastFrame();
	const under = (label: string, message: string) => {
		const at = frame.indexOf(label);
		const problem = frame.indexOf(message);
		return at >= 0 && problem > at && frame.slice(at, problem).split('\n').length === 2;
	};

	t.true(under('Priority', '✗ 5000 is outside 100-4096'), frame);
	t.true(under('Source  ', "✗ 'Internett' is not a known service tag (did you mean Internet?)"), frame);
	t.true(under('Destination  ', "✗ '10.0.0.1/16' is not a network address (did you mean 10.0.0.0/16?)"), frame);
	t.true(under('Destination ports', "✗ '70000' is not *, a port or a range like 8000-8080"), frame);
	t.deepEqual(progress.get().labs['nsg-find-the-drop']?.edits ?? [], []);
	app.unmount();
});

test('lab 04: an IP outside the chosen subnet is flagged on enter, and the message goes as soon as another subnet is chosen; typing e finds vnet-app/endpoints', async (t) => {
	const app = renderEditLabs({rows: 30});
	t.true(await openLab(app, 2));
	app.press(`e${keys.enter}`);
	t.true(await shows(app, 'create-private-endpoint: Create a private endpoint'), app.lastFrame());
	t.true(await typeText(app, 'pe-blob'));
	app.press(keys.tab);
	t.true(await shows(app, /❯ Subnet +‹ vnet-app\/app ›/), app.lastFrame());
	app.press(keys.tab);
	t.true(await typeText(app, '10.3.3.10'));
	app.press(keys.enter);
	t.true(await shows(app, '✗ 10.3.3.10 is outside subnet vnet-app/app (10.3.1.0/24)'), app.lastFrame());
	app.press(keys.shiftTab);
	t.true(await shows(app, /❯ Subnet/), app.lastFrame());
	app.press('e');
	t.true(await shows(app, /❯ Subnet +‹ vnet-app\/endpoints ›/), app.lastFrame());
	t.true(await until(() => !app.lastFrame().includes('outside subnet')), app.lastFrame());
	t.regex(app.lastFrame(), /create-private-endpoint: /, 'still in the form: nothing was submitted');
	t.deepEqual(edits(app, 'private-endpoint-dns'), []);
	app.unmount();
});

test('at 80 columns a field\'s help shows whole under it, wrapped (the tags it lists end with Storage)', async (t) => {
	const progress = memoryProgress();
	const {services} = testServices([], [shippedLab('15-nsg-find-the-drop.yaml')]);
	const app = renderApp(<App start={{kind: 'home'}} services={services} progress={progress} theme={{color: false, ascii: false}} />, 80, 24);
	t.true(await openLab(app), app.lastFrame());
	app.press(`e${keys.enter}`);
	t.true(await shows(app, 'add-nsg-rule: Add a security rule'), app.lastFrame());
	// A text field's example is hidden while the cursor is in it: the help under it repeats it.
	app.press(keys.tab);
	t.true(await shows(app, /a name \(no spaces\); e\.g\. allow-app-out/), app.lastFrame());
	app.press(keys.tab.repeat(7));
	t.true(await shows(app, /Internet,\s+Storage/), app.lastFrame());
	app.unmount();
});
