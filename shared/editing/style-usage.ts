/**
 * Where a style is used, and what can take over from it, so the "delete
 * style — replace with" form can say what the deletion touches and offer
 * only replacements the operation accepts.
 */
import type { BlockRole, Edition, Id } from '../model/types';
import { BLOCK_ROLES } from '../model/types';

export interface StyleUsage {
  /** Paragraphs (paragraph style) or text runs (character style) set in the style itself. */
  uses: number;
  /** Styles based on it directly. */
  children: Id[];
  /** Roles whose default it is (paragraph styles only). */
  roles: BlockRole[];
}

export function paragraphStyleUsage(edition: Edition, styleId: Id): StyleUsage {
  let uses = 0;
  for (const story of Object.values(edition.stories))
    for (const block of story.blocks) if (block.styleId === styleId) uses++;
  return {
    uses,
    children: Object.values(edition.styles.paragraph)
      .filter((s) => s.basedOn === styleId)
      .map((s) => s.id),
    roles: BLOCK_ROLES.filter((role) => edition.styles.roleStyles[role] === styleId),
  };
}

export function characterStyleUsage(edition: Edition, styleId: Id): StyleUsage {
  let uses = 0;
  for (const story of Object.values(edition.stories))
    for (const block of story.blocks)
      for (const leaf of block.children) if (leaf.charStyleId === styleId) uses++;
  return {
    uses,
    children: Object.values(edition.styles.character)
      .filter((s) => s.basedOn === styleId)
      .map((s) => s.id),
    roles: [],
  };
}

/**
 * The replacement the form proposes first: for a role default (which needs
 * one) its parent, else the first other style; otherwise none (paragraphs
 * go back to their role's default, runs to their paragraph's look).
 */
export function proposedReplacement(
  table: Record<Id, { id: Id; basedOn: Id | null }>,
  styleId: Id,
  usage: StyleUsage,
): Id | null {
  if (usage.roles.length === 0) return null;
  const parent = table[styleId]?.basedOn;
  if (parent && parent !== styleId && table[parent]) return parent;
  return Object.keys(table).find((id) => id !== styleId) ?? null;
}
