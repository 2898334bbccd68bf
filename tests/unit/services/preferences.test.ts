import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, JsonFilePreferences, withRecent } from '../../../main/services/preferences';

describe('preferences in a JSON file', () => {
  it('start from defaults and persist each change', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-prefs-')), 'prefs.json');
    const store = new JsonFilePreferences(file);
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
    store.set({ language: 'en', units: 'zi' });
    expect(new JsonFilePreferences(file).get()).toMatchObject({ language: 'en', units: 'zi' });
    expect(JSON.parse(readFileSync(file, 'utf8')).units).toBe('zi');
  });

  it('keep the valid fields of a damaged file and default the rest', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-prefs-')), 'prefs.json');
    writeFileSync(file, JSON.stringify({ language: 'klingon', units: 'pt', recentFiles: 'nope' }));
    const prefs = new JsonFilePreferences(file).get();
    expect(prefs.units).toBe('pt');
    expect(prefs.language).toBe(DEFAULT_PREFERENCES.language);
    expect(prefs.recentFiles).toEqual([]);
  });

  it('refuse invalid values', () => {
    const store = new JsonFilePreferences(join(mkdtempSync(join(tmpdir(), 'folio-prefs-')), 'p.json'));
    expect(() => store.set({ units: 'inch' as never })).toThrow();
  });

  it('keep recent files most recent first, unique, at most ten', () => {
    let recent: string[] = [];
    for (let i = 0; i < 12; i++) recent = withRecent(recent, `/e/${i}.folio`);
    recent = withRecent(recent, '/e/5.folio');
    expect(recent[0]).toBe('/e/5.folio');
    expect(recent).toHaveLength(10);
    expect(new Set(recent).size).toBe(10);
  });
});
