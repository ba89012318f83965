/**
 * The app's services over the labs folder: the catalogue from source/lab/catalog.ts (only the
 * fields a menu shows, fast at startup) and each lab loaded in full when it is opened; the lab
 * loader (schema, checks) is imported then, not before the first frame. The sandbox's services
 * hold the one topology `vnetlab open` already loaded and checked.
 */
import type {Topology} from '../engine/topology.js';
import {formatDiagnostic, hasErrors} from '../lab/diagnostics.js';
import {sandboxLab, staticServices, type Catalog, type LoadedLab, type Services} from './services.js';

/** The labs of a folder (source/lab/catalog.ts), broken ones as problem lines. Imports the YAML parser. */
export async function listCatalog(dir: string): Promise<Catalog> {
	const {listLabs} = await import('../lab/catalog.js');
	const {labs, diagnostics} = listLabs(dir);
	// Errors, and a folder-level warning (no file named like a lab), which would otherwise leave a bare 'No labs found'.
	return {labs, problems: diagnostics.filter((d) => d.severity === 'error' || (labs.length === 0 && d.line === 0)).map(formatDiagnostic)};
}

async function loadLab(file: string): Promise<LoadedLab> {
	const {loadLabFile} = await import('../lab/load-lab.js');
	// The full semantic checks (replaying every solution) are `vnetlab validate`'s job.
	const loaded = loadLabFile(file, {check: false});
	if (!loaded.lab || hasErrors(loaded.diagnostics)) {
		const problems = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
		return {ok: false, problems: problems.length > 0 ? problems : [`${file}: cannot load the lab`]};
	}

	return {ok: true, lab: loaded.lab, ...(loaded.hash ? {hash: loaded.hash} : {}), sandbox: false};
}

/** Services over a listed catalogue (see catalog-cache.ts); labs load when opened. */
export function labServices(catalog: Catalog): Services {
	return {
		catalog: () => catalog,
		loadLab(ref) {
			if (ref.kind === 'sandbox') return {ok: false, problems: [`${ref.file}: a sandbox is opened with vnetlab open`]};
			return loadLab(ref.file);
		},
	};
}

export function sandboxServices(file: string, topology: Topology): Services {
	return staticServices({labs: [], problems: []}, new Map([[file, {ok: true, lab: sandboxLab(file, topology), sandbox: true}]]));
}
