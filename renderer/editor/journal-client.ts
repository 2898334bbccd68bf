/**
 * The renderer's side of the edit journal: collects the operations the
 * store applies and sends them to the host in batches — after a short
 * pause in editing (idle), and at the latest `maxDelayMs` after the first
 * unsent operation, so nothing waits longer than two seconds to reach the
 * recovery file. Sends are serialised so batches arrive in order; a failed
 * send is retried with the next batch rather than dropped.
 */
import type { JournalServices } from '../../shared/editing/journal-service';

export interface JournalClientOptions {
  /** Send after this long without new operations. */
  idleMs?: number;
  /** Never hold an operation longer than this (the two-second promise). */
  maxDelayMs?: number;
  /** How often an idle window tells the host it is still there (its journal is not orphaned). */
  heartbeatMs?: number;
  /** Reports a send failure once per failure streak (the status bar shows it). */
  onError?: (message: string | null) => void;
}

type JournalWriteServices = Pick<
  JournalServices,
  'journal.begin' | 'journal.append' | 'journal.rebase' | 'journal.close'
>;

export class JournalClient {
  private sessionId: string | null = null;
  private queue: unknown[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private maxTimer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> = Promise.resolve();
  private failing = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly idleMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly services: JournalWriteServices,
    private readonly options: JournalClientOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 300;
    this.maxDelayMs = options.maxDelayMs ?? 1000;
  }

  get session(): string | null {
    return this.sessionId;
  }

  /**
   * Starts journaling a document with its current edition as the base; for a
   * document recovered from a crashed session, `continueFrom` names that
   * session, whose base and operations the new journal carries on.
   */
  async begin(
    documentId: string,
    edition: { id: string; schemaVersion: number },
    continueFrom?: string,
  ): Promise<string> {
    await this.flush();
    const { sessionId } = await this.services['journal.begin']({
      documentId,
      edition,
      ...(continueFrom ? { continueFrom } : {}),
    });
    this.sessionId = sessionId;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (this.sessionId && this.queue.length === 0) {
        void this.services['journal.append']({ sessionId: this.sessionId, ops: [] }).catch(() => undefined);
      }
    }, this.options.heartbeatMs ?? 10_000);
    return sessionId;
  }

  /** Queues applied operations. */
  push(ops: readonly unknown[]): void {
    if (ops.length === 0) return;
    this.queue.push(...ops);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), this.idleMs);
    this.maxTimer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
  }

  /** Sends everything queued now; resolves when the host has it. */
  flush(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.idleTimer = null;
    this.maxTimer = null;
    this.sending = this.sending.then(() => this.sendQueued());
    return this.sending;
  }

  /** After a save: the saved edition is the new base. */
  async rebase(documentId: string, edition: { id: string; schemaVersion: number }): Promise<void> {
    await this.flush();
    if (!this.sessionId) return;
    await this.services['journal.rebase']({ sessionId: this.sessionId, documentId, edition });
  }

  /** Clean close: the host deletes the journal. */
  async close(): Promise<void> {
    await this.flush();
    if (!this.sessionId) return;
    const sessionId = this.sessionId;
    this.sessionId = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    await this.services['journal.close']({ sessionId });
  }

  private async sendQueued(): Promise<void> {
    if (!this.sessionId || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    try {
      await this.services['journal.append']({ sessionId: this.sessionId, ops: batch });
      if (this.failing) this.options.onError?.(null);
      this.failing = false;
    } catch (error) {
      // Keep the batch at the front so order is preserved, and try again soon.
      this.queue = [...batch, ...this.queue];
      if (!this.failing) this.options.onError?.(`journal: ${(error as Error).message}`);
      this.failing = true;
      this.maxTimer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
    }
  }
}
