/**
 * Validation of an edition: shape and ranges (schema.ts), then the
 * cross-references the schema cannot see. Every issue names the JSON path
 * where it was found, e.g. `pages[0].frames[2].width`.
 */
import type { z } from 'zod';
import type { ColorRef, Edition, Frame, Id } from './types';
import { BLOCK_ROLES } from './types';
import { editionSchema } from './schema';

export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `stories["st-1"].thread[0]`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; edition: Edition } | { ok: false; issues: ValidationIssue[] };

/** Formats a path of keys the way a user reads it in JSON: a.b[0]["odd key"]. */
export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

/** `base` followed by one key: child('stories', 'st-1') → stories["st-1"]. */
function child(base: string, key: string): string {
  return formatPath([key], base);
}

/** One line listing the first `max` issues, e.g. for an error message. */
export function summarizeIssues(issues: readonly ValidationIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return shown.join('; ') + more;
}

export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Validates shape, ranges and references of a current-version edition. */
export function validateEdition(value: unknown): ValidationResult {
  // zod silently drops "__proto__" keys (rightly, against prototype pollution); a story or
  // asset stored under that key would vanish without a word, so refuse it by name instead.
  const protoPath = findProtoKey(value, []);
  if (protoPath)
    return {
      ok: false,
      issues: [{ path: formatPath(protoPath), message: 'the key "__proto__" is not allowed' }],
    };
  const parsed = editionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const edition = parsed.data as unknown as Edition;
  const issues = checkReferences(edition);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, edition };
}

/**
 * Cross-reference checks on an edition whose shape is already valid: ids
 * unique and matching their record keys, masters, swatches, styles and
 * assets referenced exist, threads name existing text frames and a frame is
 * in at most one thread.
 */
export function checkReferences(edition: Edition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const { styles } = edition;

  const checkColor = (color: ColorRef | null | undefined, path: string) => {
    if (color && !has(styles.swatches, color.swatchId))
      add(`${path}.swatchId`, `swatch "${color.swatchId}" does not exist`);
  };

  // Records: the key is the id.
  const records: [string, Record<Id, { id: Id }>][] = [
    ['stories', edition.stories],
    ['assets', edition.assets],
    ['styles.paragraph', styles.paragraph],
    ['styles.character', styles.character],
    ['styles.swatches', styles.swatches],
  ];
  for (const [name, record] of records) {
    for (const [key, item] of Object.entries(record)) {
      if (item.id !== key) add(`${child(name, key)}.id`, `id "${item.id}" differs from its key "${key}"`);
    }
  }

  // Pages, masters and frames: unique ids; frames unique across the edition.
  const masterIds = new Set<Id>();
  edition.masters.forEach((m, i) => {
    if (masterIds.has(m.id)) add(`masters[${i}].id`, `duplicate master id "${m.id}"`);
    masterIds.add(m.id);
  });
  const pageIds = new Set<Id>();
  const frames = new Map<Id, Frame>();
  const checkFrames = (list: Frame[], base: string) =>
    list.forEach((frame, i) => {
      const path = `${base}.frames[${i}]`;
      if (frames.has(frame.id)) add(`${path}.id`, `duplicate frame id "${frame.id}"`);
      frames.set(frame.id, frame);
      if (frame.kind === 'text' || frame.kind === 'box') checkColor(frame.fill, `${path}.fill`);
      if (frame.stroke) checkColor(frame.stroke.color, `${path}.stroke.color`);
      if (frame.kind === 'image') {
        if (frame.assetId !== null && !has(edition.assets, frame.assetId)) {
          add(`${path}.assetId`, `asset "${frame.assetId}" does not exist`);
        }
        if (frame.captionStoryId !== null && !has(edition.stories, frame.captionStoryId)) {
          add(`${path}.captionStoryId`, `story "${frame.captionStoryId}" does not exist`);
        }
      }
    });
  edition.masters.forEach((m, i) => checkFrames(m.frames, `masters[${i}]`));
  edition.pages.forEach((page, i) => {
    if (pageIds.has(page.id)) add(`pages[${i}].id`, `duplicate page id "${page.id}"`);
    pageIds.add(page.id);
    if (page.masterId !== null && !masterIds.has(page.masterId)) {
      add(`pages[${i}].masterId`, `master "${page.masterId}" does not exist`);
    }
    checkFrames(page.frames, `pages[${i}]`);
  });

  // Threads.
  const threadOwner = new Map<Id, Id>();
  for (const [key, story] of Object.entries(edition.stories)) {
    const base = child('stories', key);
    story.thread.forEach((frameId, i) => {
      const path = `${base}.thread[${i}]`;
      const frame = frames.get(frameId);
      if (!frame) return add(path, `frame "${frameId}" does not exist`);
      if (frame.kind !== 'text')
        return add(path, `frame "${frameId}" is a ${frame.kind} frame, not a text frame`);
      const owner = threadOwner.get(frameId);
      if (owner !== undefined) {
        return add(path, `frame "${frameId}" is already in the thread of story "${owner}"`);
      }
      threadOwner.set(frameId, story.id);
    });
    story.blocks.forEach((block, b) => {
      if (block.styleId !== undefined && !has(styles.paragraph, block.styleId)) {
        add(`${base}.blocks[${b}].styleId`, `paragraph style "${block.styleId}" does not exist`);
      }
      block.children.forEach((leaf, l) => {
        if (leaf.charStyleId !== undefined && !has(styles.character, leaf.charStyleId)) {
          add(
            `${base}.blocks[${b}].children[${l}].charStyleId`,
            `character style "${leaf.charStyleId}" does not exist`,
          );
        }
      });
    });
  }

  // Styles.
  for (const kind of ['paragraph', 'character'] as const) {
    const table = styles[kind] as Record<Id, { id: Id; basedOn: Id | null; color?: ColorRef }>;
    for (const [key, style] of Object.entries(table)) {
      const path = child(`styles.${kind}`, key);
      if (style.basedOn !== null && !has(table, style.basedOn)) {
        add(`${path}.basedOn`, `${kind} style "${style.basedOn}" does not exist`);
      } else if (basedOnCycle(table, key)) {
        add(`${path}.basedOn`, `the basedOn chain of "${key}" loops back on itself`);
      }
      checkColor(style.color, `${path}.color`);
    }
  }
  for (const role of BLOCK_ROLES) {
    const styleId = styles.roleStyles[role];
    if (!has(styles.paragraph, styleId))
      add(child('styles.roleStyles', role), `paragraph style "${styleId}" does not exist`);
  }

  // Assets: one package path per asset.
  const assetPaths = new Map<string, Id>();
  for (const [key, asset] of Object.entries(edition.assets)) {
    const other = assetPaths.get(asset.path);
    if (other !== undefined)
      add(`${child('assets', key)}.path`, `path "${asset.path}" is also used by asset "${other}"`);
    assetPaths.set(asset.path, asset.id);
  }
  return issues;
}

function findProtoKey(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProtoKey(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return [...path, key];
    const found = findProtoKey((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

function has(record: Record<Id, unknown>, key: Id): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function basedOnCycle(table: Record<Id, { basedOn: Id | null }>, start: Id): boolean {
  const seen = new Set<Id>();
  let current: Id | null = start;
  while (current !== null && has(table, current)) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = table[current].basedOn;
  }
  return false;
}
