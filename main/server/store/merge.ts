/** Merges stored Yjs updates into one (the compacted state plus the log). */
import * as Y from 'yjs';

export function mergeStates(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return new Uint8Array(parts[0]);
  // Applying to a doc (rather than Y.mergeUpdates) also drops what later updates deleted.
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
