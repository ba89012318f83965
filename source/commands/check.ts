/**
 * `vnetlab check <lab-id-or-file> [--edits <file>] [--answers <file>] [--labs <dir>] [--json]`:
 * grade an attempt at a lab. The edits file is a YAML list of edit records, the answers file a
 * YAML map from predict objective id to the chosen answer; with neither, the lab's first
 * solution is graded. Exit 0 when every edit applies and every objective passes, 1 when one
 * does not, 2 when the lab or a file cannot be used (design section 4).
 */
import {readFileSync} from 'node:fs';
import type {Command} from 'commander';
import type {Lab} from '../engine/lab.js';
import type {Grade} from '../engine/grade.js';
import {wrapText} from '../format/wrap.js';
import {CommandError} from './errors.js';
import {knownNames} from './input.js';
import {printErrors, printJson, printText} from './output.js';

type CheckOptions = {edits?: string; answers?: string; labs?: string; json?: boolean};

/** Where a YAML value (or, with 'key', its key) sits, for error lines about an edits or answers file. */
type Located = {value: unknown; at: (path: ReadonlyArray<string | number>, where?: 'key' | 'value') => string};

async function readYamlFile(path: string, option: string): Promise<Located> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CommandError(`${option}: ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message}`);
	}

	const [{parseYaml}, {formatDiagnostic, hasErrors, formatFieldPath}] = await Promise.all([import('../lab/yaml-positions.js'), import('../lab/diagnostics.js')]);
	const source = parseYaml(text, path);
	if (!source.usable || hasErrors(source.diagnostics)) throw new CommandError(source.diagnostics.map(formatDiagnostic));
	return {
		value: source.value,
		at: (fieldPath, where = 'value') => {
			const {line, col} = source.locate(fieldPath, where);
			const shown = formatFieldPath(fieldPath);
			return `${path}:${line}:${col}:${shown === '' ? '' : ` ${shown}:`}`;
		},
	};
}

async function readEdits(path: string): Promise<{edits: unknown[]; at: Located['at']}> {
	const {value, at} = await readYamlFile(path, '--edits');
	if (value === null || value === undefined) return {edits: [], at};
	if (!Array.isArray(value)) throw new CommandError(`${at([])} an edits file is a YAML list of edit records, such as - {op: set-ip-forwarding, nic: fw, enabled: true}`);
	return {edits: value, at};
}

async function readAnswers(path: string, lab: Lab): Promise<Record<string, string>> {
	const {value, at} = await readYamlFile(path, '--answers');
	if (value === null || value === undefined) return {};
	if (typeof value !== 'object' || Array.isArray(value)) throw new CommandError(`${at([])} an answers file is a YAML map from predict objective id to the answer, such as reserved-hop: None`);
	const predicts = lab.objectives.filter((o) => 'predict' in o).map((o) => o.id);
	const answers: Record<string, string> = {};
	const problems: string[] = [];
	for (const [id, answer] of Object.entries(value as Record<string, unknown>)) {
		if (!predicts.includes(id)) problems.push(`${at([id], 'key')} '${id}' is not a predict objective of ${lab.id} (${predicts.length > 0 ? `they are ${predicts.join(', ')}` : 'it has none'})`);
		else if (typeof answer === 'object' || answer === undefined) problems.push(`${at([id])} an answer is one of the objective's choices, written as text`);
		else answers[id] = String(answer);
	}

	if (problems.length > 0) throw new CommandError(problems);
	return answers;
}

/** A lab file path, or a lab id looked up in the labs folder. */
async function findLabFile(reference: string, labsDir: string | undefined): Promise<string> {
	if (/\.ya?ml$/i.test(reference) || reference.includes('/') || reference.includes('\\')) return reference;
	const {defaultLabsDir, labFiles, listLabs} = await import('../lab/catalog.js');
	const dir = labsDir ?? defaultLabsDir;
	const {labs} = listLabs(dir);
	const found = labs.find((lab) => lab.id === reference);
	if (found) return found.file;
	let files: ReturnType<typeof labFiles> = [];
	try {
		files = labFiles(dir);
	} catch {
		throw new CommandError(`--labs: cannot read the labs folder ${dir}`);
	}

	// A lab too broken to list is still found by its file name, so its problems can be shown.
	const byName = files.find((file) => file.slug === reference);
	if (byName) return byName.file;
	throw new CommandError(`unknown lab '${reference}' (known: ${knownNames(labs.map((lab) => lab.id), 10)})`);
}

