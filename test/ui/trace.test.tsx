/**
 * The trace screen: suggested packets first, stepping hop by hop forward and back to the
 * first and last hop (the verdict), scrolling a long hop, typed packets with messages under
 * bad fields, and letters inert as shortcuts while a text field has focus.
 */
import test from 'ava';
import {renderHome, renderSandbox} from './helpers/app.js';
import {hubLab} from './helpers/labs.js';
import {keys, waitFor, type Rendered} from './helpers/render.js';

async function openTrace(app: Rendered): Promise<boolean> {
	if (!(await waitFor(() => app.lastFrame().includes('Hub and spoke basics')))) return false;
	app.press(keys.enter);
	if (!(await waitFor(() => app.lastFrame().includes('vnetlab › Lab 01')))) return false;
	app.press('t');
	return waitFor(() => app.lastFrame().includes('Suggested packets'));
}

test('the lab suggests packets first; stepping forward and back through the hops', async (t) => {
	const app = renderHome();
	t.true(await openTrace(app), app.lastFrame());
	t.regex(app.lastFrame(), /❯ vm-app → stcontoso\.blob\.core\.windows\.net {2}\(tcp 443\) {2}blob through the priva…/);
	t.regex(app.lastFrame(), /vm-spoke1 → vm-spoke2 {2}\(tcp 443\)/);
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3: nic vm-app')), app.lastFrame());
	t.regex(app.lastFrame(), /Path {2}\[vm-app\] → pe-stcontoso-blob → stcontoso/);
	t.regex(app.lastFrame(), /dns {8}stcontoso\.blob\.core\.windows\.net → 10\.0\.3\.4/);
	app.press(keys.right);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 2 of 3: private-endpoint pe-stcontoso-blob')), app.lastFrame());
	t.regex(app.lastFrame(), /Path {2}vm-app → \[pe-stcontoso-blob\] → stcontoso/);
	t.regex(app.lastFrame(), /connection approved/);
	app.press(' ');
	t.true(await waitFor(() => app.lastFrame().includes('Hop 3 of 3: resource stcontoso')), app.lastFrame());
	t.regex(app.lastFrame(), /Verdict {4}✓ delivered/);
	t.regex(app.lastFrame(), /Source address seen at the destination: 10\.0\.1\.4/);
	// Past the last hop nothing moves.
	app.press(keys.right);
	app.press(keys.left);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 2 of 3')), app.lastFrame());
	app.press(keys.home);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3')), app.lastFrame());
	app.press(keys.left);
	app.press(keys.end);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 3 of 3')), app.lastFrame());
	t.regex(app.lastFrame(), /Verdict/);
	app.unmount();
});

test('keys in one chunk: pick the second packet and step to its verdict', async (t) => {
	const app = renderHome();
	t.true(await openTrace(app));
	app.press(`${keys.down}${keys.enter}${keys.end}`);
	t.true(await waitFor(() => app.lastFrame().includes('Verdict')), app.lastFrame());
	t.regex(app.lastFrame(), /Hop 1 of 1: nic vm-spoke1/);
	t.regex(app.lastFrame(), /route {6}None/);
	t.regex(app.lastFrame(), /✓ won {3}System Route\n\s+✗ lost {2}0\.0\.0\.0\/0 → Internet \(System Route\): shorter prefix/);
	t.regex(app.lastFrame(), /Verdict {4}✗ dropped \(next-hop-none\) by System Route/);
	app.unmount();
});

test('a long hop scrolls; stepping resets the scroll', async (t) => {
	const app = renderHome();
	t.true(await openTrace(app));
	app.press(keys.enter);
	t.true(await waitFor(() => /↓ lines 1-\d+ of \d+/.test(app.lastFrame())), app.lastFrame());
	app.press(`${keys.down}${keys.down}`);
	t.true(await waitFor(() => /↑↓ lines 3-\d+ of \d+/.test(app.lastFrame())), app.lastFrame());
	app.press(keys.pageDown);
	t.true(await waitFor(() => /lines \d+-(\d+) of \1/.test(app.lastFrame())), app.lastFrame());
	t.regex(app.lastFrame(), /route {6}InterfaceEndpoint/);
	app.press(keys.right);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 2 of 3')), app.lastFrame());
	app.press(keys.left);
	t.true(await waitFor(() => /Hop 1 of 3[\s\S]*↓ lines 1-/.test(app.lastFrame())), app.lastFrame());
	app.unmount();
});

test('q goes back from stepping to picking, then to the lab', async (t) => {
	const app = renderHome();
	t.true(await openTrace(app));
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3')));
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('Suggested packets')), app.lastFrame());
	// The fields hold the packet that was traced.
	t.regex(app.lastFrame(), /From {6}\[vm-app +\]/);
	app.press(keys.escape);
	t.true(await waitFor(() => app.lastFrame().includes('[objectives]')), app.lastFrame());
	app.unmount();
});

