#!/usr/bin/env -S node --no-concurrent-recompilation
/**
 * The vnetlab entry. Start it as `npm start`, as `vnetlab` (this file's first line) or as
 * `node --no-concurrent-recompilation dist/cli.js`: without that flag, Node 20 hangs at exit
 * in about one run in fifteen on a busy 2-core machine (nodejs/node#54918: the main thread
 * waits for a background optimising compile that waits for a garbage collection only the
 * main thread can run). Setting the flag from inside the process is too late: V8 reads it
 * when it starts. test/cli/exit.test.ts runs the CLI many times over to catch the hang.
 *
 * Each subcommand lives in source/commands/<name>.ts and exports
 * `register(program)`; add yours to `commands` below (in help order). Command modules
 * stay light: they load YAML, the engine and formatters inside their actions.
 */
import {readFileSync} from 'node:fs';
import {Command} from 'commander';
import * as check from './commands/check.js';
import * as list from './commands/list.js';
import * as nextHop from './commands/next-hop.js';
import * as open from './commands/open.js';
import * as progress from './commands/progress.js';
import * as resolve from './commands/resolve.js';
import * as routes from './commands/routes.js';
import * as serve from './commands/serve.js';
import * as trace from './commands/trace.js';
import * as validate from './commands/validate.js';
import {dropCiThatSaysNo} from './commands/ci-env.js';
import {configureProgram, runProgram} from './commands/run.js';

// React picks its build from NODE_ENV when it is first imported (lazily, by the TUI and the server):
// learners get the production build, which renders a frame in a fraction of the development build's time.
process.env['NODE_ENV'] ??= 'production';
// CI=0 or CI=false is not CI: without this the colour library (loaded lazily with Ink) would draw no colour.
dropCiThatSaysNo(process.env);

const commands: ReadonlyArray<{register: (program: Command) => void}> = [routes, nextHop, resolve, trace, list, validate, check, open, progress, serve];

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};

const program = configureProgram(new Command('vnetlab'))
	.description('A terminal lab for learning Azure virtual networking.')
	.version(version, '-V, --version', 'print the version');
open.addTuiOptions(program);
for (const command of commands) command.register(program);

/** `vnetlab` alone (or with only the TUI's flags) opens the lab list; without a terminal, the help. */
const args = process.argv.slice(2);
const tuiFlags = open.tuiArguments(args);
process.exitCode = await runProgram(program, tuiFlags ? [] : args, async () => open.openHome(tuiFlags ?? {}, program));
