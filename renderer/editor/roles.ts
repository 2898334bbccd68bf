/**
 * Block roles in the story editor: their order in the menu, their
 * shortcuts (Ctrl/Cmd+Alt+digit, as InDesign's paragraph-style shortcuts)
 * and how a block looks in the galley (a hint of the role, not the page's
 * typography — the page shows that).
 */
import type { CSSProperties } from 'react';
import type { BlockRole } from '../../shared/model/types';

/** Ctrl/Cmd+Alt+<digit> sets the role. */
export const ROLE_SHORTCUTS: Record<string, BlockRole> = {
  '0': 'body',
  '1': 'headline',
  '2': 'subheadline',
  '3': 'kicker',
  '4': 'section-head',
  '5': 'byline',
  '6': 'lead-in',
  '7': 'caption',
  '8': 'credit',
  '9': 'department',
};

/** The role a new paragraph gets after Enter at the end of a block of this role. */
export function roleAfterBreak(role: BlockRole): BlockRole {
  return role === 'caption' || role === 'credit' || role === 'folio' ? role : 'body';
}

export function shortcutOf(role: BlockRole): string | null {
  const entry = Object.entries(ROLE_SHORTCUTS).find(([, r]) => r === role);
  return entry ? entry[0] : null;
}

const base: CSSProperties = { margin: '0 0 6px', lineHeight: 1.5 };

export function roleStyle(role: BlockRole): CSSProperties {
  switch (role) {
    case 'banner':
    case 'headline':
      return { ...base, fontSize: '1.35em', fontWeight: 700 };
    case 'subheadline':
    case 'kicker':
    case 'department':
      return { ...base, fontSize: '1.1em', fontWeight: 600, color: '#444' };
    case 'section-head':
      return { ...base, fontWeight: 700 };
    case 'byline':
    case 'lead-in':
    case 'credit':
      return { ...base, fontStyle: 'italic', color: '#555' };
    case 'caption':
      return { ...base, fontSize: '0.92em', color: '#335' };
    default:
      return base;
  }
}