test('while a field has focus letters are text, and shortcuts do not fire', async (t) => {
	const app = renderHome();
	t.true(await openTrace(app));
	app.press(`${keys.down}${keys.down}`);
	t.true(await waitFor(() => app.lastFrame().includes('❯ From')), app.lastFrame());
	t.regex(app.lastFrame(), /tab next field · enter trace · esc leave field/);
	app.press('q?ctr');
	t.true(await waitFor(() => /From {6}\[q\?ctr/.test(app.lastFrame())), app.lastFrame());
	t.regex(app.lastFrame(), /vnetlab › Lab 01 › Trace\n/);
	app.press(`${keys.backspace}${keys.backspace}${keys.backspace}${keys.backspace}${keys.backspace}`);
	t.true(await waitFor(() => /From {6}\[_ +\]/.test(app.lastFrame())), app.lastFrame());
	app.unmount();
});

test('bad input gets a message under its field, and no trace', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')));
	app.press('t');
	t.true(await waitFor(() => app.lastFrame().includes('❯ From')), app.lastFrame());
	app.press(`vm-nope${keys.tab}10.0.0.300${keys.tab}${keys.backspace.repeat(7)}tcp 99999${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes("unknown source 'vm-nope'")), app.lastFrame());
	t.regex(app.lastFrame(), /'10\.0\.0\.300' is not an IPv4 address/);
	t.regex(app.lastFrame(), /port 99999 is not between 1 and 65535/);
	// Editing a field clears its message (shift+tab back to From, ctrl+u clears it).
	app.press(`${keys.shiftTab}${keys.shiftTab}${keys.clearLine}vm-app`);
	t.true(await waitFor(() => !app.lastFrame().includes('unknown source')), app.lastFrame());
	t.regex(app.lastFrame(), /'10\.0\.0\.300' is not an IPv4 address/);
	// An unknown name as the destination is reported too.
	app.press(`${keys.tab}${keys.clearLine}no-such-host${keys.tab}${keys.clearLine}tcp 443${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes("unknown destination 'no-such-host'")), app.lastFrame());
	t.false(app.lastFrame().includes('not a protocol'), app.lastFrame());
	app.unmount();
});

test('a typed packet is traced, by name or by address', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')));
	app.press('t');
	t.true(await waitFor(() => app.lastFrame().includes('❯ From')));
	app.press(`onprem-pc${keys.tab}10.0.1.5${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3: on-premises onprem-pc')), app.lastFrame());
	t.regex(app.lastFrame(), /192\.168\.1\.50 → 10\.0\.1\.5/);
	app.press(keys.end);
	t.true(await waitFor(() => app.lastFrame().includes('Verdict')), app.lastFrame());
	t.regex(app.lastFrame(), /nsg {8}allow\n\s+rule {2}nsg-vm\/AllowVnetInBound/);
	app.unmount();
});

test('NSG rules show in evaluation order: the ones that did not match, then the one that decided', async (t) => {
	const app = renderSandbox({fixture: 'hub-spoke.yaml'});
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')));
	app.press(`tvm-spoke1${keys.tab}vm-spoke2${keys.tab}${keys.clearLine}tcp 22${keys.enter}`);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 1 of 3')), app.lastFrame());
	app.press(keys.end);
	t.true(await waitFor(() => app.lastFrame().includes('Hop 3 of 3')), app.lastFrame());
	t.regex(
		app.lastFrame(),
		/nsg {8}allow\n +✗ skip {2}nsg-app\/allow-https-from-onprem \(100 Allow\): destination\n +port 443, packet goes to 22\n +✗ skip {2}nsg-app\/deny-ssh-from-internet \(200 Deny\): source Internet\n +does not contain 10\.0\.1\.4\n +✓ match nsg-app\/AllowVnetInBound/,
	);
	app.unmount();
});

test('in a sandbox (no suggested packets) escape leaves the field, keeping what was typed; then q leaves the screen', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')));
	app.press('t');
	t.true(await waitFor(() => app.lastFrame().includes('❯ From')), app.lastFrame());
	app.press(`vm${keys.escape}`);
	t.true(await waitFor(() => app.lastFrame().includes('q goes back')), app.lastFrame());
	t.regex(app.lastFrame(), /From +\[vm +\]/);
	t.false(app.lastFrame().includes('❯ From'));
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('[network]')), app.lastFrame());
	t.regex(app.lastFrame(), /^ vnetlab › Sandbox\n/);
	app.unmount();
});

test('in a sandbox, q after stepping a typed packet returns to the fields without focus, and the next q leaves (it is not typed)', async (t) => {
	const app = renderSandbox();
	t.true(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')));
	app.press('t');
	t.true(await waitFor(() => app.lastFrame().includes('❯ From')), app.lastFrame());
	app.press(`vm-spoke1${keys.tab}`);
	t.true(await waitFor(() => app.lastFrame().includes('❯ To')), app.lastFrame());
	app.press(`vm-spoke2${keys.enter}`);
	t.true(await waitFor(() => /Hop 1 of \d+/.test(app.lastFrame())), app.lastFrame());
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('q goes back')), app.lastFrame());
	t.regex(app.lastFrame(), /To +\[vm-spoke2 +\]/);
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('[network]')), app.lastFrame());
	app.unmount();
});

test('a suggested packet the network cannot trace says why under the fields', async (t) => {
	const lab = {...hubLab(), suggestedTraces: [{from: 'vm-gone', to: 'vm-app'}]};
	const app = renderHome({labs: [lab]});
	t.true(await openTrace(app), app.lastFrame());
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes("unknown source 'vm-gone'")), app.lastFrame());
	t.regex(app.lastFrame(), /From {6}\[vm-gone +\]/);
	app.unmount();
});
