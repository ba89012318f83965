/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Components on their own, through ink-testing-library: the menu's pointer and window, the
 * footer fitted to its width, a text field with its message, and a scroll box's indicator.
 * (Whole screens are tested at a fixed terminal size with helpers/render.tsx.)
 */
import test from 'ava';
import {render} from 'ink-testing-library';
import {ChoiceInput} from '../../source/ui/components/choice-input.js';
import {Footer} from '../../source/ui/components/footer.js';
import {Menu} from '../../source/ui/components/menu.js';
import {ScrollBox} from '../../source/ui/components/scroll-box.js';
import {TextInput} from '../../source/ui/components/text-input.js';
import {line} from '../../source/ui/lines.js';
import {ThemeContext} from '../../source/ui/theme.js';

const items = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((name) => ({key: name, line: line(name)}));

test('the menu points at the cursor and shows a window around it', (t) => {
	const {lastFrame} = render(<Menu items={items} cursor={3} height={3} />);
	t.is(lastFrame(), '  beta\n  gamma\n❯ delta');
});

test('ASCII pointer', (t) => {
	const {lastFrame} = render(
		<ThemeContext.Provider value={{color: false, ascii: true}}>
			<Menu items={items.slice(0, 2)} cursor={0} height={5} />
		</ThemeContext.Provider>,
	);
	t.is(lastFrame(), '> alpha\n  beta');
});

test('the footer keeps back and help and drops what does not fit', (t) => {
	t.is(render(<Footer context="trace" width={100} />).lastFrame(), '→ next hop · ← previous hop · end verdict · q back · ? help');
	t.is(render(<Footer context="trace" width={46} />).lastFrame(), '→ next hop · ← previous hop · q back · ? help');
	t.is(render(<Footer context="trace" width={36} />).lastFrame(), '→ next hop · q back · ? help');
	t.is(render(<Footer context="home" width={80} isRoot />).lastFrame(), '↑↓ move · enter open · q quit · ? help');
});

test('a text field shows its value, its focus and the message under it', (t) => {
	const {lastFrame} = render(
		<ThemeContext.Provider value={{color: false, ascii: false}}>
			<TextInput label="To" labelWidth={6} value="10.0.0.300" width={30} isFocused error="not an IPv4 address" />
		</ThemeContext.Provider>,
	);
	t.is(lastFrame(), '❯ To    [10.0.0.300_         ]\n        ✗ not an IPv4 address');
});

test("a choice field's long message wraps under the field too", (t) => {
	const message = "Subnet 'spoke/workload' already has route table rt-spoke1: dissociate it first, or choose another subnet.";
	const {lastFrame} = render(
		<ThemeContext.Provider value={{color: false, ascii: false}}>
			<ChoiceInput label="Subnet" labelWidth={8} value="spoke/workload" width={44} isFocused={false} error={message} />
		</ThemeContext.Provider>,
	);
	const rows = lastFrame()!.split('\n').slice(1);
	t.true(rows.length > 1, lastFrame());
	for (const row of rows) t.true(row.length <= 44, row);
	t.is(rows.map((row) => row.trim()).join(' ').replace(/^✗ /, ''), message);
});

test("a text field's long message wraps under the field instead of being cut off", (t) => {
	const message = "'hub' is a virtual network: a packet goes to an address inside it. Trace to a NIC in it (vm-hub).";
	const {lastFrame} = render(
		<ThemeContext.Provider value={{color: false, ascii: false}}>
			<TextInput label="To" labelWidth={6} value="hub" width={40} isFocused={false} error={message} />
		</ThemeContext.Provider>,
	);
	const rows = lastFrame()!.split('\n').slice(1);
	t.true(rows.length > 1, lastFrame());
	t.true(rows[0]!.startsWith("        ✗ 'hub' is"), lastFrame());
	for (const row of rows) t.true(row.length <= 40, row);
	for (const row of rows.slice(1)) t.true(row.startsWith('          '), row);
	t.is(rows.map((row) => row.trim()).join(' ').replace(/^✗ /, ''), message);
});

test('a scroll box says where it is when the lines do not fit', (t) => {
	const lines = Array.from({length: 10}, (_, index) => line(`line ${index + 1}`));
	t.is(render(<ScrollBox lines={lines} offset={4} height={4} />).lastFrame(), 'line 5\nline 6\nline 7\n↑↓ lines 5-7 of 10');
	// A box keeps its height: the frame does not jump when content is short.
	t.is(render(<ScrollBox lines={lines.slice(0, 3)} offset={0} height={4} />).lastFrame(), 'line 1\nline 2\nline 3\n');
});
