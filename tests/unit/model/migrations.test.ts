import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToCurrent, type Migration } from '../../../shared/model/migrations';
import { loadEdition } from '../../../shared/model/load';
import { SCHEMA_VERSION, type Edition } from '../../../shared/model/types';
import { clone, sampleEdition } from './fixtures';

/** The sample edition written in the documented version-0 (prototype) shape. */
function asVersion0(edition: Edition): Record<string, unknown> {
  const { schemaVersion: _v, meta, pages, stories, review: _r, ...rest } = clone(edition);
  const { language: _l, ...meta0 } = meta;
  return {
    version: 0,
    ...rest,
    meta: meta0,
    pages: pages.map(({ bleed: _b, baselineGrid: _g, ...page }) => page),
    stories: Object.fromEntries(
      Object.entries(stories).map(([id, story]) => [
        id,
        { ...story, blocks: story.blocks.map(({ type, ...block }) => ({ role: type, ...block })) },
      ]),
    ),
  };
}

describe('migrations', () => {
  it('form a chain from version 0 to the current version, each step named', () => {
    let version = 0;
    for (const step of MIGRATIONS) {
      expect(step.from).toBe(version);
      expect(step.to).toBe(version + 1);
      expect(step.name).toMatch(/^[a-z0-9-]+$/);
      version = step.to;
    }
    expect(version).toBe(SCHEMA_VERSION);
  });

  it('carry a version-0 file to a valid current edition, by name', () => {
    const sample = sampleEdition();
    const old = asVersion0(sample);
    const frozen = JSON.stringify(old);
    const result = loadEdition(old);
    if (!result.ok) throw new Error(result.message);
    expect(result.migratedFrom).toBe(0);
    expect(result.applied).toEqual([
      'prototype-to-slate-blocks',
      'add-review-desk',
      'paragraph-lengths-in-em',
      'add-edition-plan',
    ]);
    expect(result.edition.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.edition.stories['st-lead'].blocks[0].type).toBe('headline');
    expect(result.edition.meta.language).toBe('zh-Hans');
    expect(result.edition.pages[0].bleed).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(result.edition.pages[0].baselineGrid).toBeNull();
    expect(JSON.stringify(old)).toBe(frozen); // the input is not modified
  });

  it('carry a version-1 file (before the proofreading desk) to an edition with an empty review', () => {
    const { review: _r, ...v1 } = { ...clone(sampleEdition()), schemaVersion: 1 };
    const frozen = JSON.stringify(v1);
    const result = loadEdition(v1);
    if (!result.ok) throw new Error(result.message);
    expect(result.migratedFrom).toBe(1);
    expect(result.applied).toEqual(['add-review-desk', 'paragraph-lengths-in-em', 'add-edition-plan']);
    expect(result.edition.review).toEqual({
      settings: { trackChanges: false, trackStories: {}, requireSignoff: false },
      notes: [],
      changes: [],
      rounds: [],
      signoffs: {},
    });
    const { review: _added, plan: _plan, schemaVersion, ...rest } = result.edition;
    expect(schemaVersion).toBe(SCHEMA_VERSION);
    expect({ ...rest, schemaVersion: 1 }).toEqual(v1);
    expect(JSON.stringify(v1)).toBe(frozen);
  });

  it('carry a version-2 file to version 3 with every indent and space as it was, in points', () => {
    // Up to version 2 lengths were points only: the Chinese body's 2字 indent was 18 pt at 小五.
    const v2 = clone(sampleEdition()) as unknown as Record<string, unknown> & Edition;
    v2.schemaVersion = 2;
    v2.styles.paragraph['ps-body'] = {
      ...v2.styles.paragraph['ps-body'],
      firstLineIndent: 18,
      spaceAfter: 3,
    };
    const frozen = JSON.stringify(v2);
    const result = loadEdition(v2);
    if (!result.ok) throw new Error(result.message);
    expect(result.migratedFrom).toBe(2);
    expect(result.applied).toEqual(['paragraph-lengths-in-em', 'add-edition-plan']);
    expect(result.edition.schemaVersion).toBe(SCHEMA_VERSION);
    // Nothing but the version (and the plan of version 4) changes, so the file opens looking exactly as it did.
    const { plan: _plan, ...migrated } = result.edition;
    expect({ ...migrated, schemaVersion: 2 }).toEqual(JSON.parse(frozen));
    expect(result.edition.styles.paragraph['ps-body'].firstLineIndent).toBe(18);
    expect(JSON.stringify(v2)).toBe(frozen);
  });

  it('accept indents and spaces in em from version 3, and refuse what is not a length', () => {
    const withBody = (change: Record<string, unknown>) => {
      const edition = clone(sampleEdition());
      Object.assign(edition.styles.paragraph['ps-body'], change);
      return loadEdition(edition);
    };
    expect(withBody({ leftIndent: { value: 1.5, unit: 'em' } }).ok).toBe(true);
    expect(withBody({ firstLineIndent: { value: -1, unit: 'em' } }).ok).toBe(true); // a hanging indent
    const negativeSpace = withBody({ spaceBefore: { value: -1, unit: 'em' } });
    expect(negativeSpace.ok).toBe(false);
    expect(!negativeSpace.ok && negativeSpace.message).toContain('styles.paragraph["ps-body"].spaceBefore');
    expect(withBody({ spaceAfter: { value: 1, unit: 'px' } }).ok).toBe(false);
  });

  it('leave a current file as it is', () => {
    const sample = clone(sampleEdition());
    const result = loadEdition(sample);
    expect(result.ok && result.applied).toEqual([]);
    expect(result.ok && result.edition).toEqual(sample);
  });

  it('refuse a file from a newer Folio with a message that says what to do', () => {
    const result = loadEdition({ ...clone(sampleEdition()), schemaVersion: SCHEMA_VERSION + 1 });
    expect(result).toEqual({
      ok: false,
      kind: 'version',
      reason: 'too-new',
      message: `written by a newer Folio (schema version ${SCHEMA_VERSION + 1}); this build reads versions up to ${SCHEMA_VERSION} — update Folio to open it`,
    });
  });

  it('refuse a file without a version, and report a step that fails by its name', () => {
    expect(migrateToCurrent({ pages: [] })).toMatchObject({ ok: false, reason: 'no-version' });
    expect(migrateToCurrent([1, 2])).toMatchObject({ ok: false, reason: 'not-an-object' });
    const broken: Migration[] = [
      {
        from: 0,
        to: 1,
        name: 'explodes',
        description: 'test',
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(migrateToCurrent({ version: 0 }, broken, 1)).toEqual({
      ok: false,
      reason: 'failed',
      message: 'migration "explodes" failed: boom',
    });
    expect(migrateToCurrent({ schemaVersion: 0 }, [], 1)).toMatchObject({ ok: false, reason: 'no-path' });
  });
});
