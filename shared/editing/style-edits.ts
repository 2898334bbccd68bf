/**
 * Style sheet commands as model operations: create a paragraph or
 * character style (based on another), change one, apply one to
 * paragraphs, set a role's default, add a CMYK swatch. Changing a style
 * recomposes every story that uses it, because the composer resolves
 * styles at composition time.
 */
import { LocalizedError } from '../services/locales/localized-error';
import type {
  CharacterStyle,
  CharacterStyleProps,
  Edition,
  Id,
  ParagraphStyle,
  ParagraphStyleProps,
  Swatch,
} from '../model/types';
import type { Operation } from '../model/ops/types';
import type { IdGenerator } from '../model/ids';

export function createParagraphStyle(
  edition: Edition,
  name: string,
  basedOn: Id | null,
  props: Partial<ParagraphStyleProps>,
  ids: IdGenerator,
): { ops: Operation[]; styleId: Id } {
  if (basedOn && !edition.styles.paragraph[basedOn])
    throw new Error(`based-on style ${basedOn} does not exist`);
  const styleId = ids('paragraph-style');
  const style: ParagraphStyle = { ...props, id: styleId, name: name.trim() || 'Style', basedOn };
  return { styleId, ops: [{ type: 'upsert_paragraph_style', style }] };
}

/**
 * Changes properties of a paragraph style; `undefined` values remove an
 * override so the property comes from the based-on style again.
 */
export function updateParagraphStyle(
  edition: Edition,
  styleId: Id,
  change: Partial<ParagraphStyleProps> & { name?: string; basedOn?: Id | null },
): Operation[] {
  const current = edition.styles.paragraph[styleId];
  if (!current) throw new Error(`paragraph style ${styleId} does not exist`);
  if (change.basedOn && wouldLoop(edition.styles.paragraph, styleId, change.basedOn)) {
    throw new LocalizedError('error.style.cycle', { name: current.name });
  }
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return [{ type: 'upsert_paragraph_style', style: next as unknown as ParagraphStyle }];
}

function wouldLoop(styles: Record<Id, { basedOn: Id | null }>, styleId: Id, basedOn: Id): boolean {
  let at: Id | null = basedOn;
  const seen = new Set<Id>();
  while (at && !seen.has(at)) {
    if (at === styleId) return true;
    seen.add(at);
    at = styles[at]?.basedOn ?? null;
  }
  return false;
}

export function createCharacterStyle(
  edition: Edition,
  name: string,
  basedOn: Id | null,
  props: Partial<Omit<CharacterStyle, 'id' | 'name' | 'basedOn'>>,
  ids: IdGenerator,
): { ops: Operation[]; styleId: Id } {
  if (basedOn && !edition.styles.character[basedOn])
    throw new Error(`based-on style ${basedOn} does not exist`);
  const styleId = ids('character-style');
  return {
    styleId,
    ops: [{ type: 'upsert_character_style', style: { ...props, id: styleId, name, basedOn } }],
  };
}

/** Applies a paragraph style to paragraphs of a story (null: back to the role's default). */
export function applyParagraphStyle(storyId: Id, blocks: readonly number[], styleId: Id | null): Operation[] {
  return blocks.map((block): Operation => ({ type: 'set_block', storyId, block, props: { styleId } }));
}

/** A CMYK swatch (percentages 0–100), optionally a spot colour. */
export function createSwatch(
  name: string,
  cmyk: [number, number, number, number],
  ids: IdGenerator,
  spot: string | null = null,
): { ops: Operation[]; swatchId: Id } {
  const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v * 10) / 10));
  const swatch: Swatch = { id: ids('swatch'), name, cmyk: cmyk.map(clamp) as Swatch['cmyk'], spot };
  return { swatchId: swatch.id, ops: [{ type: 'upsert_swatch', swatch }] };
}

/** Stories that use a paragraph style, directly, through their role's default, or through based-on. */
export function storiesUsingStyle(edition: Edition, styleId: Id): Id[] {
  const derived = new Set<Id>([styleId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const style of Object.values(edition.styles.paragraph)) {
      if (style.basedOn && derived.has(style.basedOn) && !derived.has(style.id)) {
        derived.add(style.id);
        grew = true;
      }
    }
  }
  const out: Id[] = [];
  for (const story of Object.values(edition.stories)) {
    const uses = story.blocks.some((block) =>
      derived.has(block.styleId ?? edition.styles.roleStyles[block.type]),
    );
    if (uses) out.push(story.id);
  }
  return out;
}

/**
 * Changes properties of a character style; `undefined` values remove an
 * override (the run then takes the value from the based-on chain or, where
 * nothing sets it, from its paragraph).
 */
export function updateCharacterStyle(
  edition: Edition,
  styleId: Id,
  change: Partial<CharacterStyleProps> & { name?: string; basedOn?: Id | null },
): Operation[] {
  const current = edition.styles.character[styleId];
  if (!current) throw new Error(`character style ${styleId} does not exist`);
  if (change.basedOn && !edition.styles.character[change.basedOn])
    throw new Error(`based-on style ${change.basedOn} does not exist`);
  if (change.basedOn && wouldLoop(edition.styles.character, styleId, change.basedOn)) {
    throw new LocalizedError('error.style.cycle', { name: current.name });
  }
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return [{ type: 'upsert_character_style', style: next as unknown as CharacterStyle }];
}
