/**
 * The network a learner is changing in one lab: the lab's start topology, the edits applied
 * so far (each with its warnings), the topology they give, and what the last change did. The
 * lab, trace, routes, edit and debrief screens of one session share it, so an edit shows on
 * every screen at once. Undo replays the other edits from the start (applyEdits); reset goes
 * back to the start. Every accepted change is saved in progress at once (at most the edit in
 * flight is lost in a crash), and a lab opens where it was left by replaying its saved edits;
 * when the lab file changed since (labHash), the learner chooses to replay them or restart.
 * A sandbox keeps its edits in memory only.
 */
import {applyEdit, azCliFor, describeEdit, type ApplyResult} from '../engine/edits/index.js';
import type {Edit} from '../engine/edits/types.js';
import type {Lab, TraceQuery} from '../engine/lab.js';
import type {Topology} from '../engine/topology.js';
import {summarizeChange, type ChangeSummary} from './change-summary.js';
import {networkOf} from './hooks/use-network.js';
import type {ProgressStore} from './progress.js';
import {saveEdits} from './progress-work.js';

export type AppliedEdit = {
	readonly edit: Edit;
	readonly warnings: readonly string[];
	/** One line for the learner (describeEdit). */
	readonly description: string;
	/** The Azure CLI command that makes the same change (on the network as it was then). */
	readonly az: string;
};

export type WorkSnapshot = {
	readonly topology: Topology;
	readonly edits: readonly AppliedEdit[];
	/** What the last change did (an edit, an undo, a reset). */
	readonly change?: ChangeSummary;
	/** A problem replaying the saved edits, for the lab screen. */
	readonly notice?: string;
	/** The lab file changed since these saved edits were made: replay them or restart (the start shows meanwhile). */
	readonly mismatch?: {readonly edits: readonly Edit[]};
};

export type LabWorkSource = {readonly lab: Lab; readonly hash?: string | undefined; readonly sandbox: boolean};

const now = () => new Date().toISOString();

/** A saved record's description, even when it is not a valid edit any more. */
function describeText(edit: Edit): string {
	try {
		return describeEdit(edit);
	} catch {
		return String((edit as {op?: unknown}).op ?? 'an edit');
	}
}

export class LabWork {
	readonly lab: Lab;
	readonly hash: string | undefined;
	readonly isSandbox: boolean;
	/** The packet traced last on the trace screen: an edit shows its path and verdict before and after. */
	lastTrace: TraceQuery | undefined;
	private state: WorkSnapshot;
	private readonly listeners = new Set<() => void>();
	private needsSave = false;

	constructor(
		source: LabWorkSource,
		private readonly progress: ProgressStore,
	) {
		this.lab = source.lab;
		this.hash = source.hash;
		this.isSandbox = source.sandbox;
		this.lastTrace = undefined;
		const saved = this.isSandbox ? undefined : progress.get().labs[this.lab.id];
		const edits = saved?.edits ?? [];
		if (edits.length > 0 && saved?.labHash && this.hash && saved.labHash !== this.hash) {
			this.state = {topology: this.lab.topology, edits: [], mismatch: {edits}};
		} else {
			this.state = this.replayed(edits);
			this.needsSave = !this.isSandbox && (this.state.edits.length !== edits.length || (this.hash !== undefined && saved?.labHash !== this.hash && saved !== undefined));
		}
	}

	/** The ops this lab allows; undefined (every op) in the sandbox. */
	get allowedOps(): readonly string[] | undefined {
		return this.isSandbox ? undefined : this.lab.allowedEdits;
	}

	getSnapshot = (): WorkSnapshot => this.state;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Save what opening the lab changed (edits dropped in a replay, a new lab hash); call from an effect. */
	settle(): void {
		if (!this.needsSave) return;
		this.needsSave = false;
		this.save();
	}

	/** Apply an edit record: on success the network changes everywhere and is saved; on failure nothing changes. */
	apply(record: unknown): ApplyResult {
		if (this.state.mismatch) return {ok: false, errors: [{field: '', message: 'first choose: replay your saved edits on the changed lab, or restart it'}]};
		const before = this.state.topology;
		const result = applyEdit(before, record, this.allowedOps ? {allowedOps: this.allowedOps} : {});
		if (!result.ok) return result;
		const edit = record as Edit;
		const change = this.summarize('edit', describeEdit(edit), before, result.topology, edit, result.warnings);
		this.set({topology: result.topology, edits: [...this.state.edits, {edit, warnings: result.warnings, description: describeText(edit), az: azCliFor(edit, before)}], change});
		return result;
	}

