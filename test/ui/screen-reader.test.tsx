/**
 * INK_SCREEN_READER=true: Ink reads the screen out as linear text; statuses are words, the
 * selected row says so, and scroll boxes give every line instead of a window.
 */
import test from 'ava';
import {renderHome} from './helpers/app.js';
import {keys, waitFor} from './helpers/render.js';

process.env['INK_SCREEN_READER'] = 'true';

test('the home screen reads as lines, the selected lab named as such', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')), app.lastFrame());
	t.regex(app.lastFrame(), /selected: Lab 1: Hub and spoke basics, not started/);
	t.regex(app.lastFrame(), /Lab 2: Route spoke traffic through the NVA, not started/);
	app.unmount();
});

test('a lab reads its objectives with their status in words, and the whole network', async (t) => {
	const app = renderHome();
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Objectives')), app.lastFrame());
	t.regex(app.lastFrame(), /not yet/);
	t.regex(app.lastFrame(), /done/);
	t.regex(app.lastFrame(), /onprem-pc still reaches vm-app2/);
	app.press(keys.tab);
	// Every line of the network, not a window of them.
	t.true(await waitFor(() => app.lastFrame().includes('Internet host example-web')), app.lastFrame());
	t.regex(app.lastFrame(), /VNet hub/);
	t.false(/lines \d+-\d+ of/.test(app.lastFrame()));
	app.unmount();
});
