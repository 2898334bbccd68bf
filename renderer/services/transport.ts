/**
 * How the renderer reaches its host. In Electron the preload exposes one
 * object, `window.folio`; in a browser the services are served over HTTP by
 * the browser host, with the session token from the page URL.
 */
import { createServiceClient, type Transport } from '../../shared/services/client';
import type { FolioServices } from '../../shared/services/api';
import {
  FAILURE,
  failureError,
  isFailureEnvelope,
  type ServiceFailure,
} from '../../shared/services/service-failure';

/** The one object the Electron preload exposes (see main/electron/preload.ts). */
export interface FolioBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribes to menu commands from the native menu; returns an unsubscribe function. */
  onCommand(listener: (command: string) => void): () => void;
  /** The path of a file dropped onto the window (Electron only). */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    folio?: FolioBridge;
  }
}

/** Reads the session token from `?token=` once and keeps it for reloads of this tab. */
export function sessionToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('folio-token', fromUrl);
    // Keep the token out of the address bar and of anything copied from it.
    window.history.replaceState(null, '', window.location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem('folio-token') ?? '';
}

/** Request bodies up to this many characters are sent with `keepalive`. */
const KEEPALIVE_LIMIT = 8_000;

function httpTransport(token: string): Transport {
  return async (channel, payload) => {
    const body = JSON.stringify(payload);
    const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-folio-token': token },
      body,
      // Small calls outlive the page (a closing window gives back its
      // recovery claim); the browser caps keepalive bodies at 64 KB in all.
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
    const answer = (await response.json()) as {
      result?: unknown;
      error?: string;
      text?: ServiceFailure['text'];
    };
    if (!response.ok)
      throw failureError({
        message: answer.error ?? `${channel} failed (${response.status})`,
        text: answer.text,
      });
    return answer.result;
  };
}

export function connectServices(): { services: FolioServices; bridge: FolioBridge | null } {
  const bridge = window.folio ?? null;
  if (bridge) {
    const invoke = async (channel: string, payload: unknown) => {
      const answer = await bridge.invoke(channel, payload);
      if (isFailureEnvelope(answer)) throw failureError(answer[FAILURE]);
      return answer;
    };
    return { services: createServiceClient(invoke), bridge };
  }
  return { services: createServiceClient(httpTransport(sessionToken())), bridge: null };
}
