import { describe, expect, it } from 'vitest';
import { createEmptyEdition } from '../../../shared/model/defaults';
import { sequentialIds, seededIds, newId } from '../../../shared/model/ids';
import { resolveParagraphStyle } from '../../../shared/model/styles';
import { validateEdition } from '../../../shared/model/validate';
import { BLOCK_ROLES, SCHEMA_VERSION } from '../../../shared/model/types';

describe('a new edition', () => {
  it('is valid, in the current schema version, with a style for every role', () => {
    for (const language of ['zh-Hans', 'en'] as const) {
      const edition = createEmptyEdition({ language, pageCount: 3, ids: sequentialIds() });
      const result = validateEdition(edition);
      expect(result.ok ? [] : result.issues).toEqual([]);
      expect(edition.schemaVersion).toBe(SCHEMA_VERSION);
      expect(edition.pages).toHaveLength(3);
      expect(edition.pages.every((p) => p.masterId === edition.masters[0].id)).toBe(true);
      for (const role of BLOCK_ROLES)
        expect(edition.styles.paragraph[edition.styles.roleStyles[role]]).toBeDefined();
    }
  });

  it('sets Chinese body text as a Chinese desk does', () => {
    const { styles } = createEmptyEdition({ ids: sequentialIds() });
    const body = resolveParagraphStyle(styles, { type: 'body' });
    expect(body).toMatchObject({
      fontFamily: 'Noto Serif SC',
      fontWeight: 400,
      fontSize: 9,
      firstLineIndent: { value: 2, unit: 'em' }, // 2字 of its own size: 18 pt at 小五
      align: 'justify',
      kinsoku: 'basic',
      hanLatinSpacing: 0.25,
      alignToGrid: true,
      hyphenate: false,
    });
    const headline = resolveParagraphStyle(styles, { type: 'headline' });
    expect(headline.fontFamily).toBe('Noto Sans SC');
    expect(headline.fontWeight).toBeGreaterThanOrEqual(700);
    expect(headline.fontSize).toBeGreaterThan(body.fontSize * 2);
    const leadIn = resolveParagraphStyle(styles, { type: 'lead-in' });
    expect(leadIn.runIn).toBe(true);
    expect(leadIn.fontFamily).toBe('Noto Sans SC');
    expect(leadIn.fontWeight).toBeGreaterThanOrEqual(700);
  });

  it('sets English body text without the 2-em indent and with hyphenation', () => {
    const edition = createEmptyEdition({ language: 'en', ids: sequentialIds() });
    const body = resolveParagraphStyle(edition.styles, { type: 'body' });
    expect(body.firstLineIndent).toBe(0);
    expect(body.hyphenate).toBe(true);
    expect(body.language).toBe('en');
    expect(edition.meta.language).toBe('en');
    expect(edition.pages[0].size.width).toBe(12 * 72);
  });

  it('has the swatches every paper needs', () => {
    const { swatches } = createEmptyEdition({ ids: sequentialIds() }).styles;
    const byName = Object.values(swatches).map((s) => [s.id, s.cmyk]);
    expect(byName).toEqual(
      expect.arrayContaining([
        ['black', [0, 0, 0, 100]],
        ['paper', [0, 0, 0, 0]],
        ['registration', [100, 100, 100, 100]],
        ['news-red', [0, 100, 100, 0]],
      ]),
    );
  });
});

describe('ids', () => {
  it('are unique and carry their kind', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId('frame')));
    expect(ids.size).toBe(5000);
    expect([...ids].every((id) => /^fr-[0-9a-z]{12}$/.test(id))).toBe(true);
  });

  it('are reproducible from a seed or a counter', () => {
    const a = seededIds(42);
    const b = seededIds(42);
    expect([a('page'), a('frame')]).toEqual([b('page'), b('frame')]);
    expect(seededIds(1)('page')).not.toBe(seededIds(2)('page'));
    const seq = sequentialIds();
    expect([seq('page'), seq('page'), seq('story')]).toEqual(['pg-1', 'pg-2', 'st-1']);
  });
});
