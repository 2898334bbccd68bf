import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userInfo } from 'node:os';
import {
  DEFAULT_PREFERENCES,
  JsonFilePreferences,
  systemUserName,
  withRecent,
} from '../../../main/services/preferences';

describe('preferences in a JSON file', () => {
  it('start from defaults and persist each change', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-prefs-')), 'prefs.json');
    const store = new JsonFilePreferences(file);
    expect(store.get()).toEqual({ ...DEFAULT_PREFERENCES, userName: systemUserName() });
    store.set({ language: 'en', units: 'zi' });
    expect(new JsonFilePreferences(file).get()).toMatchObject({ language: 'en', units: 'zi' });
    expect(JSON.parse(readFileSync(file, 'utf8')).units).toBe('zi');
  });

  it('name the user after the system user until they set a name, and keep their colour', () => {
    const store = new JsonFilePreferences(join(mkdtempSync(join(tmpdir(), 'folio-prefs-')), 'p.json'));
    expect(store.get().userName).toBe(userInfo().username);
    expect(store.get().userColor).toMatch(/^#[0-9a-f]{6}$/i);
    store.set({ userName: '王校对', userColor: '#2255aa' });
    expect(store.get()).toMatchObject({ userName: '王校对', userColor: '#2255aa' });
    expect(store.set({ userName: '' }).userName).toBe(userInfo().username);
    expect(() => store.set({ userColor: 'red' })).toThrow();
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
