/**
 * A PaaS resource's public endpoint: its firewall's virtual network rules and default action,
 * and whether public network access is enabled at all.
 */
import type {EnabledDisabled, NetworkRuleSet, Resource, Topology} from '../topology.js';
import type {ArgReader} from './args.js';
import {lookupNamed, lookupSubnet, type Found} from './lookup.js';
import type {OpHandler} from './op.js';
import {updateItem} from './update.js';

function lookupResource(a: ArgReader, topology: Topology): Found<Resource> | undefined {
	return lookupNamed(a, 'resource', topology.resources, 'resource', 'resources');
}

function withRules(topology: Topology, index: number, fn: (rules: NetworkRuleSet) => Partial<NetworkRuleSet>): Topology {
	return updateItem(topology, 'resources', index, (r) => ({...r, networkRuleSet: {...r.networkRuleSet, ...fn(r.networkRuleSet)}}));
}

/** S-FAQ: VNet ACLs on the service are the second step after the service endpoint. */
export const addVnetRule: OpHandler = ({topology, a}) => {
	const resource = lookupResource(a, topology);
	const subnet = lookupSubnet(a, 'subnet', topology);
	if (!resource || !subnet) return undefined;
	if (resource.item.networkRuleSet.virtualNetworkRules.includes(subnet.id)) {
		return a.fail('subnet', `${resource.item.name} already allows ${subnet.id}`);
	}

	return withRules(topology, resource.index, (rules) => ({virtualNetworkRules: [...rules.virtualNetworkRules, subnet.id]}));
};

export const removeVnetRule: OpHandler = ({topology, a}) => {
	const resource = lookupResource(a, topology);
	const subnetId = a.string('subnet', 'a subnet as vnet/subnet');
	if (!resource || subnetId === undefined) return undefined;
	const rules = resource.item.networkRuleSet.virtualNetworkRules;
	if (!rules.includes(subnetId)) {
		const known = rules.length > 0 ? `its rules allow ${rules.join(', ')}` : 'it has no virtual network rules';
		return a.fail('subnet', `${resource.item.name} has no virtual network rule for ${subnetId}: ${known}`);
	}

	return withRules(topology, resource.index, (r) => ({virtualNetworkRules: r.virtualNetworkRules.filter((s) => s !== subnetId)}));
};

/** S-STNS: "Be sure to set the default rule to Deny, or network rules will have no effect." */
export const setDefaultAction: OpHandler = ({topology, a}) => {
	const resource = lookupResource(a, topology);
	const action = a.oneOf('action', ['Allow', 'Deny'] as const);
	if (!resource || !action) return undefined;
	return withRules(topology, resource.index, () => ({defaultAction: action}));
};

export const setPublicNetworkAccess: OpHandler = ({topology, a}) => {
	const resource = lookupResource(a, topology);
	const access = a.oneOf<EnabledDisabled>('access', ['Enabled', 'Disabled']);
	if (!resource || !access) return undefined;
	return updateItem(topology, 'resources', resource.index, (r) => ({...r, publicNetworkAccess: access}));
};
