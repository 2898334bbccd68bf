/**
 * The edition's house list of preferred forms (其它 → 其他, 惟一 → 唯一 …):
 * every occurrence of a listed form, with the preferred one as its fix. All
 * rules run as one regular expression (longest first), so a long list costs
 * one pass over the copy. Latin forms match whole words only; a form inside
 * its own preferred form (a rule Folio → Folio Press) is not reported where
 * the preferred form already stands.
 */
import { escapeRegExp, isWholeWord } from '../../find';
import type { HouseRule } from '../../model/types';
import type { PreflightFinding } from '../types';
import type { CopyScan } from './copy-scan';

export function houseStyle(scan: CopyScan, rules: readonly HouseRule[]): PreflightFinding[] {
  if (rules.length === 0) return [];
  const byForm = new Map<string, string>();
  for (const rule of rules) if (!byForm.has(rule.from)) byForm.set(rule.from, rule.to);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gu');
  const out: PreflightFinding[] = [];
  for (const p of scan.paragraphs()) {
    for (const m of p.text.matchAll(pattern)) {
      const from = m[0];
      const to = byForm.get(from)!;
      const end = m.index + from.length;
      if (!isWholeWord(p.text, m.index, end) || alreadyPreferred(p.text, m.index, from, to)) continue;
      out.push(
        scan.finding(
          'house-style',
          p,
          m.index,
          from.length,
          {
            text: `house style prefers "${to}" to "${from}"`,
            key: 'copy.finding.houseStyle',
            values: { to, from },
          },
          to,
        ),
      );
    }
  }
  return out;
}

function alreadyPreferred(text: string, at: number, from: string, to: string): boolean {
  for (let k = to.indexOf(from); k >= 0; k = to.indexOf(from, k + 1))
    if (text.slice(at - k, at - k + to.length) === to) return true;
  return false;
}
