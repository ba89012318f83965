/**
 * The published topology JSON Schema (labs/schema/topology.schema.json) and its compiled
 * ajv validator. Both are loaded on first use, not at import: ajv costs about 50 ms to
 * import plus the compile, and the app's startup time matters.
 * The validator fills defaults in place (useDefaults) and reports every error (allErrors).
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import type {AnySchemaObject, ValidateFunction} from 'ajv';

/** Same relative place from source/lab (tsx) and dist/lab (compiled). */
export const topologySchemaPath = fileURLToPath(new URL('../../labs/schema/topology.schema.json', import.meta.url));

let schema: AnySchemaObject | undefined;
let validator: ValidateFunction | undefined;

/** The schema as parsed JSON (read once). */
export function topologySchema(): AnySchemaObject {
	schema ??= JSON.parse(readFileSync(topologySchemaPath, 'utf8')) as AnySchemaObject;
	return schema;
}

/** The compiled validator (compiled once, on first call). */
export function topologyValidator(): ValidateFunction {
	if (!validator) {
		const require = createRequire(import.meta.url);
		const {Ajv} = require('ajv') as typeof import('ajv');
		// verbose: errors carry their schema and data, which the human messages use.
		// No code optimisation and no meta-schema check: they double the compile time (~200 ms);
		// test/lab/topology-schema.test.ts checks the schema against draft-07 instead.
		const ajv = new Ajv({
			allErrors: true,
			useDefaults: true,
			verbose: true,
			strict: true,
			validateSchema: false,
			code: {optimize: false},
		});
		validator = ajv.compile(topologySchema());
	}

	return validator;
}
