/**
 * The edit journal on disk: every operation the renderer applies is
 * appended to a recovery file in the user's data folder (never beside or
 * over the user's own file), so that after a crash the next start can
 * offer to replay it. Record format: shared/editing/journal-format.ts.
 *
 * Durability: each batch is appended with a synchronous write as it
 * arrives, so it is in the operating system's hands before the call
 * returns and survives the app being killed; an fsync follows within
 * `syncIntervalMs` (default 1 s) and on close, for power loss.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  JOURNAL_SUFFIX,
  JOURNAL_VERSION,
  parseJournal,
  serializeRecord,
  type BeginRecord,
  type ParsedJournal,
} from '../../shared/editing/journal-format';

export interface JournalOptions {
  /** The recovery folder, e.g. `<userData>/recovery`. Created when missing. */
  dir: string;
  /** Longest time an appended batch waits for its fsync. */
  syncIntervalMs?: number;
  now?: () => number;
  /** Whether the process that wrote a journal is still running (replaceable in tests). */
  isAlive?: (pid: number) => boolean;
  pid?: number;
  /**
   * A session of this very process that has not been heard from for this
   * long (no append, no heartbeat) belongs to a window that is gone — a
   * reloaded browser tab, a crashed renderer — and is offered for recovery.
   * Off by default (a host turns it on where a window can die while the
   * host lives on, e.g. Electron after 'render-process-gone').
   */
  staleAfterMs?: number;
}

export interface BeginSession {
  editionId: string;
  documentPath: string | null;
  title: string;
  /** The edition as it is now (its edition.json). */
  base: { id: string; schemaVersion: number } & Record<string, unknown>;
  /** Asset bytes the base needs, so recovery does not depend on the user's file. */
  assets?: ReadonlyMap<string, Uint8Array>;
  /** Reuse an id (rotation after a save); a new one otherwise. */
  sessionId?: string;
  /**
   * Operations already made on the base (a recovered session carried on):
   * written as the first batch together with the begin record.
   */
  ops?: readonly unknown[];
}

/** A journal left by a session that did not close cleanly: offered for recovery. */
export interface RecoverableJournal {
  sessionId: string;
  editionId: string;
  title: string;
  documentPath: string | null;
  startedAt: number;
  lastAt: number;
  operationCount: number;
  /** A message when the file is damaged beyond its last line (still listed so the user can discard it). */
  error: string | null;
}

