/**
 * Source addresses the docs describe without giving: the trace names them with a word
 * instead of inventing digits, and says what they are wherever it shows a source.
 */

/** Default outbound access: a public IP that Azure picks and you do not own (docs: Default outbound access). */
export const defaultOutboundSource = 'default-outbound-ip';

/** A Storage account sees requests from its own region come from private Azure addresses, not which (docs: Azure Storage firewalls and virtual networks). */
export const azurePrivateSource = 'azure-private-ip';

/** A source address in words: the address itself, or what the symbolic one stands for. */
export function describeSource(address: string): string {
	if (address === defaultOutboundSource) return 'a public IP Azure picks (default outbound access)';
	if (address === azurePrivateSource) return 'a private Azure address (the docs do not say which)';
	return address;
}

/** `it sees …`: the source 10.1.1.4, or the words for a symbolic one. */
export function sourceSeen(address: string): string {
	const words = describeSource(address);
	return words === address ? `the source ${address}` : words;
}
