/** Lab prose (briefings, debriefs) laid out for the screen: paragraphs joined, list items kept apart. */
import test from 'ava';
import {clipLines, commandLines, lineText, proseLines, wrapped} from '../../source/ui/lines.js';

const layout = (text: string, width = 40) => proseLines(text, width).map((line) => lineText(line));

test('the lines of a paragraph are joined and re-wrapped to the width; blank lines separate paragraphs', (t) => {
	t.deepEqual(layout('One short\nsentence here.\n\nA second\nparagraph.'), ['One short sentence here.', '', 'A second paragraph.']);
});

test('a list written without blank lines keeps one item per line, with a hanging indent', (t) => {
	const text = 'Reach the goal:\n- one private endpoint for the blob service,\n  used by both VMs;\n- no connections from the Internet.\nThen read the debrief.';
	t.deepEqual(layout(text), [
		'Reach the goal:',
		'- one private endpoint for the blob',
		'  service, used by both VMs;',
		// A line after an item that does not start a new item continues it: lab authors end a list with a blank line.
		'- no connections from the Internet. Then',
		'  read the debrief.',
	]);
});

test('numbered items and starred items are items too; a hyphen inside a line is not', (t) => {
	t.deepEqual(layout('1. first\n2. second\n* third\nwell-known - words', 60), ['1. first', '2. second', '* third well-known - words']);
});

test('the transform (theming) applies to the text and not to the marker', (t) => {
	t.deepEqual(proseLines('- a ✓', 20, (text) => text.replace('✓', '[x]')).map((line) => lineText(line)), ['- a [x]']);
});

test('clipLines keeps what fits and marks a cut with an ellipsis, never mid-sentence without one', (t) => {
	const lines = wrapped('Publish the provider app through a Private Link service, connect the customer with a private endpoint, and approve the request.', 30);
	t.true(lines.length > 3);
	t.deepEqual(clipLines(lines, 10, 30), lines);
	const cut = clipLines(lines, 2, 30);
	t.is(cut.length, 2);
	t.is(lineText(cut[0]!), lineText(lines[0]!));
	t.regex(lineText(cut[1]!), /…$/);
	t.true([...lineText(cut[1]!)].length <= 30);
	t.regex(lineText(clipLines(lines, 1, 30, '...')[0]!), /\.\.\.$/);
});

test('commandLines: one command per line; a wrapped comment keeps its # on every line, so it never reads as a command', (t) => {
	const lines = commandLines('# on-premises DNS of onprem (not an Azure resource), in Windows Server DNS PowerShell:\nSet-DnsServerConditionalForwarderZone -Name contoso.com -MasterServers 10.20.4.4', 50, '  ', 4).map(lineText);
	const comment = lines.filter((text) => text.startsWith('  # '));
	t.true(comment.length >= 2, lines.join('\n'));
	t.is(lines.indexOf(comment.at(-1)!) + 1, lines.findIndex((text) => text.startsWith('  Set-DnsServer')));
	for (const text of lines) t.true(text.length <= 50, text);
});
