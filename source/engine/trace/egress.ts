/**
 * Leaving Azure for a public address over next hop Internet: which outbound method applies and
 * so which source IP the other end sees (design section 9, S-DOA, NAT gateway precedence).
 */
import {ipToInt, isPrivateAddress} from '../address.js';
import type {NetworkInterface} from '../topology.js';
import {atPublicAddress} from './endpoints.js';
import {defaultOutboundSource} from './source-address.js';
import type {Walk} from './walk.js';

export function egressToInternet(walk: Walk, subnetId: string, egressNic?: NetworkInterface): void {
	const {network} = walk;
	walk.paths.add('internet');
	if (isPrivateAddress(ipToInt(walk.destinationIp))) {
		walk.drop('private-address-on-internet', `The winning route sends ${walk.destinationIp} to the Internet, but it is a private address: nothing on the Internet routes it.`);
		return;
	}

	if (egressNic && walk.sourceIp !== egressNic.privateIpAddress && !sameRegionStorage(walk, subnetId)) {
		// S-UDR: an appliance sending to a public address "must either proxy the traffic or perform network address
		// translation (NAT) from the source's private IP address to its own private IP address. Azure then performs NAT
		// to a public IP address". Azure translates only the appliance's own address, so nothing takes this packet out.
		// (Same-region Storage is reached from private addresses, without that NAT: S-STNS, handled below.)
		walk.drop(
			'no-outbound-access',
			`${egressNic.name} forwards ${walk.sourceIp}'s packet to the Internet without translating the source to its own address: Azure's outbound NAT (NAT gateway, public IP, default outbound access) applies only to ${egressNic.privateIpAddress}, so the appliance must SNAT or proxy (docs: Virtual network traffic routing).`,
			egressNic.name,
		);
		return;
	}

	const subnet = network.subnets.get(subnetId)?.subnet;
	const natGateway = subnet?.natGateway ? network.natGateways.get(subnet.natGateway) : undefined;
	// NAT gateway overview: it carries TCP and UDP only; ICMP is not supported and fails.
	if (natGateway && walk.protocol === 'icmp') {
		walk.drop('protocol-not-supported', `NAT gateway ${natGateway.name} takes ${subnetId}'s Internet traffic, and it carries TCP and UDP only: an ICMP packet (ping) does not get out (docs: What is Azure NAT Gateway?).`, natGateway.name);
		return;
	}

	// Default outbound access ends for a VM in a Standard internal load balancer's backend pool (docs: Default outbound access).
	const pool = egressNic ? network.topology.loadBalancers.find((lb) => lb.sku === 'Standard' && lb.backends.includes(egressNic.name)) : undefined;
	if (!walk.enter('internet', walk.destinationIp)) return;
	walk.leftAzureFrom = {region: network.subnets.get(subnetId)?.vnet.region ?? '', privateIp: walk.sourceIp};
	// Precedence: a NAT gateway on the subnet beats an instance public IP, which beats default outbound access.
	if (natGateway) {
		walk.step('nat', `source ${walk.sourceIp} → ${natGateway.publicIpAddress}`, `NAT gateway ${natGateway.name} on ${subnetId} translates the source; it takes precedence over any instance public IP.`, natGateway.name);
		walk.sourceIp = natGateway.publicIpAddress;
	} else if (egressNic?.publicIpAddress) {
		walk.step('nat', `source ${walk.sourceIp} → ${egressNic.publicIpAddress}`, `${egressNic.name}'s own public IP is the source on the Internet.`, egressNic.name);
		walk.sourceIp = egressNic.publicIpAddress;
	} else if (subnet?.defaultOutboundAccess && pool) {
		walk.drop(
			'no-outbound-access',
			`${egressNic!.name} is in the backend pool of Standard load balancer ${pool.name}, which ends its default outbound access (an internal load balancer gives no outbound path), and ${subnetId} has no NAT gateway and the VM no public IP: nothing takes the packet to the Internet.`,
			pool.name,
		);
		return;
	} else if (subnet?.defaultOutboundAccess) {
		walk.step('nat', 'default outbound access', `${subnetId} still has default outbound access: Azure picks a public source IP that you do not own (docs: Default outbound access).`, subnetId);
		walk.sourceIp = defaultOutboundSource;
	} else if (sameRegionStorage(walk, subnetId)) {
		// S-DOA: VMs in a private subnet still reach Storage accounts in the same region without an outbound method.
		walk.step('forward', 'same-region storage', `${subnetId} is private (no outbound method), but Azure still lets it reach a Storage account in the same region.`);
	} else {
		walk.drop(
			'no-outbound-access',
			`${subnetId} is a private subnet (default outbound access off) with no NAT gateway, no instance public IP and no route to an appliance: nothing can take the packet to the Internet.`,
			subnetId,
		);
		return;
	}

	atPublicAddress(walk, {kind: 'internet'});
}

function sameRegionStorage(walk: Walk, subnetId: string): boolean {
	const {network} = walk;
	const region = network.subnets.get(subnetId)?.vnet.region.toLowerCase();
	return network.topology.resources.some(
		(r) => r.publicIpAddress === walk.destinationIp && r.type === 'Microsoft.Storage/storageAccounts' && r.region.toLowerCase() === region,
	);
}
