/**
 * How `npm start` runs vnetlab (package.json `scripts.start`: node, its flags, dist/cli.js),
 * so every test that starts the built CLI starts it the same way a learner does. The flags
 * matter: see the comment at the top of source/cli.tsx.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: {start: string}}).scripts.start;
const words = start.split(/\s+/);
if (words[0] !== 'node' || words.at(-1) !== 'dist/cli.js') throw new Error(`package.json scripts.start is '${start}': expected node [flags] dist/cli.js`);

/** Node's flags from `npm start`, before the script. */
export const nodeFlags: readonly string[] = words.slice(1, -1);

/** The built CLI, as an absolute path. */
export const cliPath = path.join(root, 'dist', 'cli.js');

/** Arguments for `spawn(process.execPath, [...cliArguments, ...args])`. */
export const cliArguments: readonly string[] = [...nodeFlags, cliPath];

/** The same as one shell command (tmux panes, `script`). */
export const cliCommand = ['node', ...nodeFlags, cliPath].join(' ');
