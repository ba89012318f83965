/** The readme's lab table lists every bundled lab in learning order, as the lab files describe them. */
import {readFileSync} from 'node:fs';
import test from 'ava';
import {listLabs} from '../../source/lab/catalog.js';

/** Rows of the table in the readme's "## Labs" section, as [number, title, concepts, level]. */
function readmeLabRows(): string[][] {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	const section = readme.split(/^## /m).find((part) => part.startsWith('Labs\n')) ?? '';
	return section
		.split('\n')
		.filter((line) => /^\| \d\d \|/.test(line))
		.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

test('readme.md lists each bundled lab with its number, title, concepts and exam skills', (t) => {
	const expected = listLabs().labs.map((lab) => [String(lab.number).padStart(2, '0'), lab.title, lab.concepts.join(', '), lab.level.join(', ')]);
	t.true(expected.length >= 17, `bundled labs: ${expected.length}`);
	t.deepEqual(readmeLabRows(), expected);
});
