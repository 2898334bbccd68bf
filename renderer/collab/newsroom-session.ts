/**
 * The app's side of a shared edition: one Y.Doc kept on this computer (so edits
 * made offline survive a reload: IndexedDB in a browser, a file in Electron)
 * and synced with the newsroom server
 * through a HocuspocusProvider; the editor store bound to it through
 * EditionBinding (local changes written in, remote ones applied as
 * operations with origin `remote`); the user's role and others' check-outs
 * checked before a change is applied; presence (who is where, carets) over
 * the provider's awareness.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import i18next from 'i18next';
import { EditionBinding } from '../../shared/collab/edition-binding';
import { connectEdition, type EditionConnection } from '../../shared/collab/newsroom-client';
import { mayChange, touchesOf, type RefusalCode, type Role } from '../../shared/collab/rights';
import { heldByOther, lockKey, locksOf, type Lock, type LockReply } from '../../shared/collab/locks';
import { locateFrame, type Operation } from '../../shared/model/operations';
import type { StoryPoint } from '../../shared/layout/display-list';
import type { Edition, Id } from '../../shared/model/types';
import type { EditorStore, EditionOperation } from '../state/editor-store';

export interface NewsroomInfo {
  serverUrl: string;
  edition: string;
  token: string | null;
  user: string;
  role: Role;
}

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

export interface Collaborator {
  clientId: number;
  user: string;
  color: string;
  pageIndex: number | null;
  caret: { storyId: Id; anchor: StoryPoint; focus: StoryPoint } | null;
}

export interface SessionView {
  state: ConnectionState;
  serverUrl: string;
  edition: string;
  user: string;
  role: Role;
  collaborators: Collaborator[];
  locks: Map<string, Lock>;
  /** The last refusal, already in the user's language. */
  message: string | null;
  /** Local changes the server has not acknowledged yet. */
  unsynced: number;
}

const COLORS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

