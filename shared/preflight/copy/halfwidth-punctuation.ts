/**
 * Half-width punctuation between Han characters (示范区:真抓实干, 本报讯(记者):
 * Chinese copy takes the full-width marks. A stop counts when Chinese text is
 * on both sides of it — a Han character, or a full-width mark or quote — so
 * 21.8亿元, 36.5℃ and English inside Chinese copy are left alone; a bracket
 * counts when it holds Chinese.
 */
import type { PreflightFinding } from '../types';
import type { CopyScan } from './copy-scan';

export const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '.': '。',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const CHINESE_BEFORE = /[\p{Script=Han}，。、；：！？”’》）」』】]/u;
const CHINESE_AFTER = /[\p{Script=Han}“‘《（「『【]/u;
/** After a stop, the end of the paragraph or a closing mark also says "Chinese sentence". */
const CLOSING_AFTER = /[”’》）」』】，。、；：！？]/u;

export function halfwidthPunctuation(scan: CopyScan): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const p of scan.paragraphs()) {
    if (!p.han) continue;
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const mark = t[i];
      if (!(mark in FULL_WIDTH)) continue;
      const before = i > 0 ? t[i - 1] : '';
      const after = i + 1 < t.length ? t[i + 1] : '';
      let hit: boolean;
      // Brackets go by what they hold: Chinese inside takes full-width brackets.
      if (mark === '(') hit = CHINESE_AFTER.test(after);
      else if (mark === ')') hit = CHINESE_BEFORE.test(before);
      else if (mark === '.')
        // A full stop: only where a sentence ends (a Han character before, Chinese or nothing after).
        hit =
          /\p{Script=Han}/u.test(before) &&
          (after === '' || CHINESE_AFTER.test(after) || CLOSING_AFTER.test(after));
      else
        hit =
          CHINESE_BEFORE.test(before) &&
          (after === '' || CHINESE_AFTER.test(after) || CLOSING_AFTER.test(after));
      if (!hit) continue;
      out.push(
        scan.finding(
          'halfwidth-punctuation',
          p,
          i,
          1,
          {
            text: `half-width "${mark}" in Chinese text`,
            key: 'copy.finding.halfwidthPunctuation',
            values: { fix: FULL_WIDTH[mark] },
          },
          FULL_WIDTH[mark],
        ),
      );
    }
  }
  return out;
}
