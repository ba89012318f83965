/**
 * `vnetlab validate [<file-or-dir>...] [--json]`: check lab and topology files in full (schema,
 * names, solutions, start state) and print every problem as `vnetlab: file:line:col: path:
 * message`, then `ok <file>` for each good file. With no argument, the labs that come with
 * vnetlab. A folder means its *.yaml and *.yml files, plus the catalog rules for its lab files.
 * Exit 0 all good, 1 problems found, 2 a path that cannot be read.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import type {Command} from 'commander';
import type {Diagnostic} from '../lab/diagnostics.js';
import {CommandError} from './errors.js';
import {printErrors, printJson, printText} from './output.js';

type ValidateOptions = {json?: boolean};

type FileResult = {file: string; kind: 'lab' | 'topology' | 'unreadable'; ok: boolean; diagnostics: Diagnostic[]};

const yamlFile = /\.ya?ml$/i;

function readReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return 'no such file or folder';
	if (code === 'EACCES') return 'permission denied';
	return (error as Error).message;
}

async function validateFile(file: string): Promise<FileResult> {
	const [{loadLabText, looksLikeLab}, {loadTopologyText}, {parseYaml}, {hasErrors}, {parseLabFileName}] = await Promise.all([
		import('../lab/load-lab.js'),
		import('../lab/load-topology.js'),
		import('../lab/yaml-positions.js'),
		import('../lab/diagnostics.js'),
		import('../lab/catalog.js'),
	]);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		return {file, kind: 'unreadable', ok: false, diagnostics: [{file, line: 0, col: 0, path: '', message: readReason(error), severity: 'error'}]};
	}

	// A lab names objectives (or has a lab file name); anything else is a topology.
	const isLab = parseLabFileName(file) !== undefined || looksLikeLab(parseYaml(text, file).value);
	const diagnostics = isLab ? loadLabText(text, file).diagnostics : loadTopologyText(text, file).diagnostics;
	return {file, kind: isLab ? 'lab' : 'topology', ok: !hasErrors(diagnostics), diagnostics};
}

/** The YAML files of a folder, in name order (lab files by number). */
function folderFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter((name) => yamlFile.test(name))
		.sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))
		.map((name) => join(dir, name))
		.filter((file) => statSync(file).isFile());
}

export function register(program: Command): void {
	program
		.command('validate')
		.description('check lab and topology files and report every problem')
		.argument('[paths...]', 'lab files, topology files or folders (default: the labs that come with vnetlab)')
		.option('--json', 'print the results as JSON')
		.addHelpText('after', '\nExamples:\n  vnetlab validate\n  vnetlab validate labs/05-my-lab.yaml test/fixtures')
		.action(async (paths: string[], options: ValidateOptions) => {
			const [{defaultLabsDir, catalogDiagnostics}, {formatDiagnostic, hasErrors}] = await Promise.all([import('../lab/catalog.js'), import('../lab/diagnostics.js')]);
			// The built-in labs, shown relative to the working directory when they are under it.
			const shown = relative(process.cwd(), defaultLabsDir);
			const targets = paths.length > 0 ? paths : [shown !== '' && !shown.startsWith('..') ? shown : defaultLabsDir];
			const results: FileResult[] = [];
			const catalog: Diagnostic[] = [];
			let missing = false;
			for (const target of targets) {
				let isFolder: boolean;
				try {
					isFolder = statSync(target).isDirectory();
				} catch (error) {
					missing = true;
					results.push({file: target, kind: 'unreadable', ok: false, diagnostics: [{file: target, line: 0, col: 0, path: '', message: readReason(error), severity: 'error'}]});
					continue;
				}

				let files: string[];
				try {
					files = isFolder ? folderFiles(target) : [target];
				} catch (error) {
					missing = true;
					results.push({file: target, kind: 'unreadable', ok: false, diagnostics: [{file: target, line: 0, col: 0, path: '', message: readReason(error), severity: 'error'}]});
					continue;
				}

				for (const file of files) {
					const result = await validateFile(file);
					if (result.kind === 'unreadable') missing = true;
					results.push(result);
				}

				catalog.push(...catalogDiagnostics(files));
			}

			// Catalog rules (numbers, ids) belong to the files they concern.
			for (const diagnostic of catalog) {
				const result = results.find((r) => r.file === diagnostic.file);
				if (result && !result.diagnostics.some((d) => d.message === diagnostic.message && d.line === diagnostic.line)) {
					result.diagnostics.push(diagnostic);
					result.ok = !hasErrors(result.diagnostics);
				}
			}

			if (options.json) {
				printJson({ok: results.every((r) => r.ok), files: results});
				// A path that cannot be read is an error of the command (exit 2): stderr says so too, as for every command.
				printErrors(results.filter((r) => r.kind === 'unreadable').flatMap((r) => r.diagnostics.map((d) => `${d.file}: ${d.message}`)));
			} else {
				// A topology file shared by a lab is validated once on its own and once through the lab:
				// its problems print once, and the lab says where its problems are.
				const printed = new Set<string>();
				for (const result of results) {
					const lines = result.kind === 'unreadable' ? result.diagnostics.map((d) => `${d.file}: ${d.message}`) : result.diagnostics.map(formatDiagnostic);
					const fresh = lines.filter((line) => !printed.has(line));
					for (const line of fresh) printed.add(line);
					printErrors(fresh);
					if (!result.ok && fresh.length === 0) printErrors([`${result.file}: not valid: the problems above are in the topology file it uses`]);
					if (result.ok) printText(`ok ${result.file}`);
				}

				if (results.length === 0) printErrors(['no YAML files to validate']);
			}

			if (missing) throw new CommandError([], 2);
			if (results.some((r) => !r.ok)) throw new CommandError([], 1);
		});
}
