/**
 * The help screen: `?` lists every key of the current screen (all its modes) and the global
 * ones, from the same key data as the footer; `?`, q or escape close it.
 */
import test from 'ava';
import {bindingsFor, contextTitles, displayKeys, keyBindings, screenContexts} from '../../source/ui/keys.js';
import {renderHome, renderSandbox} from './helpers/app.js';
import {keys, waitFor} from './helpers/render.js';

test('? on the lab screen lists every key of the lab, its prediction mode and the global keys', async (t) => {
	const app = renderHome({rows: 60});
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press(`${keys.enter}?`);
	t.true(await waitFor(() => app.lastFrame().includes('Keys: Lab')), app.lastFrame());
	const frame = app.lastFrame();
	const wanted = keyBindings.filter((binding) => [...screenContexts.lab, 'global'].includes(binding.screen));
	t.true(wanted.length > 10);
	for (const binding of wanted) {
		t.true(frame.includes(`${displayKeys(binding)}`), `${binding.id} keys missing`);
		t.true(frame.includes(binding.description.slice(0, 30)), `${binding.id} description missing:\n${frame}`);
	}

	t.regex(frame, /Lab: answering a prediction/);
	t.regex(frame, /Everywhere/);
	app.press('?');
	t.true(await waitFor(() => app.lastFrame().includes('[objectives]')), app.lastFrame());
	app.unmount();
});

test('the footer shows the same bindings as the help, first keys only', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	const footer = app.lastFrame().trimEnd().split('\n').pop()!;
	for (const binding of bindingsFor('home').filter((b) => b.footer)) {
		t.true(footer.includes(binding.footer === 'back' ? 'quit' : binding.footer!), `${binding.id} not in the footer: ${footer}`);
	}

	app.unmount();
});

test('help scrolls at 80x24 and q closes it', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press(`${keys.enter}t?`);
	t.true(await waitFor(() => app.lastFrame().includes('Keys: Trace: choosing a packet')), app.lastFrame());
	t.regex(app.lastFrame(), /↓ lines 1-\d+ of \d+/);
	t.regex(app.lastFrame(), /Trace: typing in a field/);
	app.press(keys.down.repeat(40));
	t.true(await waitFor(() => app.lastFrame().includes('Everywhere')), app.lastFrame());
	t.regex(app.lastFrame(), /ctrl\+c +quit from anywhere/);
	app.press(keys.escape);
	t.true(await waitFor(() => app.lastFrame().includes('Suggested packets')), app.lastFrame());
	app.unmount();
});

test('the footer offers only keys that work here: no answer or hint in a sandbox, and tab names the other pane', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('[network]')), app.lastFrame());
	const footer = () => app.lastFrame().trimEnd().split('\n').at(-1)!;
	t.true(await waitFor(() => footer().includes('tab briefing')), footer());
	t.false(footer().includes('answer'), footer());
	t.false(footer().includes('hint'), footer());
	app.press(keys.tab);
	t.true(await waitFor(() => footer().includes('tab network')), footer());
	app.press('e');
	t.true(await waitFor(() => footer().includes('enter choose')), footer());
	t.false(footer().includes('hint'), footer());
	app.unmount();
});

test('help opens on the mode it was asked from: the routes table keys come before the NIC list\'s, on the first page', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('network')), app.lastFrame());
	app.press('r');
	t.true(await waitFor(() => app.lastFrame().includes('Effective routes of which')), app.lastFrame());
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Address Prefix')), app.lastFrame());
	app.press('?');
	t.true(await waitFor(() => app.lastFrame().includes('Keys: Routes')), app.lastFrame());
	const frame = app.lastFrame();
	const table = frame.indexOf(`${contextTitles.routes}\n`);
	const picking = frame.indexOf(`${contextTitles['routes-pick']}\n`);
	t.true(table >= 0, frame);
	t.true(picking < 0 || table < picking, frame);
	app.unmount();
});
