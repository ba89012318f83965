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

/**
 * Load a topology file and index it. An unreadable file and every error (schema,
 * semantics) are thrown, one line each; warnings go to stderr and the command runs on.
 */
export async function loadNetwork(path: string): Promise<Network> {
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
	if (!topology || hasErrors(diagnostics)) throw new CommandError(diagnostics.length > 0 ? diagnostics.map(formatDiagnostic) : `${path}: cannot load the topology`);
	printErrors(diagnostics.map(formatDiagnostic));
	return buildNetwork(topology);
}

/** The network interface called `name`, or a CommandError naming the known ones. */
export function requireNic(network: Network, name: string): NetworkInterface {
	const nic = network.nics.get(name);
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
