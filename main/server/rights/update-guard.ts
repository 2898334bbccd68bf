/**
 * Inspects every update a client sends before the server applies it: the
 * update is applied to a shadow copy of the document first, the types it
 * changed are mapped to kinds of change (shared/collab/rights.ts), and the
 * update is refused when the sender's role may not make one of them, when a
 * story or page it touches is checked out by someone else, or when it is
 * not a valid update at all. A refused update never reaches the document;
 * the shadow, which did take it, is rebuilt from the document. An update
 * that builds on structs the document does not have yet cannot be judged:
 * the verdict says what it needs (held-updates.ts holds it until then).
 */
import * as Y from 'yjs';
import { mayChange, touchAt, type RefusalCode, type Role, type Touch } from '../../../shared/collab/rights';
import { CONTAINER } from '../../../shared/collab/layout';
import { heldByOther, lockKey } from '../../../shared/collab/locks';
import { needsOf, type Needs } from './held-updates';

export interface Sender {
  user: string;
  role: Role;
}

export type Verdict =
  | { ok: true }
  | { ok: false; code: RefusalCode; detail: string }
  /** Not judged: it builds on structs the document lacks (`needs`); ask again once it has them. */
  | { ok: 'later'; needs: Needs };

export class UpdateGuard {
  private shadow: Y.Doc;
  private readonly follow = (update: Uint8Array) => Y.applyUpdate(this.shadow, update, 'document');

  constructor(private readonly document: Y.Doc) {
    this.shadow = this.copy();
    document.on('update', this.follow);
  }

  private copy(): Y.Doc {
    const shadow = new Y.Doc({ gc: this.document.gc });
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.document));
    return shadow;
  }

  private rebuild(): void {
    this.shadow.destroy();
    this.shadow = this.copy();
  }

  /** Whether `sender` may apply `update` (a Yjs update from a sync step 2 or update message). */
  check(update: Uint8Array, sender: Sender): Verdict {
    let changed: Map<object, Set<string | null>> | null = null;
    const capture = (tr: Y.Transaction) => {
      if (tr.origin === 'check') changed = tr.changed as never;
    };
    this.shadow.on('afterTransaction', capture);
    try {
      Y.applyUpdate(this.shadow, update, 'check');
    } catch {
      this.rebuild();
      return { ok: false, code: 'malformed', detail: '' };
    } finally {
      this.shadow.off('afterTransaction', capture);
    }
    // Structs waiting for others not here yet: nothing can say what they change until they are.
    if (this.shadow.store.pendingStructs || this.shadow.store.pendingDs) {
      const needs = needsOf(this.shadow);
      this.rebuild();
      return { ok: 'later', needs };
    }
    if (!changed) return { ok: true };
    const touches = this.touches(changed);
    const verdict = this.judge(touches, sender);
    if (!verdict.ok) this.rebuild();
    return verdict;
  }

  private touches(changed: Map<object, Set<string | null>>): Touch[] {
    const names = new Map<object, string>();
    for (const [name, type] of this.shadow.share) names.set(type, name);
    const out: Touch[] = [];
    for (const [type, keys] of changed) {
      const path: string[] = [];
      let t = type as { _item: Y.Item | null };
      while (t._item) {
        if (t._item.parentSub !== null) path.unshift(t._item.parentSub);
        t = t._item.parent as unknown as { _item: Y.Item | null };
      }
      out.push(...touchAt(names.get(t) ?? '?', path, keys));
    }
    return out;
  }

  private judge(touches: Touch[], sender: Sender): Verdict {
    for (const touch of touches) {
      if (!mayChange(sender.role, touch.kind))
        return { ok: false, code: 'role', detail: `${sender.role}:${touch.kind}` };
      if (touch.storyId && (touch.kind === 'text' || touch.kind === 'story')) {
        const holder = heldByOther(this.document, lockKey('story', touch.storyId), sender.user);
        if (holder) return { ok: false, code: 'locked', detail: `story:${touch.storyId}:${holder}` };
      }
      for (const pageId of this.pagesOf(touch)) {
        const holder = heldByOther(this.document, lockKey('page', pageId), sender.user);
        if (holder) return { ok: false, code: 'locked', detail: `page:${pageId}:${holder}` };
      }
    }
    return { ok: true };
  }

  /** The pages a layout change concerns: the page itself, or a frame's page before and after the change. */
  private pagesOf(touch: Touch): string[] {
    if (touch.kind !== 'layout') return [];
    if (touch.pageId) return [touch.pageId];
    if (!touch.frameId) return [];
    const pages = new Set<string>();
    for (const doc of [this.document, this.shadow]) {
      const container = (doc.getMap('frames').get(touch.frameId) as Y.Map<unknown> | undefined)?.get(
        CONTAINER,
      );
      if (typeof container === 'string' && container.startsWith('page:')) pages.add(container.slice(5));
    }
    return [...pages];
  }

  destroy(): void {
    this.document.off('update', this.follow);
    this.shadow.destroy();
  }
}
