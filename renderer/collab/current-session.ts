/** The newsroom session of this window, for the components that show it (one per window). */
import { useSyncExternalStore } from 'react';
import type { NewsroomSession, SessionView } from './newsroom-session';

let current: NewsroomSession | null = null;
let unsubscribe: (() => void) | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

export function setNewsroomSession(session: NewsroomSession | null): void {
  unsubscribe?.();
  current = session;
  unsubscribe = session ? session.subscribe(notify) : null;
  notify();
}

export function currentNewsroomSession(): NewsroomSession | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session's view, or null outside newsroom mode. */
export function useNewsroom(): SessionView | null {
  return useSyncExternalStore(subscribe, () => current?.getView() ?? null);
}
