/**
 * Updates that arrive before what they build on. A client that reconnects
 * first sends the updates it queued while the connection came up, then its
 * sync reply with everything the server lacks — so a queued update can name
 * structs the server gets a moment later. The update guard cannot judge
 * such an update (it cannot see what it changes), so it is held here, not
 * refused, and judged once the document has what it needs; it is dropped
 * with its connection, and the client's next sync sends its content again.
 */
import * as Y from 'yjs';

/** Per client id, the state the document must pass (getState > clock) before an update can be judged. */
export type Needs = Map<number, number>;

/** What `doc` lacks for the update it could not integrate whole (its pending structs and deletes). */
export function needsOf(doc: Y.Doc): Needs {
  const needs: Needs = new Map();
  const store = doc.store as unknown as {
    pendingStructs: { missing: Map<number, number> } | null;
    pendingDs: Uint8Array | null;
  };
  for (const [client, clock] of store.pendingStructs?.missing ?? []) needs.set(client, clock);
  if (store.pendingDs) {
    const { ds } = Y.decodeUpdateV2(store.pendingDs);
    for (const [client, deletes] of ds.clients) {
      const last = Math.max(...deletes.map((d) => d.clock + d.len - 1));
      needs.set(client, Math.max(needs.get(client) ?? -1, last));
    }
  }
  return needs;
}

export function satisfied(doc: Y.Doc, needs: Needs): boolean {
  for (const [client, clock] of needs) if (Y.getState(doc.store, client) <= clock) return false;
  return true;
}

interface Held<C> {
  connection: C;
  update: Uint8Array;
  needs: Needs;
  resume: () => void;
}

/** The updates held for one document, at most `limit` bytes per connection. */
export class HeldUpdates<C> {
  private readonly held: Held<C>[] = [];

  constructor(private readonly limit: number) {}

  /** Holds an update; false when the connection already holds too much (the caller refuses it). */
  hold(connection: C, update: Uint8Array, needs: Needs, resume: () => void): boolean {
    const bytes = this.held
      .filter((h) => h.connection === connection)
      .reduce((n, h) => n + h.update.byteLength, update.byteLength);
    if (bytes > this.limit) return false;
    this.held.push({ connection, update, needs, resume });
    return true;
  }

  /** Hands back (and forgets) the held updates whose needs `doc` now meets, oldest first. */
  ready(doc: Y.Doc): Held<C>[] {
    const out: Held<C>[] = [];
    for (let i = 0; i < this.held.length;) {
      if (satisfied(doc, this.held[i].needs)) out.push(...this.held.splice(i, 1));
      else i++;
    }
    return out;
  }

  /** Forgets a closed connection's held updates (its next sync sends their content again). */
  drop(connection: C): number {
    let n = 0;
    for (let i = this.held.length - 1; i >= 0; i--)
      if (this.held[i].connection === connection) {
        this.held.splice(i, 1);
        n++;
      }
    return n;
  }

  get size(): number {
    return this.held.length;
  }
}
