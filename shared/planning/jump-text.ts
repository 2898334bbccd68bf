/**
 * The words of a jump line (转版): edition content in the edition's
 * language, not the UI's — a Chinese paper prints 下转第5版 whatever
 * language its designer's menus are in.
 *
 * Page references are the page numbers the folio line prints (plan.ts
 * pageLabels), so the reader finds the same number at the top of the page
 * the line sends them to. Newspaper convention for the Chinese default: a
 * plain number takes 第 (下转第5版, 上接第1版); a section page number keeps
 * its letter and digits as the folio prints them, without 第 (下转A05版,
 * 上接A01版), as papers numbering pages by section do. English: Continued
 * on page 5 / Continued on page A05.
 */
import type { EditionMeta, JumpLineSettings } from '../model/types';

export type JumpKind = 'jump-to' | 'jump-from';

/** The `{page}` placeholder of the desk's own wording. */
export const JUMP_PAGE_FIELD = '{page}';

const DEFAULTS: Record<EditionMeta['language'], Record<JumpKind, (label: string) => string>> = {
  'zh-Hans': {
    'jump-to': (label) => `下转${chinesePageRef(label)}版`,
    'jump-from': (label) => `上接${chinesePageRef(label)}版`,
  },
  en: {
    'jump-to': (label) => `Continued on page ${label}`,
    'jump-from': (label) => `Continued from page ${label}`,
  },
};

/** 第5 for a plain page number, A05 for a section's page number. */
function chinesePageRef(label: string): string {
  return /^\d+$/.test(label) ? `第${label}` : label;
}

/**
 * The jump line's text: the desk's wording (`continuedOn` / `continuedFrom`,
 * every `{page}` replaced by the page label) or, when that is empty, the
 * edition language's default.
 */
export function jumpLineText(
  settings: Pick<JumpLineSettings, 'continuedOn' | 'continuedFrom'>,
  language: EditionMeta['language'],
  kind: JumpKind,
  pageLabel: string,
): string {
  const own = kind === 'jump-to' ? settings.continuedOn : settings.continuedFrom;
  if (own.trim() !== '') return own.split(JUMP_PAGE_FIELD).join(pageLabel);
  return (DEFAULTS[language] ?? DEFAULTS.en)[kind](pageLabel);
}
