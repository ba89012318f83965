/**
 * What the UI asks of the rest of the program: the lab catalogue and loading a lab. The
 * screens get these through a context, so tests can hand in labs built in memory. A sandbox
 * (`vnetlab open <topology>`) is a lab without objectives, made here from its topology.
 */
import {createContext} from 'react';
import type {Lab, LabSummary} from '../engine/lab.js';
import type {Topology} from '../engine/topology.js';
import type {LabRef} from './session-reducer.js';

export type Catalog = {
	readonly labs: readonly LabSummary[];
	/** Labs that could not be read, one line each (`file:line:col: path: message`). */
	readonly problems: readonly string[];
};

export type LoadedLab =
	| {readonly ok: true; readonly lab: Lab; readonly hash?: string; readonly sandbox: boolean}
	| {readonly ok: false; readonly problems: readonly string[]};

export type Services = {
	catalog(): Catalog;
	/** A lab in full; a promise when its loader is imported on first use (it is not needed for the first frame). */
	loadLab(ref: LabRef): LoadedLab | Promise<LoadedLab>;
};

/** The lab a sandbox shows: the topology, no objectives, every packet the learner types. */
export function sandboxLab(file: string, topology: Topology): Lab {
	const name = file.split(/[\\/]/).pop() ?? file;
	return {
		id: 'sandbox',
		title: `Sandbox: ${name}`,
		summary: `The topology in ${file}.`,
		level: [],
		minutes: 0,
		concepts: [],
		briefing: `A sandbox on ${file}: no objectives. Trace any packet between the network's interfaces, hosts and names, or look at any interface's effective routes.`,
		topology,
		allowedEdits: [],
		objectives: [],
		hints: [],
		debrief: {text: '', links: []},
		solutions: [],
		suggestedTraces: [],
	};
}

/** Services over fixed data: the sandbox (its one topology) and tests. */
export function staticServices(catalog: Catalog, labs: ReadonlyMap<string, LoadedLab>): Services {
	return {
		catalog: () => catalog,
		loadLab: (ref) => labs.get(ref.file) ?? {ok: false, problems: [`${ref.file}: no such lab`]},
	};
}

export const ServicesContext = createContext<Services>(staticServices({labs: [], problems: []}, new Map()));

/** The same services, each lab loaded once (the screens of one lab share it, and the same promise while it loads). */
export function cachedServices(services: Services): Services {
	let catalog: Catalog | undefined;
	const labs = new Map<string, LoadedLab | Promise<LoadedLab>>();
	return {
		catalog() {
			catalog ??= services.catalog();
			return catalog;
		},
		loadLab(ref) {
			let loaded = labs.get(ref.file);
			if (!loaded) {
				const result = services.loadLab(ref);
				loaded = result instanceof Promise ? result.then((value) => (labs.set(ref.file, value), value)) : result;
				labs.set(ref.file, loaded);
			}

			return loaded;
		},
	};
}
