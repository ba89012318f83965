/**
 * Solving labs end to end in a real terminal (tmux, 80x24, the built CLI), by keystrokes only,
 * one key per send-keys and a wait for the screen after each: lab 2 (nva-inspection), lab 4
 * (private-endpoint-dns), lab 8 (gateway-transit) and lab 11 (dns-zone-link) from their
 * solutions to the debrief; a lab left mid-way resumes after a restart with its edits
 * replayed; a corrupt progress file is set aside with a message.
 * Skipped (with a log line) only when tmux is not installed.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {PredictObjective} from '../../source/engine/lab.js';
import {normalizeAnswer} from '../../source/engine/objectives.js';
import {listLabs} from '../../source/lab/catalog.js';
import {loadLabFile} from '../../source/lab/load-lab.js';
import {cliCommand, root} from '../helpers/start-command.js';
import {hasTmux, TmuxSession} from './tmux.js';

const command = cliCommand;

type Step = Promise<{ok: boolean; screen: string}>;

/** How long a wait for the screen may last: generous for a loaded machine; the waits poll, they never sleep a fixed time. */
const patience = 20_000;

function skipWithoutTmux(t: ExecutionContext): boolean {
	if (hasTmux()) return false;
	t.log('tmux is not installed: the end-to-end tests are skipped');
	t.pass();
	return true;
}

async function expect(t: ExecutionContext, step: Step, what: string): Promise<string> {
	const {ok, screen} = await step;
	t.true(ok, `${what}; the screen:\n${screen}`);
	if (!ok) throw new Error(`stopped: ${what}`);
	return screen;
}

/** A learner at the keyboard: one key at a time, each followed by a look at the screen. */
class Learner {
	constructor(
		readonly t: ExecutionContext,
		readonly session: TmuxSession,
	) {}

	async press(key: string, expected: string | RegExp, what = `${key} shows ${String(expected)}`): Promise<string> {
		return expect(this.t, this.session.press(key, expected, patience), what);
	}

	async see(expected: string | RegExp, what = `the screen shows ${String(expected)}`): Promise<string> {
		const check = (screen: string) => (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen));
		return expect(this.t, this.session.waitFor(check, patience), what);
	}

	/** Type text into a text field, a character per send-keys, waiting for each to show. */
	async type(text: string): Promise<void> {
		for (let index = 0; index < text.length; index++) {
			this.session.tmux('send-keys', '-t', this.session.name, '-l', text[index]!);
			const shown = text.slice(Math.max(0, index - 11), index + 1);
			await this.see(shown, `typed ${text.slice(0, index + 1)}`);
		}
	}

	/** Type in a choice field until it shows `choice`. */
	async find(typed: string, choice: string): Promise<void> {
		for (let index = 0; index < typed.length; index++) {
			this.session.tmux('send-keys', '-t', this.session.name, '-l', typed[index]!);
			await this.see(`found '${typed.slice(0, index + 1)}'`);
		}

		await this.see(`‹ ${choice} ›`);
	}

	/** Move the edit menu's cursor to `op` with the arrow keys, then open its form. */
	async chooseEdit(op: string, ops: readonly string[], from: string): Promise<void> {
		const steps = ops.indexOf(op) - ops.indexOf(from);
		for (let index = 0; index < Math.abs(steps); index++) {
			const at = ops[ops.indexOf(from) + Math.sign(steps) * (index + 1)]!;
			await this.press(steps > 0 ? 'Down' : 'Up', new RegExp(`❯ ${at} `));
		}

		await this.press('Enter', `${op}: `);
	}

	/** Next field (tab), waiting for the focus to reach `label`. */
	async next(label: string): Promise<void> {
		await this.press('Tab', new RegExp(`❯ ${label}`));
	}
}

/** The predictions of lab `number`, each with the choice its first solution gives (validate proves it right). */
function predictionsOf(number: number): Array<{text: string; choice: string}> {
	const summary = listLabs().labs[number - 1]!;
	const lab = loadLabFile(summary.file).lab!;
	const answers = lab.solutions[0]?.answers ?? {};
	return lab.objectives
		.filter((objective): objective is PredictObjective => 'predict' in objective)
		.map((objective) => ({
			text: objective.text.replace(/\s+/g, ' ').slice(0, 30),
			choice: objective.choices.find((choice) => normalizeAnswer(choice) === normalizeAnswer(String(answers[objective.id])))!,
		}));
}

