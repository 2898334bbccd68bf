/**
 * Validation of an edition: shape and ranges (schema.ts), then the
 * cross-references the schema cannot see. Every issue names the JSON path
 * where it was found, e.g. `pages[0].frames[2].width`.
 */
import type { z } from 'zod';
import type { ColorRef, Edition, Frame, Id } from './types';
import { BLOCK_ROLES } from './types';
import { editionSchema } from './schema';
import { shapeIssues } from './validate-shape';

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

/**
 * Validation stops after this many shape issues: enough to fix a file by
 * hand, and a file with a million wrong values costs no more than a valid one.
 */
export const ISSUE_BUDGET = 1000;

/** The longest one issue may be in a summary, and about the longest a summary gets. */
const ISSUE_CHARACTERS = 160;
const SUMMARY_CHARACTERS = 240;

/**
 * One line listing the first issues, e.g. for an error message: at most
 * `max`, and only as many as fit in a line a user will read (a long issue
 * is cut with "…"); the rest are counted.
 */
export function summarizeIssues(issues: readonly ValidationIssue[], max = 3): string {
  const shown: string[] = [];
  let length = 0;
  for (const issue of issues.slice(0, max)) {
    let line = `${issue.path}: ${issue.message}`;
    if (line.length > ISSUE_CHARACTERS) line = `${line.slice(0, ISSUE_CHARACTERS - 1)}…`;
    if (shown.length > 0 && length + line.length > SUMMARY_CHARACTERS) break;
    shown.push(line);
    length += line.length + 2;
  }
  const more = issues.length - shown.length;
  const count = issues.length >= ISSUE_BUDGET ? `at least ${more}` : `${more}`;
  return shown.join('; ') + (more > 0 ? ` (and ${count} more)` : '');
}

