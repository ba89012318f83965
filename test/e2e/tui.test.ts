/**
 * The TUI end to end in a real terminal (tmux, 80x24), as a learner uses it: open lab 1,
 * answer a prediction, step a trace to its verdict, quit, relaunch and find the answer kept;
 * NO_COLOR leaves no colour escapes on the screen; resizing to 60x20 and back survives.
 * Keys go one per send-keys and each waits for the screen to change. Skipped (with a log
 * line) only when tmux is not installed.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {normalizeAnswer, predictAnswer} from '../../source/engine/objectives.js';
import type {PredictObjective} from '../../source/engine/lab.js';
import {listLabs} from '../../source/lab/catalog.js';
import {loadLabFile} from '../../source/lab/load-lab.js';
import {orderObjectives} from '../../source/ui/objective-lines.js';
import {cliCommand, root} from '../helpers/start-command.js';
import {hasTmux, TmuxSession} from './tmux.js';

const command = cliCommand;

/** Lab 1, its first prediction, where that sits in the objective list, and the right choice. */
function firstPrediction() {
	const summary = listLabs().labs[0]!;
	const lab = loadLabFile(summary.file).lab!;
	const objective = lab.objectives.find((o): o is PredictObjective => 'predict' in o)!;
	const position = orderObjectives(lab.objectives.map((o) => ({id: o.id, text: o.text, kind: 'trace', holds: o.holds === true, passed: false}))).findIndex((o) => o.id === objective.id);
	const answer = predictAnswer(buildNetwork(lab.topology), objective);
	const choice = objective.choices.findIndex((c) => answer.ok && normalizeAnswer(c) === normalizeAnswer(answer.answer));
	return {summary, lab, objective, position, choice: objective.choices[choice]!, choiceIndex: choice};
}

function skipWithoutTmux(t: ExecutionContext): boolean {
	if (hasTmux()) return false;
	t.log('tmux is not installed: the end-to-end tests are skipped');
	t.pass();
	return true;
}

async function expect(t: ExecutionContext, step: Promise<{ok: boolean; screen: string}>, what: string): Promise<string> {
	const {ok, screen} = await step;
	t.true(ok, `${what}; the screen:\n${screen}`);
	if (!ok) throw new Error(`stopped: ${what}`);
	return screen;
}

test.serial('open lab 1, answer a prediction, trace to the verdict; the answer survives a restart', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	const {summary, objective, position, choice, choiceIndex} = firstPrediction();
	t.true(choiceIndex >= 0, 'the lab has a right choice');
	let session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	try {
		await expect(t, session.waitFor((s) => s.includes('Labs, in learning order') && s.includes(summary.title.slice(0, 20))), 'the home screen');
		await expect(t, session.press('Enter', 'vnetlab › Lab 01'), 'lab 1 opens');
		const first = objective.text.slice(0, 30);
		for (let index = 0; index < position; index++) {
			await expect(t, session.press('Down', new RegExp(`❯ .*\\n(?:.*\\n)*`)), 'the cursor moves');
		}

		await expect(t, session.waitFor((s) => s.includes(`❯ ✗ not yet  ${first}`)), 'the prediction is selected');
		await expect(t, session.press('Enter', 'Your prediction'), 'the choices show');
		for (let index = 0; index < choiceIndex; index++) {
			await expect(t, session.press('Down', `❯ ${objective.choices[index + 1]!}`), `choice ${index + 2} selected`);
		}

		const answered = await expect(t, session.press('Enter', `your answer: ${choice}`), 'the answer is recorded');
		t.true(answered.includes(`❯ ✓ done     ${first}`), answered);

		// A trace, stepped hop by hop to its verdict.
		await expect(t, session.press('t', 'Suggested packets'), 'the trace screen');
		let screen = await expect(t, session.press('Enter', /Hop 1 of \d+/), 'the first hop');
		const hops = Number(/Hop 1 of (\d+)/.exec(screen)![1]);
		for (let hop = 2; hop <= hops; hop++) screen = await expect(t, session.press('Right', `Hop ${hop} of ${hops}`), `hop ${hop}`);
		t.regex(screen, /Verdict +(✓|✗|→) (delivered|dropped|exited)/);
		t.regex(screen.split('\n')[0]!, /^ vnetlab › Lab 01 › Trace/, 'the frame stayed in place');

		// Quit from anywhere with Ctrl+C; the terminal is left as it was.
		session.key('C-c');
		await expect(t, session.waitFor(() => session.isDead()), 'Ctrl+C quits');
		t.false(session.screen().includes('vnetlab ›'), 'the alternate screen was left');
		session.kill();

		// Relaunch: the lab to continue is lab 1, and the answer is still there.
		session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
		screen = await expect(t, session.waitFor((s) => s.includes('Labs, in learning order')), 'the home screen again');
		t.regex(screen, /❯ 01 .*continue/);
		await expect(t, session.press('Enter', `your answer: ${choice}`), 'lab 1 shows the answer');
		session.key('q');
		await expect(t, session.waitFor((s) => s.includes('Labs, in learning order')), 'back home');
		session.key('q');
		await expect(t, session.waitFor(() => session.isDead()), 'q quits');
	} finally {
		session.kill();
	}
});

