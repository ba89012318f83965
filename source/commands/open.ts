/**
 * The TUI's entry points: `vnetlab` alone (the lab list) and `vnetlab open <file>` (a
 * sandbox on one topology: the network, traces and effective routes, no objectives; or a lab
 * file's lab, with its objectives and progress), with
 * the flags `--no-color`, `--ascii` and `--labs <dir>`. The UI (Ink, React, the screens) is
 * imported only here, and only once the TUI is really starting.
 */
import {dirname, join, resolve} from 'node:path';
import type {Command} from 'commander';
import {CommandError} from './errors.js';
import {loadInput} from './input.js';

export type TuiFlags = {
	/** false with --no-color. */
	readonly color?: boolean;
	readonly ascii?: boolean;
	/** --labs <dir>: another folder of NN-slug.yaml labs. */
	readonly labs?: string;
};

/** Adds the TUI's flags to the program (they also apply to `open`). */
export function addTuiOptions(program: Command): Command {
	return program
		.option('--no-color', 'no colour in the lab (also when NO_COLOR is set)')
		.option('--ascii', 'ASCII symbols instead of ✓ ✗ → ❯ (the default when the locale is not UTF-8)')
		.option('--labs <dir>', 'read the labs from this folder instead of the bundled ones');
}

/**
 * The TUI flags when the arguments are nothing but those flags (`vnetlab --ascii`), so the
 * lab list opens; undefined when there is a subcommand or anything else for commander.
 */
export function tuiArguments(args: readonly string[]): TuiFlags | undefined {
	let flags: {color?: boolean; ascii?: boolean; labs?: string} = {};
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		if (arg === '--no-color') flags = {...flags, color: false};
		else if (arg === '--ascii') flags = {...flags, ascii: true};
		else if (arg === '--labs' && index + 1 < args.length && !args[index + 1]!.startsWith('-')) flags = {...flags, labs: args[++index]!};
		else if (arg.startsWith('--labs=') && arg.length > '--labs='.length) flags = {...flags, labs: arg.slice('--labs='.length)};
		else return undefined;
	}

	return flags;
}

function isInteractive(): boolean {
	return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/**
 * `vnetlab` with no subcommand: the lab list. Without a terminal (a pipe, a script) there is
 * nothing to interact with, so print the help instead.
 */
export async function openHome(flags: TuiFlags, program: Command): Promise<number> {
	if (!isInteractive()) {
		program.outputHelp();
		return 0;
	}

	const [{runTui}, {labServices, listCatalog}, {openProgress, progressDirectory}, {themeFrom}, {bundledLabsDir, loadCatalog}] = await Promise.all([
		import('../ui/start.js'),
		import('../ui/lab-services.js'),
		import('../ui/progress.js'),
		import('../ui/theme.js'),
		import('../ui/catalog-cache.js'),
	]);
	// The lab list is cached beside the progress file: parsing every lab's YAML is slow.
	const catalog = await loadCatalog(flags.labs ?? bundledLabsDir, join(progressDirectory(), 'catalog-cache.json'), listCatalog);
	return runTui({start: {kind: 'home'}, services: labServices(catalog), progress: openProgress(), theme: themeFrom(flags, process.env)});
}

/** `vnetlab open <lab>`: the lab itself, with its objectives and progress, over the list of its folder. */
async function openLabFile(lab: {id: string; file: string}, flags: TuiFlags): Promise<number> {
	const [{runTui}, {labServices, listCatalog}, {openProgress, progressDirectory}, {themeFrom}, {bundledLabsDir, loadCatalog}] = await Promise.all([
		import('../ui/start.js'),
		import('../ui/lab-services.js'),
		import('../ui/progress.js'),
		import('../ui/theme.js'),
		import('../ui/catalog-cache.js'),
	]);
	const dir = dirname(resolve(lab.file));
	// The cache holds one folder, the bundled labs' list that `vnetlab` opens on: another folder is listed afresh.
	const catalog = resolve(dir) === resolve(bundledLabsDir) ? await loadCatalog(dir, join(progressDirectory(), 'catalog-cache.json'), listCatalog) : await listCatalog(dir);
	return runTui({start: {kind: 'lab', id: lab.id, file: lab.file}, services: labServices(catalog), progress: openProgress(), theme: themeFrom(flags, process.env)});
}

export function register(program: Command): void {
	program
		.command('open')
		.description('open a topology as a sandbox (its network, packet traces and effective routes), or a lab file as its lab')
		.argument('<file>', 'topology file (YAML), or a lab file')
		.addHelpText('after', '\nExamples:\n  vnetlab open test/fixtures/trace-hub-spoke.yaml\n  vnetlab open labs/05-forced-tunnelling.yaml')
		.action(async (file: string, _options: unknown, command: Command) => {
			const flags = command.optsWithGlobals<TuiFlags>();
			// Errors in the file come first, the vnetlab way (exit 2), before any screen.
			const {network, lab} = await loadInput(file);
			if (!isInteractive()) throw new CommandError('open needs an interactive terminal (use trace or routes in scripts)');
			if (lab) {
				process.exitCode = await openLabFile(lab, flags);
				return;
			}

			const [{runTui}, {sandboxServices}, {memoryProgress}, {themeFrom}] = await Promise.all([
				import('../ui/start.js'),
				import('../ui/lab-services.js'),
				import('../ui/progress.js'),
				import('../ui/theme.js'),
			]);
			process.exitCode = await runTui({
				start: {kind: 'sandbox', file},
				services: sandboxServices(file, network.topology),
				progress: memoryProgress(),
				theme: themeFrom(flags, process.env),
			});
		});
}
