/**
 * One-click fixes for copy findings, as model operations through the one
 * apply path (so a fix is one undo step and journaled like typing). The
 * text must still be what the finding saw; an edited paragraph is refused
 * with StaleMatchError ("run preflight again") rather than fixed wrongly.
 */
import { replaceOperations } from '../../find';
import type { Operation } from '../../model/ops/types';
import type { Edition } from '../../model/types';
import type { TextFix, TextLocation } from '../types';

/** The operations that apply a finding's fix; [] when it has none. */
export function copyFixOperations(
  edition: Edition,
  finding: { text?: TextLocation; fix?: TextFix },
): Operation[] {
  if (!finding.text || !finding.fix) return [];
  const { storyId, block, offset, length, match } = finding.text;
  return replaceOperations(edition, [
    { storyId, block, start: offset, end: offset + length, text: match, with: finding.fix.replacement },
  ]);
}

/** The operation that adds a word to the edition's spelling dictionary (null: it is there already). */
export function addToDictionaryOperation(edition: Edition, word: string): Operation | null {
  const settings = edition.copyChecks ?? {};
  const words = settings.dictionary ?? [];
  if (words.some((w) => w.toLowerCase() === word.toLowerCase())) return null;
  return { type: 'set_copy_checks', settings: { ...settings, dictionary: [...words, word] } };
}
