/**
 * Network interface settings: Azure's IP forwarding switch.
 */
import {lookupNamed} from './lookup.js';
import type {OpHandler} from './op.js';
import {updateItem} from './update.js';

/** S-NIC: IP forwarding lets a NIC receive and send traffic not addressed to or from its own IPs. */
export const setIpForwarding: OpHandler = ({topology, a}) => {
	const nic = lookupNamed(a, 'nic', topology.networkInterfaces, 'network interface', 'network interfaces');
	const enabled = a.boolean('enabled');
	if (!nic || enabled === undefined) return undefined;
	return updateItem(topology, 'networkInterfaces', nic.index, (n) => ({...n, enableIpForwarding: enabled}));
};
