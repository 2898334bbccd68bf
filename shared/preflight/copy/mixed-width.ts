/**
 * Full-width and half-width digits (２０２２ / 2022), or Latin letters
 * (ＡＢＣ / ABC), mixed in one story. The story's majority form is taken as
 * its style (half-width on a tie, as GB/T 15835 sets numbers); each run in
 * the other form is reported, with the fix converting it.
 */
import type { PreflightFinding } from '../types';
import type { CopyScan } from './copy-scan';

interface Kind {
  name: 'digits' | 'letters';
  full: RegExp;
  half: RegExp;
}

const KINDS: Kind[] = [
  { name: 'digits', full: /[０-９]+/g, half: /[0-9]+/g },
  { name: 'letters', full: /[Ａ-Ｚａ-ｚ]+/g, half: /[A-Za-z]+/g },
];

const toHalf = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const toFull = (s: string) =>
  s.replace(/[\u0021-\u007e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function mixedWidth(scan: CopyScan): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const story of scan.stories) {
    const paragraphs = story.paragraphs.filter((p) => p.role !== 'folio');
    for (const kind of KINDS) {
      let full = 0;
      let half = 0;
      for (const p of paragraphs) {
        for (const m of p.text.matchAll(kind.full)) full += m[0].length;
        for (const m of p.text.matchAll(kind.half)) half += m[0].length;
      }
      if (full === 0 || half === 0) continue;
      const minority = full > half ? kind.half : kind.full;
      const convert = full > half ? toFull : toHalf;
      const form = full > half ? 'half-width' : 'full-width';
      for (const p of paragraphs) {
        for (const m of p.text.matchAll(minority)) {
          out.push(
            scan.finding(
              'mixed-width',
              p,
              m.index,
              m[0].length,
              {
                text: `${form} ${kind.name} in a story that mostly uses the other width (${full} full-width, ${half} half-width)`,
                key:
                  full > half
                    ? `copy.finding.halfWidthAmongFull.${kind.name}`
                    : `copy.finding.fullWidthAmongHalf.${kind.name}`,
                values: { full, half },
              },
              convert(m[0]),
            ),
          );
        }
      }
    }
  }
  return out;
}
