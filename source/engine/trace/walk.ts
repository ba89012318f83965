/**
 * The state of one packet walk: the hops written so far, the packet as it is now, and how
 * the walk ended. The trace functions append steps here; nothing else holds state, so a
 * trace is a pure function of the network and the packet.
 */
import type {
	BeatenRule,
	DropReason,
	Hop,
	HopKind,
	Protocol,
	Step,
	StepKind,
	TracePath,
	Verdict,
} from '../results.js';
import type {Network} from '../network.js';

/** The most hops one trace may take before it is cut off (Azure's own TTL is not modelled). */
export const hopLimit = 16;

export type Intended = {resource: string; groupId: string};

export class Walk {
	readonly hops: Hop[] = [];
	readonly notes: string[] = [];
	readonly paths = new Set<TracePath>();
	verdict?: Verdict;
	destination?: {kind: HopKind; name: string};
	sourceIpSeen?: string;
	/** Appliances the packet passed that did not SNAT it (return-path asymmetry warnings). */
	readonly nonSnatAppliances: string[] = [];
	/** Set while the packet came in through a virtual network gateway (gateway transit into a spoke). */
	viaGateway?: string;
	/** The last peering link crossed between VNets in different regions (global peering), if any. */
	globalPeering?: string;
	/**
	 * The latest outbound NSG evaluation (a source NIC or a forwarding appliance): the VNet it was in, whether
	 * any NSG was there, and the user (non-default) rules that allowed the packet. A peering link with allow
	 * virtual network access off lets through only what such a rule allowed (crossPeering).
	 */
	outboundNsgs?: {vnet: string; evaluated: boolean; explicitAllows: string[]};
	/** Set when the packet left an Azure VNet for a public address: the VNet's region and the sender's private IP. */
	leftAzureFrom?: {region: string; privateIp: string};
	private readonly visited = new Set<string>();

	constructor(
		readonly network: Network,
		public sourceIp: string,
		public destinationIp: string,
		readonly protocol: Protocol,
		public port: number,
		/** The resource and sub-resource the client meant, when it asked for a name (exfiltration checks). */
		readonly intended?: Intended,
	) {}

	get done(): boolean {
		return this.verdict !== undefined;
	}

	/** Start a hop; returns false (and ends the walk) on a loop or past the hop limit. */
	enter(kind: HopKind, name: string): boolean {
		if (this.done) return false;
		const key = `${kind}:${name}:${this.sourceIp}>${this.destinationIp}:${this.port}`;
		if (this.visited.has(key)) {
			this.hops.push({at: {kind, name}, packet: this.packet(), steps: []});
			this.drop('routing-loop', `The packet came back to ${name} unchanged: the routes form a loop.`, name);
			return false;
		}

		if (this.hops.length >= hopLimit) {
			this.hops.push({at: {kind, name}, packet: this.packet(), steps: []});
			this.drop('hop-limit', `The trace stopped after ${hopLimit} hops.`);
			return false;
		}

		this.visited.add(key);
		this.hops.push({at: {kind, name}, packet: this.packet(), steps: []});
		return true;
	}

	packet() {
		return {sourceIp: this.sourceIp, destinationIp: this.destinationIp};
	}

	get hop(): Hop {
		return this.hops[this.hops.length - 1]!;
	}

	step(kind: StepKind, decision: string, detail: string, rule?: string, beaten?: BeatenRule[]): void {
		const step: Step = {kind, decision, detail};
		if (rule !== undefined) step.rule = rule;
		if (beaten && beaten.length > 0) step.beaten = beaten;
		this.hop.steps.push(step);
	}

	note(text: string): void {
		if (!this.notes.includes(text)) this.notes.push(text);
	}

	drop(reason: DropReason, detail: string, rule?: string): void {
		if (this.done) return;
		this.step('drop', reason, detail, rule);
		this.verdict = rule === undefined ? {result: 'dropped', reason, detail} : {result: 'dropped', reason, rule, detail};
	}

	deliver(kind: HopKind, name: string, detail: string): void {
		if (this.done) return;
		this.step('deliver', 'delivered', detail);
		this.destination = {kind, name};
		this.sourceIpSeen = this.sourceIp;
		this.verdict = {result: 'delivered', detail};
	}

	exit(detail: string): void {
		if (this.done) return;
		this.step('deliver', 'exited', detail);
		this.destination = {kind: 'internet', name: this.destinationIp};
		this.sourceIpSeen = this.sourceIp;
		this.verdict = {result: 'exited', detail};
	}
}
