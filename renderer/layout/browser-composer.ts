/**
 * The renderer composes the page itself, with the same engine, font files and
 * shaper as the main process, so an edit recomposes without a round trip.
 * Fonts and the shaper's WebAssembly are fetched from the host.
 */
import type { HostInfo } from '../../shared/services/api';
import type { Composer } from '../state/editor-store';

export interface FetchedFont {
  file: string;
  bytes: Uint8Array;
}

/** Fetches one file from the host's resource URLs (fonts, WASM), with the session query. */
export async function fetchResource(url: string, info: HostInfo): Promise<Uint8Array> {
  const response = await fetch(url + info.resourceQuery);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Creates the composer once the engine modules are present. */
export async function createBrowserComposer(
  _info: HostInfo,
): Promise<Composer & { fontBytes(file: string): Uint8Array | null }> {
  throw new Error('the composition engine is not available in this build yet');
}
