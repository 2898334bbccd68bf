/**
 * Check-outs (InCopy-style assignments): a story or a page held by one user.
 * They live in the doc's `locks` root (key `story:<id>` or `page:<id>` →
 * { user, at }), written only by the server on request, so every client
 * sees who holds what. The app makes a locked story or page read-only for
 * everyone but its holder; the server refuses changes to it from others.
 */
import type * as Y from 'yjs';

export interface Lock {
  user: string;
  /** ISO time the lock was taken. */
  at: string;
}

export type LockTarget = `story:${string}` | `page:${string}`;

export const lockKey = (kind: 'story' | 'page', id: string): LockTarget => `${kind}:${id}` as LockTarget;

export function locksOf(doc: Y.Doc): Map<string, Lock> {
  const out = new Map<string, Lock>();
  for (const [key, value] of doc.getMap('locks').entries()) {
    const lock = value as Lock;
    if (lock && typeof lock.user === 'string') out.set(key, lock);
  }
  return out;
}

/** The holder of a lock other than `user`, if the target is checked out by someone else. */
export function heldByOther(doc: Y.Doc, target: LockTarget, user: string): string | null {
  const lock = doc.getMap('locks').get(target) as Lock | undefined;
  return lock && lock.user !== user ? lock.user : null;
}

/** Requests a client sends (as Hocuspocus stateless messages) and the server answers. */
export type LockRequest =
  { type: 'lock'; target: LockTarget } | { type: 'unlock'; target: LockTarget; force?: boolean };

export type LockReply = {
  type: 'lock-reply';
  target: LockTarget;
  ok: boolean;
  holder?: string;
  reason?: string;
};
