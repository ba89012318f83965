/**
 * `vnetlab serve`: the lab over SSH to a room. Each learner connects with their own ssh
 * client, gets their own app and keeps their own progress (by SSH user name); the instructor
 * sees the room live. The server itself lives in source/serve/.
 */
import {Option, type Command} from 'commander';
import type {ServeFlags} from '../serve/main.js';

export function register(program: Command): void {
	program
		.command('serve')
		.description('serve the lab over SSH to a workshop room')
		.option('--host <address>', 'address to listen on', '127.0.0.1')
		.option('--port <n>', 'port to listen on (0 picks a free one and prints it)', '2222')
		.option('--labs <dir>', 'labs folder (default: the bundled labs)')
		.option('--data <dir>', 'host key and learners\' progress', './vnetlab-data')
		.option('--host-key <file>', 'SSH host private key (default: generated into --data on first start)')
		.option('--max-sessions <n>', 'learners connected at once', '60')
		.option('--idle-timeout <duration>', 'end a session after this long without a key (30m, 90s, 1h)', '30m')
		.option('--auth <open|password|keys>', 'who may join (default: open on a loopback address; required otherwise)')
		.option('--password-file <file>', 'room password on the first line (--auth password)')
		.option('--authorized-keys <file>', 'OpenSSH authorized_keys file (--auth keys)')
		.option('--quiet', 'log lines instead of the live room table')
		.addOption(new Option('--handshake-timeout <duration>', 'time allowed from connect to authenticated').default('20s').hideHelp())
		.addOption(new Option('--spare-workers <n>', 'session workers kept loaded ahead of need').default('2').hideHelp())
		.addHelpText(
			'after',
			'\nExamples:\n  vnetlab serve                                  # this machine only, open\n  vnetlab serve --host 0.0.0.0 --auth password --password-file room.txt\n\nLearners connect with: ssh -p 2222 <name>@<server>',
		)
		.action(async (_options: unknown, command: Command) => {
			// --labs is also the program's own flag (for the TUI): read it from either place.
			const {serve} = await import('../serve/main.js');
			await serve(command.optsWithGlobals<ServeFlags>());
		});
}
