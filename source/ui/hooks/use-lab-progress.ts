/**
 * A lab's objectives evaluated live against its network and the learner's saved predictions,
 * with progress kept up to date: the lab marked started (and the one to continue) when it
 * opens, the passing objectives and completion recorded as they change, answers saved. A
 * sandbox has no progress.
 */
import {useCallback, useEffect, useMemo} from 'react';
import type {Lab, ObjectiveStatus} from '../../engine/lab.js';
import type {Network} from '../../engine/network.js';
import {evaluateObjective} from '../../engine/objectives.js';
import {answerPrediction, recordObjectives, startLab} from '../progress-data.js';
import {useProgress, useProgressStore} from './use-progress.js';

const noAnswers: Readonly<Record<string, string>> = {};

export type LabProgress = {
	readonly answers: Readonly<Record<string, string>>;
	/** In the lab's order. */
	readonly statuses: ObjectiveStatus[];
	answer(objectiveId: string, choice: string): void;
};

export function useLabProgress(lab: Lab, network: Network, hash: string | undefined, isSandbox: boolean): LabProgress {
	const store = useProgressStore();
	const progress = useProgress();
	const answers = isSandbox ? noAnswers : (progress.labs[lab.id]?.predictAnswers ?? noAnswers);
	const statuses = useMemo(() => lab.objectives.map((objective) => evaluateObjective(network, objective, answers)), [lab, network, answers]);

	useEffect(() => {
		if (!isSandbox) store.update((data) => startLab(data, lab.id, hash, new Date().toISOString()));
	}, [store, lab.id, hash, isSandbox]);

	useEffect(() => {
		if (isSandbox || statuses.length === 0) return;
		const passed = statuses.filter((status) => status.passed).map((status) => status.id);
		store.update((data) => recordObjectives(data, lab.id, passed, passed.length === statuses.length, new Date().toISOString()));
	}, [store, lab.id, statuses, isSandbox]);

	const answer = useCallback(
		(objectiveId: string, choice: string) => {
			if (!isSandbox) store.update((data) => answerPrediction(data, lab.id, objectiveId, choice, new Date().toISOString()));
		},
		[store, lab.id, isSandbox],
	);
	return {answers, statuses, answer};
}
