/**
 * Subnet settings: service endpoints, private endpoint / Private Link service network
 * policies, and the subnet's NAT gateway.
 */
import type {EnabledDisabled, PrivateEndpointNetworkPolicies} from '../topology.js';
import {vnetOfSubnet} from './facts.js';
import {lookupNamed, lookupSubnet} from './lookup.js';
import {closestName} from './names.js';
import type {OpHandler} from './op.js';
import {updateSubnet} from './update.js';
import {serviceEndpointServices} from './vocabulary.js';

/** S-SE: service endpoints are per subnet, per service, from a known list of services. */
function serviceProblem(service: string): string | undefined {
	if ((serviceEndpointServices as readonly string[]).includes(service)) return undefined;
	const near = closestName(service, serviceEndpointServices);
	return `'${service}' is not a service endpoint service${near ? ` (did you mean ${near}?)` : ` (e.g. ${serviceEndpointServices.slice(0, 4).join(', ')})`}`;
}

export const setServiceEndpoints: OpHandler = ({topology, a}) => {
	const subnet = lookupSubnet(a, 'subnet', topology);
	const services = a.stringList('services', serviceProblem);
	if (!subnet || !services) return undefined;
	// Elastic SAN networking doc: cross-region and local storage endpoints can't coexist on a subnet.
	if (services.includes('Microsoft.Storage') && services.includes('Microsoft.Storage.Global')) {
		return a.fail('services', 'Microsoft.Storage and Microsoft.Storage.Global cannot both be on one subnet: pick one');
	}

	return updateSubnet(topology, subnet, (s) => ({...s, serviceEndpoints: [...services]}));
};

const endpointPolicies: readonly PrivateEndpointNetworkPolicies[] = ['Disabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled', 'Enabled'];
const enabledDisabled: readonly EnabledDisabled[] = ['Enabled', 'Disabled'];

export const setSubnetPolicies: OpHandler = ({topology, a}) => {
	const subnet = lookupSubnet(a, 'subnet', topology);
	const endpoint = a.oneOf('privateEndpointNetworkPolicies', endpointPolicies, true);
	const service = a.oneOf('privateLinkServiceNetworkPolicies', enabledDisabled, true);
	if (!a.has('privateEndpointNetworkPolicies') && !a.has('privateLinkServiceNetworkPolicies')) {
		return a.fail('', 'give privateEndpointNetworkPolicies, privateLinkServiceNetworkPolicies or both');
	}

	if (a.failed || !subnet) return undefined;
	// S-PLSNP: the subnet of a Private Link service's NAT IPs must keep its network policies disabled.
	if (service === 'Enabled') {
		const user = topology.privateLinkServices.find((pls) => pls.natIpConfigurations.some((nat) => nat.subnet === subnet.id));
		if (user) {
			return a.fail('privateLinkServiceNetworkPolicies', `${subnet.id} holds the NAT IPs of private link service ${user.name}: its Private Link service network policies must stay Disabled`);
		}
	}

	return updateSubnet(topology, subnet, (s) => ({
		...s,
		...(endpoint === undefined ? {} : {privateEndpointNetworkPolicies: endpoint}),
		...(service === undefined ? {} : {privateLinkServiceNetworkPolicies: service}),
	}));
};

export const setSubnetNatGateway: OpHandler = ({topology, a}) => {
	const subnet = lookupSubnet(a, 'subnet', topology);
	if (!a.has('natGateway')) return a.fail('natGateway', 'missing: give the name of a NAT gateway, or null to remove it');

	if (a.isNull('natGateway')) {
		if (!subnet) return undefined;
		if (subnet.subnet.natGateway === undefined) return a.fail('natGateway', `subnet ${subnet.id} has no NAT gateway to remove`);
		return updateSubnet(topology, subnet, ({natGateway: _removed, ...rest}) => rest);
	}

	const gateway = lookupNamed(a, 'natGateway', topology.natGateways, 'NAT gateway', 'NAT gateways');
	if (!subnet || !gateway) return undefined;
	// NAT gateway doc: a NAT gateway can't span virtual networks, and a gateway subnet can't use one.
	if (subnet.subnet.name === 'GatewaySubnet') return a.fail('subnet', 'a NAT gateway cannot be associated with GatewaySubnet');
	const elsewhere = topology.virtualNetworks.find(
		(vnet) => vnet.name !== subnet.vnet.name && vnet.subnets.some((s) => s.natGateway === gateway.item.name),
	);
	if (elsewhere) {
		return a.fail('natGateway', `${gateway.item.name} already serves subnets of ${elsewhere.name}: a NAT gateway cannot span virtual networks (${vnetOfSubnet(subnet.id)} here)`);
	}

	return updateSubnet(topology, subnet, (s) => ({...s, natGateway: gateway.item.name}));
};
