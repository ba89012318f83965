/**
 * The readme's command examples are what the built CLI prints today. A code block that starts
 * with `$ vnetlab <args>` and names only files of this repository (the fixtures, the bundled
 * labs) is run as is, and its output compared line for line with the rest of the block.
 * Blocks that use files a reader makes (`half.yaml`, `my-labs/`) or a server are left out.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {root, runCli} from './run-cli.js';

type Example = {command: string; args: string[]; expected: string};

/** Arguments split on spaces; the examples quote nothing. */
function examples(): Example[] {
	const readme = readFileSync(path.join(root, 'readme.md'), 'utf8');
	const blocks = [...readme.matchAll(/^```\n(\$ vnetlab[^\n]*)\n([\s\S]*?)^```$/gm)];
	return blocks
		.map(([, command, body]) => ({command: command!, args: command!.slice('$ vnetlab '.length).split(' ').filter(Boolean), expected: body!}))
		.filter(({args}) => args.every((arg) => !(arg.includes('/') || arg.endsWith('.yaml')) || existsSync(path.join(root, arg))));
}

const tidy = (text: string) =>
	text
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n')
		.trim();

test('the readme has command examples to check', (t) => {
	t.true(examples().length >= 6, examples().map((example) => example.command).join('\n'));
});

for (const example of examples()) {
	test(`readme: ${example.command}`, (t) => {
		const run = runCli(...example.args);
		t.is(tidy(run.stdout + run.stderr), tidy(example.expected));
	});
}
