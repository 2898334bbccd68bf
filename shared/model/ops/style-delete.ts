/**
 * Deleting a style with "replace by" (InDesign's "Delete style — replace
 * with"): one operation that removes a paragraph or character style and
 * hands everything that used it to another style, so the edition stays
 * valid and one undo brings it all back.
 *
 * - Paragraphs (or text runs) set in the deleted style take the
 *   replacement; with no replacement a paragraph goes back to its role's
 *   default and a run to its paragraph's look.
 * - Role defaults (`roleStyles`) that name it take the replacement; a style
 *   that is a role default can only be deleted with a replacement.
 * - Styles based on it are rebased onto the replacement — or onto the
 *   deleted style's own parent when there is no replacement or when basing
 *   on it would make a loop (the replacement is based on that child) — and
 *   keep their look: every property the old chain set and the new chain
 *   sets differently is written into the child itself.
 *
 * The inverse is one batch that puts the style back at its place in the
 * list, the children's old records, the role defaults and the stories'
 * paragraphs, so undo restores the exact JSON.
 */
import type { CharacterStyle, Edition, Id, ParagraphStyle, Story, StoryBlock, StyleSheets } from '../types';
import { BLOCK_ROLES } from '../types';
import { CHARACTER_PROPERTY_KEYS, PARAGRAPH_PROPERTY_KEYS } from '../styles';
import type { AppliedOperation, Operation } from './types';
import { ensure } from './errors';
import { dropKey, hasKey } from './locate';
import { normalizeLeaves } from './text';

type StyleRecord = { id: Id; basedOn: Id | null } & Record<string, unknown>;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The value the last style of a chain (root first) that sets `key` gives it, or undefined. */
function chainValue(table: Record<Id, StyleRecord>, id: Id | null, key: string): unknown {
  const seen = new Set<Id>();
  let at = id;
  while (at !== null && hasKey(table, at) && !seen.has(at)) {
    seen.add(at);
    const value = table[at][key];
    if (value !== undefined) return value;
    at = table[at].basedOn;
  }
  return undefined;
}

/** True when `id`'s basedOn chain in `table` passes through `target` (or is it). */
function chainReaches(table: Record<Id, StyleRecord>, id: Id, target: Id): boolean {
  const seen = new Set<Id>();
  let at: Id | null = id;
  while (at !== null && hasKey(table, at) && !seen.has(at)) {
    if (at === target) return true;
    seen.add(at);
    at = table[at].basedOn;
  }
  return false;
}

/**
 * The style table without `deleted`, its children rebased (keeping their
 * look over `keys`), and the old records of the children that changed.
 */
function rebaseChildren(
  table: Record<Id, StyleRecord>,
  deleted: Id,
  replaceWith: Id | null,
  keys: readonly string[],
): { table: Record<Id, StyleRecord>; changed: StyleRecord[] } {
  const parent = table[deleted].basedOn;
  const { record } = dropKey(table, deleted);
  const next: Record<Id, StyleRecord> = { ...record };
  const changed: StyleRecord[] = [];
  for (const child of Object.values(record)) {
    if (child.basedOn !== deleted) continue;
    const onReplacement =
      replaceWith !== null && replaceWith !== child.id && !chainReaches(next, replaceWith, child.id);
    const basedOn = onReplacement ? replaceWith : parent;
    const rebased: StyleRecord = { ...child, basedOn };
    for (const key of keys) {
      if (hasKey(child, key) && child[key] !== undefined) continue; // the child sets it: unchanged
      const before = chainValue(table, deleted, key);
      // Only what the old chain set can be kept; a value the new parent adds is inherited from it.
      if (before !== undefined && !sameJson(before, chainValue(next, basedOn, key))) rebased[key] = before;
    }
    next[child.id] = rebased;
    changed.push(child);
  }
  return { table: next, changed };
}

function checkReplacement(
  table: Record<Id, unknown>,
  styleId: Id,
  replaceWith: Id | null,
  opType: string,
  kind: string,
): void {
  ensure(hasKey(table, styleId), opType, `${kind} style "${String(styleId)}" does not exist`);
  ensure(
    replaceWith === null || typeof replaceWith === 'string',
    opType,
    'replaceWith must be a style id or null',
  );
  if (replaceWith === null) return;
  ensure(replaceWith !== styleId, opType, `style "${styleId}" cannot be replaced by itself`);
  ensure(hasKey(table, replaceWith), opType, `replacement ${kind} style "${replaceWith}" does not exist`);
}

