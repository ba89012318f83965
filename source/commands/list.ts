/**
 * `vnetlab list [--labs <dir>] [--json]`: the labs in learning order, one block each (number,
 * id, minutes, exam skills; title; concepts) or as a JSON array of lab summaries.
 * Labs whose summary fields are broken are left out and reported on stderr (exit 0 still:
 * listing is not validating; `vnetlab validate` is).
 */
import type {Command} from 'commander';
import {CommandError} from './errors.js';
import {printErrors, printJson, printText, textWidth} from './output.js';

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
			const unreadable = diagnostics.find((d) => d.line === 0 && d.file === options.labs && d.severity === 'error');
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

			const {formatLabList} = await import('../format/lab-list.js');
			printText(formatLabList(labs, textWidth()));
		});
}
