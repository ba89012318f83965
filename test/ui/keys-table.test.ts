/** The readme's keys table is the one the key data renders (source/ui/keys.ts). */
import {readFileSync} from 'node:fs';
import test from 'ava';
import {renderKeysTable} from '../../source/ui/keys.js';

/** The table (the run of `|` lines) in the readme's "## Keys" section. */
function readmeKeysTable(readme: string): string {
	const section = readme.split(/^## /m).find((part) => part.startsWith('Keys\n'));
	if (!section) return '';
	const lines = section.split('\n');
	const start = lines.findIndex((line) => line.startsWith('|'));
	if (start < 0) return '';
	const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
	return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

test('readme.md has the keys table under "## Keys", exactly as the key data renders it', (t) => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	t.is(readmeKeysTable(readme), renderKeysTable());
});

test('the table has a row per binding', (t) => {
	const rows = renderKeysTable().split('\n');
	t.is(rows[0], '| Screen | Keys | Action |');
	t.regex(rows.find((row) => row.includes('next hop'))!, /^\| Trace: stepping \| `→` `space` `l` \| next hop \|$/);
});