/** Press `key` until the screen shows `wanted`, each press waiting for the screen to change (a cursor that moved). */
async function moveTo(me: Learner, key: string, wanted: string, limit: number): Promise<void> {
	for (let moves = 0; !me.session.screen().includes(wanted) && moves < limit; moves++) {
		const before = me.session.screen();
		me.session.key(key);
		await expect(me.t, me.session.waitFor((screen) => screen !== before, patience), `${key} moves the cursor`);
		// Let the frame finish drawing before judging it: a half-drawn frame would send one key too many.
		let last = '';
		await me.session.waitFor((screen) => {
			const settled = screen === last;
			last = screen;
			return settled;
		}, patience);
	}

	await me.see(wanted);
}

/** On the lab screen: move to each prediction, open it, pick the right choice; the last answer may open the debrief. */
async function answerPredictions(me: Learner, number: number): Promise<void> {
	for (const {text, choice} of predictionsOf(number)) {
		await moveTo(me, 'Down', `❯ ✗ not yet  ${text}`, 12);
		await me.press('Enter', 'Your prediction');
		await moveTo(me, 'Down', `❯ ${choice}`, 6);
		await me.press('Enter', /your answer: |Lab done/);
	}
}

const nvaOps = ['create-route-table', 'add-route', 'remove-route', 'associate-route-table', 'dissociate-route-table', 'set-ip-forwarding'];
const peOps = ['create-private-endpoint', 'delete-private-endpoint', 'create-private-dns-zone', 'add-dns-record', 'remove-dns-record', 'link-dns-zone', 'unlink-dns-zone', 'set-public-network-access'];

function readProgress(config: string): {labs?: Record<string, {edits?: unknown[]; completedAt?: string; hintsUsed?: number}>} | undefined {
	try {
		return JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8'));
	} catch {
		return undefined;
	}
}

async function savedEdits(config: string, lab: string, count: number): Promise<boolean> {
	const end = Date.now() + 15_000;
	while (Date.now() < end) {
		if (readProgress(config)?.labs?.[lab]?.edits?.length === count) return true;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}

	return false;
}

/** Open lab `number` from the home screen. */
async function openLab(me: Learner, number: number): Promise<void> {
	await me.see('Labs, in learning order');
	for (let index = 1; index < number; index++) await me.press('Down', new RegExp(`❯ ${String(index + 1).padStart(2, '0')} `));
	await me.press('Enter', `vnetlab › Lab ${String(number).padStart(2, '0')}`);
	await me.see('[objectives]');
}

/** Lab 2's first two edits: IP forwarding on fw, and the route table rt-app. */
async function nvaFirstEdits(me: Learner): Promise<void> {
	await me.press('e', 'Change the network');
	await me.chooseEdit('set-ip-forwarding', nvaOps, 'create-route-table');
	await me.find('f', 'fw');
	await me.see(/IP forwarding +‹ true ›/);
	await me.press('Enter', 'Your edits (1)');
	await me.see('✓ now done  A packet from vm-web to vm-app passes fw');
	await me.chooseEdit('create-route-table', nvaOps, 'set-ip-forwarding');
	await me.type('rt-app');
	await me.press('Enter', 'Your edits (2)');
}

/** Lab 2's last two edits: the route back through fw, and rt-app on the app subnet; the debrief opens. */
async function nvaLastEdits(me: Learner): Promise<void> {
	await me.chooseEdit('add-route', nvaOps, 'create-route-table');
	await me.find('rt-a', 'rt-app');
	await me.next('Route name');
	await me.type('web-via-fw');
	await me.next('Address prefix');
	await me.type('10.0.1.0/24');
	await me.next('Next hop type');
	await me.see('‹ VirtualAppliance ›');
	await me.next('Next hop IP');
	await me.type('10.0.3.4');
	await me.press('Enter', 'Your edits (3)');
	await me.chooseEdit('associate-route-table', nvaOps, 'add-route');
	await me.find('app', 'vnet-shop/app');
	await me.next('Route table');
	await me.find('rt-a', 'rt-app');
	await me.press('Enter', '✓ Lab done: Inspect traffic with a network virtual appliance');
}