async function loadLab(file: string): Promise<{lab: Lab; hash?: string}> {
	const [{loadLabFile}, {formatDiagnostic, hasErrors}] = await Promise.all([import('../lab/load-lab.js'), import('../lab/diagnostics.js')]);
	const loaded = loadLabFile(file);
	if (loaded.unreadable) throw new CommandError(loaded.diagnostics.map((d) => `${d.file}: ${d.message.replace(/^cannot read the lab: /, '')}`));
	if (!loaded.lab || hasErrors(loaded.diagnostics)) throw new CommandError([...loaded.diagnostics.map(formatDiagnostic), `${file}: the lab has problems; fix them before checking an attempt (vnetlab validate ${file})`]);
	printErrors(loaded.diagnostics.map(formatDiagnostic));
	return {lab: loaded.lab, ...(loaded.hash ? {hash: loaded.hash} : {})};
}

function opName(edit: unknown): string {
	const op = (edit as {op?: unknown} | null)?.op;
	return typeof op === 'string' ? op : 'edit';
}

/** A command's pieces that must stay on one line: each `--flag value` pair, each `$( ... )`. */
function shellUnits(command: string): string[] {
	const words: string[] = [];
	let depth = 0;
	for (const word of command.split(' ')) {
		if (depth > 0) words[words.length - 1] += ` ${word}`;
		else words.push(word);
		depth += (word.match(/\(/g)?.length ?? 0) - (word.match(/\)/g)?.length ?? 0);
	}

	const units: string[] = [];
	for (const word of words) {
		if (units.length === 0 || word.startsWith('--') || units[units.length - 1]!.startsWith('--') === false) units.push(word);
		else units[units.length - 1] += ` ${word}`;
	}

	return units;
}

/**
 * Each command of an edit on its own lines (an edit may take several, or a comment and a
 * PowerShell command), wrapped between flags with the continuation its shell reads: ` \` for
 * az, a backtick for PowerShell; a comment wraps as more comment lines.
 */
function commandLines(commands: string, indent: string, width = 80): string[] {
	return commands.split('\n').flatMap((command) => {
		if (command.startsWith('#')) return wrapText(command.slice(1).trim(), width - indent.length - 2).map((part) => `${indent}# ${part}`);
		return shellLines(command, indent, width, command.startsWith('az ') ? ' \\' : ' `');
	});
}

/** Wraps one shell command with `continuation` line ends, between flags, so a copied block still runs. */
function shellLines(command: string, indent: string, width: number, continuation: string): string[] {
	const lines: string[] = [];
	let line = '';
	for (const unit of shellUnits(command)) {
		const candidate = line === '' ? unit : `${line} ${unit}`;
		const prefix = lines.length === 0 ? indent : `${indent}  `;
		if (line !== '' && prefix.length + candidate.length + continuation.length > width) {
			lines.push(`${prefix}${line}${continuation}`);
			line = unit;
		} else {
			line = candidate;
		}
	}

	lines.push(`${lines.length === 0 ? indent : `${indent}  `}${line}`);
	return lines;
}

