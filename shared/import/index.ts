/** Structure-aware import of newspaper copy: see docs/import.md. */
export type * from './types';
export { importDocument, importText, importMarkdown, importWordHtml } from './import-copy';
export { parseText } from './parse-text';
export { parseMarkdown, parseInline } from './parse-markdown';
export { parseHtml } from './parse-html';
export { fixPunctuation, punctuationEdits } from './punctuation';
export { detectLanguage } from './script';
export { runsText } from './runs';