/** Stories with their paragraphs changed by `edit` (null: paragraph unchanged), and the old stories. */
function editStories(
  edition: Edition,
  edit: (block: StoryBlock) => StoryBlock | null,
): { stories: Record<Id, Story>; old: Story[] } {
  const old: Story[] = [];
  let stories = edition.stories;
  for (const story of Object.values(edition.stories)) {
    let blocks: StoryBlock[] | null = null;
    story.blocks.forEach((block, i) => {
      const edited = edit(block);
      if (edited === null) return;
      blocks ??= story.blocks.slice();
      blocks[i] = edited;
    });
    if (blocks === null) continue;
    if (old.length === 0) stories = { ...stories };
    stories[story.id] = { ...story, blocks };
    old.push(story);
  }
  return { stories, old };
}

function inverseOf(
  kind: 'paragraph' | 'character',
  deleted: StyleRecord,
  index: number,
  children: StyleRecord[],
  roles: Operation[],
  stories: Story[],
): Operation {
  const upsert = (style: StyleRecord, at?: number): Operation =>
    kind === 'paragraph'
      ? { type: 'upsert_paragraph_style', style: style as unknown as ParagraphStyle, index: at }
      : { type: 'upsert_character_style', style: style as unknown as CharacterStyle, index: at };
  return {
    type: 'batch',
    ops: [
      upsert(deleted, index),
      ...children.map((child) => upsert(child)),
      ...roles,
      ...stories.map((story): Operation => ({
        type: 'set_story_blocks',
        storyId: story.id,
        blocks: story.blocks,
      })),
    ],
  };
}

/** Deletes a paragraph style; its paragraphs, role defaults and children go to `replaceWith`. */
export function deleteParagraphStyle(
  edition: Edition,
  styleId: Id,
  replaceWith: Id | null,
): AppliedOperation {
  const opType = 'delete_paragraph_style';
  const { styles } = edition;
  checkReplacement(styles.paragraph, styleId, replaceWith, opType, 'paragraph');
  const roles = BLOCK_ROLES.filter((role) => styles.roleStyles[role] === styleId);
  ensure(
    roles.length === 0 || replaceWith !== null,
    opType,
    `style "${styleId}" is the default of the ${roles.join(', ')} role; choose a style to replace it`,
  );
  const table = styles.paragraph as unknown as Record<Id, StyleRecord>;
  const index = Object.keys(table).indexOf(styleId);
  const rebased = rebaseChildren(table, styleId, replaceWith, PARAGRAPH_PROPERTY_KEYS);
  const roleStyles = { ...styles.roleStyles };
  for (const role of roles) roleStyles[role] = replaceWith!;
  const { stories, old } = editStories(edition, (block) => {
    if (block.styleId !== styleId) return null;
    if (replaceWith !== null) return { ...block, styleId: replaceWith };
    const { styleId: _dropped, ...rest } = block;
    return rest;
  });
  const nextStyles: StyleSheets = {
    ...styles,
    paragraph: rebased.table as unknown as Record<Id, ParagraphStyle>,
    roleStyles,
  };
  return {
    edition: { ...edition, styles: nextStyles, stories },
    inverse: inverseOf(
      'paragraph',
      table[styleId],
      index,
      rebased.changed,
      roles.map((role): Operation => ({ type: 'set_role_style', role, styleId })),
      old,
    ),
  };
}

/** Deletes a character style; its runs and children go to `replaceWith` (null: the paragraph's look). */
export function deleteCharacterStyle(
  edition: Edition,
  styleId: Id,
  replaceWith: Id | null,
): AppliedOperation {
  const opType = 'delete_character_style';
  const { styles } = edition;
  checkReplacement(styles.character, styleId, replaceWith, opType, 'character');
  const table = styles.character as unknown as Record<Id, StyleRecord>;
  const index = Object.keys(table).indexOf(styleId);
  const rebased = rebaseChildren(table, styleId, replaceWith, CHARACTER_PROPERTY_KEYS);
  const { stories, old } = editStories(edition, (block) => {
    if (!block.children.some((leaf) => leaf.charStyleId === styleId)) return null;
    const children = block.children.map((leaf) => {
      if (leaf.charStyleId !== styleId) return leaf;
      if (replaceWith !== null) return { ...leaf, charStyleId: replaceWith };
      const { charStyleId: _dropped, ...rest } = leaf;
      return rest;
    });
    // Runs that now carry the same marks join, as set_marks leaves them.
    return { ...block, children: normalizeLeaves(children) };
  });
  return {
    edition: {
      ...edition,
      styles: { ...styles, character: rebased.table as unknown as Record<Id, CharacterStyle> },
      stories,
    },
    inverse: inverseOf('character', table[styleId], index, rebased.changed, [], old),
  };
}