function printReport(lab: Lab, grade: Grade, from: string): void {
	// First line after `first`, the rest under it after `rest`.
	const hang = (text: string, first: string, rest: string) =>
		wrapText(text, 80 - rest.length, {firstWidth: 80 - first.length}).map((line, index) => (index === 0 ? first : rest) + line);
	const lines = [...hang(`${lab.title} (${lab.id})`, '', ''), ''];
	if (grade.edits.length > 0) {
		lines.push(`Edits (${from}):`);
		for (const outcome of grade.edits) {
			const n = `${outcome.index + 1}.`;
			if (outcome.status === 'applied') {
				lines.push(...hang(`${n} ${outcome.description ?? opName(outcome.edit)}`, '  ✓ ', '       '));
				lines.push(...commandLines(outcome.cli ?? '', '       '));
				for (const warning of outcome.warnings ?? []) lines.push(...hang(`warning: ${warning}`, '       ', '         '));
			} else if (outcome.status === 'rejected') {
				lines.push(...hang(`${n} ${opName(outcome.edit)}: rejected`, '  ✗ ', '       '));
				for (const error of outcome.errors ?? []) lines.push(...hang(error.field ? `${error.field}: ${error.message}` : error.message, '       ', '         '));
			} else {
				lines.push(...hang(`${n} ${opName(outcome.edit)}: not applied (an earlier edit was rejected)`, '  - ', '       '));
				for (const error of outcome.errors ?? []) lines.push(...hang(error.field ? `${error.field}: ${error.message}` : error.message, '       ', '         '));
			}
		}

		lines.push('');
	} else {
		lines.push(`Edits (${from}): none`, '');
	}

	const section = (title: string, holds: boolean) => {
		const statuses = grade.objectives.filter((o) => o.holds === holds);
		if (statuses.length === 0) return;
		lines.push(title);
		for (const status of statuses) {
			lines.push(...hang(`${status.id}: ${status.text}`, `  ${status.passed ? '✓' : '✗'} `, '    '));
			if (status.answer !== undefined) lines.push(...hang(`your answer: ${status.answer}`, '    ', '      '));
			if (status.reason) lines.push(...hang(status.reason, '    ', '      '));
		}

		lines.push('');
	};

	section('Objectives:', false);
	section('Must stay true:', true);
	const passing = grade.objectives.filter((o) => o.passed).length;
	const rejected = grade.rejected === undefined ? '' : `; edit ${grade.rejected + 1} was rejected`;
	lines.push(grade.passed ? `Passed: all ${grade.objectives.length} objectives hold.` : `Not passed: ${passing} of ${grade.objectives.length} objectives pass${rejected}.`);
	printText(lines.join('\n'));
}

export function register(program: Command): void {
	program
		.command('check')
		.description("grade edits and answers against a lab's objectives")
		.argument('<lab>', 'lab id (see vnetlab list) or lab file')
		.option('--edits <file>', 'YAML list of edit records to apply')
		.option('--answers <file>', 'YAML map of predict objective id to answer')
		.option('--labs <dir>', 'labs folder to look the id up in (default: the labs that come with vnetlab)')
		.option('--json', 'print the result as JSON')
		.addHelpText(
			'after',
			"\nWith neither --edits nor --answers, the lab's first solution is checked.\n\nExamples:\n  vnetlab check nva-inspection --edits my-edits.yaml\n  vnetlab check default-routes --answers answers.yaml --json",
		)
		.action(async (reference: string, _options: CheckOptions, command: Command) => {
			// The program has a --labs of its own (for the app); commander gives it to whichever parses first.
			const options = command.optsWithGlobals<CheckOptions>();
			const file = await findLabFile(reference, options.labs);
			const {lab} = await loadLab(file);
			const useSolution = options.edits === undefined && options.answers === undefined;
			const solution = lab.solutions[0]!;
			let edits: unknown[] = useSolution ? solution.edits : [];
			let at: ((path: ReadonlyArray<string | number>) => string) | undefined;
			if (options.edits !== undefined) ({edits, at} = await readEdits(options.edits));
			const answers = useSolution ? solution.answers : options.answers === undefined ? {} : await readAnswers(options.answers, lab);
			const {gradeAttempt} = await import('../engine/grade.js');
			const grade = gradeAttempt(lab, edits, answers);
			if (grade.rejected !== undefined) {
				const index = grade.rejected;
				const outcome = grade.edits[index]!;
				const {editFieldPath} = await import('../lab/check-lab.js');
				const where = (field: string) => (at ? at([index, ...editFieldPath(field)]) : `${file}: solutions[0].edits[${index}]:`);
				printErrors((outcome.errors ?? []).map((e) => `${where(e.field)} edit ${index + 1} (${opName(outcome.edit)}) is rejected: ${e.message}`));
			}

			if (options.json) {
				printJson({
					lab: lab.id,
					passed: grade.passed,
					source: useSolution ? 'solution' : 'files',
					objectives: grade.objectives,
					edits: grade.edits.map((o) => ({
						index: o.index,
						edit: o.edit,
						ok: o.status === 'applied',
						status: o.status,
						...(o.description ? {description: o.description} : {}),
						...(o.cli ? {cli: o.cli} : {}),
						...(o.errors ? {errors: o.errors} : {}),
						...(o.warnings ? {warnings: o.warnings} : {}),
					})),
				});
			} else {
				const from = useSolution ? "the lab's first solution" : options.edits ?? 'no edits file';
				printReport(lab, grade, from);
			}

			if (!grade.passed) throw new CommandError([], 1);
		});
}
