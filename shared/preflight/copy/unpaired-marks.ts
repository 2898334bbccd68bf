/**
 * Quotes, brackets and title marks that open and never close, or close what
 * was never opened: “…, ……）, 《…. Brackets pair within a paragraph; quotes
 * within a story, by the Chinese (and English) convention for a quotation
 * of several paragraphs: each paragraph opens again with “ and only the
 * last one closes. An apostrophe (don’t, 80’s) is not a closing quote, and
 * a list marker such as 1) or a) is not a lonely bracket.
 */
import type { PreflightFinding } from '../types';
import type { CopyParagraph, CopyScan } from './copy-scan';

/** Opening marks and the closing marks that end them (full- and half-width brackets pair either way). */
const CLOSERS: Record<string, string> = {
  '（': '）)',
  '(': ')）',
  '【': '】',
  '〔': '〕',
  '［': '］]',
  '[': ']］',
  '｛': '｝}',
  '{': '}｝',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
};
const BRACKET_CLOSE = new Set(Object.values(CLOSERS).flatMap((s) => [...s]));
const LATIN_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What a list marker ends with before its bracket: 1) a) 一) ⑵ … */
const LIST_MARK = /(^|[\s，。、；：“”（(])[0-9A-Za-z一二三四五六七八九十]{1,2}$/u;

interface Open {
  mark: string;
  paragraph: CopyParagraph;
  offset: number;
}

export function unpairedMarks(scan: CopyScan): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const report = (p: CopyParagraph, offset: number, kind: 'open' | 'close') => {
    const mark = p.text[offset];
    out.push(
      scan.finding('unpaired-marks', p, offset, 1, {
        text: kind === 'open' ? `"${mark}" is never closed` : `"${mark}" closes nothing`,
        key: kind === 'open' ? 'copy.finding.neverClosed' : 'copy.finding.closesNothing',
      }),
    );
  };

  for (const story of scan.stories) {
    const quotes: Open[] = [];
    for (const p of story.paragraphs) {
      if (p.role === 'folio') continue;
      const t = p.text;
      let start = 0;
      // A quotation running on: this paragraph opens again with the same quote.
      if (quotes.length > 0) {
        if (t[0] === quotes[quotes.length - 1].mark) start = 1;
        else {
          for (const open of quotes) report(open.paragraph, open.offset, 'open');
          quotes.length = 0;
        }
      }
      const brackets: Open[] = [];
      let straight: number[] = [];
      for (let i = start; i < t.length; i++) {
        const c = t[i];
        if (c === '“' || c === '‘') quotes.push({ mark: c, paragraph: p, offset: i });
        else if (c === '”' || c === '’') {
          const want = c === '”' ? '“' : '‘';
          const at = lastIndexOf(quotes, want);
          if (at >= 0) {
            // A quote left open inside this one (‘ inside “…”) is reported, then dropped.
            for (const inner of quotes.splice(at).slice(1)) report(inner.paragraph, inner.offset, 'open');
            continue;
          }
          // An apostrophe: don’t, 80’s, ’80s.
          if (c === '’' && (LATIN_OR_DIGIT.test(t[i - 1] ?? '') || /[0-9]/.test(t[i + 1] ?? ''))) continue;
          report(p, i, 'close');
        } else if (c in CLOSERS) brackets.push({ mark: c, paragraph: p, offset: i });
        else if (BRACKET_CLOSE.has(c)) {
          let at = -1;
          for (let k = brackets.length - 1; k >= 0; k--)
            if (CLOSERS[brackets[k].mark].includes(c)) {
              at = k;
              break;
            }
          if (at >= 0) {
            for (const open of brackets.splice(at).slice(1)) report(p, open.offset, 'open');
            continue;
          }
          if ((c === ')' || c === '）') && LIST_MARK.test(t.slice(Math.max(0, i - 3), i))) continue;
          report(p, i, 'close');
        } else if (c === '"' && !p.han) straight.push(i);
      }
      for (const open of brackets) report(p, open.offset, 'open');
      // English straight quotes pair by count; an odd one out is the last.
      if (straight.length % 2 === 1) report(p, straight[straight.length - 1], 'open');
      straight = [];
    }
    for (const open of quotes) report(open.paragraph, open.offset, 'open');
  }
  // Reading order: stories as scanned, then paragraph and offset (quotes are reported late).
  const rank = new Map(scan.stories.map((story, i) => [story.storyId, i]));
  return out.sort(
    (a, b) =>
      rank.get(a.text!.storyId)! - rank.get(b.text!.storyId)! ||
      a.text!.block - b.text!.block ||
      a.text!.offset - b.text!.offset,
  );
}

function lastIndexOf(opens: Open[], mark: string): number {
  for (let k = opens.length - 1; k >= 0; k--) if (opens[k].mark === mark) return k;
  return -1;
}
