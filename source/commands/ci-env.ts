/**
 * `CI=0` and `CI=false` mean "not a CI build": Ink reads them so (is-in-ci) and stays
 * interactive, but the colour library (chalk's supports-color) turns colour off whenever CI is
 * set at all, so the lab drew no colour. Dropping such a CI before the colour library loads
 * makes both agree; NO_COLOR, --no-color and the 'c' key still decide after that.
 */
export type MutableEnvironment = Record<string, string | undefined>;

/** True when CI is set but says no (`0` or `false`, as Ink's is-in-ci reads it). */
export function isCiOff(env: Readonly<MutableEnvironment>): boolean {
	return env['CI'] === '0' || env['CI'] === 'false';
}

/** Removes CI from `env` when it says no; call before anything imports chalk or Ink. */
export function dropCiThatSaysNo(env: MutableEnvironment): void {
	if (isCiOff(env)) delete env['CI'];
}
