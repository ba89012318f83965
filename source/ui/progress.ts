/**
 * The progress store. Writes go through conf (`projectName: 'vnetlab'`, in
 * VNETLAB_CONFIG_DIR when set); conf is imported on the first write, not at startup, because
 * importing it (and the ajv it pulls in) costs about 150 ms before the first frame. Reads at
 * startup parse the same config.json directly. A file that cannot be parsed is renamed aside as
 * `config.json.corrupt-<ISO time>` and reported, never silently wiped.
 */
import {existsSync, readFileSync, renameSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {emptyProgress, normaliseProgress, type ProgressData} from './progress-data.js';

export type ProgressStore = {
	/** The file, or undefined for a store kept in memory (tests, the sandbox). */
	readonly path: string | undefined;
	/** One line for the home screen when the file had to be set aside. */
	readonly notice: string | undefined;
	get(): ProgressData;
	/** Apply a pure update; saved in the background when it changed anything. */
	update(change: (data: ProgressData) => ProgressData): void;
	subscribe(listener: () => void): () => void;
	/** Wait for pending writes (call before exiting). */
	flush(): Promise<void>;
};

export type Environment = Readonly<Record<string, string | undefined>>;

/** Where conf keeps `vnetlab`'s config.json: VNETLAB_CONFIG_DIR, else the platform's config folder (env-paths' rule, no suffix). */
export function progressDirectory(env: Environment = process.env, platform: NodeJS.Platform = process.platform): string {
	const override = env['VNETLAB_CONFIG_DIR'];
	if (override) return path.resolve(override);
	const home = env['HOME'] || homedir();
	if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'vnetlab');
	if (platform === 'win32') return path.join(env['APPDATA'] || path.join(home, 'AppData', 'Roaming'), 'vnetlab', 'Config');
	return path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), 'vnetlab');
}

export function progressFile(directory: string): string {
	return path.join(directory, 'config.json');
}

export type ProgressRead = {data: ProgressData; notice?: string};

/**
 * Read the store. Missing: empty. Unparsable: renamed to `config.json.corrupt-<ISO time>` and
 * reported in `notice`; the app starts from empty progress.
 */
export function readProgressFile(file: string, now: () => Date = () => new Date()): ProgressRead {
	if (!existsSync(file)) return {data: emptyProgress()};
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		return {data: emptyProgress(), notice: `Progress could not be read (${(error as Error).message}); it will not be saved this time.`};
	}

	try {
		return {data: normaliseProgress(text.trim() === '' ? {} : JSON.parse(text))};
	} catch {
		const aside = `${file}.corrupt-${now().toISOString()}`;
		try {
			renameSync(file, aside);
			return {data: emptyProgress(), notice: `Progress file was unreadable: moved to ${aside}; starting afresh.`};
		} catch (error) {
			return {data: emptyProgress(), notice: `Progress file ${file} is unreadable and could not be moved aside (${(error as Error).message}).`};
		}
	}
}

type ConfStore = {store: Record<string, unknown>};

/** A conf instance writing `directory/config.json`. */
export async function openConf(directory: string): Promise<ConfStore> {
	const {default: Conf} = await import('conf');
	return new Conf<Record<string, unknown>>({
		projectName: 'vnetlab',
		projectSuffix: '',
		cwd: directory,
		configName: 'config',
		accessPropertiesByDotNotation: false,
		clearInvalidConfig: false,
	});
}

function createStore(initial: ProgressData, file: string | undefined, notice: string | undefined, write: (data: ProgressData) => Promise<void>): ProgressStore {
	let data = initial;
	const listeners = new Set<() => void>();
	let writing: Promise<void> = Promise.resolve();
	return {
		path: file,
		notice,
		get: () => data,
		update(change) {
			const next = change(data);
			if (next === data) return;
			data = next;
			for (const listener of listeners) listener();
			const snapshot = data;
			writing = writing.then(() => write(snapshot)).catch(() => undefined);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		flush: async () => writing,
	};
}

/** The store on disk (VNETLAB_CONFIG_DIR or the platform's config folder). */
export function openProgress(env: Environment = process.env): ProgressStore {
	const directory = progressDirectory(env);
	const file = progressFile(directory);
	const {data, notice} = readProgressFile(file);
	let conf: Promise<ConfStore> | undefined;
	const write = async (snapshot: ProgressData) => {
		conf ??= openConf(directory);
		(await conf).store = snapshot as unknown as Record<string, unknown>;
	};

	return createStore(data, file, notice, write);
}

/** A store that saves nothing (tests, and the sandbox, which has no progress). */
export function memoryProgress(initial: ProgressData = emptyProgress(), notice?: string): ProgressStore {
	return createStore(initial, undefined, notice, async () => undefined);
}