test.serial('lab 2 (nva-inspection) solved by keystrokes: the debrief, completion saved, the next lab one key away', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	const session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	const me = new Learner(t, session);
	try {
		await openLab(me, 2);
		await me.see(/Objectives {2}0 of 3 done/);
		await nvaFirstEdits(me);
		await nvaLastEdits(me);
		const screen = await me.see('vnetlab › Lab 02 › Edit › Debrief');
		t.regex(screen, /A VirtualAppliance route only chooses where a packet goes next/);
		t.true(screen.split('\n').every((line) => [...line].length <= 80));
		for (let page = 0; page < 3; page++) session.key('PageDown');
		await me.see('Your edits as Azure CLI commands');
		await me.see('az network nic update --resource-group <rg> --name fw --ip-forwarding true');
		await me.see(/Next: Lab 03 /);
		const end = Date.now() + 15_000;
		while (!readProgress(config)?.labs?.['nva-inspection']?.completedAt && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
		const saved = readProgress(config)?.labs?.['nva-inspection'];
		t.truthy(saved?.completedAt, JSON.stringify(saved));
		t.is(saved?.edits?.length, 4);
		await me.press('Enter', 'vnetlab › Lab 03');
		await me.see('[objectives]');
	} finally {
		session.kill();
	}
});

test.serial('lab 4 (private-endpoint-dns) solved by keystrokes: endpoint, zone, record, link; the debrief appears', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	const session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	const me = new Learner(t, session);
	try {
		await openLab(me, 4);
		await me.press('e', 'Change the network');
		await me.press('Enter', 'create-private-endpoint: ');
		await me.type('pe-stlabblob-blob');
		await me.next('Subnet');
		await me.find('endp', 'vnet-app/endpoints');
		await me.next('Private IP');
		await me.type('10.3.3.4');
		await me.next('Target');
		await me.see('‹ stlabblob ›');
		await me.next('Sub-resource');
		await me.see('‹ blob ›');
		await me.press('Enter', 'Your edits (1)');
		await me.chooseEdit('create-private-dns-zone', peOps, 'create-private-endpoint');
		await me.type('privatelink.blob.core.windows.net');
		await me.press('Enter', 'Your edits (2)');
		await me.chooseEdit('add-dns-record', peOps, 'create-private-dns-zone');
		await me.see('‹ privatelink.blob.core.windows.net ›');
		await me.next('Record name');
		await me.type('stlabblob');
		await me.next('Type');
		await me.see('‹ A ›');
		await me.next('Value');
		await me.type('10.3.3.4');
		await me.press('Enter', 'Your edits (3)');
		// Without a link to vnet-app the zone is not consulted yet: nothing flips.
		await me.see('0 of 2 objectives done · 3 edits');
		await me.chooseEdit('link-dns-zone', peOps, 'add-dns-record');
		await me.next('Virtual network');
		await me.see('‹ vnet-app ›');
		await me.press('Enter', '✓ Lab done: Reach a locked storage account through a private endpoint');
		await me.see('vnetlab › Lab 04 › Edit › Debrief');
		t.true(await savedEdits(config, 'private-endpoint-dns', 4));
	} finally {
		session.kill();
	}
});

test.serial('a lab left mid-way resumes after a restart: its edits and hints are back, and it can be finished', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	let session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	let me = new Learner(t, session);
	try {
		await openLab(me, 2);
		await nvaFirstEdits(me);
		await me.press('q', '[objectives]');
		await me.press('h', /Hints {2}1 of 3 shown/);
		t.true(await savedEdits(config, 'nva-inspection', 2));
		session.key('C-c');
		await expect(t, session.waitFor(() => session.isDead()), 'Ctrl+C quits');
		session.kill();

		session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
		me = new Learner(t, session);
		await me.see(/❯ 02 .*continue/);
		await me.press('Enter', /Objectives {2}1 of 3 done/);
		await me.press('PageDown', /Hints {2}1 of 3 shown/);
		await me.press('e', 'Your edits (2)');
		await me.see(/1 {2}Turn on IP forwarding on NIC fw\n +2 {2}Create route table rt-app/);
		// Finish from where it was left.
		await nvaLastEdits(me);
		t.true(await savedEdits(config, 'nva-inspection', 4));
	} finally {
		session.kill();
	}
});

