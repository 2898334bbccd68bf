/**
 * Who the user is on the proofreading desk, for one window (one store): the
 * name and colour from preferences (the host fills in the system user name
 * when none was set), and whether the form that changes them is open.
 * Notes and tracked changes read the preferences at the moment of the act
 * (renderer/notes/note-actions.ts), so a change here applies from the next one.
 */
import type { Stamp } from '../../shared/model/types';
import { makeStamp } from '../../shared/review';
import type { FolioServices } from '../../shared/services/api';
import type { EditorStore } from '../state/editor-store';

export interface UserSnapshot {
  name: string;
  color: string;
  /** The form is open. */
  editing: boolean;
  /** The preferences were read (the badge shows nothing before). */
  loaded: boolean;
}

export class UserState {
  services: FolioServices | null = null;
  private snapshot: UserSnapshot = { name: '', color: '#c0392b', editing: false, loaded: false };
  private readonly listeners = new Set<() => void>();

  get = (): UserSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<UserSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  /** Reads the name and colour from preferences. */
  async load(): Promise<void> {
    const prefs = await this.services?.['preferences.get']({});
    if (prefs) this.set({ name: prefs.userName, color: prefs.userColor, loaded: true });
  }

  /** Saves them; the host answers with the preferences as stored (an empty name: the system's). */
  async save(name: string, color: string): Promise<string> {
    if (!this.services) return name;
    const prefs = await this.services['preferences.set']({ userName: name, userColor: color });
    this.set({ name: prefs.userName, color: prefs.userColor, loaded: true, editing: false });
    return prefs.userName;
  }
}

const states = new WeakMap<EditorStore, UserState>();

export function userOf(store: EditorStore): UserState {
  let state = states.get(store);
  if (!state) {
    state = new UserState();
    states.set(store, state);
  }
  return state;
}

/**
 * The user's stamp at the moment of an act (a note, a round, a sign-off):
 * name and colour read from preferences now (the host fills in the system user name).
 */
export async function currentStamp(services: FolioServices | null): Promise<Stamp> {
  const prefs = services ? await services['preferences.get']({}).catch(() => null) : null;
  return makeStamp({ name: prefs?.userName || '?', color: prefs?.userColor ?? '#c0392b' });
}
