/**
 * English spelling, with the host's Hunspell dictionary (nspell with
 * dictionary-en in the main process) plus the words the edition and the
 * user accept. Acronyms (NATO, COVID), words with digits and words with
 * capitals inside (iPhone, McDonald) are left alone: a dictionary cannot
 * judge them. The fix is the dictionary's first suggestion, when it has one.
 */
import type { PreflightFinding, Speller } from '../types';
import type { CopyScan } from './copy-scan';

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;
/** Suggestions cost a dictionary search each; past this many distinct words, findings carry no fix. */
const MAX_SUGGESTED = 40;

function skip(word: string): boolean {
  if (word.length < 2) return true;
  if (word === word.toUpperCase()) return true; // acronyms
  if (/[A-Z]/.test(word.slice(1)) && word.slice(1) !== word.slice(1).toUpperCase()) return true; // iPhone, McDonald
  return false;
}

export function spelling(scan: CopyScan, speller: Speller, accepted: readonly string[]): PreflightFinding[] {
  const ok = new Set(accepted.map((w) => w.toLowerCase()));
  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, string | null>();
  const out: PreflightFinding[] = [];
  for (const p of scan.paragraphs()) {
    for (const m of p.text.matchAll(WORD)) {
      // Joined to letters or digits of another script or a number (H5N1, 5G), it is not an English word.
      const before = p.text[m.index - 1] ?? '';
      const after = p.text[m.index + m[0].length] ?? '';
      if (/[0-9_-]/.test(before) || /[0-9_]/.test(after)) continue;
      const word = m[0].replace(/’/g, "'");
      const bare = word.replace(/'s$/i, '');
      if (skip(bare) || ok.has(bare.toLowerCase()) || ok.has(word.toLowerCase())) continue;
      let correct = verdicts.get(word);
      if (correct === undefined) {
        correct = speller.correct(word) || (bare !== word && speller.correct(bare));
        verdicts.set(word, correct);
      }
      if (correct) continue;
      let suggestion = suggestions.get(word);
      if (suggestion === undefined && suggestions.size < MAX_SUGGESTED) {
        suggestion = speller.suggest(word)[0] ?? null;
        suggestions.set(word, suggestion);
      }
      out.push(
        scan.finding(
          'spelling',
          p,
          m.index,
          m[0].length,
          {
            text: suggestion
              ? `"${m[0]}" is not in the dictionary; did you mean "${suggestion}"?`
              : `"${m[0]}" is not in the dictionary`,
            key: suggestion ? 'copy.finding.spellingSuggest' : 'copy.finding.spelling',
            values: { word: m[0], suggestion: suggestion ?? '' },
          },
          suggestion ?? undefined,
        ),
      );
    }
  }
  return out;
}
