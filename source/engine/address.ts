/**
 * IPv4 addresses and prefixes as unsigned 32-bit integers.
 * Text is validated strictly here before anything else sees it: netmask (used to
 * compute a block's base) accepts octal, hex, short forms and trailing junk.
 */
import {isIPv4} from 'node:net';
import {Netmask} from 'netmask';

export type Prefix = {
	/** Network address as an unsigned 32-bit integer. */
	readonly base: number;
	/** Prefix length, 0..32. */
	readonly length: number;
	/** The CIDR text, normalised (`10.0.0.0/16`). */
	readonly text: string;
};

const prefixLengthPattern = /^(?:\d|[12]\d|3[0-2])$/;

/** True for dotted-quad IPv4 text with no leading zeros, short forms or junk. */
export function isIpv4Address(text: string): boolean {
	return typeof text === 'string' && isIPv4(text);
}

/** Dotted-quad text (already validated) to an unsigned integer; a character loop, as it runs for every address on every edit. */
export function ipToInt(ip: string): number {
	let result = 0;
	let octet = 0;
	for (let index = 0; index < ip.length; index++) {
		const code = ip.charCodeAt(index);
		if (code === 46) {
			result = result * 256 + octet;
			octet = 0;
		} else {
			octet = octet * 10 + (code - 48);
		}
	}

	return (result * 256 + octet) >>> 0;
}

export function intToIp(n: number): string {
	return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function maskOf(length: number): number {
	return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

export type PrefixProblem = 'not-cidr' | 'bad-address' | 'bad-length' | 'not-network-address';

/** Why a CIDR string is not acceptable, or undefined when it is. */
export function cidrProblem(text: string): PrefixProblem | undefined {
	if (typeof text !== 'string') return 'not-cidr';
	const slash = text.indexOf('/');
	if (slash < 0) return 'not-cidr';
	const ip = text.slice(0, slash);
	const length = text.slice(slash + 1);
	if (!isIpv4Address(ip)) return 'bad-address';
	if (!prefixLengthPattern.test(length)) return 'bad-length';
	// Integer math here, not a Netmask per call: every prefix of a topology passes through on each edit.
	const address = ipToInt(ip);
	if (((address & maskOf(Number(length))) >>> 0) !== address) return 'not-network-address';
	return undefined;
}

export function describePrefixProblem(text: string, problem: PrefixProblem): string {
	switch (problem) {
		case 'not-cidr':
			return `'${text}' is not a CIDR prefix (expected a.b.c.d/n)`;
		case 'bad-address':
			return `'${text}' does not start with a valid IPv4 address`;
		case 'bad-length':
			return `'${text}' has a prefix length outside 0..32`;
		case 'not-network-address': {
			const block = new Netmask(text);
			return `'${text}' is not a network address (did you mean ${block.base}/${block.bitmask}?)`;
		}
	}
}

/** The prefix a CIDR string stands for, or undefined when it is not acceptable: one pass, for hot loops. */
export function tryParsePrefix(text: unknown): Prefix | undefined {
	if (typeof text !== 'string' || cidrProblem(text) !== undefined) return undefined;
	const slash = text.indexOf('/');
	return {base: ipToInt(text.slice(0, slash)), length: Number(text.slice(slash + 1)), text};
}

/** Parse a CIDR that has already been validated; throws on bad text (a programming error). */
export function parsePrefix(text: string): Prefix {
	const problem = cidrProblem(text);
	if (problem) throw new Error(describePrefixProblem(text, problem));
	const slash = text.indexOf('/');
	const length = Number(text.slice(slash + 1));
	return {base: ipToInt(text.slice(0, slash)), length, text};
}

/** A single host as a /32 prefix. */
export function hostPrefix(ip: string): Prefix {
	return {base: ipToInt(ip), length: 32, text: `${ip}/32`};
}

export function prefixContains(prefix: Prefix, ip: number): boolean {
	return ((ip & maskOf(prefix.length)) >>> 0) === prefix.base;
}

/** True when `outer` contains all of `inner`. */
export function prefixCovers(outer: Prefix, inner: Prefix): boolean {
	return outer.length <= inner.length && prefixContains(outer, inner.base);
}

export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
	return prefixCovers(a, b) || prefixCovers(b, a);
}

export function prefixEquals(a: Prefix, b: Prefix): boolean {
	return a.base === b.base && a.length === b.length;
}

/** Sort key: by base address, then shorter prefix first. */
export function comparePrefixes(a: Prefix, b: Prefix): number {
	return a.base - b.base || a.length - b.length;
}

/** RFC 1918 and shared address space: addresses the Internet tag does not cover. */
export const privateRanges: readonly Prefix[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map(
	(text) => parsePrefix(text),
);

export function isPrivateAddress(ip: number): boolean {
	return privateRanges.some((range) => prefixContains(range, ip));
}
