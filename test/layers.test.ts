/**
 * The layers of design section 1 import one way: engine <- lab <- ui <- cli/serve.
 * The engine stays pure (no I/O, no React), so the TUI can re-trace on every keypress
 * and every layer can be tested alone. This reads each source file's imports as text.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import test from 'ava';

const root = new URL('../source/', import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
	return readdirSync(join(root, folder), {withFileTypes: true, recursive: true})
		.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** Every module a file imports, resolved to a path below source/ when it is relative. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!);
	return specifiers.map((specifier) => (specifier.startsWith('.') ? relative(root, join(file, '..', specifier)) : specifier));
}

function violations(folder: string, isForbidden: (specifier: string) => boolean): string[] {
	return sourceFiles(folder).flatMap((file) => importsOf(file).filter(isForbidden).map((specifier) => `${relative(root, file)} imports ${specifier}`));
}

const layers = ['engine', 'lab', 'format', 'ui', 'commands', 'serve'];
const layerOf = (specifier: string) => layers.find((layer) => specifier.startsWith(`${layer}/`)) ?? (specifier === 'cli.js' ? 'cli' : undefined);

test('the engine imports nothing but itself and pure node:net helpers (no I/O, no React, no other layer)', (t) => {
	const bad = violations('engine', (specifier) => {
		if (layerOf(specifier)) return layerOf(specifier) !== 'engine';
		return specifier !== 'node:net' && !specifier.startsWith('netmask');
	});
	t.deepEqual(bad, []);
});

test('lab reads files and builds the engine model, and never reaches up into ui, serve or the commands', (t) => {
	t.deepEqual(violations('lab', (specifier) => ['ui', 'serve', 'commands', 'cli'].includes(layerOf(specifier) ?? '') || /^(react|ink)/.test(specifier)), []);
});

test('ui shows engine results and never imports the SSH server or the command line', (t) => {
	t.deepEqual(violations('ui', (specifier) => ['serve', 'commands', 'cli'].includes(layerOf(specifier) ?? '')), []);
});

test('the import reader sees relative imports, so the checks above can fail', (t) => {
	const imports = importsOf(join(root, 'cli.tsx'));
	t.true(imports.some((specifier) => layerOf(specifier) !== undefined), imports.join(', '));
});
