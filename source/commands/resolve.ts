/**
 * `vnetlab resolve <topology> --from <nic-or-host> <name> [--json]`: what a DNS name
 * resolves to for a VM's NIC, an on-premises host or an Internet host, and which zone,
 * link or forwarder gave each answer.
 */
import type {Command} from 'commander';
import {CommandError} from './errors.js';
import {knownNames, loadNetwork, parseDnsName} from './input.js';
import {printJson, printText, textWidth} from './output.js';

type ResolveOptions = {from: string; json?: boolean};

export function register(program: Command): void {
	program
		.command('resolve')
		.description('resolve a DNS name from a NIC or a host')
		.argument('<topology>', 'topology file (YAML), or a lab file (its starting network)')
		.argument('<name>', 'DNS name to resolve')
		.requiredOption('--from <nic-or-host>', 'NIC, on-premises host or Internet host asking')
		.option('--json', 'print the resolution as JSON')
		.addHelpText('after', '\nExample:\n  vnetlab resolve network.yaml --from vm-spoke1 stcontoso.blob.core.windows.net')
		.action(async (topologyPath: string, rawName: string, options: ResolveOptions) => {
			const name = parseDnsName(rawName);
			const network = await loadNetwork(topologyPath);
			const {dnsClientFor, resolveName} = await import('../engine/dns.js');
			const {dnsReachFrom} = await import('../engine/trace/trace.js');
			const client = dnsClientFor(network, options.from);
			if (!client) {
				const hosts = [
					...network.nics.keys(),
					...network.topology.localNetworks.flatMap((site) => site.hosts.map((host) => host.name)),
					...network.internetHosts.keys(),
				];
				throw new CommandError(`unknown network interface or host '${options.from}' (known: ${knownNames(hosts)})`);
			}

			const resolution = resolveName(network, client, name, dnsReachFrom(network, options.from));
			if (options.json) {
				printJson(resolution);
				return;
			}

			const [{formatResolution}, {wrapText}] = await Promise.all([import('../format/resolution.js'), import('../format/wrap.js')]);
			printText(`${wrapText(`Resolving ${name} from ${options.from}`, 80).join('\n')}\n`);
			printText(formatResolution(resolution, {width: textWidth()}));
		});
}