/** A stable colour per user name. */
export function colorOf(user: string): string {
  let h = 0;
  for (const ch of user) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

/** The refusal as a sentence in the user's language. */
export function refusalMessage(code: RefusalCode | string, detail: string): string {
  if (code === 'role') {
    const [role, kind] = detail.split(':');
    return i18next.t('newsroom.refused.role', {
      role: i18next.t(`newsroom.role.${role}`),
      kind: i18next.t(`newsroom.kind.${kind}`),
    });
  }
  if (code === 'locked') {
    const parts = detail.split(':');
    return i18next.t('newsroom.refused.locked', { user: parts[parts.length - 1] });
  }
  return i18next.t(`newsroom.refused.${code}`, {
    defaultValue: i18next.t('newsroom.refused.other', { code }),
  });
}

/** Where edits are kept while the server is away: IndexedDB in a browser, a file in Electron. */
export interface LocalCopy {
  whenSynced: Promise<unknown>;
  clearData(): Promise<void>;
  destroy(): void | Promise<void>;
}

export type LocalCopyFactory = (name: string, doc: Y.Doc) => LocalCopy | null;

/** The browser's own store: y-indexeddb. */
export const indexedDbCopy: LocalCopyFactory = (name, doc) =>
  typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(name, doc) : null;

export class NewsroomSession {
  private doc = new Y.Doc();
  private local: LocalCopy | null = null;
  private connection: EditionConnection | null = null;
  private binding: EditionBinding | null = null;
  private readonly listeners = new Set<() => void>();
  private view: SessionView;
  private caret: Collaborator['caret'] = null;
  private readonly cleanups: (() => void)[] = [];
  /** The window's document the shared edition is shown as (null until it is bound). */
  documentId: string | null = null;

  constructor(
    private readonly store: EditorStore,
    readonly info: NewsroomInfo,
    private readonly localCopy: LocalCopyFactory = indexedDbCopy,
  ) {
    this.view = {
      state: 'connecting',
      serverUrl: info.serverUrl,
      edition: info.edition,
      user: info.user,
      role: info.role,
      collaborators: [],
      locks: new Map(),
      message: null,
      unsynced: 0,
    };
  }

  getView = (): SessionView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: Partial<SessionView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }

  async start(): Promise<void> {
    // What this browser kept from earlier (edits made offline) comes back first.
    this.local = this.localCopy(`folio:${this.info.serverUrl}:${this.info.edition}`, this.doc);
    await this.local?.whenSynced;
    if (EditionBinding.holdsEdition(this.doc)) this.bind();
    const connection = connectEdition({
      serverUrl: this.info.serverUrl,
      edition: this.info.edition,
      token: this.info.token,
      doc: this.doc,
      delay: 500,
      maxDelay: 5000,
    });
    this.connection = connection;
    const provider = connection.provider;
    provider.on('status', ({ status }: { status: string }) =>
      this.update({
        state: status === 'connected' ? 'online' : this.view.state === 'refused' ? 'refused' : 'offline',
      }),
    );
    provider.on('unsyncedChanges', () => this.update({ unsynced: provider.unsyncedChanges }));
    provider.on('stateless', ({ payload }: { payload: string }) => this.onStateless(payload));
    connection.onRefused(({ code, detail }) => {
      this.update({ state: 'refused', message: refusalMessage(code, detail) });
      void this.restartFromServer();
    });
    const awareness = provider.awareness;
    awareness?.setLocalStateField('user', {
      name: this.info.user,
      color: colorOf(this.info.user),
      role: this.info.role,
    });
    awareness?.on('change', () => this.readPresence());
    this.doc.getMap('locks').observe(() => this.update({ locks: locksOf(this.doc) }));
    try {
      await connection.synced;
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'refused';
      this.update({ state: 'refused', message: refusalMessage(code, '') });
      return;
    }
    this.update({ state: 'online', locks: locksOf(this.doc) });
    if (!EditionBinding.holdsEdition(this.doc)) {
      this.update({ message: i18next.t('newsroom.error.notPublished', { edition: this.info.edition }) });
      return;
    }
    if (!this.binding) this.bind();
  }

  /** Shows the shared edition and keeps the store and the doc in step. */
  private bind(): void {
    const binding = new EditionBinding(this.doc);
    this.binding = binding;
    const current = this.store.getState().document;
    this.documentId = current?.documentId ?? `newsroom:${this.info.edition}`;
    this.store.load(
      {
        documentId: this.documentId,
        path: null,
        title: this.info.edition,
      },
      binding.current(),
    );
    this.store.setGuard((ops, edition) => this.refusalFor(ops, edition));
    this.cleanups.push(
      this.store.onApplied((change) => {
        const origin = change.meta.origin;
        if (origin === 'remote' || origin === 'load') return;
        binding.local(change.before, change.after, change.operations as Operation[]);
      }),
      binding.onRemote((change) => {
        if (change.complete && change.ops.length > 0) {
          try {
            this.store.apply(change.ops as EditionOperation[], { origin: 'remote' });
            binding.settled(this.store.getState().edition!);
            return;
          } catch {
            // Fall through: take the doc's edition as it is.
          }
        }
        this.store.replaceEdition(change.target, this.store.getState().dirty);
        binding.settled(change.target);
      }),
    );
  }

  /** Why the user may not make this change (their role, someone else's check-out), or null. */
  private refusalFor(ops: readonly EditionOperation[], edition: Edition): string | null {
    for (const touch of (ops as Operation[]).flatMap(touchesOf)) {
      if (!mayChange(this.info.role, touch.kind))
        return refusalMessage('role', `${this.info.role}:${touch.kind}`);
      if (touch.storyId && (touch.kind === 'text' || touch.kind === 'story')) {
        const holder = heldByOther(this.doc, lockKey('story', touch.storyId), this.info.user);
        if (holder) return refusalMessage('locked', holder);
      }
      const pageId =
        touch.pageId ??
        (touch.frameId
          ? (() => {
              const at = locateFrame(edition, touch.frameId);
              return at && at.where === 'page' ? edition.pages[at.containerIndex].id : undefined;
            })()
          : undefined);
      if (touch.kind === 'layout' && pageId) {
        const holder = heldByOther(this.doc, lockKey('page', pageId), this.info.user);
        if (holder) return refusalMessage('locked', holder);
      }
    }
    return null;
  }

  /** A refused change is in this doc for good (Yjs cannot take it back): start again from the server. */
  private async restartFromServer(): Promise<void> {
    const message = this.view.message;
    this.stop();
    await this.local?.clearData();
    this.doc = new Y.Doc();
    this.local = null;
    this.binding = null;
    this.update({ state: 'connecting', message });
    await this.start();
    this.update({ message });
  }

  /** Publishes where this user is: the page in view and the story caret. */
  setPresence(pageIndex: number, caret: Collaborator['caret']): void {
    this.caret = caret;
    this.connection?.provider.awareness?.setLocalStateField('where', { pageIndex, caret });
  }

  private readPresence(): void {
    const awareness = this.connection?.provider.awareness;
    if (!awareness) return;
    const out: Collaborator[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const user = state.user as { name?: string; color?: string } | undefined;
      if (!user?.name) continue;
      const where = state.where as { pageIndex?: number; caret?: Collaborator['caret'] } | undefined;
      out.push({
        clientId,
        user: user.name,
        color: user.color ?? colorOf(user.name),
        pageIndex: where?.pageIndex ?? null,
        caret: where?.caret ?? null,
      });
    }
    this.update({ collaborators: out });
  }

  /** Checks a story or page out (or in). The answer arrives as a stateless message. */
  requestLock(kind: 'story' | 'page', id: Id, lock: boolean, force = false): void {
    const target = lockKey(kind, id);
    this.connection?.provider.sendStateless(
      JSON.stringify(lock ? { type: 'lock', target } : { type: 'unlock', target, force }),
    );
  }

  private onStateless(payload: string): void {
    let reply: LockReply;
    try {
      reply = JSON.parse(payload) as LockReply;
    } catch {
      return;
    }
    if (reply.type === 'lock-reply' && !reply.ok)
      this.update({
        message: reply.holder
          ? i18next.t('newsroom.refused.locked', { user: reply.holder })
          : i18next.t('newsroom.lock.refused'),
      });
  }

  stop(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.store.setGuard(null);
    this.binding?.destroy();
    this.connection?.close();
    this.connection = null;
  }
}
