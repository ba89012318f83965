/**
 * The lab list for the first frame, from a small cache when the lab files have not changed.
 * Listing the labs parses every lab file's YAML (with positions, for diagnostics): with a
 * dozen labs that takes longer than drawing the first frame. The cache, beside the progress
 * file, remembers the list with each lab file's size and modification time; any change (a
 * file added, removed or edited) lists the labs again.
 */
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Catalog} from './services.js';

/** The package's labs/ folder, seen from source/ui (tsx) and dist/ui (compiled) alike. */
export const bundledLabsDir = fileURLToPath(new URL('../../labs/', import.meta.url));

const cacheVersion = 1;

type Stamp = {name: string; size: number; modified: number};
type CacheFile = {version: number; dir: string; stamps: Stamp[]; catalog: Catalog};

/** What identifies the folder's lab files right now (every YAML file in it). */
export function stampsOf(dir: string): Stamp[] {
	return readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => {
			const stat = statSync(path.join(dir, name));
			return {name, size: stat.size, modified: stat.mtimeMs};
		});
}

function sameStamps(a: readonly Stamp[], b: readonly Stamp[]): boolean {
	return a.length === b.length && a.every((stamp, index) => stamp.name === b[index]!.name && stamp.size === b[index]!.size && stamp.modified === b[index]!.modified);
}

function readCache(file: string): CacheFile | undefined {
	try {
		const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
		return data.version === cacheVersion && Array.isArray(data.stamps) && Array.isArray(data.catalog?.labs) ? data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The catalogue of `dir`: from `cacheFile` when it matches the folder, else from `list` (which
 * may import the YAML parser), then saved for next time. A cache that cannot be written is
 * only a slower start.
 */
export async function loadCatalog(dir: string, cacheFile: string | undefined, list: (dir: string) => Promise<Catalog>): Promise<Catalog> {
	const folder = path.resolve(dir);
	let stamps: Stamp[];
	try {
		stamps = stampsOf(folder);
	} catch {
		// An unreadable folder: let the catalogue say why.
		return list(folder);
	}

	const cached = cacheFile ? readCache(cacheFile) : undefined;
	if (cached && cached.dir === folder && sameStamps(cached.stamps, stamps)) return cached.catalog;
	const catalog = await list(folder);
	if (cacheFile) {
		try {
			const data: CacheFile = {version: cacheVersion, dir: folder, stamps, catalog};
			mkdirSync(path.dirname(cacheFile), {recursive: true});
			writeFileSync(cacheFile, `${JSON.stringify(data)}\n`);
		} catch {
			// No cache this time.
		}
	}

	return catalog;
}
