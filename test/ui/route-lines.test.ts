/**
 * The routes screen's lines: every line of an Invalid route is toned as a warning, including
 * the line a wide Source (VirtualNetworkGateway) spills onto above the row and the lines its
 * wrapped cells take below it; Active routes are not.
 */
import test from 'ava';
import {buildNetwork} from '../../source/engine/network.js';
import {routeLines, routeTitleLines} from '../../source/ui/route-lines.js';
import {loadFixture} from '../helpers/fixtures.js';

const network = buildNetwork(loadFixture('routing-example.yaml'));
const theme = {color: true, ascii: false};

function tonedLines(nic: string, width: number): Array<{text: string; warn: boolean}> {
	return routeLines(network, nic, width, theme).map((line) => ({text: line.map((span) => span.text).join(''), warn: line.some((span) => span.tone === 'warn')}));
}

test('an Invalid gateway route whose Source spilled onto its own line is a warning on all its lines', (t) => {
	const lines = tonedLines('vm-subnet1', 80);
	const row = lines.findIndex((line) => /^\s+Invalid\s+10\.10\.0\.0\/16/.test(line.text));
	t.true(row > 0, lines.map((line) => line.text).join('\n'));
	t.is(lines[row - 1]!.text.trim(), 'VirtualNetworkGateway', 'the spilled Source is the line above');
	t.true(lines[row - 1]!.warn, 'the spilled Source line');
	t.true(lines[row]!.warn, 'the row');
	// At 80 columns its Next Hop Type wraps onto a line of its own under the row.
	t.regex(lines[row + 1]!.text, /^\s+Gateway\s*$/);
	t.true(lines[row + 1]!.warn, 'the wrapped cell under the row');
});

test('Active rows, wrapped or not, are not warnings; Invalid ones are', (t) => {
	const lines = tonedLines('vm-subnet1', 80);
	const byStart = (pattern: RegExp) => lines.filter((line) => pattern.test(line.text));
	for (const line of byStart(/^User\s+Active/)) t.false(line.warn, line.text);
	for (const line of byStart(/^Default\s+Invalid/)) t.true(line.warn, line.text);
	const serviceEndpoint = lines.findIndex((line) => /^Default\s+Active\s+52\.236\.0\.0\/16/.test(line.text));
	t.false(lines[serviceEndpoint]!.warn);
	t.false(lines[serviceEndpoint + 1]!.warn, 'its wrapped prefixes');
});

test('an Active gateway route with a spilled Source is not a warning', (t) => {
	const lines = tonedLines('vm-subnet2', 80);
	const spill = lines.findIndex((line) => line.text.trim() === 'VirtualNetworkGateway');
	t.true(spill > 0);
	t.false(lines[spill]!.warn);
	t.regex(lines[spill + 1]!.text, /^\s+Active/);
	t.false(lines[spill + 1]!.warn);
});

test('a stopped VM’s routes say, under the title, that Azure shows none until it runs', (t) => {
	const stopped = loadFixture('routing-example.yaml');
	const nic = stopped.networkInterfaces.find((candidate) => candidate.name === 'vm-subnet2')!;
	nic.running = false;
	const title = routeTitleLines(buildNetwork(stopped), 'vm-subnet2', 80, theme);
	const text = title.map((line) => line.map((span) => span.text).join('')).join(' ');
	t.regex(text, /vm-subnet2's VM is stopped: Azure shows effective routes only for a running VM/);
	t.true(title.slice(1).every((line) => line.every((span) => span.tone === 'warn')));
	t.is(routeTitleLines(network, 'vm-subnet2', 80, theme).length, 1, 'a running VM has the title alone');
});
