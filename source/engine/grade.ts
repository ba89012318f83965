/**
 * Grading an attempt at a lab: apply the learner's edits one by one with the lab's allowed
 * ops (stopping at the first one the lab or Azure rejects), then evaluate every objective on
 * the network that results, with the learner's predictions. Pure; `vnetlab check` prints it.
 */
import {applyEdit, type EditError} from './edits/apply.js';
import {azCliFor} from './edits/cli-equivalent.js';
import {describeEdit} from './edits/describe.js';
import type {Edit} from './edits/types.js';
import type {Lab, ObjectiveStatus} from './lab.js';
import {evaluateObjectives} from './objectives.js';
import type {Topology} from './topology.js';

export type EditOutcome = {
	/** 0-based position in the list. */
	index: number;
	edit: unknown;
	/** applied, rejected (with errors), or skipped because an earlier edit was rejected. */
	status: 'applied' | 'rejected' | 'skipped';
	/** A one-line description (applied edits). */
	description?: string;
	/** The Azure CLI equivalent (applied edits). */
	cli?: string;
	errors?: EditError[];
	warnings?: string[];
};

export type Grade = {
	/** Every edit applied and every objective passes. */
	passed: boolean;
	edits: EditOutcome[];
	objectives: ObjectiveStatus[];
	/** The index of the rejected edit, if one was. */
	rejected?: number;
	/** The network the objectives were evaluated on (after the edits that applied). */
	topology: Topology;
};

export function gradeAttempt(lab: Lab, edits: readonly unknown[], answers: Readonly<Record<string, string>>): Grade {
	let topology = lab.topology;
	let rejected: number | undefined;
	const outcomes: EditOutcome[] = edits.map((edit, index): EditOutcome => {
		if (rejected !== undefined) {
			// Not applied, but an op that is unknown or not allowed is wrong whatever came before: say so now, not after the first fix.
			const probe = applyEdit(topology, edit, {allowedOps: lab.allowedEdits});
			const opErrors = probe.ok ? [] : probe.errors.filter((error) => error.field === 'op');
			return opErrors.length > 0 ? {index, edit, status: 'skipped', errors: opErrors} : {index, edit, status: 'skipped'};
		}

		const result = applyEdit(topology, edit, {allowedOps: lab.allowedEdits});
		if (!result.ok) {
			rejected = index;
			return {index, edit, status: 'rejected', errors: result.errors};
		}

		// The CLI equivalent reads names from the network the edit was made on.
		const outcome: EditOutcome = {index, edit, status: 'applied', description: describeEdit(edit as Edit), cli: azCliFor(edit as Edit, topology)};
		if (result.warnings.length > 0) outcome.warnings = result.warnings;
		topology = result.topology;
		return outcome;
	});
	const objectives = evaluateObjectives(topology, lab.objectives, answers);
	const grade: Grade = {passed: rejected === undefined && objectives.every((o) => o.passed), edits: outcomes, objectives, topology};
	if (rejected !== undefined) grade.rejected = rejected;
	return grade;
}
