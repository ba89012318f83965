/** The cached lab list: used while the lab files are unchanged, listed again when one changes. */
import {copyFileSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {bundledLabsDir, loadCatalog} from '../../source/ui/catalog-cache.js';
import {listCatalog} from '../../source/ui/lab-services.js';
import type {Catalog} from '../../source/ui/services.js';

function labsCopy(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'vnetlab-labs-'));
	for (const name of readdirSync(bundledLabsDir).filter((file) => /^0[12]-.*\.yaml$/.test(file))) copyFileSync(path.join(bundledLabsDir, name), path.join(dir, name));
	return dir;
}

test('the second start reads the list from the cache; a changed lab file lists again', async (t) => {
	const labs = labsCopy();
	const cache = path.join(mkdtempSync(path.join(tmpdir(), 'vnetlab-cache-')), 'sub', 'catalog-cache.json');
	let listed = 0;
	const list = async (dir: string): Promise<Catalog> => {
		listed++;
		return listCatalog(dir);
	};

	const first = await loadCatalog(labs, cache, list);
	t.is(first.labs.length, 2);
	t.is(listed, 1);
	t.deepEqual(await loadCatalog(labs, cache, list), first);
	t.is(listed, 1);
	writeFileSync(path.join(labs, '09-broken.yaml'), 'id: [');
	const third = await loadCatalog(labs, cache, list);
	t.is(listed, 2);
	t.is(third.labs.length, 2);
	t.regex(third.problems[0]!, /09-broken\.yaml:\d+:\d+: /);
	// Another folder is listed, not served from the first one's cache.
	await loadCatalog(labsCopy(), cache, list);
	t.is(listed, 3);
});

test('no cache file, or a missing folder, still lists', async (t) => {
	const labs = labsCopy();
	t.is((await loadCatalog(labs, undefined, listCatalog)).labs.length, 2);
	const missing = await loadCatalog(path.join(labs, 'nope'), undefined, listCatalog);
	t.deepEqual(missing.labs, []);
	t.regex(missing.problems[0]!, /cannot read the labs folder/);
});
