/**
 * Spaces between Han characters in running text (正文): Chinese is set
 * without spaces, so one there is usually left over from a line break or an
 * edit. Display roles (headlines, banners, section heads, bylines, lead-ins,
 * captions) use spaces between phrases and names on purpose, and so does a
 * reporter credit inside body text — （记者 姬慧洋 通讯员 王晓禾） — so
 * those are left alone.
 */
import type { PreflightFinding } from '../types';
import type { CopyScan } from './copy-scan';

const SPACE_BETWEEN_HAN =
  /(?<=[\p{Script=Han}，。、；：！？”》）])[ \u3000\u00a0]+(?=[\p{Script=Han}，。、；：！？“《（])|(?<=\p{Script=Han})[ \u3000\u00a0]+(?=[，。、；：！？”》）])/gu;
const CREDIT = /[（(][^（()）]*(记者|通讯员|实习生|摄影|摄|文\/图|图\/文)[^（()）]*[)）]/gu;

export function hanSpaces(scan: CopyScan): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const p of scan.paragraphs()) {
    if (p.role !== 'body' || !p.han) continue;
    const credits = [...p.text.matchAll(CREDIT)].map((m) => [m.index, m.index + m[0].length]);
    for (const m of p.text.matchAll(SPACE_BETWEEN_HAN)) {
      if (credits.some(([a, b]) => m.index > a && m.index < b)) continue;
      out.push(
        scan.finding(
          'han-spaces',
          p,
          m.index,
          m[0].length,
          { text: 'space between Han characters', key: 'copy.finding.hanSpace' },
          '',
        ),
      );
    }
  }
  return out;
}
