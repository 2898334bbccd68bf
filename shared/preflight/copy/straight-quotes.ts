/**
 * Straight quotes (" and ') in Chinese text, which takes “ ” and ‘ ’. The
 * fix turns each into the opening or closing quote by its place among the
 * paragraph's straight quotes (the first opens, the second closes …). An
 * apostrophe between Latin letters (Let's) is left alone.
 */
import type { PreflightFinding } from '../types';
import type { CopyScan } from './copy-scan';

const LATIN = /[A-Za-z]/;

export function straightQuotes(scan: CopyScan): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const p of scan.paragraphs()) {
    if (!p.han) continue;
    const t = p.text;
    let doubles = 0;
    let singles = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c !== '"' && c !== "'") continue;
      if (c === "'" && LATIN.test(t[i - 1] ?? '') && LATIN.test(t[i + 1] ?? '')) continue;
      const opening = (c === '"' ? doubles++ : singles++) % 2 === 0;
      const curly = c === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’';
      out.push(
        scan.finding(
          'straight-quotes',
          p,
          i,
          1,
          {
            text: `straight quote ${c} in Chinese text`,
            key: 'copy.finding.straightQuote',
            values: { fix: curly },
          },
          curly,
        ),
      );
    }
  }
  return out;
}
