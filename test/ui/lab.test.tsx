/**
 * The lab screen: objectives with live status as a symbol and a word, holds shown apart,
 * predictions answered by choosing (saved in progress and re-evaluated), the network view
 * scrolling, and the ASCII symbols.
 */
import test from 'ava';
import {renderHome, renderSandbox} from './helpers/app.js';
import {keys, waitFor, type Rendered} from './helpers/render.js';

async function openFirstLab(app: Rendered): Promise<boolean> {
	if (!(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')))) return false;
	app.press(keys.enter);
	return waitFor(() => /vnetlab (›|>) Lab 01/.test(app.lastFrame()) && app.lastFrame().includes('[objectives]'));
}

test('objectives show their status as a symbol and a word; holds apart', async (t) => {
	const app = renderHome();
	t.true(await openFirstLab(app), app.lastFrame());
	// Scroll the cursor down so every objective is in view.
	app.press(`${keys.down}${keys.down}${keys.down}`);
	t.true(await waitFor(() => app.lastFrame().includes('❯ ✓ done     onprem-pc')), app.lastFrame());
	const frame = app.lastFrame();
	t.regex(frame, /Objectives {2}1 of 3 done/);
	t.regex(frame, /✗ not yet {2}vm-spoke1 sends a packet to vm-spoke2/);
	t.regex(frame, /✓ done {5}vm-app reaches the storage account/);
	t.regex(frame, /✗ not yet {2}vm-spoke1 sends traffic for spoke2 to the NVA/);
	t.regex(frame, /Must stay true {2}1 of 1 done/);
	t.regex(frame, /❯ ✓ done {5}onprem-pc still reaches vm-app2/);
	app.unmount();
});

test('the selected failing objective says why', async (t) => {
	const app = renderHome();
	t.true(await openFirstLab(app));
	app.press(`${keys.down}${keys.down}`);
	t.true(await waitFor(() => app.lastFrame().includes('next hop is None')), app.lastFrame());
	t.regex(app.lastFrame(), /expected\s+VirtualAppliance 10\.0\.2\.4/);
	app.unmount();
});

test('a prediction is answered by choosing, saved, and re-evaluated', async (t) => {
	const app = renderHome();
	t.true(await openFirstLab(app));
	t.regex(app.lastFrame(), /❯ ✗ not yet {2}vm-spoke1 sends a packet to vm-spoke2/);
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Your prediction')), app.lastFrame());
	t.regex(app.lastFrame(), /❯ delivered\n/);
	// A wrong answer first: it is saved, and the objective says it is not what happens.
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('your answer: delivered')), app.lastFrame());
	t.regex(app.lastFrame(), /✗ not yet {2}vm-spoke1 sends a packet/);
	t.regex(app.lastFrame(), /'delivered' is not what the network does/);
	t.is(app.progress.get().labs['hub-basics']?.predictAnswers['spoke-verdict'], 'delivered');
	// Then the right one, chosen with keys in one chunk; the earlier answer is preselected.
	app.press(`${keys.enter}${keys.down}${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes('your answer: dropped: next-hop-none')), app.lastFrame());
	t.regex(app.lastFrame(), /❯ ✓ done {5}vm-spoke1 sends a packet/);
	t.regex(app.lastFrame(), /Objectives {2}2 of 3 done/);
	t.is(app.progress.get().labs['hub-basics']?.predictAnswers['spoke-verdict'], 'dropped: next-hop-none');
	t.deepEqual(app.progress.get().labs['hub-basics']?.objectivesPassed, ['spoke-verdict', 'app-to-blob', 'onprem-reach']);
	app.unmount();
});

test('escape leaves a prediction unanswered', async (t) => {
	const app = renderHome();
	t.true(await openFirstLab(app));
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Your prediction')));
	app.press(`${keys.down}q`);
	t.true(await waitFor(() => app.lastFrame().includes('not answered yet')), app.lastFrame());
	t.false('spoke-verdict' in (app.progress.get().labs['hub-basics']?.predictAnswers ?? {}));
	app.unmount();
});

test('the network view lists the topology and scrolls', async (t) => {
	const app = renderHome();
	t.true(await openFirstLab(app));
	app.press(keys.tab);
	t.true(await waitFor(() => app.lastFrame().includes('[network]')), app.lastFrame());
	const first = app.lastFrame();
	t.regex(first, /VNet hub · 10\.0\.0\.0\/16 · westeurope · Azure DNS/);
	t.regex(first, /NVA nva · 10\.0\.2\.4 · IP forwarding on · guest OS forwards/);
	t.regex(first, /private endpoint pe-stcontoso-blob · 10\.0\.3\.4 · → stcontoso\/blob ·\s+Approved/);
	t.regex(first, /↓ lines 1-\d+ of \d+/);
	app.press(keys.pageDown);
	t.true(await waitFor(() => /↑↓ lines \d+-\d+ of \d+/.test(app.lastFrame())), app.lastFrame());
	app.press(`${keys.pageDown}${keys.pageDown}${keys.pageDown}`);
	t.true(await waitFor(() => /↑  lines \d+-(\d+) of \1/.test(app.lastFrame())), app.lastFrame());
	const last = app.lastFrame();
	t.regex(last, /zone privatelink\.blob\.core\.windows\.net/);
	t.regex(last, /linked to hub \(link-hub\)/);
	t.regex(last, /Internet host example-web · 203\.0\.113\.10 · www\.example\.com/);
	app.unmount();
});

test('ASCII symbols when asked', async (t) => {
	const app = renderHome({theme: {ascii: true}});
	t.true(await openFirstLab(app), app.lastFrame());
	t.regex(app.lastFrame(), /> \[ \] not yet {2}vm-spoke1 sends/);
	t.regex(app.lastFrame(), /\[x\] done {5}vm-app reaches/);
	t.regex(app.lastFrame(), /up\/down move/);
	t.false(/[✓✗→❯↑↓·…]/.test(app.lastFrame()), app.lastFrame());
	app.unmount();
});

test('the sandbox opens on the network, without objectives', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox') && app.lastFrame().includes('[network]')), app.lastFrame());
	t.regex(app.lastFrame(), /Sandbox: trace-hub-spoke\.yaml/);
	t.regex(app.lastFrame(), /\[network\]/);
	app.press(keys.tab);
	t.true(await waitFor(() => app.lastFrame().includes('[briefing]')), app.lastFrame());
	t.regex(app.lastFrame(), /A sandbox on test\/fixtures\/trace-hub-spoke\.yaml: no objectives/);
	app.unmount();
});

test('in a small terminal the briefing and objectives scroll: page keys freely, arrows to the selected objective', async (t) => {
	const app = renderHome({columns: 60, rows: 14});
	t.true(await openFirstLab(app), app.lastFrame());
	t.regex(app.lastFrame(), /The hub has an NVA/);
	t.regex(app.lastFrame(), /↓ lines 1-\d+ of \d+/);
	app.press(keys.pageDown);
	t.true(await waitFor(() => !app.lastFrame().includes('The hub has an NVA')), app.lastFrame());
	app.press(keys.pageUp);
	t.true(await waitFor(() => app.lastFrame().includes('The hub has an NVA')), app.lastFrame());
	// The last objective (one that must hold) comes into view with the cursor on it.
	app.press(keys.down.repeat(4));
	t.true(await waitFor(() => app.lastFrame().includes('❯ ✓ done     onprem-pc still reaches')), app.lastFrame());
	t.false(app.lastFrame().includes('The hub has an NVA'));
	app.unmount();
});

test('a wide terminal shows the objectives and the network side by side; tab moves the keys between them', async (t) => {
	const app = renderHome({columns: 130, rows: 30});
	t.true(await openFirstLab(app), app.lastFrame());
	t.regex(app.lastFrame(), /\[objectives\] +network/);
	t.regex(app.lastFrame(), /The hub has an NVA.* {2,}Virtual networks/);
	t.regex(app.lastFrame(), /❯ ✗ not yet {2}vm-spoke1 sends a packet to vm-spoke2\. What happens to +NVA nva|❯ ✗ not yet {2}vm-spoke1 sends a packet.* {2,}\S/);
	app.press(keys.tab);
	t.true(await waitFor(() => /objectives +\[network\]/.test(app.lastFrame())), app.lastFrame());
	t.regex(app.lastFrame(), /Objectives {2}1 of 3 done/);
	app.unmount();
});
