/**
 * Labs for the UI tests, built in memory on test/fixtures/trace-hub-spoke.yaml so the tests
 * do not depend on the wording of the shipped labs: a prediction, a passing trace objective,
 * a failing route objective, one that must hold, and two suggested packets.
 */
import type {Lab, LabSummary} from '../../../source/engine/lab.js';
import {sandboxLab, staticServices, type LoadedLab, type Services} from '../../../source/ui/services.js';
import {loadFixture} from '../../helpers/fixtures.js';

export const hubTopology = loadFixture('trace-hub-spoke.yaml');

export function hubLab(id = 'hub-basics', title = 'Hub and spoke basics'): Lab {
	return {
		...sandboxLab(`labs/${id}.yaml`, hubTopology),
		id,
		title,
		summary: `Summary of ${title}.`,
		level: ['AZ-104'],
		minutes: 15,
		concepts: ['peering', 'private endpoints'],
		briefing: 'The hub has an NVA and a VPN gateway; two spokes peer with the hub.\n\nAnswer the prediction, then trace.',
		objectives: [
			{
				id: 'spoke-verdict',
				text: 'vm-spoke1 sends a packet to vm-spoke2. What happens to it?',
				predict: {ask: 'verdict', trace: {from: 'vm-spoke1', to: 'vm-spoke2'}},
				choices: ['delivered', 'dropped: next-hop-none', 'exited'],
			},
			{
				id: 'app-to-blob',
				text: 'vm-app reaches the storage account through its private endpoint.',
				trace: {from: 'vm-app', to: 'stcontoso.blob.core.windows.net'},
				expect: {result: 'delivered', path: 'private-endpoint'},
			},
			{
				id: 'spoke-via-nva',
				text: 'vm-spoke1 sends traffic for spoke2 to the NVA.',
				route: {nic: 'vm-spoke1', destination: '10.2.1.4'},
				expect: {nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4'},
			},
			{
				id: 'onprem-reach',
				text: 'onprem-pc still reaches vm-app2.',
				holds: true,
				trace: {from: 'onprem-pc', to: 'vm-app2'},
				expect: {result: 'delivered'},
			},
		],
		suggestedTraces: [
			{from: 'vm-app', to: 'stcontoso.blob.core.windows.net', label: 'blob through the private endpoint'},
			{from: 'vm-spoke1', to: 'vm-spoke2'},
		],
	};
}

export function summaryOf(lab: Lab, number: number): LabSummary {
	return {
		id: lab.id,
		file: `labs/${String(number).padStart(2, '0')}-${lab.id}.yaml`,
		number,
		title: lab.title,
		summary: lab.summary,
		level: lab.level,
		minutes: lab.minutes,
		concepts: lab.concepts,
		objectiveCount: lab.objectives.length,
	};
}

function defaultLabs(): Lab[] {
	return [hubLab('hub-basics', 'Hub and spoke basics'), hubLab('spoke-routing', 'Route spoke traffic through the NVA'), hubLab('private-blob', 'Reach storage privately')];
}

/** A catalogue of three labs (all on the hub topology), loadable by file. */
export function testServices(problems: string[] = [], labs: Lab[] = defaultLabs()): {services: Services; labs: Lab[]; summaries: LabSummary[]} {
	const summaries = labs.map((lab, index) => summaryOf(lab, index + 1));
	const loaded = new Map<string, LoadedLab>(summaries.map((summary, index) => [summary.file, {ok: true, lab: labs[index]!, hash: `hash-${summary.id}`, sandbox: false}]));
	return {services: staticServices({labs: summaries, problems}, loaded), labs, summaries};
}
