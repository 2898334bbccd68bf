/**
 * Page ranges as users type them: `1-3,5`, `7`, `2-`, `-4`. Page numbers are
 * 1-based positions in the edition.
 */

export class PageRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageRangeError';
  }
}

/** The selected page numbers in ascending order, each once. Throws PageRangeError with the reason. */
export function parsePageRange(text: string, pageCount: number): number[] {
  const selected = new Set<number>();
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new PageRangeError(`bad page range '${text}': empty part`);
  for (const part of parts) {
    const match = /^(\d*)\s*(-?)\s*(\d*)$/.exec(part);
    if (!match || (match[1] === '' && match[3] === '') || (!match[2] && match[3] !== '')) {
      throw new PageRangeError(`bad page range '${text}': '${part}' is not a page or a range like 1-3`);
    }
    const from = match[1] === '' ? 1 : Number(match[1]);
    const to = match[2] ? (match[3] === '' ? pageCount : Number(match[3])) : from;
    if (from < 1 || to < 1) throw new PageRangeError(`bad page range '${text}': pages start at 1`);
    if (from > to) throw new PageRangeError(`bad page range '${text}': ${from} comes after ${to}`);
    if (to > pageCount) {
      throw new PageRangeError(
        `bad page range '${text}': the edition has ${pageCount} page${pageCount === 1 ? '' : 's'}`,
      );
    }
    for (let page = from; page <= to; page++) selected.add(page);
  }
  return [...selected].sort((a, b) => a - b);
}
