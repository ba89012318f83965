/**
 * The packet trace: a packet from a NIC, an on-premises host or an Internet host to an IP or a name, followed hop
 * by hop. Pure and deterministic; it never throws on a valid model, except for a query that
 * names an unknown source or destination (TraceInputError), which is the caller's input error.
 */
import {ipToInt, isIpv4Address, isPrivateAddress, maskOf} from '../address.js';
import {dnsClientFor, resolveName, type DnsReach} from '../dns.js';
import {prefixOf, type Network} from '../network.js';
import {platformService} from '../nsg-tags.js';
import type {Protocol, Resolution, Trace} from '../results.js';
import type {InternetHost, LocalNetwork, NetworkInterface, OnPremisesHost} from '../topology.js';
import {destinationKinds, notADestination, usualNameOf} from './destination.js';
import {routeFrom} from './forward.js';
import {atPublicAddress} from './endpoints.js';
import {intendedResource} from './intended.js';
import {fromOnPremises} from './on-premises.js';
import {passNsgs, passPlatformNsgs} from './security.js';
import {Walk} from './walk.js';

export class TraceInputError extends Error {}

export type TraceOptions = {protocol?: Protocol; port?: number};

type Source =
	| {kind: 'nic'; nic: NetworkInterface}
	| {kind: 'on-premises'; site: LocalNetwork; host: OnPremisesHost}
	| {kind: 'internet'; host: InternetHost};

/** A NIC name, an on-premises host name or an Internet host name. */
export function findSource(network: Network, from: string): Source | undefined {
	const nic = network.nics.get(from);
	if (nic) return {kind: 'nic', nic};
	for (const site of network.topology.localNetworks) {
		const host = site.hosts.find((h) => h.name === from);
		if (host) return {kind: 'on-premises', site, host};
	}

	const internetHost = network.internetHosts.get(from);
	if (internetHost) return {kind: 'internet', host: internetHost};
	return undefined;
}

/** The names a packet can start from: NICs, on-premises hosts, then Internet hosts. */
export function sourceNames(network: Network): string[] {
	return [...network.nics.keys(), ...network.topology.localNetworks.flatMap((site) => site.hosts.map((host) => host.name)), ...network.internetHosts.keys()];
}

/** Why `from` cannot send a packet: a private endpoint's interface (S-PE: it only answers), or an unknown name. */
export function sourceProblem(network: Network, from: string): string {
	const endpoint = network.privateEndpoints.get(from);
	if (endpoint) return `${from} is private endpoint ${endpoint.name}: a private endpoint only receives connections, it never starts one; trace from a VM's network interface or an on-premises host to it instead`;
	return `unknown source '${from}': give a network interface, an on-premises host or an Internet host name`;
}

/** An IP literal, or the address of a named object (NIC, on-premises or Internet host, private endpoint). */
export function addressOfObject(network: Network, to: string): string | undefined {
	if (isIpv4Address(to)) return to;
	const nic = network.nics.get(to);
	if (nic) return nic.privateIpAddress;
	const endpoint = network.privateEndpoints.get(to);
	if (endpoint) return endpoint.privateIpAddress;
	const internetHost = network.internetHosts.get(to);
	if (internetHost) return internetHost.ipAddress;
	for (const site of network.topology.localNetworks) {
		const host = site.hosts.find((h) => h.name === to);
		if (host) return host.ipAddress;
	}

	return undefined;
}

/** True when `to` can only be a DNS name (not an IP, not an object name). */
export function isDnsName(network: Network, to: string): boolean {
	return addressOfObject(network, to) === undefined && /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(to);
}

/**
 * Why `to` cannot be traced to, or undefined when it can: an IP, a named object with an
 * address, a PaaS resource's name (traced by its usual DNS name) or a DNS name.
 */
export function destinationProblem(network: Network, to: string): string | undefined {
	if (addressOfObject(network, to) !== undefined || usualNameOf(network, to)) return undefined;
	// Digits and dots are an address typed wrong, not a DNS name (no top-level domain is numeric).
	if (/^[\d.]+$/.test(to)) return `'${to}' is not an IPv4 address (four numbers 0-255, like 10.0.1.4)`;
	const not = notADestination(network, to);
	if (not) return not;
	if (isDnsName(network, to)) return undefined;
	return `unknown destination '${to}': give ${destinationKinds}`;
}

/**
 * Whether a DNS query reaches a server: a UDP 53 packet traced like any other, so the same NSGs,
 * routes, peerings and gateways decide. Without a vantage it is the client VM's query to its
 * VNet's custom DNS server; from an on-premises site it is the site's DNS server forwarding (sent
 * from that server's address, or a host of the site when the server is not inside it). Queries
 * forwarded from inside Azure (a ruleset's outbound endpoint, a DNS server VM) are not traced.
 * Undefined when the query is delivered, else the drop in words.
 */
