export type { LocatedReference, ReferenceSyntax, SecretReference, SecretValues } from './secret-reference.js';
export { findReferences, SECRET_REFERENCE_KEY_MAX_LENGTH } from './scan-references.js';
export { findReferencesDeep, referencedKeys } from './find-references-deep.js';
export { substitute, substituteDeep } from './substitute.js';
export { redact, redactDeep, REDACT_MIN_VALUE_LENGTH } from './redact.js';
export { PLACEHOLDER_MAX_DEPTH, PlaceholderDepthError } from './placeholder-depth.error.js';
export { referencedVariableKeys, substituteVariablesDeep } from './variables.js';
