/**
 * Checking a command's input before the engine sees it: load and validate the topology
 * file, resolve names, parse addresses. Every failure is a CommandError (exit 2).
 * Heavy modules (YAML, the schema validator, the engine) load lazily, on first use.
 */
import type {Network} from '../engine/network.js';
import type {NetworkInterface} from '../engine/topology.js';
import {CommandError} from './errors.js';
import {printErrors} from './output.js';

/** The names to list after an unknown one: the first few, in file order. */
export function knownNames(names: readonly string[], limit = 6): string {
	if (names.length === 0) return 'none are defined';
	const shown = names.slice(0, limit).join(', ');
	return names.length > limit ? `${shown}, ... (${names.length} in all)` : shown;
}

/** A command's network, and the lab it came from when the file was a lab. */
export type LoadedInput = {
	readonly network: Network;
	readonly lab?: {readonly id: string; readonly file: string};
};

/**
 * Load a topology file and index it. An unreadable file and every error (schema,
 * semantics) are thrown, one line each; warnings go to stderr and the command runs on.
 * A lab file is accepted too: its starting network (see loadInput).
 */
export async function loadNetwork(path: string): Promise<Network> {
	const {network, lab} = await loadInput(path);
	if (lab) printErrors([`note: ${path} is a lab (${lab.id}); this is its starting network, before any edit`]);
	return network;
}

/**
 * loadNetwork, also saying whether the file was a lab. A learner naturally points a query at
 * a lab (`vnetlab routes labs/05-forced-tunnelling.yaml --nic vm-app`): rather than a screen
 * of "unknown field" errors, the lab's starting network is used, and a note on stderr says so.
 */
export async function loadInput(path: string): Promise<LoadedInput> {
	const [{loadTopologyFile, TopologyFileError}, {formatDiagnostic, hasErrors}, {buildNetwork}] = await Promise.all([
		import('../lab/load-topology.js'),
		import('../lab/diagnostics.js'),
		import('../engine/network.js'),
	]);
	let loaded;
	try {
		loaded = loadTopologyFile(path);
	} catch (error) {
		if (error instanceof TopologyFileError) throw new CommandError(error.message);
		throw error;
	}

	const {topology, diagnostics} = loaded;
	if (!topology || hasErrors(diagnostics)) {
		// Only a file that fails as a topology is read again as a lab: topologies pay nothing.
		const lab = await loadLabInstead(path);
		if (lab) return lab;
		throw new CommandError(diagnostics.length > 0 ? diagnostics.map(formatDiagnostic) : `${path}: cannot load the topology`);
	}

	printErrors(diagnostics.map(formatDiagnostic));
	return {network: buildNetwork(topology)};
}

/** The starting network of the lab in `path`, or undefined when the file is not a lab. */
async function loadLabInstead(path: string): Promise<LoadedInput | undefined> {
	const [{readFileSync}, {parseYaml}, {loadLabText, looksLikeLab}, {formatDiagnostic, hasErrors}, {buildNetwork}] = await Promise.all([
		import('node:fs'),
		import('../lab/yaml-positions.js'),
		import('../lab/load-lab.js'),
		import('../lab/diagnostics.js'),
		import('../engine/network.js'),
	]);
	const text = readFileSync(path, 'utf8');
	const source = parseYaml(text, path);
	if (!source.usable || !looksLikeLab(source.value)) return undefined;
	// The lab's own checks (solutions, objectives) are `vnetlab validate`'s; a query needs its network.
	const loaded = loadLabText(text, path, {check: false});
	if (!loaded.lab || hasErrors(loaded.diagnostics)) throw new CommandError(loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
	printErrors(loaded.diagnostics.map(formatDiagnostic));
	return {network: buildNetwork(loaded.lab.topology), lab: {id: loaded.lab.id, file: path}};
}

/** The network interface called `name`, or a CommandError naming the known ones. */
export function requireNic(network: Network, name: string): NetworkInterface {
	const nic = network.nics.get(name);
	// S-PE: Azure does not display effective routes or security rules for a private endpoint's NIC.
	if (!nic && network.privateEndpoints.has(name)) {
		throw new CommandError(`${name} is a private endpoint: Azure shows no effective routes for a private endpoint's network interface, and it never sends traffic of its own; ask about a VM's network interface (known: ${knownNames([...network.nics.keys()])})`);
	}

	if (!nic) throw new CommandError(`unknown network interface '${name}' (known: ${knownNames([...network.nics.keys()])})`);
	return nic;
}

/** The integer form of a dotted-quad IPv4 address, or a CommandError. */
export async function parseIpv4(text: string, option: string): Promise<number> {
	const {ipToInt, isIpv4Address} = await import('../engine/address.js');
	if (!isIpv4Address(text)) {
		throw new CommandError(`${option}: '${text}' is not an IPv4 address (expected four numbers 0-255, like 10.0.1.4)`);
	}

	return ipToInt(text);
}

const dnsLabel = /^(?!-)[a-z\d-]{1,63}(?<!-)$/i;

/** A DNS name as typed (a trailing dot dropped), or a CommandError. */
export function parseDnsName(text: string): string {
	const name = text.endsWith('.') ? text.slice(0, -1) : text;
	if (name.length === 0 || name.length > 253 || !name.split('.').every((label) => dnsLabel.test(label))) {
		throw new CommandError(`'${text}' is not a DNS name (expected labels of letters, digits and hyphens, like stcontoso.blob.core.windows.net)`);
	}

	return name;
}
