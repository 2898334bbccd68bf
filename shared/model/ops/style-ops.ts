/** Style sheet operations: paragraph and character styles, role defaults, swatches. */
import type { CharacterStyle, ColorRef, Edition, Frame, Id, ParagraphStyle, Swatch } from '../types';
import { BLOCK_ROLES } from '../types';
import { blockRoleSchema, characterStyleSchema, paragraphStyleSchema, swatchSchema } from '../schema';
import type { AppliedOperation, StyleOperation } from './types';
import { OperationError, ensure } from './errors';
import { checkColor, checkShape } from './checks';
import { dropKey, hasKey, putKey } from './locate';
import { deleteCharacterStyle, deleteParagraphStyle } from './style-delete';

type Styled = { id: Id; basedOn: Id | null };

/** basedOn must exist and must not lead back to the style itself. */
function checkBasedOn(table: Record<Id, Styled>, style: Styled, opType: string): void {
  if (style.basedOn === null) return;
  ensure(hasKey(table, style.basedOn), opType, `basedOn style "${style.basedOn}" does not exist`);
  const seen = new Set<Id>([style.id]);
  let current: Id | null = style.basedOn;
  while (current !== null && hasKey(table, current)) {
    ensure(!seen.has(current), opType, `basing "${style.id}" on "${style.basedOn}" would make a loop`);
    seen.add(current);
    current = table[current].basedOn;
  }
}

function usedAsBasedOn(table: Record<Id, Styled>, id: Id): Id | undefined {
  return Object.values(table).find((s) => s.basedOn === id)?.id;
}

function frameColors(frame: Frame): (ColorRef | null)[] {
  const colors: (ColorRef | null)[] = [frame.stroke ? frame.stroke.color : null];
  if (frame.kind === 'text' || frame.kind === 'box') colors.push(frame.fill);
  return colors;
}

/** Where a swatch is used (for the refusal message), or undefined when it is free. */
function swatchUse(edition: Edition, swatchId: Id): string | undefined {
  for (const style of Object.values(edition.styles.paragraph))
    if (style.color?.swatchId === swatchId) return `paragraph style "${style.id}"`;
  for (const style of Object.values(edition.styles.character))
    if (style.color?.swatchId === swatchId) return `character style "${style.id}"`;
  for (const container of [...edition.pages, ...edition.masters]) {
    for (const frame of container.frames)
      if (frameColors(frame).some((c) => c?.swatchId === swatchId)) return `frame "${frame.id}"`;
  }
  return undefined;
}

export function applyStyleOperation(edition: Edition, op: StyleOperation): AppliedOperation {
  const { styles } = edition;
  switch (op.type) {
    case 'upsert_paragraph_style': {
      const style = checkShape(paragraphStyleSchema, op.style, op.type, 'style') as ParagraphStyle;
      const table = putKey(styles.paragraph, style.id, style, op.index);
      checkBasedOn(table, style, op.type);
      checkColor(edition, style.color, op.type, `style "${style.id}" color`);
      const old = styles.paragraph[style.id];
      return {
        edition: { ...edition, styles: { ...styles, paragraph: table } },
        inverse: hasKey(styles.paragraph, style.id)
          ? { type: 'upsert_paragraph_style', style: old }
          : { type: 'remove_paragraph_style', styleId: style.id },
      };
    }
    case 'remove_paragraph_style': {
      const id = op.styleId;
      ensure(hasKey(styles.paragraph, id), op.type, `paragraph style "${String(id)}" does not exist`);
      const role = BLOCK_ROLES.find((r) => styles.roleStyles[r] === id);
      ensure(
        role === undefined,
        op.type,
        `style "${id}" is the default of the ${role} role; choose another style for that role first`,
      );
      const child = usedAsBasedOn(styles.paragraph, id);
      ensure(child === undefined, op.type, `style "${child}" is based on "${id}"`);
      for (const story of Object.values(edition.stories)) {
        ensure(
          !story.blocks.some((b) => b.styleId === id),
          op.type,
          `style "${id}" is used in story "${story.id}"`,
        );
      }
      const { record, index } = dropKey(styles.paragraph, id);
      return {
        edition: { ...edition, styles: { ...styles, paragraph: record } },
        inverse: { type: 'upsert_paragraph_style', style: styles.paragraph[id], index },
      };
    }
    case 'upsert_character_style': {
      const style = checkShape(characterStyleSchema, op.style, op.type, 'style') as CharacterStyle;
      const table = putKey(styles.character, style.id, style, op.index);
      checkBasedOn(table, style, op.type);
      checkColor(edition, style.color, op.type, `style "${style.id}" color`);
      const old = styles.character[style.id];
      return {
        edition: { ...edition, styles: { ...styles, character: table } },
        inverse: hasKey(styles.character, style.id)
          ? { type: 'upsert_character_style', style: old }
          : { type: 'remove_character_style', styleId: style.id },
      };
    }
    case 'remove_character_style': {
      const id = op.styleId;
      ensure(hasKey(styles.character, id), op.type, `character style "${String(id)}" does not exist`);
      const child = usedAsBasedOn(styles.character, id);
      ensure(child === undefined, op.type, `style "${child}" is based on "${id}"`);
      for (const story of Object.values(edition.stories)) {
        const used = story.blocks.some((b) => b.children.some((leaf) => leaf.charStyleId === id));
        ensure(!used, op.type, `style "${id}" is used in story "${story.id}"`);
      }
      const { record, index } = dropKey(styles.character, id);
      return {
        edition: { ...edition, styles: { ...styles, character: record } },
        inverse: { type: 'upsert_character_style', style: styles.character[id], index },
      };
    }
    case 'delete_paragraph_style':
      return deleteParagraphStyle(edition, op.styleId, op.replaceWith ?? null);
    case 'delete_character_style':
      return deleteCharacterStyle(edition, op.styleId, op.replaceWith ?? null);
    case 'set_role_style': {
      checkShape(blockRoleSchema, op.role, op.type, 'role');
      ensure(
        hasKey(styles.paragraph, op.styleId),
        op.type,
        `paragraph style "${String(op.styleId)}" does not exist`,
      );
      return {
        edition: {
          ...edition,
          styles: { ...styles, roleStyles: { ...styles.roleStyles, [op.role]: op.styleId } },
        },
        inverse: { type: 'set_role_style', role: op.role, styleId: styles.roleStyles[op.role] },
      };
    }
    case 'upsert_swatch': {
      const swatch = checkShape(swatchSchema, op.swatch, op.type, 'swatch') as Swatch;
      const old = styles.swatches[swatch.id];
      return {
        edition: {
          ...edition,
          styles: { ...styles, swatches: putKey(styles.swatches, swatch.id, swatch, op.index) },
        },
        inverse: hasKey(styles.swatches, swatch.id)
          ? { type: 'upsert_swatch', swatch: old }
          : { type: 'remove_swatch', swatchId: swatch.id },
      };
    }
    case 'remove_swatch': {
      const id = op.swatchId;
      ensure(hasKey(styles.swatches, id), op.type, `swatch "${String(id)}" does not exist`);
      const use = swatchUse(edition, id);
      ensure(use === undefined, op.type, `swatch "${id}" is used by ${use}`);
      const { record, index } = dropKey(styles.swatches, id);
      return {
        edition: { ...edition, styles: { ...styles, swatches: record } },
        inverse: { type: 'upsert_swatch', swatch: styles.swatches[id], index },
      };
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown style operation');
  }
}
