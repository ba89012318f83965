/**
 * A lab's hints: the ones revealed so far (progress `hintsUsed`) and revealing the next. A
 * hint only says something: it never changes the network.
 */
import type {Lab} from '../engine/lab.js';
import type {ProgressData} from './progress-data.js';
import type {ProgressStore} from './progress.js';
import {revealHint} from './progress-work.js';

/** The texts of the hints revealed so far, in order. */
export function revealedHints(data: ProgressData, lab: Lab, isSandbox: boolean): string[] {
	if (isSandbox) return [];
	return lab.hints.slice(0, data.labs[lab.id]?.hintsUsed ?? 0).map((hint) => hint.text);
}

/** Reveal the next hint (saved in progress); a message instead when there is none to reveal. */
export function revealNextHint(store: ProgressStore, lab: Lab, isSandbox: boolean): string | undefined {
	if (isSandbox || lab.hints.length === 0) return 'This lab has no hints.';
	const used = store.get().labs[lab.id]?.hintsUsed ?? 0;
	if (used >= lab.hints.length) return `No more hints: all ${lab.hints.length} are shown.`;
	store.update((data) => revealHint(data, lab.id, lab.hints.length, new Date().toISOString()));
	return undefined;
}
