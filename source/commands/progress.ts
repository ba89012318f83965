/**
 * `vnetlab progress [--json]` prints the saved progress (design section 8); `--reset [--yes]`
 * clears it, asking first unless --yes is given (and refusing, exit 2, when there is no
 * terminal to ask in). The store lives in VNETLAB_CONFIG_DIR when that is set.
 */
import {existsSync} from 'node:fs';
import {createInterface} from 'node:readline/promises';
import type {Command} from 'commander';
import {CommandError} from './errors.js';
import {printErrors, printJson, printText, tableWidth} from './output.js';

type ProgressOptions = {json?: boolean; reset?: boolean; yes?: boolean; data?: string; csv?: boolean};

async function confirm(question: string): Promise<boolean> {
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		const answer = await prompt.question(question);
		return /^y(es)?$/i.test(answer.trim());
	} finally {
		prompt.close();
	}
}

async function reset(options: ProgressOptions): Promise<void> {
	const {emptyProgress} = await import('../ui/progress-data.js');
	const {openConf, progressDirectory, progressFile} = await import('../ui/progress.js');
	const directory = progressDirectory();
	const file = progressFile(directory);
	if (!existsSync(file)) {
		printText(`No progress to reset (${file} does not exist).`);
		return;
	}

	if (!options.yes) {
		if (!process.stdin.isTTY) throw new CommandError('progress --reset asks before clearing; with no terminal to ask in, add --yes');
		if (!(await confirm(`Clear all progress in ${file}? [y/N] `))) {
			printText('Nothing was changed.');
			return;
		}
	}

	(await openConf(directory)).store = emptyProgress() as unknown as Record<string, unknown>;
	printText(`Progress cleared (${file}).`);
}

async function show(options: ProgressOptions): Promise<void> {
	const [{progressDirectory, progressFile, readProgressFile}, {labStatus}, {listLabs}, {formatTable}] = await Promise.all([
		import('../ui/progress.js'),
		import('../ui/progress-data.js'),
		import('../lab/catalog.js'),
		import('../format/table.js'),
	]);
	const file = progressFile(progressDirectory());
	const {data, notice} = readProgressFile(file);
	if (notice) printErrors([notice]);
	if (options.json) {
		printJson(data);
		return;
	}

	const ids = Object.keys(data.labs);
	if (ids.length === 0) {
		printText(`No progress yet (it is saved in ${file}).`);
		return;
	}

	const catalog = listLabs().labs;
	const rows = ids.map((id) => {
		const entry = data.labs[id]!;
		const summary = catalog.find((lab) => lab.id === id);
		const status = labStatus(data, id, summary?.goalIds ?? summary?.objectiveCount ?? entry.objectivesPassed.length);
		const text = status.kind === 'done' ? 'done' : status.kind === 'in-progress' ? `${status.passed} of ${status.total} objectives` : 'not started';
		const answers = Object.keys(entry.predictAnswers).length;
		return [summary ? String(summary.number).padStart(2, '0') : '--', id, text, String(answers), entry.startedAt.slice(0, 16).replace('T', ' '), entry.completedAt?.slice(0, 16).replace('T', ' ') ?? ''];
	});
	rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
	const lines = [`Progress in ${file}`, ...(data.lastLab ? [`Last opened: ${data.lastLab}`] : []), '', formatTable(['#', 'Lab', 'Status', 'Answers', 'Started (UTC)', 'Done (UTC)'], rows, {width: tableWidth()})];
	printText(lines.join('\n'));
}

export function register(program: Command): void {
	program
		.command('progress')
		.description('show your saved lab progress, or clear it')
		.option('--json', 'print the saved progress as JSON')
		.option('--reset', 'clear all saved progress (asks first)')
		.option('--yes', 'with --reset: clear without asking')
		.option('--data <dir>', "a workshop's data folder (vnetlab serve): every learner's progress, for grading")
		.option('--csv', 'with --data: one CSV row per learner and lab')
		.addHelpText('after', '\nThe progress file is config.json in $VNETLAB_CONFIG_DIR when set, else in your config folder (vnetlab/).')
		.action(async (options: ProgressOptions, command: Command) => {
			if (options.data !== undefined) {
				if (options.reset || options.yes) throw new CommandError('--reset does not go with --data (reset a learner\'s lab from the vnetlab serve room table)');
				const {printRoomProgress} = await import('../serve/progress-command.js');
				await printRoomProgress({...options, data: options.data, labs: command.optsWithGlobals<{labs?: string}>().labs});
				return;
			}

			if (options.csv) throw new CommandError('--csv goes with --data <dir>');
			if (options.yes && !options.reset) throw new CommandError('--yes only goes with --reset');
			if (options.reset) await reset(options);
			else await show(options);
		});
}
