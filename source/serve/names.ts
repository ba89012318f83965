/**
 * SSH user names as directory names. A learner's progress lives in
 * `<data>/progress/<sanitised name>/`, so the name must never climb out of that folder or
 * clash with another learner's: lower case, `[a-z0-9._-]` only, no leading dot or dash,
 * at most 32 characters. A name that had to change beyond its case gets a short hash of the
 * original, so `a/b` and `a_b` stay two learners.
 */
import {createHash} from 'node:crypto';

const maxLength = 32;
const hashLength = 6;

/** The directory name for an SSH user name (never empty, never `.` or `..`). */
export function sanitiseUser(name: string): string {
	const lower = name.normalize('NFKC').toLowerCase();
	let safe = lower
		.replace(/[^a-z0-9._-]+/g, '_')
		.replace(/^[._-]+/, '')
		.replace(/\.{2,}/g, '.');
	const changed = safe !== lower;
	if (safe === '') safe = 'learner';
	if (!changed && safe.length <= maxLength) return safe;
	const hash = createHash('sha256').update(name).digest('hex').slice(0, hashLength);
	return `${safe.slice(0, maxLength - hashLength - 1).replace(/[._-]+$/, '')}-${hash}`;
}

/** The user name as it may be shown in a log line or the room table: printable, bounded. */
export function displayUser(name: string): string {
	const printable = name.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?');
	return printable.length > 24 ? `${printable.slice(0, 23)}…` : printable;
}
