/**
 * Preferences in electron-store (the user's data folder). electron-store is
 * ESM-only, so it is loaded with import(); values are validated on the way in
 * and out like the JSON-file store's.
 */
import type { Preferences } from '../../shared/services/api';
import { preferences as preferencesSchema } from '../../shared/services/schemas';
import {
  DEFAULT_PREFERENCES,
  parsePreferences,
  withUserName,
  type PreferencesStore,
} from '../services/preferences';

interface StoreLike {
  store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
}

export async function createElectronPreferences(): Promise<PreferencesStore> {
  const { default: Store } = (await import('electron-store')) as unknown as {
    default: new (options: { name: string; defaults: Record<string, unknown> }) => StoreLike;
  };
  const store = new Store({ name: 'preferences', defaults: { ...DEFAULT_PREFERENCES } });
  let current = parsePreferences(store.store);
  return {
    get: () => structuredClone(current),
    set(change: Partial<Preferences>) {
      current = withUserName(preferencesSchema.parse({ ...current, ...change }));
      store.set({ ...current });
      return structuredClone(current);
    },
  };
}
