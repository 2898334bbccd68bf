/**
 * Preferences behind one interface: Electron keeps them in electron-store
 * (main/electron/electron-preferences.ts); tests and the browser host use the
 * JSON file below. Both validate what they read, so a hand-edited or
 * corrupt file falls back to defaults instead of crashing the app.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import type { Preferences } from '../../shared/services/api';
import { preferences as preferencesSchema } from '../../shared/services/schemas';

export interface PreferencesStore {
  get(): Preferences;
  /** Merges the given fields, validates, persists and returns the result. */
  set(change: Partial<Preferences>): Preferences;
}

export const DEFAULT_PREFERENCES: Preferences = {
  language: 'system',
  units: 'mm',
  recentFiles: [],
  windowBounds: null,
  defaultPagePreset: 'broadsheet',
  userDictionary: [],
  userName: '',
  userColor: '#c0392b',
};

/** The name the system knows the user by (the default author of notes and changes). */
export function systemUserName(): string {
  try {
    return userInfo().username.slice(0, 100) || 'Editor';
  } catch {
    return 'Editor';
  }
}

/** Preferences with an empty user name filled in from the system. */
export function withUserName(preferences: Preferences): Preferences {
  return preferences.userName ? preferences : { ...preferences, userName: systemUserName() };
}

/** Keeps a path at the head of the recent list, without duplicates, at most 10. */
export function withRecent(recent: readonly string[], path: string): string[] {
  return [path, ...recent.filter((entry) => entry !== path)].slice(0, 10);
}

/** Reads stored preferences leniently: each field that fails validation takes its default. */
export function parsePreferences(stored: unknown): Preferences {
  const whole = preferencesSchema.safeParse(stored);
  if (whole.success) return withUserName(whole.data);
  const result: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  if (stored && typeof stored === 'object') {
    for (const [key, field] of Object.entries(preferencesSchema.shape)) {
      const value = (stored as Record<string, unknown>)[key];
      if (field.safeParse(value).success) result[key] = value;
    }
  }
  return withUserName(preferencesSchema.parse(result));
}

/** Preferences in one JSON file, written atomically (temporary file, then rename). */
export class JsonFilePreferences implements PreferencesStore {
  private current: Preferences;

  constructor(private readonly file: string) {
    let stored: unknown = {};
    try {
      stored = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // Missing or unreadable: start from defaults; the file is rewritten on the next change.
    }
    this.current = parsePreferences(stored);
  }

  get(): Preferences {
    return structuredClone(this.current);
  }

  set(change: Partial<Preferences>): Preferences {
    this.current = withUserName(preferencesSchema.parse({ ...this.current, ...change }));
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.current, null, 2));
    renameSync(temporary, this.file);
    return this.get();
  }
}

/** Preferences in memory only (the browser host's default, so tests never touch the user's). */
export class MemoryPreferences implements PreferencesStore {
  private current: Preferences;
  constructor(initial: Partial<Preferences> = {}) {
    this.current = withUserName(preferencesSchema.parse({ ...DEFAULT_PREFERENCES, ...initial }));
  }
  get(): Preferences {
    return structuredClone(this.current);
  }
  set(change: Partial<Preferences>): Preferences {
    this.current = withUserName(preferencesSchema.parse({ ...this.current, ...change }));
    return this.get();
  }
}
