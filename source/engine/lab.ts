/**
 * A lab as the engine sees it (design section 7): objectives checked over engine results,
 * hints, debrief and reference solutions. The lab file's YAML shape, with defaults filled.
 * Objectives are evaluated by engine/objectives.ts; lab files are read by lab/load-lab.ts.
 */
import type {Edit} from './edits/types.js';
import type {DropReason, EffectiveNextHopType, Protocol, TracePath, TraceResult} from './results.js';
import type {Topology} from './topology.js';

export type TraceQuery = {from: string; to: string; port?: number; protocol?: Protocol};
export type RouteQuery = {nic: string; destination: string};
export type DnsQuery = {from: string; name: string};

export type TraceExpectation = {
	result?: TraceResult;
	reason?: DropReason;
	/** Object names the path must pass, in order. */
	via?: string[];
	/** Object names the path must not pass. */
	notVia?: string[];
	path?: TracePath;
	/** An IP, or `private` / `public`. */
	sourceIpSeen?: string;
};

export type RouteExpectation = {nextHopType: EffectiveNextHopType; nextHopIpAddress?: string};
export type DnsExpectation = {result?: 'ip' | 'nxdomain' | 'no-answer'; ip?: string; private?: boolean};

/**
 * What a predict objective asks, and the canonical form of its answer (compared case-insensitively,
 * spaces around `:` ignored):
 */
export type PredictAsk =
	/** Where a traced packet ends: `delivered`, `exited` or `dropped: <reason>` (a drop reason code of design 3). */
	| 'verdict'
	/** The nextHopType of the route a NIC's subnet picks for an address (`VnetLocal`, `Internet`, `None`, ...). */
	| 'next-hop-type'
	/** `<nextHopType> <nextHopIpAddress>`, or just the type when the route has no next hop IP. */
	| 'next-hop'
	/** The IP a name resolves to, `NXDOMAIN`, or `no-answer`. */
	| 'dns-answer';

type ObjectiveBase = {
	id: string;
	/** The learner-facing sentence. */
	text: string;
	/** Must stay true throughout (a "do not break the rest" check). */
	holds?: boolean;
};

export type TraceObjective = ObjectiveBase & {trace: TraceQuery; expect: TraceExpectation};
export type RouteObjective = ObjectiveBase & {route: RouteQuery; expect: RouteExpectation};
export type DnsObjective = ObjectiveBase & {dns: DnsQuery; expect: DnsExpectation};
export type PredictObjective = ObjectiveBase & {
	predict: {ask: PredictAsk; trace?: TraceQuery; route?: RouteQuery; dns?: DnsQuery};
	choices: string[];
};

export type Objective = TraceObjective | RouteObjective | DnsObjective | PredictObjective;

export type ObjectiveKind = 'trace' | 'route' | 'dns' | 'predict';

export type Hint = {text: string; refs: string[]};

export type Solution = {edits: Edit[]; answers: Record<string, string>};

/** A packet worth tracing, offered on the trace screen. */
export type SuggestedTrace = TraceQuery & {label?: string};

export type Lab = {
	id: string;
	title: string;
	summary: string;
	/** Exam skills: AZ-104, AZ-700. */
	level: string[];
	minutes: number;
	concepts: string[];
	briefing: string;
	topology: Topology;
	allowedEdits: string[];
	objectives: Objective[];
	hints: Hint[];
	debrief: {text: string; links: Array<{title: string; url: string}>};
	solutions: Solution[];
	suggestedTraces: SuggestedTrace[];
};

export type ObjectiveStatus = {
	id: string;
	text: string;
	kind: ObjectiveKind;
	holds: boolean;
	passed: boolean;
	/** When failing: what happened instead, and where (learner-facing). */
	reason?: string;
	/** For predict objectives: the learner's answer, if any. */
	answer?: string;
};

/** The engine's answer to a predict objective, or why the question cannot be answered on this network. */
export type PredictAnswer = {ok: true; answer: string} | {ok: false; reason: string};

/** A lab in the catalog (labs/NN-slug.yaml), without its topology or objectives. */
export type LabSummary = {
	id: string;
	/** The lab file's path. */
	file: string;
	/** NN of the file name: the place in the learning order. */
	number: number;
	title: string;
	summary: string;
	level: string[];
	minutes: number;
	concepts: string[];
	objectiveCount: number;
	/** Ids of the objectives to reach (not the `holds` ones, which pass from the start). */
	goalIds?: string[];
};