export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Validates shape, ranges and references of a current-version edition. */
export function validateEdition(value: unknown): ValidationResult {
  const unsafe = findUnsafeShape(value);
  if (unsafe) return { ok: false, issues: [unsafe] };
  const shape = shapeIssues(editionSchema, value, ISSUE_BUDGET);
  if (shape.length > 0)
    return {
      ok: false,
      issues: shape.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  // The schema transforms nothing: a value of the right shape is the edition.
  const edition = value as Edition;
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

  // Paths are made only for an issue: a large edition has tens of thousands of items.
  const checkColor = (color: ColorRef | null | undefined, path: () => string) => {
    if (color && !has(styles.swatches, color.swatchId))
      add(`${path()}.swatchId`, `swatch "${color.swatchId}" does not exist`);
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
      const path = () => `${base}.frames[${i}]`;
      if (frames.has(frame.id)) add(`${path()}.id`, `duplicate frame id "${frame.id}"`);
      frames.set(frame.id, frame);
      if (frame.kind === 'text' || frame.kind === 'box') checkColor(frame.fill, () => `${path()}.fill`);
      if (frame.stroke) checkColor(frame.stroke.color, () => `${path()}.stroke.color`);
      if (frame.kind === 'image') {
        if (frame.assetId !== null && !has(edition.assets, frame.assetId)) {
          add(`${path()}.assetId`, `asset "${frame.assetId}" does not exist`);
        }
        if (frame.captionStoryId !== null && !has(edition.stories, frame.captionStoryId)) {
          add(`${path()}.captionStoryId`, `story "${frame.captionStoryId}" does not exist`);
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
    const base = () => child('stories', key);
    story.thread.forEach((frameId, i) => {
      const path = `${base()}.thread[${i}]`;
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
        add(`${base()}.blocks[${b}].styleId`, `paragraph style "${block.styleId}" does not exist`);
      }
      block.children.forEach((leaf, l) => {
        if (leaf.charStyleId !== undefined && !has(styles.character, leaf.charStyleId)) {
          add(
            `${base()}.blocks[${b}].children[${l}].charStyleId`,
            `character style "${leaf.charStyleId}" does not exist`,
          );
        }
      });
    });
  }

  // Styles.
  for (const kind of ['paragraph', 'character'] as const) {
    const table = styles[kind] as Record<Id, { id: Id; basedOn: Id | null; color?: ColorRef }>;
    const loops = loopingChains(table);
    for (const [key, style] of Object.entries(table)) {
      const path = () => child(`styles.${kind}`, key);
      if (style.basedOn !== null && !has(table, style.basedOn)) {
        add(`${path()}.basedOn`, `${kind} style "${style.basedOn}" does not exist`);
      } else if (loops.has(key)) {
        add(`${path()}.basedOn`, `the basedOn chain of "${key}" loops back on itself`);
      }
      checkColor(style.color, () => `${path()}.color`);
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

  // The plan: ids unique, assignments keyed by their story. Records naming a
  // page, story or section that is gone are ignored, not refused (plan.ts).
  if (edition.plan) {
    const { plan } = edition;
    const seen = new Set<Id>();
    plan.sections.forEach((section, i) => {
      if (seen.has(section.id)) add(`plan.sections[${i}].id`, `duplicate section id "${section.id}"`);
      seen.add(section.id);
    });
    const ads = new Set<Id>();
    plan.ads.forEach((ad, i) => {
      if (ads.has(ad.id)) add(`plan.ads[${i}].id`, `duplicate ad id "${ad.id}"`);
      ads.add(ad.id);
    });
    for (const [key, assignment] of Object.entries(plan.assignments)) {
      if (assignment.storyId !== key)
        add(
          `${child('plan.assignments', key)}.storyId`,
          `story id "${assignment.storyId}" differs from its key "${key}"`,
        );
    }
  }
  return issues;
}

/**
 * How deep an edition's JSON may nest. A real edition nests about six levels
 * (stories → story → blocks → block → children → leaf); the limit leaves room
 * for fields of later versions and stops input built to overflow the stack
 * of recursive code (zod's, ours, JSON.stringify's) long before it can.
 */
export const MAX_NESTING = 64;

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: PropertyKey;
}

function pathOf(visit: Visit): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.push(v.key);
  return keys.reverse();
}

/**
 * Shapes the schema must never see, found without recursion: nesting deeper
 * than MAX_NESTING, and "__proto__" keys (zod silently drops them, rightly,
 * against prototype pollution; a story or asset stored under that key would
 * vanish without a word, so refuse it by name instead).
 */
function findUnsafeShape(root: unknown): ValidationIssue | null {
  const stack: Visit[] = [{ value: root, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING) {
      const path = pathOf(visit).slice(0, 8);
      return {
        path: `${formatPath(path)}…`,
        message: `nested more than ${MAX_NESTING} levels deep; an edition never nests like this`,
      };
    }
    // Only objects are visited: the strings and numbers that make up most of
    // an edition cost no allocation (a 14 MB edition holds millions).
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null)
          stack.push({ value: item, depth: depth + 1, parent: visit, key: i });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__')
        return { path: formatPath([...pathOf(visit), key]), message: 'the key "__proto__" is not allowed' };
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null)
        stack.push({ value: item, depth: depth + 1, parent: visit, key });
    }
  }
  return null;
}

function has(record: Record<Id, unknown>, key: Id): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * The styles whose basedOn chain loops (the styles in a loop and those whose
 * chain runs into one). Each style is walked once, so a chain of thousands
 * of styles costs thousands of steps, not millions.
 */
function loopingChains(table: Record<Id, { basedOn: Id | null }>): Set<Id> {
  const verdict = new Map<Id, boolean>();
  for (const start of Object.keys(table)) {
    const path: Id[] = [];
    const onPath = new Set<Id>();
    let current: Id | null = start;
    let loops = false;
    while (current !== null && has(table, current)) {
      const known = verdict.get(current);
      if (known !== undefined) {
        loops = known;
        break;
      }
      if (onPath.has(current)) {
        loops = true;
        break;
      }
      path.push(current);
      onPath.add(current);
      current = table[current].basedOn;
    }
    for (const id of path) verdict.set(id, loops);
  }
  return new Set([...verdict].filter(([, loops]) => loops).map(([id]) => id));
}
