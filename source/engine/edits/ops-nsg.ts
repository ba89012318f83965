/**
 * Network security group rules: add one (with Azure's priority and naming rules) or remove one.
 */
import type {SecurityRule, SecurityRuleAccess, SecurityRuleDirection, SecurityRuleProtocol, Topology} from '../topology.js';
import {ipProblem, prefixProblem, type ArgReader} from './args.js';
import {lookupNamed} from './lookup.js';
import {closestName} from './names.js';
import {readNewName, type OpHandler} from './op.js';
import {removeAt, updateItem} from './update.js';
import {limits, looksLikeTag, tagProblem} from './vocabulary.js';

const directions: readonly SecurityRuleDirection[] = ['Inbound', 'Outbound'];
const accesses: readonly SecurityRuleAccess[] = ['Allow', 'Deny'];
const protocols: readonly SecurityRuleProtocol[] = ['Tcp', 'Udp', 'Icmp', '*'];

/** S-NSG: an address prefix is '*', an IP, a CIDR or a service tag. */
function readAddress(r: ArgReader, key: string, topology: Topology): string | undefined {
	if (!r.has(key)) return '*';
	const text = r.string(key, `'*', an IP address, a CIDR prefix or a service tag`);
	if (text === undefined || text === '*') return text;
	if (!looksLikeTag(text)) {
		if (!text.includes('/')) return ipProblem(text) ? r.fail(key, ipProblem(text)!) : text;
		const problem = prefixProblem(text);
		return problem ? r.fail(key, problem) : text;
	}

	const problem = tagProblem(text, topology, true);
	return problem ? r.fail(key, problem) : text;
}

const portPattern = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** S-NSG: a port range is '*', a port, or low-high, within 0..65535. */
function readPorts(r: ArgReader, key: string): string | undefined {
	if (!r.has(key)) return '*';
	const text = r.string(key, `'*', a port such as 443, or a range such as 1000-2000`);
	if (text === undefined || text === '*') return text;
	const match = portPattern.exec(text);
	const low = Number(match?.[1]);
	const high = match?.[2] === undefined ? low : Number(match[2]);
	if (!match || low > 65535 || high > 65535 || low > high) {
		return r.fail(key, `'${text}' is not a port range: give '*', a port 0-65535, or low-high`);
	}

	return text;
}

export const addNsgRule: OpHandler = ({topology, a}) => {
	const nsg = lookupNamed(a, 'nsg', topology.networkSecurityGroups, 'network security group', 'network security groups');
	const r = a.object('rule', [
		'name',
		'priority',
		'direction',
		'access',
		'protocol',
		'sourceAddressPrefix',
		'sourcePortRange',
		'destinationAddressPrefix',
		'destinationPortRange',
	]);
	if (!r) return undefined;
	const name = readNewName(r, 'name', 'security rule');
	const priority = r.integer('priority', `a priority from ${limits.minPriority} to ${limits.maxPriority}`);
	if (priority !== undefined && (priority < limits.minPriority || priority > limits.maxPriority)) {
		r.fail('priority', `priority ${priority} is outside ${limits.minPriority}..${limits.maxPriority}`);
	}

	const direction = r.oneOf('direction', directions);
	const access = r.oneOf('access', accesses);
	const protocol = r.oneOf('protocol', protocols, true) ?? '*';
	const sourceAddressPrefix = readAddress(r, 'sourceAddressPrefix', topology);
	const sourcePortRange = readPorts(r, 'sourcePortRange');
	const destinationAddressPrefix = readAddress(r, 'destinationAddressPrefix', topology);
	const destinationPortRange = readPorts(r, 'destinationPortRange');
	if (a.failed || !nsg || !name || priority === undefined || !direction || !access) return undefined;
	const rules = nsg.item.securityRules;
	if (rules.some((rule) => rule.name === name)) return r.fail('name', `${nsg.item.name} already has a rule named ${name}`);
	// S-NSG: "You can't create two security rules with the same priority and direction."
	const clash = rules.find((rule) => rule.priority === priority && rule.direction === direction);
	if (clash) return r.fail('priority', `${nsg.item.name} already has ${direction} rule ${clash.name} at priority ${priority}`);
	const rule: SecurityRule = {
		name,
		priority,
		direction,
		access,
		protocol,
		sourceAddressPrefix: sourceAddressPrefix!,
		sourcePortRange: sourcePortRange!,
		destinationAddressPrefix: destinationAddressPrefix!,
		destinationPortRange: destinationPortRange!,
	};
	return updateItem(topology, 'networkSecurityGroups', nsg.index, (n) => ({...n, securityRules: [...n.securityRules, rule]}));
};

export const removeNsgRule: OpHandler = ({topology, a}) => {
	const nsg = lookupNamed(a, 'nsg', topology.networkSecurityGroups, 'network security group', 'network security groups');
	const name = a.string('name', 'the name of the rule to remove');
	if (!nsg || name === undefined) return undefined;
	const index = nsg.item.securityRules.findIndex((rule) => rule.name === name);
	if (index < 0) {
		const known = nsg.item.securityRules.map((rule) => rule.name);
		const near = closestName(name, known);
		// S-NSG: "You can't remove the default rules, but you can override them".
		const defaults = /^(Allow|Deny)\w*(In|Out)Bound$/i.test(name) ? ': default rules cannot be removed, only overridden by a rule of lower priority number' : '';
		const hint = defaults || (near ? ` (did you mean ${near}?)` : known.length > 0 ? ` (its rules: ${known.join(', ')})` : ': it has no rules of its own');
		return a.fail('name', `${nsg.item.name} has no rule named ${name}${hint}`);
	}

	return updateItem(topology, 'networkSecurityGroups', nsg.index, (n) => ({...n, securityRules: removeAt(n.securityRules, index)}));
};
