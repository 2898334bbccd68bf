/**
 * Whether File ▸ Connect to Newsroom… is open, for the command (outside
 * React) and the dialog (inside). One per window, like the session.
 */
import { useSyncExternalStore } from 'react';
import type { FolioServices, HostInfo } from '../../shared/services/api';
import type { Prompts } from '../shell/prompts';

/** What the dialog needs of the app, handed over when the extension starts. */
export interface ConnectDeps {
  services: FolioServices;
  info: HostInfo | null;
  prompts: Prompts | null;
}

let deps: ConnectDeps | null = null;

export function setConnectDeps(value: ConnectDeps | null): void {
  deps = value;
}

export function connectDeps(): ConnectDeps | null {
  return deps;
}

let open = false;
const listeners = new Set<() => void>();

export function setConnectDialogOpen(value: boolean): void {
  open = value;
  for (const listener of listeners) listener();
}

export function useConnectDialogOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}
