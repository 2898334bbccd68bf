/**
 * The server side of check-outs (shared/collab/locks.ts): takes and releases
 * locks on request (a Hocuspocus stateless message), lets an admin break
 * one, and lets a lock lapse when its holder has had no connection to the
 * edition for longer than the lapse time.
 */
import type * as Y from 'yjs';
import type { Lock, LockReply, LockRequest } from '../../shared/collab/locks';
import type { Role } from '../../shared/collab/rights';
import type { Logger } from './log';

/** The transaction origin of the server's own changes to a doc. */
export const SERVER_ORIGIN = 'folio-server';

interface Edition {
  doc: Y.Doc;
  /** Open connections per user. */
  present: Map<string, number>;
  /** When each absent user was last seen. */
  goneSince: Map<string, number>;
}

export class LockKeeper {
  private readonly editions = new Map<string, Edition>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    readonly lapseMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => this.lapse(), Math.max(50, Math.min(lapseMs / 4, 30_000)));
    this.timer.unref?.();
  }

  attach(name: string, doc: Y.Doc): void {
    const edition: Edition = { doc, present: new Map(), goneSince: new Map() };
    // Holders of locks kept from before (a restart) count as gone from now on.
    for (const value of doc.getMap('locks').values()) edition.goneSince.set((value as Lock).user, Date.now());
    this.editions.set(name, edition);
  }

  detach(name: string): void {
    this.editions.delete(name);
  }

  arrived(name: string, user: string): void {
    const e = this.editions.get(name);
    if (!e) return;
    e.present.set(user, (e.present.get(user) ?? 0) + 1);
    e.goneSince.delete(user);
  }

  left(name: string, user: string): void {
    const e = this.editions.get(name);
    if (!e) return;
    const n = (e.present.get(user) ?? 1) - 1;
    if (n > 0) e.present.set(user, n);
    else {
      e.present.delete(user);
      e.goneSince.set(user, Date.now());
    }
  }

  request(name: string, doc: Y.Doc, sender: { user: string; role: Role }, payload: string): LockReply | null {
    let req: LockRequest;
    try {
      req = JSON.parse(payload) as LockRequest;
    } catch {
      return null;
    }
    if (!req || typeof req.target !== 'string' || !/^(story|page):[^\s]{1,200}$/.test(req.target))
      return null;
    const locks = doc.getMap('locks');
    const current = locks.get(req.target) as Lock | undefined;
    if (req.type === 'lock') {
      if (current && current.user !== sender.user)
        return { type: 'lock-reply', target: req.target, ok: false, holder: current.user, reason: 'held' };
      if (req.target.startsWith('page:') && sender.role !== 'designer' && sender.role !== 'admin')
        return { type: 'lock-reply', target: req.target, ok: false, reason: 'role' };
      if (!current)
        doc.transact(
          () => locks.set(req.target, { user: sender.user, at: new Date().toISOString() }),
          SERVER_ORIGIN,
        );
      this.log('info', 'locked', { edition: name, target: req.target, user: sender.user });
      return { type: 'lock-reply', target: req.target, ok: true, holder: sender.user };
    }
    if (req.type === 'unlock') {
      if (!current) return { type: 'lock-reply', target: req.target, ok: true };
      if (current.user !== sender.user && !(req.force && sender.role === 'admin'))
        return { type: 'lock-reply', target: req.target, ok: false, holder: current.user, reason: 'held' };
      doc.transact(() => locks.delete(req.target), SERVER_ORIGIN);
      this.log('info', current.user === sender.user ? 'unlocked' : 'lock-broken', {
        edition: name,
        target: req.target,
        user: sender.user,
        holder: current.user,
      });
      return { type: 'lock-reply', target: req.target, ok: true };
    }
    return null;
  }

  private lapse(): void {
    const now = Date.now();
    for (const [name, e] of this.editions) {
      const locks = e.doc.getMap('locks');
      const expired: string[] = [];
      for (const [target, value] of locks.entries()) {
        const lock = value as Lock;
        if (e.present.has(lock.user)) continue;
        const gone = e.goneSince.get(lock.user);
        if (gone === undefined) e.goneSince.set(lock.user, now);
        else if (now - gone >= this.lapseMs) expired.push(target);
      }
      if (expired.length === 0) continue;
      e.doc.transact(() => expired.forEach((t) => locks.delete(t)), SERVER_ORIGIN);
      for (const target of expired) this.log('info', 'lock-lapsed', { edition: name, target });
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