test.serial('a corrupt progress file is set aside with a message, and progress starts afresh', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	writeFileSync(path.join(config, 'config.json'), '{"labs": {"nva-inspection": {"edits": [');
	const session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	const me = new Learner(t, session);
	try {
		const screen = await me.see('Progress file was unreadable: moved to');
		t.regex(screen.replace(/\n\s*/g, ''), /config\.json\.corrupt-\d{4}-\d\d-\d\dT/);
		const aside = readdirSync(config).filter((name) => name.startsWith('config.json.corrupt-'));
		t.is(aside.length, 1);
		t.is(readFileSync(path.join(config, aside[0]!), 'utf8'), '{"labs": {"nva-inspection": {"edits": [');
		await openLab(me, 2);
		await me.see(/Objectives {2}0 of 3 done/);
		await me.press('e', 'Change the network');
		await me.press('Enter', 'create-route-table: ');
		await me.type('rt-app');
		await me.press('Enter', 'Your edits (1)');
		t.true(await savedEdits(config, 'nva-inspection', 1));
		t.true(existsSync(path.join(config, aside[0]!)), 'the corrupt file is kept');
	} finally {
		session.kill();
	}
});

test.serial('lab 8 (gateway-transit) solved by keystrokes: both peering flags, then the prediction; the debrief appears', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	const session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	const me = new Learner(t, session);
	try {
		await openLab(me, 8);
		await me.press('e', 'Change the network');
		await me.press('Enter', 'set-peering: ');
		await me.see('‹ hub-to-spoke ›');
		await me.next('Allow virtual network access');
		await me.next('Allow forwarded traffic');
		await me.next('Allow gateway transit');
		await me.press('Right', /Allow gateway transit +‹ true ›/);
		await me.press('Enter', 'Your edits (1)');
		await me.press('Enter', 'set-peering: ');
		await me.find('spoke-t', 'spoke-to-hub');
		await me.next('Allow virtual network access');
		await me.next('Allow forwarded traffic');
		await me.next('Allow gateway transit');
		await me.next('Use remote gateways');
		await me.press('Right', /Use remote gateways +‹ true ›/);
		// The spoke now takes the hub gateway's routes: the trace to the office flips to delivered.
		await me.press('Enter', /after +vm-spoke → vpngw-hub → .*onprem-pc ✓ delivered/);
		await me.press('q', '[objectives]');
		await answerPredictions(me, 8);
		await me.see('vnetlab › Lab 08 › Debrief');
		t.true(await savedEdits(config, 'gateway-transit', 2));
	} finally {
		session.kill();
	}
});

test.serial('lab 11 (dns-zone-link) solved by keystrokes: link the zone to the spoke, then the prediction; the debrief appears', async (t) => {
	if (skipWithoutTmux(t)) return;
	const config = mkdtempSync(path.join(tmpdir(), 'vnetlab-e2e-'));
	const session = new TmuxSession(command, {VNETLAB_CONFIG_DIR: config}, root);
	const me = new Learner(t, session);
	try {
		await openLab(me, 11);
		await me.press('e', 'Change the network');
		await me.press('Enter', 'link-dns-zone: ');
		await me.see('‹ privatelink.blob.core.windows.net ›');
		await me.next('Virtual network');
		await me.find('sp', 'spoke');
		await me.press('Enter', 'Your edits (1)');
		await me.see('✓ now done');
		await me.press('q', '[objectives]');
		await answerPredictions(me, 11);
		await me.see('vnetlab › Lab 11 › Debrief');
		t.true(await savedEdits(config, 'dns-zone-link', 1));
	} finally {
		session.kill();
	}
});
