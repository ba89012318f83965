/**
 * The terminal: colour as a theme setting (off: no escape codes at all; `c` toggles it),
 * the frame at 80x24 with nothing essential cut off, and resizing down to 60x20 and back.
 */
import './helpers/force-color.js';
import test from 'ava';
import {renderHome, renderSandbox} from './helpers/app.js';
import {keys, waitFor} from './helpers/render.js';

const escape = '\u001B[';

test('with colour on the frame is coloured; c turns colour off, with no escape codes left', async (t) => {
	const app = renderHome({theme: {color: true}});
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	t.true(app.lastFrame().includes(escape), 'no colour in the first frame');
	app.press('c');
	t.true(await waitFor(() => !app.lastFrame().includes(escape)), JSON.stringify(app.lastFrame()));
	app.press(`${keys.enter}t${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3')), app.lastFrame());
	t.false(app.lastFrame().includes(escape));
	app.press('c');
	t.true(await waitFor(() => app.lastFrame().includes(escape)));
	app.unmount();
});

test('with colour off from the start no frame has an escape code', async (t) => {
	const app = renderHome({theme: {color: false}});
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	app.press(`${keys.enter}${keys.tab}`);
	t.true(await waitFor(() => app.lastFrame().includes('[network]')));
	t.false(app.frames().some((frame) => frame.includes(escape)));
	app.unmount();
});

function frameLines(frame: string): string[] {
	return frame.replace(/\n$/, '').split('\n');
}

test('at 80x24 the frame is 23 rows, none wider than 80, header and footer in place', async (t) => {
	const app = renderHome({theme: {color: false}});
	t.true(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')));
	const steps: Array<[string, string]> = [
		[keys.enter, '[objectives]'],
		[keys.tab, '[network]'],
		['t', 'Suggested packets'],
		[keys.enter, 'Hop 1 of 3'],
	];
	for (const [input, shows] of steps) {
		app.press(input);
		t.true(await waitFor(() => app.lastFrame().includes(shows) && app.lastFrame().includes('? help')), app.lastFrame());
		const lines = frameLines(app.lastFrame());
		t.is(lines.length, 23, app.lastFrame());
		t.true(lines.every((line) => [...line].length <= 80), app.lastFrame());
		t.regex(lines[0]!, /^ vnetlab/);
		t.regex(lines[22]!, /\? help/);
	}

	app.unmount();
});

test('resizing down to 60x20 and back lays the frame out again, without a crash', async (t) => {
	const app = renderSandbox({theme: {color: false}});
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')));
	app.press(`t${'vm-app'}${keys.tab}stcontoso.blob.core.windows.net${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3')), app.lastFrame());
	app.resize(60, 20);
	t.true(await waitFor(() => frameLines(app.lastFrame()).length === 19), app.lastFrame());
	t.true(frameLines(app.lastFrame()).every((line) => [...line].length <= 60), app.lastFrame());
	t.regex(app.lastFrame(), /Hop 1 of 3/);
	app.press(keys.end);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 3 of 3')), app.lastFrame());
	app.resize(80, 24);
	t.true(await waitFor(() => frameLines(app.lastFrame()).length === 23), app.lastFrame());
	t.regex(app.lastFrame(), /Verdict {4}✓ delivered/);
	app.resize(30, 8);
	t.true(await waitFor(() => app.frames().length > 0));
	app.resize(120, 40);
	t.true(await waitFor(() => frameLines(app.lastFrame()).length === 39), app.lastFrame());
	app.unmount();
});
