/**
 * `vnetlab list`, `validate` and `check` through the built binary: output shapes, the
 * `vnetlab: file:line:col: path: message` error lines and the exit codes of design section 4
 * (0 all good, 1 a problem a grader cares about, 2 input the command cannot use).
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import type {LabSummary} from '../../source/engine/lab.js';
import {runCli, stderrLines} from './run-cli.js';

const attempts = 'test/fixtures/lab-attempts';
const errorLine = /^vnetlab: \S+:\d+:\d+: \S+: .+$/;

// list

test('list prints the labs in learning order, one block each within 80 columns', (t) => {
	const run = runCli('list');
	t.is(run.status, 0, run.stderr);
	t.is(run.stderr, '');
	const lines = run.stdout.trimEnd().split('\n');
	const heads = lines.filter((line) => /^\d\d /.test(line));
	const numbers = heads.map((line) => Number(line.slice(0, 2)));
	t.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
	t.deepEqual(heads.map((line) => line.split(/ +/)[1]).slice(0, 4), ['default-routes', 'nva-inspection', 'service-endpoint-storage', 'private-endpoint-dns']);
	t.regex(run.stdout, /^01 +default-routes +10 min +AZ-104, AZ-700\n {4}The default route table\n {4}· system routes,/m);
	for (const line of lines) t.true(line.length <= 80, line);
});

test('list --json prints the lab summaries and nothing else', (t) => {
	const run = runCli('list', '--json');
	t.is(run.status, 0, run.stderr);
	const labs = JSON.parse(run.stdout) as LabSummary[];
	t.deepEqual(
		labs.slice(0, 4).map((lab) => [lab.number, lab.id]),
		[
			[1, 'default-routes'],
			[2, 'nva-inspection'],
			[3, 'service-endpoint-storage'],
			[4, 'private-endpoint-dns'],
		],
	);
	t.like(labs[1], {title: 'Inspect traffic with a network virtual appliance', level: ['AZ-104', 'AZ-700'], minutes: 15, objectiveCount: 5});
	t.true(labs[1]!.concepts.includes('IP forwarding'));
	t.regex(labs[1]!.file, /labs\/02-nva-inspection\.yaml$/);
});

test('list --labs reads another folder; a missing one exits 2', (t) => {
	const run = runCli('list', '--labs', 'test/fixtures/labs-good', '--json');
	t.is(run.status, 0, run.stderr);
	t.deepEqual((JSON.parse(run.stdout) as LabSummary[]).map((lab) => lab.id), ['mini-nva']);
	const missing = runCli('list', '--labs', 'test/fixtures/no-such-labs');
	t.is(missing.status, 2);
	t.is(missing.stdout, '');
	t.deepEqual(stderrLines(missing), ['vnetlab: test/fixtures/no-such-labs: cannot read the labs folder: no such folder']);
});

test('list --labs on a folder whose YAML files are not named NN-slug.yaml says so, instead of a bare "No labs found"', (t) => {
	const run = runCli('list', '--labs', 'test/fixtures/labs-broken');
	t.is(run.status, 0, run.stderr);
	t.is(run.stdout, 'No labs found.\n');
	t.regex(run.stderr, /^vnetlab: test\/fixtures\/labs-broken: warning: no lab listed: a lab file is named NN-slug\.yaml .*these are not: broken-topology\.yaml, /m);
});

// validate

test('validate with no argument checks the shipped labs: ok per file, exit 0', (t) => {
	const run = runCli('validate');
	t.is(run.status, 0, run.stderr);
	t.is(run.stderr, '');
	const ok = run.stdout.trimEnd().split('\n');
	t.deepEqual(ok.slice(0, 4), ['ok labs/01-default-routes.yaml', 'ok labs/02-nva-inspection.yaml', 'ok labs/03-service-endpoint-storage.yaml', 'ok labs/04-private-endpoint-dns.yaml']);
});

test('validate a folder with a lab and its topology file', (t) => {
	const run = runCli('validate', 'test/fixtures/labs-good');
	t.is(run.status, 0, run.stderr);
	t.is(run.stdout, 'ok test/fixtures/labs-good/01-mini-nva.yaml\nok test/fixtures/labs-good/network.yaml\n');
});

test('validate a broken lab: every problem as file:line:col: path: message, exit 1', (t) => {
	const run = runCli('validate', 'test/fixtures/labs-broken/unsolvable.yaml', 'test/fixtures/labs-good/01-mini-nva.yaml');
	t.is(run.status, 1);
	t.is(run.stdout, 'ok test/fixtures/labs-good/01-mini-nva.yaml\n');
	t.deepEqual(stderrLines(run), [
		'vnetlab: test/fixtures/labs-broken/unsolvable.yaml:20:14: solutions[0].edits[1].op: solution 1 does not apply: edit 2 (create-route-table) is rejected: this lab does not allow create-route-table edits: it allows set-ip-forwarding',
		"vnetlab: test/fixtures/labs-broken/unsolvable.yaml:21:5: solutions[1]: solution 2 does not pass objective 'web-to-app': the packet was dropped at nva: ip-forwarding-disabled (nva received a packet for 10.0.2.4, which is not its own address, and IP forwarding is off on the NIC: Azure discards it); expected delivered",
	]);
});

test('validate the whole folder of broken labs: exit 1, no stack trace, every line in shape', (t) => {
	const run = runCli('validate', 'test/fixtures/labs-broken');
	t.is(run.status, 1);
	const lines = stderrLines(run);
	t.true(lines.length >= 20);
	const sharedTopology = /^vnetlab: \S+topology-file-error\.yaml: not valid: the problems above are in the topology file it uses$/;
	for (const line of lines) t.true(errorLine.test(line) || /^vnetlab: \S+:\d+:\d+: YAML syntax error/.test(line) || sharedTopology.test(line), line);
	t.is(new Set(lines).size, lines.length, 'no line twice: the topology shared by a lab prints its problems once');
	t.true(lines.some((line) => sharedTopology.test(line)), 'the lab whose topology file is broken says so');
	t.regex(run.stderr, /labs-broken\/hint-missing-ref\.yaml:23:52: hints\[1\]\.refs\[1\]: 'firewall-1' is not an object/);
	t.regex(run.stderr, /labs-broken\/broken-topology\.yaml:7:36: virtualNetworks\[0\]\.subnets\[0\]\.addressPrefix: /);
	t.notRegex(run.stderr, /\n\s+at /);
});

test('validate a broken topology file', (t) => {
	const run = runCli('validate', 'test/fixtures/cli-broken.yaml');
	t.is(run.status, 1);
	t.is(run.stdout, '');
	t.deepEqual(stderrLines(run), ["vnetlab: test/fixtures/cli-broken.yaml:13:25: networkInterfaces[0].enableIpForwarding: must be true or false, not 'maybe'"]);
});

test("validate a topology whose ruleset rule targets 168.63.129.16: Azure refuses it, exit 1", (t) => {
	const file = join(mkdtempSync(join(tmpdir(), 'vnetlab-')), 'ruleset.yaml');
	writeFileSync(file, [
		'virtualNetworks:',
		'  - {name: hub, region: westeurope, addressSpace: [10.0.0.0/16], subnets: [{name: dns, addressPrefix: 10.0.2.0/24}]}',
		'dnsResolvers:',
		'  - name: resolver',
		'    vnet: hub',
		'    inboundEndpointIp: 10.0.2.10',
		'    forwardingRulesets:',
		"      - {name: rs, vnetLinks: [hub], rules: [{domain: '.', targets: [168.63.129.16]}]}",
		'',
	].join('\n'));
	const run = runCli('validate', file);
	t.is(run.status, 1, run.stderr);
	t.is(run.stdout, '');
	const lines = stderrLines(run);
	t.is(lines.length, 1, run.stderr);
	t.regex(lines[0]!, errorLine);
	t.true(lines[0]!.startsWith(`vnetlab: ${file}:8:70: dnsResolvers[0].forwardingRulesets[0].rules[0].targets[0]: 168.63.129.16 is Azure-provided DNS`), lines[0]);
});

test('validate a path that does not exist: exit 2, the other files still checked', (t) => {
	const run = runCli('validate', 'test/fixtures/no-such-lab.yaml', 'test/fixtures/labs-good/01-mini-nva.yaml');
	t.is(run.status, 2);
	t.is(run.stdout, 'ok test/fixtures/labs-good/01-mini-nva.yaml\n');
	t.deepEqual(stderrLines(run), ['vnetlab: test/fixtures/no-such-lab.yaml: no such file or folder']);
});

test('validate --json', (t) => {
	const run = runCli('validate', 'test/fixtures/labs-broken/solved-at-start.yaml', '--json');
	t.is(run.status, 1);
	const result = JSON.parse(run.stdout) as {ok: boolean; files: Array<{file: string; kind: string; ok: boolean; diagnostics: Array<{line: number; path: string}>}>};
	t.false(result.ok);
	t.like(result.files[0], {file: 'test/fixtures/labs-broken/solved-at-start.yaml', kind: 'lab', ok: false});
	t.like(result.files[0]!.diagnostics[0], {line: 12, path: 'objectives'});
});

// check

test("check <id> with neither file grades the lab's first solution: exit 0", (t) => {
	const run = runCli('check', 'nva-inspection');
	t.is(run.status, 0, run.stderr);
	t.is(run.stderr, '');
	t.regex(run.stdout, /^Edits \(the lab's first solution\):$/m);
	t.regex(run.stdout, /^ {2}✓ 1\. Turn on IP forwarding on NIC fw$/m);
	t.regex(run.stdout, /^ {7}az network nic update --resource-group <rg> --name fw \\$/m);
	t.regex(run.stdout, /^ {2}✓ mgmt-direct: The management subnet still reaches vm-app directly\.$/m);
	t.regex(run.stdout, /^Passed: all 5 objectives hold\.$/m);
});

test('check --edits with a passing attempt: exit 0, each edit with its az equivalent', (t) => {
	const run = runCli('check', 'nva-inspection', '--edits', `${attempts}/nva-pass.yaml`);
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /^Edits \(test\/fixtures\/lab-attempts\/nva-pass\.yaml\):$/m);
	t.regex(run.stdout, /az network route-table create --resource-group <rg> --name rt-app-tier/);
	t.regex(run.stdout, /--vnet-name vnet-shop --name app --route-table rt-app-tier/);
	for (const line of run.stdout.split('\n').filter((l) => !l.includes('$('))) t.true(line.length <= 80, line);
});

test('check --edits with a failing attempt: exit 1, the objective and why', (t) => {
	const run = runCli('check', 'nva-inspection', '--edits', `${attempts}/nva-half.yaml`);
	t.is(run.status, 1);
	t.is(run.stderr, '');
	t.regex(run.stdout, /^ {2}✓ web-to-app-inspected: /m);
	t.regex(run.stdout, /^ {2}✗ app-to-web-inspected: A packet from vm-app back to vm-web passes fw too\.\n {4}expected the packet to pass fw, then vm-web, but it went vm-app → vm-web$/m);
	t.regex(run.stdout, /^Not passed: 3 of 5 objectives pass\.$/m);
});

test('check --edits with a rejected edit: exit 1, which edit and why, on stderr with its place', (t) => {
	const run = runCli('check', 'nva-inspection', '--edits', `${attempts}/nva-rejected.yaml`);
	t.is(run.status, 1);
	t.deepEqual(stderrLines(run), [
		"vnetlab: test/fixtures/lab-attempts/nva-rejected.yaml:3:32: [1].nic: edit 2 (set-ip-forwarding) is rejected: no network interface named 'firewall' (network interfaces: vm-web, vm-app, fw, vm-mgmt)",
	]);
	t.regex(run.stdout, /^ {2}✗ 2\. set-ip-forwarding: rejected\n {7}nic: no network interface named 'firewall'/m);
	t.regex(run.stdout, /^ {2}- 3\. create-route-table: not applied \(an earlier edit was rejected\)$/m);
	// A later edit whose op the lab does not allow says so at once, not only after the first fix.
	t.regex(run.stdout, /^ {2}- 4\. set-peering: not applied \(an earlier edit was rejected\)\n {7}op: this lab does not allow set-peering edits/m);
	t.regex(run.stdout, /; edit 2 was rejected\.$/m);
});

test('check --edits with an op the lab does not allow: exit 1', (t) => {
	const run = runCli('check', 'nva-inspection', '--edits', `${attempts}/nva-not-allowed.yaml`, '--json');
	t.is(run.status, 1);
	const result = JSON.parse(run.stdout) as {passed: boolean; edits: Array<{ok: boolean; errors?: Array<{field: string; message: string}>}>};
	t.false(result.passed);
	t.like(result.edits[0], {ok: false, errors: [{field: 'op'}]});
	t.regex(result.edits[0]!.errors![0]!.message, /^this lab does not allow add-nsg-rule edits/);
	t.regex(stderrLines(run)[0]!, /^vnetlab: test\/fixtures\/lab-attempts\/nva-not-allowed\.yaml:2:8: \[0\]\.op: edit 1 \(add-nsg-rule\) is rejected: this lab does not allow/);
});

test('check --answers: right answers pass whatever their case; wrong ones fail with a pointer', (t) => {
	const right = runCli('check', 'default-routes', '--answers', `${attempts}/default-routes-right.yaml`);
	t.is(right.status, 0, right.stdout + right.stderr);
	t.regex(right.stdout, /^Edits \(no edits file\): none$/m);
	const wrong = runCli('check', 'default-routes', '--answers', `${attempts}/default-routes-wrong.yaml`);
	t.is(wrong.status, 1);
	t.regex(wrong.stdout, /^ {2}✗ reserved-hop: .*\n(.*\n)? {4}your answer: Internet\n {4}'Internet' is not what the network does: look at vm-app's effective routes/m);
	t.regex(wrong.stdout, /^ {4}'dropped: no-route' is not what the network does: trace vm-app → 10\.20\.0\.5$/m);
	t.regex(wrong.stdout, /^Not passed: 4 of 6 objectives pass\.$/m);
});

test('check --json prints one document', (t) => {
	const run = runCli('check', 'nva-inspection', '--edits', `${attempts}/nva-half.yaml`, '--json');
	t.is(run.status, 1);
	const result = JSON.parse(run.stdout) as {
		lab: string;
		passed: boolean;
		objectives: Array<{id: string; text: string; holds: boolean; passed: boolean; reason?: string}>;
		edits: Array<{edit: {op: string}; cli: string; ok: boolean}>;
	};
	t.is(result.lab, 'nva-inspection');
	t.false(result.passed);
	t.deepEqual(
		result.objectives.map((o) => [o.id, o.holds, o.passed]),
		[
			['web-to-app-inspected', false, true],
			['app-to-web-inspected', false, false],
			['app-next-hop', false, false],
			['mgmt-direct', true, true],
			['firewall-direct', true, true],
		],
	);
	t.like(result.edits[0], {edit: {op: 'set-ip-forwarding'}, cli: 'az network nic update --resource-group <rg> --name fw --ip-forwarding true', ok: true});
});

test('check a lab file by path', (t) => {
	const run = runCli('check', 'test/fixtures/labs-good/01-mini-nva.yaml', '--json');
	t.is(run.status, 0, run.stderr);
	t.true((JSON.parse(run.stdout) as {passed: boolean}).passed);
});

test('check: an unknown lab id, a malformed edits file, an unknown answer id and a broken lab exit 2', (t) => {
	const unknown = runCli('check', 'no-such-lab');
	t.is(unknown.status, 2);
	t.is(unknown.stdout, '');
	t.is(stderrLines(unknown).length, 1);
	t.regex(stderrLines(unknown)[0]!, /^vnetlab: unknown lab 'no-such-lab' \(known: default-routes, nva-inspection, /);

	const notList = runCli('check', 'nva-inspection', '--edits', `${attempts}/not-a-list.yaml`);
	t.is(notList.status, 2);
	t.regex(stderrLines(notList)[0]!, /^vnetlab: test\/fixtures\/lab-attempts\/not-a-list\.yaml:2:1: an edits file is a YAML list of edit records/);

	const missing = runCli('check', 'nva-inspection', '--edits', `${attempts}/no-such-file.yaml`);
	t.is(missing.status, 2);
	t.deepEqual(stderrLines(missing), ['vnetlab: --edits: test/fixtures/lab-attempts/no-such-file.yaml: no such file']);

	const answer = runCli('check', 'default-routes', '--answers', `${attempts}/unknown-answer.yaml`);
	t.is(answer.status, 2);
	t.regex(stderrLines(answer)[0]!, /^vnetlab: test\/fixtures\/lab-attempts\/unknown-answer\.yaml:2:1: \["where-does-it-go"\]: 'where-does-it-go' is not a predict objective of default-routes/);

	const brokenLab = runCli('check', 'test/fixtures/labs-broken/unsolvable.yaml');
	t.is(brokenLab.status, 2);
	t.regex(stderrLines(brokenLab).at(-1)!, /the lab has problems; fix them before checking an attempt/);
});

test('check prints an edit of several commands one per line, with the continuation each shell reads (PowerShell takes a backtick, not \\)', (t) => {
	const run = runCli('check', 'private-endpoint-hybrid');
	t.is(run.status, 0, run.stderr);
	const lines = run.stdout.split('\n');
	const start = lines.findIndex((line) => line.includes('# on-premises DNS of onprem'));
	t.true(start > 0, run.stdout);
	const block = lines.slice(start, lines.findIndex((line, index) => index > start && /^ {2}[✓✗] /.test(line)));
	const powershell = block.filter((line) => !line.trimStart().startsWith('#'));
	t.regex(powershell[0] ?? '', /^\s+Set-DnsServerConditionalForwarderZone /);
	t.false(powershell.some((line) => line.endsWith('\\')), block.join('\n'));
	for (const line of block) t.true(line.length <= 80, `wider than 80: ${line}`);
});

test('validate --json on a path that cannot be read: the JSON says so, and so does stderr (exit 2, design 4)', (t) => {
	const run = runCli('validate', 'test/fixtures/no-such-file.yaml', '--json');
	t.is(run.status, 2);
	const result = JSON.parse(run.stdout) as {ok: boolean; files: Array<{kind: string}>};
	t.false(result.ok);
	t.is(result.files[0]?.kind, 'unreadable');
	t.deepEqual(stderrLines(run), ['vnetlab: test/fixtures/no-such-file.yaml: no such file or folder']);
});
