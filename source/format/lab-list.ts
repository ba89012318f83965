/**
 * The lab catalogue as text: one short block per lab, so long ids and titles never squeeze
 * each other into a narrow column. The id comes first: it is what `check` and `open` take.
 */
import type {LabSummary} from '../engine/lab.js';
import {wrapText} from './wrap.js';

export function formatLabList(labs: readonly LabSummary[], width = 80): string {
	const idWidth = Math.max(...labs.map((lab) => lab.id.length));
	const blocks = labs.map((lab) => {
		const number = String(lab.number).padStart(2, '0');
		const head = `${number}  ${lab.id.padEnd(idWidth)}  ${String(lab.minutes).padStart(2)} min  ${lab.level.join(', ')}`;
		const title = wrapText(lab.title, width - 4).map((line) => `    ${line}`);
		const concepts = wrapText(lab.concepts.join(', '), width - 6).map((line, index) => (index === 0 ? '    · ' : '      ') + line);
		return [head, ...title, ...concepts].join('\n');
	});
	return `${blocks.join('\n')}\n`;
}
