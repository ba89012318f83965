/**
 * `vnetlab list [--labs <dir>] [--json]`: the labs in learning order, as a table (number,
 * id, title, exam skills, minutes, concepts) or as a JSON array of lab summaries.
 * Labs whose summary fields are broken are left out and reported on stderr (exit 0 still:
 * listing is not validating; `vnetlab validate` is).
 */
import type {Command} from 'commander';
import {CommandError} from './errors.js';
import {printErrors, printJson, printText} from './output.js';

type ListOptions = {labs?: string; json?: boolean};

export function register(program: Command): void {
	program
		.command('list')
		.description('list the labs in learning order')
		.option('--labs <dir>', 'labs folder (default: the labs that come with vnetlab)')
		.option('--json', 'print the labs as JSON')
		.addHelpText('after', '\nExamples:\n  vnetlab list\n  vnetlab list --json')
		.action(async (_options: ListOptions, command: Command) => {
			// The program has a --labs of its own (for the app); commander gives it to whichever parses first.
			const options = command.optsWithGlobals<ListOptions>();
			const [{listLabs}, {formatDiagnostic}] = await Promise.all([import('../lab/catalog.js'), import('../lab/diagnostics.js')]);
			const {labs, diagnostics} = options.labs === undefined ? listLabs() : listLabs(options.labs);
			const unreadable = diagnostics.find((d) => d.line === 0 && d.file === options.labs);
			if (unreadable) throw new CommandError(`${unreadable.file}: ${unreadable.message}`);
			printErrors(diagnostics.map(formatDiagnostic));
			if (options.json) {
				printJson(labs);
				return;
			}

			if (labs.length === 0) {
				printText('No labs found.');
				return;
			}

			const {formatTable} = await import('../format/table.js');
			// Ids are typed back on the command line and exam names read badly split: keep each on one line by hiding its hyphens
			// (U+2011 does not break) from the wrapper, then restore them.
			const keep = (id: string) => id.replaceAll('-', '\u2011');
			const rows = labs.map((lab) => [String(lab.number).padStart(2, '0'), keep(lab.id), lab.title, lab.level.map(keep).join(', '), String(lab.minutes), lab.concepts.join(', ')]);
			// A terminal wider than 80 columns gets a wider table; pipes and files get 80.
			const width = process.stdout.isTTY ? Math.max(80, process.stdout.columns ?? 80) : 80;
			printText(formatTable(['#', 'Id', 'Title', 'Level', 'Min', 'Concepts'], rows, {width}).replaceAll('\u2011', '-'));
		});
}