export function dnsReachFrom(network: Network, from: string): DnsReach {
	return (serverIp, vantage) => {
		let source: Source | undefined;
		if (vantage === undefined) {
			const nic = network.nics.get(from);
			if (!nic || serverIp === nic.privateIpAddress) return undefined;
			source = {kind: 'nic', nic};
		} else if (vantage.kind === 'on-premises') {
			source = siteDnsSender(network, vantage.localNetwork);
		}

		if (!source || (source.kind === 'on-premises' && source.host.ipAddress === serverIp)) return undefined;
		const query = traceFrom(network, source, serverIp, {protocol: 'udp', port: 53});
		if (query.verdict.result === 'delivered') return undefined;
		const rule = query.verdict.rule ? ` by ${query.verdict.rule}` : '';
		return `the packet is ${query.verdict.result}${query.verdict.reason ? ` (${query.verdict.reason})` : ''}${rule}: ${query.verdict.detail.replace(/\.$/, '')}`;
	};
}

/** The sender of a site's forwarded DNS queries: its DNS server's address when the site holds it, else its first host. */
function siteDnsSender(network: Network, localNetwork: string): Source | undefined {
	const site = network.topology.localNetworks.find((candidate) => candidate.name === localNetwork);
	if (!site) return undefined;
	const serverIp = site.dnsServers[0];
	const listed = site.hosts.find((host) => host.ipAddress === serverIp);
	if (listed) return {kind: 'on-premises', site, host: listed};
	if (serverIp !== undefined && isIpv4Address(serverIp) && site.addressPrefixes.some((prefix) => inPrefix(network, serverIp, prefix))) {
		return {kind: 'on-premises', site, host: {name: `${site.name} DNS server`, ipAddress: serverIp}};
	}

	const host = site.hosts[0];
	return host ? {kind: 'on-premises', site, host} : undefined;
}

function inPrefix(network: Network, ip: string, text: string): boolean {
	const prefix = prefixOf(network, text);
	return ((ipToInt(ip) & maskOf(prefix.length)) >>> 0) === prefix.base;
}

export function trace(network: Network, from: string, to: string, options: TraceOptions = {}): Trace {
	const source = findSource(network, from);
	if (!source) throw new TraceInputError(sourceProblem(network, from));
	return traceFrom(network, source, to, options);
}

/** The trace from a source already found (or made: a site's DNS server sending a forwarded query). */
function traceFrom(network: Network, source: Source, to: string, options: TraceOptions): Trace {
	const protocol = options.protocol ?? 'tcp';
	const port = protocol === 'icmp' ? 0 : (options.port ?? 443);
	const from = source.kind === 'nic' ? source.nic.name : source.host.name;
	const sourceIp = source.kind === 'nic' ? source.nic.privateIpAddress : source.host.ipAddress;
	const sourceName = source.kind === 'nic' ? source.nic.name : source.host.name;

	let destinationIp = addressOfObject(network, to);
	// From the Internet a VM is addressed at its public IP: its private one is not routed there.
	const publicNic = source.kind === 'internet' ? network.nics.get(to) : undefined;
	if (publicNic?.publicIpAddress) destinationIp = publicNic.publicIpAddress;
	let resolution: Resolution | undefined;
	const problem = destinationProblem(network, to);
	if (problem) throw new TraceInputError(problem);
	// A storage account, SQL server or key vault is reached by its usual DNS name.
	const usual = destinationIp === undefined ? usualNameOf(network, to) : undefined;
	const name = usual?.name ?? to;

	const intended = destinationIp === undefined ? intendedResource(network, name) : undefined;
	const walk = new Walk(network, sourceIp, destinationIp ?? '0.0.0.0', protocol, port, intended);
	walk.enter(source.kind === 'nic' ? 'nic' : source.kind === 'internet' ? 'internet' : 'on-premises', sourceName);

	if (usual) walk.note(usual.note);
	if (publicNic?.publicIpAddress) walk.note(`From the Internet, ${publicNic.name} is reached at its public IP ${publicNic.publicIpAddress}; Azure translates it to ${publicNic.privateIpAddress}.`);
	else if (publicNic) walk.note(`${publicNic.name} has no public IP, so nothing on the Internet can address it; give it a public IP (or put it behind a public load balancer), or trace from an on-premises host over a VPN.`);
	if (destinationIp === undefined) {
		// S-STPE: clients should use the service's usual name; the privatelink name is an implementation detail of the CNAME chain.
		if (/(^|\.)privatelink\./i.test(name)) {
			walk.note(`${name} is a privatelink name. Connect with the service's usual name instead (without "privatelink."): the public CNAME leads there, and the service's certificates and clients expect the usual name (docs: Use private endpoints for Azure Storage).`);
		}

		const client = dnsClientFor(network, from)!;
		const answer: Resolution = resolveName(network, client, name, dnsReachFrom(network, from));
		resolution = answer;
		const last = answer.answers[answer.answers.length - 1];
		if (answer.result === 'ip' && answer.ip) {
			destinationIp = answer.ip;
			walk.destinationIp = destinationIp;
			walk.hop.packet.destinationIp = destinationIp;
			const via = last ? describeOrigin(last.origin) : 'DNS';
			walk.step('dns', `${name} → ${destinationIp}`, `${name} resolves to ${destinationIp} (answered by ${via}).`, via);
		} else {
			const reason = answer.result === 'nxdomain' ? 'dns-nxdomain' : 'dns-no-answer';
			walk.step('dns', answer.result, answer.steps.join(' '));
			walk.drop(
				reason,
				answer.result === 'nxdomain'
					? `${name} does not exist for ${from} (NXDOMAIN): ${answer.steps[answer.steps.length - 1] ?? ''}`
					: `No DNS server answered for ${name}: ${answer.steps[answer.steps.length - 1] ?? ''}`,
			);
		}
	}

	if (!walk.done) {
		if (source.kind === 'nic') fromNic(walk, source.nic);
		else if (source.kind === 'internet') fromInternet(walk, source.host);
		else fromOnPremises(walk, source.site, source.host);
	}

	const result: Trace = {
		packet: {from, to, protocol, port},
		hops: walk.hops,
		verdict: walk.verdict ?? {result: 'dropped', reason: 'hop-limit', detail: 'The trace ended without a verdict.'},
		notes: walk.notes,
		paths: [...walk.paths],
	};
	if (resolution) result.resolution = resolution;
	if (walk.destination) result.destination = walk.destination;
	if (walk.sourceIpSeen) result.sourceIpSeen = walk.sourceIpSeen;
	return result;
}

