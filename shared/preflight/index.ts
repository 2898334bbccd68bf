export * from './types';
export { runPreflight, hasErrors, formatFinding } from './run-preflight';
export { effectivePpi } from './checks';
