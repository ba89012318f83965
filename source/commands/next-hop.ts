/**
 * `vnetlab next-hop <topology> --nic <name> --to <ip> [--json]`: where a packet from a
 * NIC to an address goes next, as Network Watcher's next hop answers, plus the routes
 * that matched and lost.
 */
import type {Command} from 'commander';
import {loadNetwork, parseIpv4, requireNic} from './input.js';
import {printJson, printText, textWidth} from './output.js';

type NextHopOptions = {nic: string; to: string; json?: boolean};

export function register(program: Command): void {
	program
		.command('next-hop')
		.description("show a NIC's next hop to an IP address")
		.argument('<topology>', 'topology file (YAML), or a lab file (its starting network)')
		.requiredOption('--nic <name>', 'source network interface name')
		.requiredOption('--to <ip>', 'destination IPv4 address')
		.option('--json', 'print the answer as JSON')
		.addHelpText('after', '\nExample:\n  vnetlab next-hop network.yaml --nic vm-spoke1 --to 8.8.8.8')
		.action(async (topologyPath: string, options: NextHopOptions) => {
			const destination = await parseIpv4(options.to, '--to');
			const network = await loadNetwork(topologyPath);
			const nic = requireNic(network, options.nic);
			const {lookupRoute} = await import('../engine/routes.js');
			const result = lookupRoute(network, nic.subnet, destination);
			if (options.json) {
				printJson({
					nextHopType: result.nextHopType,
					nextHopIpAddress: result.nextHopIpAddress,
					routeTableId: result.routeTableId,
					matched: result.matched,
					matchedPrefix: result.matchedPrefix,
					beaten: result.beaten.map(({route, why, matchedPrefix}) => ({route, why, matchedPrefix})),
					notes: result.notes,
				});
				return;
			}

			const [{formatNextHop}, {wrapText}] = await Promise.all([import('../format/next-hop.js'), import('../format/wrap.js')]);
			printText(`${wrapText(`Next hop from ${nic.name} (${nic.privateIpAddress} in ${nic.subnet}) to ${options.to}`, 80).join('\n')}\n`);
			printText(formatNextHop(result, {width: textWidth()}));
		});
}