/** A journal read for replay. */
export interface RecoveredSession extends ParsedJournal {
  assets: Map<string, Uint8Array>;
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,80}$/;

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class EditJournal {
  readonly dir: string;
  private readonly syncIntervalMs: number;
  private readonly now: () => number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly pid: number;
  /** Open sessions: their next batch number, whether an fsync is due, and when the window was last heard from. */
  private readonly sessions = new Map<string, { seq: number; dirty: boolean; lastSeen: number }>();
  private readonly staleAfterMs: number;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: JournalOptions) {
    this.dir = options.dir;
    this.syncIntervalMs = options.syncIntervalMs ?? 1000;
    this.now = options.now ?? (() => Date.now());
    this.isAlive = options.isAlive ?? defaultIsAlive;
    this.pid = options.pid ?? process.pid;
    this.staleAfterMs = options.staleAfterMs ?? Infinity;
    mkdirSync(this.dir, { recursive: true });
  }

  /** Starts journaling a session: writes the base edition and its assets. Returns the session id. */
  begin(session: BeginSession): string {
    const sessionId = session.sessionId ?? newSessionId(this.now());
    checkSessionId(sessionId);
    const assetIds: string[] = [];
    if (session.assets) {
      const folder = this.assetFolder(sessionId);
      mkdirSync(folder, { recursive: true });
      for (const [assetId, bytes] of session.assets) {
        writeFileSync(join(folder, safeFileName(assetId)), bytes);
        assetIds.push(assetId);
      }
    }
    const begin: BeginRecord = {
      type: 'begin',
      v: JOURNAL_VERSION,
      sessionId,
      editionId: session.editionId,
      documentPath: session.documentPath,
      title: session.title,
      startedAt: this.now(),
      pid: this.pid,
      base: session.base,
      assets: assetIds,
    };
    // Write the new journal beside the old and rename over it, so a crash
    // during a rotation leaves one complete journal, never none.
    const file = this.fileOf(sessionId);
    const temp = `${file}.tmp`;
    const carried = session.ops?.length
      ? serializeRecord({ type: 'ops', seq: 1, at: this.now(), ops: [...session.ops] })
      : '';
    writeDurably(temp, serializeRecord(begin) + carried);
    renameSync(temp, file);
    this.sessions.set(sessionId, { seq: carried ? 2 : 1, dirty: false, lastSeen: this.now() });
    return sessionId;
  }

  /** Appends one batch of applied operations; an empty batch is the window's heartbeat. */
  append(sessionId: string, ops: readonly unknown[]): void {
    const state = this.open(sessionId);
    state.lastSeen = this.now();
    if (ops.length === 0) return;
    appendFileSync(
      this.fileOf(sessionId),
      serializeRecord({ type: 'ops', seq: state.seq, at: this.now(), ops: [...ops] }),
    );
    state.seq++;
    state.dirty = true;
    this.scheduleSync();
  }

  /** Keeps the bytes of an image placed during the session. */
  putAsset(sessionId: string, assetId: string, bytes: Uint8Array): void {
    this.open(sessionId);
    const folder = this.assetFolder(sessionId);
    mkdirSync(folder, { recursive: true });
    writeDurably(join(folder, safeFileName(assetId)), bytes);
    appendFileSync(this.fileOf(sessionId), serializeRecord({ type: 'asset', at: this.now(), assetId }));
    this.sessions.get(sessionId)!.dirty = true;
    this.scheduleSync();
  }

  /**
   * Notes a save of the session's document: the file written and the
   * fingerprint of the edition in it. Written at once (and fsynced), so a
   * crash right after the save does not offer edits the file already has.
   */
  markSaved(sessionId: string, saved: { path: string; fingerprint: string }): void {
    this.open(sessionId);
    appendFileSync(
      this.fileOf(sessionId),
      serializeRecord({ type: 'saved', at: this.now(), path: saved.path, fingerprint: saved.fingerprint }),
    );
    fsyncFile(this.fileOf(sessionId));
  }

  /** Whether a session of this journal is open (begun and not closed or discarded). */
  isOpen(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  /**
   * After a save: the saved edition becomes the new base and the journal
   * starts over (the operations before it are in the user's file now).
   */
  rebase(sessionId: string, session: Omit<BeginSession, 'sessionId'>): void {
    this.open(sessionId);
    const keep = this.readAssets(sessionId);
    const assets = new Map(keep);
    for (const [id, bytes] of session.assets ?? []) assets.set(id, bytes);
    this.begin({ ...session, assets, sessionId });
  }

  /** Ends a session cleanly: nothing to recover, so the journal goes. */
  close(sessionId: string): void {
    if (!this.sessions.has(sessionId)) return;
    this.sessions.delete(sessionId);
    this.discard(sessionId);
  }

  /** Forces every pending batch to disk now. */
  flush(): void {
    for (const [sessionId, state] of this.sessions) {
      if (!state.dirty) continue;
      fsyncFile(this.fileOf(sessionId));
      state.dirty = false;
    }
  }

  /** Stops the timer after a final flush (app quitting). Open sessions stay recoverable. */
  dispose(): void {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    this.flush();
  }

  /** Journals of sessions that ended without closing and whose process is gone. */
  listRecoverable(): RecoverableJournal[] {
    const found: RecoverableJournal[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(JOURNAL_SUFFIX)) continue;
      const sessionId = name.slice(0, -JOURNAL_SUFFIX.length);
      if (!SESSION_ID.test(sessionId)) continue;
      const own = this.sessions.get(sessionId);
      if (own && this.now() - own.lastSeen < this.staleAfterMs) continue;
      const path = join(this.dir, name);
      try {
        const parsed = parseJournal(readFileSync(path, 'utf8'), path);
        if (parsed.closed) continue;
        if (!own && parsed.begin.pid !== this.pid && this.isAlive(parsed.begin.pid)) continue;
        found.push({
          sessionId,
          editionId: parsed.begin.editionId,
          title: parsed.begin.title,
          documentPath: parsed.begin.documentPath,
          startedAt: parsed.begin.startedAt,
          lastAt: parsed.lastAt,
          operationCount: parsed.ops.length,
          error: null,
        });
      } catch (error) {
        found.push({
          sessionId,
          editionId: '',
          title: name,
          documentPath: null,
          startedAt: 0,
          lastAt: 0,
          operationCount: 0,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return found.sort((a, b) => b.lastAt - a.lastAt);
  }

  /** Reads a journal for replay: base edition, operations and asset bytes. */
  read(sessionId: string): RecoveredSession {
    checkSessionId(sessionId);
    const path = this.fileOf(sessionId);
    if (!existsSync(path)) throw new Error(`no recovery journal ${path}`);
    const parsed = parseJournal(readFileSync(path, 'utf8'), path);
    return { ...parsed, assets: this.readAssets(sessionId) };
  }

  /** Deletes a journal and its assets (after recovery, or when the user declines). */
  discard(sessionId: string): void {
    checkSessionId(sessionId);
    this.sessions.delete(sessionId);
    rmSync(this.fileOf(sessionId), { force: true });
    rmSync(this.assetFolder(sessionId), { recursive: true, force: true });
  }

  private readAssets(sessionId: string): Map<string, Uint8Array> {
    const folder = this.assetFolder(sessionId);
    const assets = new Map<string, Uint8Array>();
    if (!existsSync(folder)) return assets;
    for (const name of readdirSync(folder)) {
      assets.set(decodeURIComponent(name), new Uint8Array(readFileSync(join(folder, name))));
    }
    return assets;
  }

  private open(sessionId: string): { seq: number; dirty: boolean; lastSeen: number } {
    const state = this.sessions.get(sessionId);
    if (!state) throw new Error(`journal session ${sessionId} is not open`);
    return state;
  }

  private scheduleSync(): void {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      this.flush();
    }, this.syncIntervalMs);
    // The journal must never keep a quitting process alive.
    this.syncTimer.unref?.();
  }

  private fileOf(sessionId: string): string {
    return join(this.dir, `${sessionId}${JOURNAL_SUFFIX}`);
  }

  private assetFolder(sessionId: string): string {
    return join(this.dir, `${sessionId}.assets`);
  }
}

function newSessionId(now: number): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${now.toString(36)}-${random}`;
}

function checkSessionId(sessionId: string): void {
  if (!SESSION_ID.test(sessionId)) throw new Error(`not a journal session id: ${JSON.stringify(sessionId)}`);
}

/** Asset ids become file names; anything outside a safe set is percent-encoded. */
function safeFileName(assetId: string): string {
  return encodeURIComponent(assetId).replace(/\./g, '%2E');
}

function writeDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
