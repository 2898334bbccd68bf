export * from './types';
export { runPreflight, hasErrors, formatFinding } from './run-preflight';
export { effectivePpi } from './checks';
export { runCopyChecks, copyFixOperations, addToDictionaryOperation } from './copy';
export { findingText, findingPlace } from './finding-text';
