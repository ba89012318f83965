/**
 * Running the program: parse the arguments, run the command, and turn every failure
 * into `vnetlab: <message>` lines on stderr and an exit code (design section 4):
 * 0 it ran; 2 it could not run on its input (bad flag, missing file, invalid topology,
 * unknown name, bad address). Never a stack trace.
 */
import {CommanderError, type Command} from 'commander';
import {CommandError} from './errors.js';
import {printErrors} from './output.js';

/**
 * Route commander's own output: help and version to stdout, and no error text of its
 * own (run() prints it in the vnetlab shape). Call before registering commands, so
 * every subcommand inherits it.
 */
export function configureProgram(program: Command): Command {
	return program
		.exitOverride()
		.configureOutput({
			writeOut: (text) => process.stdout.write(text),
			writeErr: (text) => process.stderr.write(text),
			outputError() {},
		});
}

/** Commander's message without its `error: ` prefix, on one line. */
function commanderMessage(error: CommanderError): string {
	return error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace('(Did you mean', '(did you mean');
}

/** The exit code for a failure, having printed it. */
export function reportFailure(error: unknown): number {
	if (error instanceof CommandError) {
		printErrors(error.lines);
		return error.exitCode;
	}

	if (error instanceof CommanderError) {
		// Help and --version exit 0; commander has already printed them.
		if (error.exitCode === 0) return 0;
		if (error.code !== 'commander.help') printErrors([commanderMessage(error)]);
		return 2;
	}

	const message = error instanceof Error ? error.message : String(error);
	printErrors([`internal error: ${message.split('\n')[0]}`]);
	return 2;
}

/**
 * A reader that stops early (`vnetlab routes ... | head`) closes the pipe: stop quietly
 * instead of dying on EPIPE with a stack trace.
 */
function stopOnClosedOutput(): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') printErrors([`cannot write the output: ${error.message}`]);
		process.exit(error.code === 'EPIPE' ? 0 : 2);
	});
	process.stderr.on('error', () => process.exit(2));
}

/**
 * Run a configured program on the user's arguments (without node and the script) and
 * return the exit code. With no arguments, `onNoArguments` runs instead (the TUI).
 */
export async function runProgram(program: Command, args: readonly string[], onNoArguments: () => Promise<number> | number): Promise<number> {
	stopOnClosedOutput();
	try {
		if (args.length === 0) return await onNoArguments();
		await program.parseAsync([...args], {from: 'user'});
		return 0;
	} catch (error) {
		return reportFailure(error);
	}
}