function describeOrigin(origin: {kind: string; zone?: string; link?: string; forwarder?: string}): string {
	if (origin.kind === 'private-zone') return `private zone ${origin.zone ?? ''}${origin.link ? ` via link ${origin.link}` : ''}`;
	if (origin.kind === 'forwarder') return `forwarder ${origin.forwarder ?? ''}`.trim();
	return 'public DNS';
}

/**
 * A packet from a host on the Internet: only public addresses are reachable from there (a VM's
 * public IP, a service's public endpoint); private ranges are not routed on the Internet, so a
 * VM's private IP takes a VPN, ExpressRoute or a public frontend.
 */
function fromInternet(walk: Walk, host: InternetHost): void {
	if (walk.destinationIp === host.ipAddress) {
		walk.deliver('internet', host.name, `${walk.destinationIp} is ${host.name}'s own address: the packet never leaves it.`);
		return;
	}

	if (isPrivateAddress(ipToInt(walk.destinationIp))) {
		walk.drop(
			'private-address-on-internet',
			`${walk.destinationIp} is a private address, and the Internet does not route private addresses: from ${host.name}, a VM is reachable only at a public IP (or over a VPN or ExpressRoute from an on-premises site).`,
		);
		return;
	}

	walk.step('forward', 'Internet', `${host.name} (${host.ipAddress}) sends the packet across the Internet to ${walk.destinationIp}.`);
	atPublicAddress(walk, {kind: 'internet'});
}

function fromNic(walk: Walk, nic: NetworkInterface): void {
	if (!nic.running) {
		walk.drop('source-stopped', `${nic.name}'s VM is stopped: it sends nothing.`, nic.name);
		return;
	}

	if (walk.destinationIp === nic.privateIpAddress) {
		walk.deliver('nic', nic.name, `${walk.destinationIp} is ${nic.name}'s own address: the packet never leaves the VM.`);
		return;
	}

	const platform = platformService(walk.destinationIp, walk.protocol, walk.port);
	if (platform) {
		// S-168: the host node answers; no route applies and NSGs filter it only through the service's own tag.
		if (!passPlatformNsgs(walk, nic.subnet, nic.networkSecurityGroup, nic.name, platform.tag)) return;
		walk.deliver('resource', walk.destinationIp, `The host node answers at ${walk.destinationIp} for ${nic.name}; the packet never leaves the host.`);
		return;
	}

	if (!passNsgs(walk, 'Outbound', nic.subnet, nic.networkSecurityGroup, nic.name)) return;
	routeFrom(walk, nic.subnet, nic);
}
