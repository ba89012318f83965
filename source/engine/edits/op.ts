/**
 * The shape of one op's implementation: read and check the arguments, then return the new
 * topology, or undefined once an error has been recorded on the reader.
 */
import type {Topology} from '../topology.js';
import type {ArgReader} from './args.js';

export type OpContext = {
	/** The topology before the edit; never mutated. */
	readonly topology: Topology;
	/** The edit's arguments; errors go here. */
	readonly a: ArgReader;
	/** A note for the learner: the edit applies, but this is worth knowing. */
	readonly warn: (message: string) => void;
};

export type OpHandler = (context: OpContext) => Topology | undefined;

const azureName = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;

/** Reads the name of an object the edit creates, with Azure's naming rule for network resources. */
export function readNewName(a: ArgReader, key: string, what: string): string | undefined {
	const name = a.string(key, `a name for the ${what}`);
	if (name === undefined) return undefined;
	const problem = newNameProblem(name, what);
	return problem ? a.fail(key, problem) : name;
}

/** Why `name` breaks Azure's naming rule for network resources, or undefined. */
export function newNameProblem(name: string, what: string): string | undefined {
	if (azureName.test(name)) return undefined;
	return `'${name}' is not a valid ${what} name: 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit and not ending with '.' or '-'`;
}
