/**
 * What a client's terminal can show, from its pty request (TERM) and the environment
 * variables the client sent (OpenSSH sends LANG and LC_* by default; NO_COLOR and COLORTERM
 * only when configured with SendEnv). The server's own environment plays no part.
 */
import {isUtf8Locale} from '../ui/theme.js';

export type ClientTerminal = {
	/** Colour at the start of the session. */
	readonly color: boolean;
	/** The chalk level for the session's worker (FORCE_COLOR): at least 1, so the learner can turn colour on in the app. */
	readonly colorLevel: 1 | 2 | 3;
	readonly ascii: boolean;
};

export function clientTerminal(term: string | undefined, env: Readonly<Record<string, string>>): ClientTerminal {
	const name = (term ?? '').toLowerCase();
	const capable = name !== '' && name !== 'dumb' && name !== 'unknown';
	const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
	const truecolor = /^(truecolor|24bit)$/i.test(env['COLORTERM'] ?? '') || name.includes('direct');
	const localeSent = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
	return {
		color: capable && !noColor,
		colorLevel: truecolor ? 3 : name.includes('256') ? 2 : 1,
		// Without a locale from the client, assume UTF-8 (every current terminal); one that says otherwise gets ASCII.
		ascii: localeSent ? !isUtf8Locale(env) : name === 'linux' || name === 'vt100' || name === 'vt220',
	};
}
