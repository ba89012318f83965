/**
 * `vnetlab trace <topology> --from <nic-or-host> --to <ip-or-name> [--port n] [--protocol p] [--json]`:
 * a packet followed hop by hop, every decision with the rule that made it and what it beat.
 * A dropped packet is an answer, not an error: it exits 0.
 */
import type {Command} from 'commander';
import type {Protocol} from '../engine/results.js';
import {CommandError} from './errors.js';
import {knownNames, loadNetwork} from './input.js';
import {printJson, printText} from './output.js';

type TraceOptions = {from: string; to: string; port: string; protocol: string; json?: boolean};

export function parseProtocol(text: string): Protocol {
	const protocol = text.toLowerCase();
	if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp') {
		throw new CommandError(`--protocol: '${text}' is not tcp, udp or icmp`);
	}

	return protocol;
}

export function parsePort(text: string): number {
	if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
		throw new CommandError(`--port: '${text}' is not a port number (1-65535)`);
	}

	return Number(text);
}

export function register(program: Command): void {
	program
		.command('trace')
		.description('follow a packet hop by hop and explain every decision')
		.argument('<topology>', 'topology file (YAML), or a lab file (its starting network)')
		.requiredOption('--from <nic-or-host>', 'network interface, on-premises host or Internet host sending the packet')
		.requiredOption('--to <ip-or-name>', 'destination: an IPv4 address, a DNS name, or the name of a NIC, an on-premises or Internet host, a private endpoint, or a storage account, SQL server or key vault (traced by its usual DNS name)')
		.option('--port <n>', 'destination port (ignored for ICMP)', '443')
		.option('--protocol <tcp|udp|icmp>', 'protocol', 'tcp')
		.option('--json', 'print the trace as JSON')
		.addHelpText('after', '\nExamples:\n  vnetlab trace network.yaml --from vm-spoke1 --to 10.2.1.4\n  vnetlab trace network.yaml --from vm-app --to stcontoso.blob.core.windows.net --json\n  vnetlab trace network.yaml --from vm-app --to stcontoso')
		.action(async (topologyPath: string, options: TraceOptions) => {
			const protocol = parseProtocol(options.protocol);
			// Design §3: --port is ignored for ICMP, so a leftover or odd value there is no error.
			const port = protocol === 'icmp' ? 443 : parsePort(options.port);
			const network = await loadNetwork(topologyPath);
			const {trace, TraceInputError, findSource, sourceNames, sourceProblem} = await import('../engine/trace/trace.js');
			if (network.privateEndpoints.has(options.from)) throw new CommandError(sourceProblem(network, options.from));
			if (!findSource(network, options.from)) {
				throw new CommandError(`unknown source '${options.from}': give a network interface, an on-premises host or an Internet host (known: ${knownNames(sourceNames(network))})`);
			}

			let result;
			try {
				result = trace(network, options.from, options.to, {protocol, port});
			} catch (error) {
				if (error instanceof TraceInputError) throw new CommandError(error.message);
				throw error;
			}

			if (options.json) {
				const {resolution, destination, sourceIpSeen, paths, ...shape} = result;
				printJson({...shape, resolution, destination, sourceIpSeen, paths});
				return;
			}

			const {formatTrace} = await import('../format/trace.js');
			printText(formatTrace(result));
		});
}
