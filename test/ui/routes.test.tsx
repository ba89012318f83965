/**
 * The routes screen: pick any NIC from a list, read its effective route table as Azure shows
 * it (Source, State, Address Prefix, Next Hop Type, Next Hop IP), Invalid rows with their
 * notes, scroll it, and move to the previous or next NIC.
 */
import test from 'ava';
import {renderSandbox} from './helpers/app.js';
import {keys, waitFor, type Rendered} from './helpers/render.js';

async function openRoutes(app: Rendered): Promise<boolean> {
	if (!(await waitFor(() => app.lastFrame().includes('vnetlab › Sandbox')))) return false;
	app.press('r');
	return waitFor(() => app.lastFrame().includes('Effective routes of which network interface?'));
}

test('lists the NICs, then shows the chosen one’s effective routes', async (t) => {
	const app = renderSandbox({fixture: 'routing-example.yaml'});
	t.true(await openRoutes(app), app.lastFrame());
	t.regex(app.lastFrame(), /❯ vm-subnet1 {2}10\.0\.0\.4 +VNet1\/Subnet1/);
	t.regex(app.lastFrame(), /vm-vnet2 {4}10\.1\.0\.4 +VNet2\/Subnet1/);
	app.press(keys.enter);
	t.true(await waitFor(() => app.lastFrame().includes('Effective routes of vm-subnet1 (10.0.0.4) in VNet1/Subnet1')), app.lastFrame());
	const frame = app.lastFrame();
	t.regex(frame, /route table\s+Subnet1-Route-Table/);
	t.regex(frame, /Source +State +Address Prefix +Next Hop Type +Next Hop IP +Name/);
	t.regex(frame, /Default +Invalid +0\.0\.0\.0\/0 +Internet +\[1\]/);
	t.regex(frame, /User +Active +0\.0\.0\.0\/0 +Virtual +10\.0\.100\.4 +Default-NVA\n +Appliance/);
	t.regex(frame, /↓ lines 1-\d+ of \d+/);
	app.unmount();
});

test('Invalid rows have their notes under the table; the table scrolls', async (t) => {
	const app = renderSandbox({fixture: 'routing-example.yaml'});
	t.true(await openRoutes(app));
	app.press(`${keys.enter}${keys.pageDown}${keys.pageDown}`);
	t.true(await waitFor(() => /↑ +lines \d+-(\d+) of \1/.test(app.lastFrame())), app.lastFrame());
	t.regex(app.lastFrame(), /\[6\] Invalid: user route To-On-Prem has the same prefix/);
	app.press(keys.up);
	t.true(await waitFor(() => /↑↓ lines/.test(app.lastFrame())), app.lastFrame());
	app.unmount();
});

test('left and right move between NICs; q goes back to the list, then to the lab', async (t) => {
	const app = renderSandbox({fixture: 'routing-example.yaml'});
	t.true(await openRoutes(app));
	app.press(`${keys.enter}${keys.right}`);
	t.true(await waitFor(() => app.lastFrame().includes('Effective routes of vm-subnet2 (10.0.1.4) in VNet1/Subnet2, no route table')), app.lastFrame());
	t.regex(app.lastFrame(), /Default +Active +10\.0\.0\.0\/8 +None/);
	app.press(keys.left);
	app.press(keys.left);
	t.true(await waitFor(() => app.lastFrame().includes('Effective routes of vm-vnet2')), app.lastFrame());
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('❯ vm-vnet2')), app.lastFrame());
	app.press('q');
	t.true(await waitFor(() => app.lastFrame().includes('[network]')), app.lastFrame());
	app.unmount();
});
