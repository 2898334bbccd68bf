/**
 * Schema versions and the named steps that carry an older edition.json up
 * to the version this build writes (SCHEMA_VERSION). Each step is a pure
 * function over plain JSON from exactly one version to the next; steps run in
 * order, and a file newer than this build is refused, never guessed at.
 *
 * Version history (docs/model.md keeps the same list):
 *  - 0: the prototype format. The version sits in `version` (not
 *       `schemaVersion`), story blocks carry `role` (not Slate's `type`),
 *       `meta.language` is absent (all editions were Chinese), and pages have
 *       no `bleed` or `baselineGrid`.
 *  - 1: the first released format.
 *  - 2: the proofreading desk: `review` (notes, tracked changes, proof rounds,
 *       sign-off) beside the stories (types.ts, review-types.ts). An older
 *       build would keep the field but edit text without moving the notes'
 *       and changes' anchors, so it must not open these files.
 *  - 3: paragraph indents and spaces (firstLineIndent, leftIndent,
 *       rightIndent, spaceBefore, spaceAfter) may be `{ value, unit: 'em' }`
 *       of the paragraph's size as well as points (types.ts).
 *  - 4: the desk's plan: `plan` (sections with page-number prefixes, page
 *       colour and status, ads, stories assigned to pages, jump lines,
 *       split-export names; plan-types.ts). Page numbers print from it
 *       (A01 …) and jump lines are set from it: an older build would print
 *       the wrong numbers, so it must not open these files.
 */
import { SCHEMA_VERSION } from './types';

type Json = unknown;
type JsonObject = Record<string, Json>;

export interface Migration {
  from: number;
  to: number;
  /** A stable name shown in logs and in `folio info`. */
  name: string;
  /** What the step changes, for people. */
  description: string;
  /** Returns the migrated document; must not modify its input. */
  migrate(document: JsonObject): JsonObject;
}

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    name: 'prototype-to-slate-blocks',
    description:
      'Renames `version` to `schemaVersion`, block `role` to Slate `type`; adds meta.language (zh-Hans) and page bleed (0) and baselineGrid (none).',
    migrate(document) {
      const { version: _version, ...rest } = document;
      const meta = isObject(rest.meta) ? { language: 'zh-Hans', ...rest.meta } : rest.meta;
      const pages = Array.isArray(rest.pages)
        ? rest.pages.map((page) =>
            isObject(page)
              ? { bleed: { top: 0, right: 0, bottom: 0, left: 0 }, baselineGrid: null, ...page }
              : page,
          )
        : rest.pages;
      const stories = isObject(rest.stories)
        ? Object.fromEntries(
            Object.entries(rest.stories).map(([key, story]) => {
              if (!isObject(story) || !Array.isArray(story.blocks)) return [key, story];
              const blocks = story.blocks.map((block) => {
                if (!isObject(block) || !('role' in block)) return block;
                const { role, ...others } = block;
                return { type: role, ...others };
              });
              return [key, { ...story, blocks }];
            }),
          )
        : rest.stories;
      return { ...rest, schemaVersion: 1, meta, pages, stories };
    },
  },
  {
    from: 1,
    to: 2,
    name: 'add-review-desk',
    description:
      'Adds `review`: no notes, no tracked changes, no proof rounds, no signed-off pages; tracking off and sign-off not required for press.',
    migrate(document) {
      const review = isObject(document.review)
        ? document.review
        : {
            settings: { trackChanges: false, trackStories: {}, requireSignoff: false },
            notes: [],
            changes: [],
            rounds: [],
            signoffs: {},
          };
      return { ...document, schemaVersion: 2, review };
    },
  },
  {
    from: 2,
    to: 3,
    name: 'paragraph-lengths-in-em',
    description:
      'Paragraph indents and spaces may now be set in em of the paragraph size ({ value, unit: "em" }). Existing values are points and stay as they are, so nothing moves; a build that reads only points refuses the file as newer instead of misreading it.',
    migrate(document) {
      return { ...document, schemaVersion: 3 };
    },
  },
  {
    from: 3,
    to: 4,
    name: 'add-edition-plan',
    description:
      'Adds `plan`: one section per distinct page section label, in page order, with no page-number prefix (so every page keeps its number); every page in colour and planned; no ads, no story assignments; jump lines off (nothing moves; the flatplan switches them on); split exports named {date}_{page}.pdf.',
    migrate(document) {
      if (isObject(document.plan)) return { ...document, schemaVersion: 4 };
      const pages = Array.isArray(document.pages) ? document.pages : [];
      const sections: { id: string; name: string; prefix: string }[] = [];
      const pagePlans: Record<string, JsonObject> = {};
      for (const page of pages) {
        if (!isObject(page) || typeof page.id !== 'string' || page.id === '__proto__') continue;
        const label = typeof page.section === 'string' ? page.section : '';
        let section = label ? sections.find((s) => s.name === label) : undefined;
        if (label && !section) {
          section = { id: `sec-${sections.length + 1}`, name: label, prefix: '' };
          sections.push(section);
        }
        pagePlans[page.id] = { sectionId: section?.id ?? null, color: 'color', status: 'planned' };
      }
      const plan = {
        sections,
        pages: pagePlans,
        ads: [],
        assignments: {},
        settings: {
          exportPattern: '{date}_{page}.pdf',
          jumpLines: { enabled: false, continuedOn: '', continuedFrom: '' },
        },
      };
      return { ...document, schemaVersion: 4, plan };
    },
  },
];

export type MigrationResult =
  | { ok: true; value: JsonObject; fromVersion: number; applied: string[] }
  | { ok: false; reason: 'not-an-object' | 'no-version' | 'too-new' | 'no-path' | 'failed'; message: string };

/** The schema version a document declares: `schemaVersion`, or the prototype's `version`. */
export function declaredVersion(document: Json): number | null {
  if (!isObject(document)) return null;
  const v = 'schemaVersion' in document ? document.schemaVersion : document.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/**
 * Carries a parsed edition.json to `target` (this build's version) by the
 * registered steps. Does not validate the result: run validateEdition next.
 */
export function migrateToCurrent(
  document: Json,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrationResult {
  if (!isObject(document)) {
    return { ok: false, reason: 'not-an-object', message: 'edition.json does not hold a JSON object' };
  }
  const fromVersion = declaredVersion(document);
  if (fromVersion === null) {
    return {
      ok: false,
      reason: 'no-version',
      message: 'edition.json has no schema version (a whole number in "schemaVersion")',
    };
  }
  if (fromVersion > target) {
    return {
      ok: false,
      reason: 'too-new',
      message: `written by a newer Folio (schema version ${fromVersion}); this build reads versions up to ${target} — update Folio to open it`,
    };
  }
  let value = document;
  let version = fromVersion;
  const applied: string[] = [];
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step || step.to <= version) {
      return {
        ok: false,
        reason: 'no-path',
        message: `no migration from schema version ${version} to ${target}`,
      };
    }
    try {
      value = step.migrate(value);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: 'failed', message: `migration "${step.name}" failed: ${why}` };
    }
    applied.push(step.name);
    version = step.to;
  }
  return { ok: true, value, fromVersion, applied };
}