	/** Undo the last edit (replaying the others from the start); false when there is none. */
	undo(): boolean {
		const last = this.state.edits[this.state.edits.length - 1];
		if (!last || this.state.mismatch) return false;
		const before = this.state.topology;
		const next = this.replayed(this.state.edits.slice(0, -1).map((applied) => applied.edit));
		const change = this.summarize('undo', `Undid: ${describeEdit(last.edit)}`, before, next.topology, last.edit, []);
		this.set({...next, change});
		return true;
	}

	/** Back to the lab's start topology: every edit undone. */
	reset(): void {
		const before = this.state.topology;
		const change = this.summarize('reset', 'Reset: the network is back at the start', before, this.lab.topology, undefined, []);
		this.set({topology: this.lab.topology, edits: [], change});
	}

	/** The lab file changed: replay the saved edits on its new start (keeping those that still apply). */
	replaySaved(): void {
		const pending = this.state.mismatch?.edits;
		if (!pending) return;
		const next = this.replayed(pending);
		const change = this.summarize('replay', `Replayed ${next.edits.length} of your edits`, this.state.topology, next.topology, undefined, []);
		this.set({...next, change});
	}

	/** The lab file changed: drop the saved edits and start again. */
	restart(): void {
		if (!this.state.mismatch) return;
		this.set({topology: this.lab.topology, edits: []});
	}

	private summarize(kind: ChangeSummary['kind'], title: string, before: Topology, after: Topology, edit: Edit | undefined, warnings: readonly string[]): ChangeSummary {
		const answers = this.isSandbox ? {} : (this.progress.get().labs[this.lab.id]?.predictAnswers ?? {});
		const trace = this.lastTrace ?? this.lab.suggestedTraces[0];
		return summarizeChange({kind, title, warnings, before: networkOf(before), after: networkOf(after), lab: this.lab, answers, ...(edit ? {edit} : {}), ...(trace ? {trace} : {})});
	}

	/** The start topology with `edits` applied, as far as they apply. */
	private replayed(edits: readonly Edit[]): WorkSnapshot {
		// applyEdits, one edit at a time: each edit's CLI command needs the network it was made on.
		let topology = this.lab.topology;
		const applied: AppliedEdit[] = [];
		for (const [index, edit] of edits.entries()) {
			const result = applyEdit(topology, edit, this.allowedOps ? {allowedOps: this.allowedOps} : {});
			if (!result.ok) {
				const why = result.errors[0]?.message ?? 'it is rejected';
				const notice = `Your edit ${index + 1} (${describeText(edit)}) no longer applies: ${why}. Kept the ${index} before it.`;
				return {topology, edits: applied, notice};
			}

			applied.push({edit, warnings: result.warnings, description: describeText(edit), az: azCliFor(edit, topology)});
			topology = result.topology;
		}

		return {topology, edits: applied};
	}

	private set(next: WorkSnapshot): void {
		this.state = next;
		this.save();
		for (const listener of this.listeners) listener();
	}

	private save(): void {
		if (this.isSandbox || this.state.mismatch) return;
		const edits = this.state.edits.map((applied) => applied.edit);
		this.progress.update((data) => saveEdits(data, this.lab.id, edits, this.hash, now()));
	}
}

/** One LabWork per lab per session: keyed by the session's services object, then by the lab. */
const sessions = new WeakMap<object, WeakMap<Lab, LabWork>>();

/** The lab's work in this session, created (and its saved edits replayed) on first use. */
export function labWorkFor(session: object, source: LabWorkSource, progress: ProgressStore): LabWork {
	let labs = sessions.get(session);
	if (!labs) {
		labs = new WeakMap();
		sessions.set(session, labs);
	}

	let work = labs.get(source.lab);
	if (!work) {
		work = new LabWork(source, progress);
		labs.set(source.lab, work);
	}

	return work;
}

/** The lab's work if a screen of this session has opened it. */
export function existingLabWork(session: object, lab: Lab): LabWork | undefined {
	return sessions.get(session)?.get(lab);
}
