/** Checking typed packets: known sources, destinations as IPs, names or DNS names, protocol and port. */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {checkTraceInput, destinationNames, matching, parseProtocol, sourceNames} from '../../source/ui/trace-input.js';
import {hubTopology} from './helpers/labs.js';

const network = buildNetwork(hubTopology);

test('a valid packet becomes a query', (t) => {
	t.deepEqual(checkTraceInput(network, {from: ' vm-app ', to: 'stcontoso.blob.core.windows.net', protocol: 'udp 53'}), {
		ok: true,
		query: {from: 'vm-app', to: 'stcontoso.blob.core.windows.net', protocol: 'udp', port: 53},
	});
	t.deepEqual(checkTraceInput(network, {from: 'onprem-pc', to: 'vm-app2', protocol: 'icmp'}), {ok: true, query: {from: 'onprem-pc', to: 'vm-app2', protocol: 'icmp', port: 0}});
});

test('every bad field gets its own message', (t) => {
	const check = checkTraceInput(network, {from: 'vm-x', to: '10.1.2', protocol: 'sctp 9'});
	t.false(check.ok);
	if (check.ok) return;
	t.regex(check.errors.from!, /^unknown source 'vm-x' \(known: vm-app, vm-app2, nva, vm-private, vm-spoke1, \.\.\. \(8 in all\)\)$/);
	t.regex(check.errors.to!, /^'10\.1\.2' is not an IPv4 address/);
	t.regex(check.errors.protocol!, /^'sctp 9' is not a protocol and port/);
	const empty = checkTraceInput(network, {from: '', to: 'nothing-here', protocol: ''});
	t.false(empty.ok);
	if (empty.ok) return;
	t.is(empty.errors.from, 'type a network interface, an on-premises host or an Internet host');
	t.regex(empty.errors.to!, /^unknown destination 'nothing-here': give an IPv4 address, a DNS name, or the name of a NIC/);
	t.is(empty.errors.protocol, undefined);
});

test('a PaaS resource is a destination; a VNet is not, and the message says what to type', (t) => {
	t.true(checkTraceInput(network, {from: 'vm-app', to: 'stcontoso', protocol: ''}).ok);
	const vnet = checkTraceInput(network, {from: 'vm-app', to: 'hub', protocol: ''});
	t.false(vnet.ok);
	if (vnet.ok) return;
	t.regex(vnet.errors.to!, /^'hub' is a virtual network: .* Trace to a NIC in it \(/);
	t.true(destinationNames(network).includes('stcontoso'));
});

test('protocol and port forms', (t) => {
	t.deepEqual(parseProtocol('TCP/8080'), {protocol: 'tcp', port: 8080});
	t.deepEqual(parseProtocol('22'), {protocol: 'tcp', port: 22});
	t.deepEqual(parseProtocol('udp'), {protocol: 'udp', port: 53});
	t.regex(parseProtocol('tcp 0') as string, /not between 1 and 65535/);
});

test('names matching what was typed', (t) => {
	t.deepEqual(matching(sourceNames(network), 'vm-a'), ['vm-app', 'vm-app2']);
	t.deepEqual(matching(sourceNames(network), 'ON'), ['onprem-pc']);
});
