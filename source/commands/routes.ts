/**
 * `vnetlab routes <topology> --nic <name> [--json]`: a NIC's effective route table,
 * as `az network nic show-effective-route-table` shows it.
 */
import type {Command} from 'commander';
import {loadNetwork, requireNic} from './input.js';
import {printErrors, printJson, printText, tableWidth, textWidth} from './output.js';

type RoutesOptions = {nic: string; json?: boolean};

export function register(program: Command): void {
	program
		.command('routes')
		.description("show a NIC's effective route table")
		.argument('<topology>', 'topology file (YAML), or a lab file (its starting network)')
		.requiredOption('--nic <name>', 'network interface name')
		.option('--json', 'print the routes as JSON')
		.addHelpText('after', '\nExample:\n  vnetlab routes network.yaml --nic vm-spoke1')
		.action(async (topologyPath: string, options: RoutesOptions) => {
			const network = await loadNetwork(topologyPath);
			const nic = requireNic(network, options.nic);
			const {effectiveRoutes} = await import('../engine/routes.js');
			const routes = effectiveRoutes(network, nic.name);
			const [{formatEffectiveRoutes, stoppedVmRoutesNote}, {wrapText}] = await Promise.all([import('../format/routes.js'), import('../format/wrap.js')]);
			const stopped = nic.running ? undefined : stoppedVmRoutesNote(nic.name);
			if (options.json) {
				// stdout stays the route array of design 5; the note goes to stderr.
				if (stopped) printErrors([`note: ${stopped}`]);
				printJson(routes);
				return;
			}

			const routeTable = network.subnets.get(nic.subnet)?.subnet.routeTable;
			const title = `Effective routes of ${nic.name} in ${nic.subnet}, ${routeTable ? `route table ${routeTable}` : 'no route table'}`;
			printText(`${[...wrapText(title, 80), ...(stopped ? wrapText(stopped, 80) : [])].join('\n')}\n`);
			printText(formatEffectiveRoutes(routes, {width: textWidth(), tableWidth: tableWidth()}));
		});
}
