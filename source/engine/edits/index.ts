/**
 * Edits: the public surface (design section 6). Records and their ops, applying them to a
 * topology, a one-line description, and the Azure CLI equivalent.
 */
export {applyEdit, applyEdits, type ApplyEditsResult, type ApplyOptions, type ApplyResult, type EditError, type EditWarning} from './apply.js';
export {azCliFor} from './cli-equivalent.js';
export {describeEdit} from './describe.js';
export * from './types.js';