test.serial('NO_COLOR=1 leaves no colour escapes on the screen; without it there are some, also with CI=0 or CI=false', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	const plain = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config, NO_COLOR: '1'}, root);
	// TmuxSession sets CI=0: the colour library would see any CI as a build without colour, but CI=0 is not CI.
	const coloured = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	const ciFalse = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config, CI: 'false'}, root);
	try {
		await expect(t, plain.waitFor((s) => s.includes('Labs, in learning order')), 'the home screen');
		await expect(t, plain.press('Enter', 'vnetlab › Lab 01'), 'lab 1');
		await expect(t, plain.press('t', 'Suggested packets'), 'the trace screen');
		await expect(t, plain.press('Enter', /Hop 1 of/), 'a hop');
		t.false(plain.screen(true).includes('\u001B['), JSON.stringify(plain.screen(true)));
		await expect(t, coloured.waitFor((s) => s.includes('Labs, in learning order')), 'the coloured home screen');
		t.true(coloured.screen(true).includes('\u001B['), 'capture-pane -e shows colour when there is some');
		await expect(t, ciFalse.waitFor((s) => s.includes('Labs, in learning order')), 'the home screen with CI=false');
		t.true(ciFalse.screen(true).includes('\u001B['), 'colour with CI=false');
	} finally {
		plain.kill();
		coloured.kill();
		ciFalse.kill();
	}
});

test.serial('resizing to 60x20 and back re-lays the frame out and keeps running', async (t) => {
	if (skipWithoutTmux(t)) return;
	const session = new TmuxSession(`${command} open test/fixtures/trace-hub-spoke.yaml`, {VNETLAB_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'))}, root);
	try {
		await expect(t, session.waitFor((s) => s.includes('vnetlab › Sandbox')), 'the sandbox');
		session.resize(60, 20);
		let screen = await expect(t, session.waitFor((s) => s.split('\n')[0]!.startsWith(' vnetlab › Sandbox') && /\? help/.test(s)), 'the frame at 60x20');
		t.true(screen.split('\n').every((line) => [...line].length <= 60));
		await expect(t, session.press('r', 'Effective routes of which network interface?'), 'the routes screen at 60x20');
		await expect(t, session.press('Enter', 'Effective routes of vm-app'), 'a route table at 60x20');
		session.resize(80, 24);
		screen = await expect(t, session.waitFor((s) => s.split('\n')[0]!.startsWith(' vnetlab › Sandbox › Routes') && s.split('\n')[22]!.includes('? help')), 'the frame at 80x24 again');
		t.regex(screen, /Source +State +Address Prefix +Next Hop Type +Next Hop IP/);
		t.false(session.isDead());
	} finally {
		session.kill();
	}
});

test.serial('vnetlab open <lab file> starts on that lab; q shows the list with the cursor on it; q quits', async (t) => {
	if (skipWithoutTmux(t)) return;
	const [, second] = listLabs().labs;
	const session = new TmuxSession(`${command} open ${path.relative(root, second!.file)}`, {VNETLAB_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'))}, root);
	try {
		await expect(t, session.waitFor((s) => s.includes('vnetlab › Lab 02') && s.includes(second!.title.slice(0, 20))), 'lab 2 opens directly');
		await expect(t, session.press('t', 'Suggested packets'), 'its trace screen');
		session.key('q');
		await expect(t, session.waitFor((s) => s.split('\n')[0]!.trim() === 'vnetlab › Lab 02'), 'back on the lab');
		session.key('q');
		const list = await expect(t, session.waitFor((s) => s.includes('Labs, in learning order')), 'the lab list');
		t.regex(list, /❯ 02 /, 'the cursor is on lab 2 from the first frame');
		session.key('q');
		await expect(t, session.waitFor(() => session.isDead()), 'q quits');
	} finally {
		session.kill();
	}
});
