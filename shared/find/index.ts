/**
 * Find/Replace over an edition's stories: plain, whole word, case-sensitive,
 * regular expression and width-insensitive search; results with their page
 * and context; replacements as model operations.
 */
export { foldWidth, foldString, toOriginalRange, type FoldedText } from './fold';
export {
  compilePattern,
  escapeRegExp,
  FindPatternError,
  type FindOptions,
  type CompiledPattern,
} from './pattern';
export { PageLocator, type PagePlace } from './locate-pages';
export {
  findInEdition,
  matchBlock,
  contextAround,
  isWholeWord,
  CONTEXT_CHARS,
  type FindMatch,
  type FindRequest,
  type FindResult,
  type FindScope,
} from './search';
export {
  expandReplacement,
  replacementFor,
  replaceOperations,
  opsForReplacement,
  StaleMatchError,
  type Replacement,
} from './replace';
