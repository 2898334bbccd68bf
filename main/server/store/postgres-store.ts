/**
 * The production store: PostgreSQL through `pg`. Appends go out in order on
 * one connection (a pg Client runs its queries one after another), so a
 * compaction issued after them deletes exactly the updates already in the
 * compacted state; `append` returns the promise of its write (the server
 * acknowledges an update once it resolves) and `flush` waits for the queue.
 */
import pg from 'pg';
import type { Account, NewsroomStore, Role, StoredEdition } from './store';
import { mergeStates } from './merge';

export class PostgresStore implements NewsroomStore {
  readonly kind = 'postgres' as const;
  private pending: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;
  /** Appends waiting for the INSERT in flight to finish (group commit). */
  private gathered: { name: string; data: Buffer; done: () => void; failed: (e: Error) => void }[] = [];
  private inserting = 0;

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PostgresStore> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`
      CREATE TABLE IF NOT EXISTS folio_editions (name TEXT PRIMARY KEY, state BYTEA, updated_at TIMESTAMPTZ NOT NULL);
      CREATE TABLE IF NOT EXISTS folio_updates (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
      CREATE INDEX IF NOT EXISTS folio_updates_by_name ON folio_updates (name, id);
      CREATE TABLE IF NOT EXISTS folio_accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS folio_assets (edition TEXT NOT NULL, id TEXT NOT NULL, bytes BYTEA NOT NULL, PRIMARY KEY (edition, id));
      CREATE TABLE IF NOT EXISTS folio_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    const store = new PostgresStore(client);
    client.on('error', (error) => (store.failure = error));
    return store;
  }

  /**
   * Runs after everything queued before it (appends included). A failed
   * query fails only its caller; a lost connection fails everything after.
   */
  private query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    if (this.failure) return Promise.reject(this.failure);
    const run = this.client.query<R>(text, values);
    this.pending = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async load(name: string): Promise<Uint8Array | null> {
    const state = await this.query<{ state: Buffer | null }>(
      'SELECT state FROM folio_editions WHERE name = $1',
      [name],
    );
    const updates = await this.query<{ data: Buffer }>(
      'SELECT data FROM folio_updates WHERE name = $1 ORDER BY id',
      [name],
    );
    const first = state.rows[0]?.state;
    if (!first && updates.rows.length === 0) return null;
    return mergeStates([...(first ? [first] : []), ...updates.rows.map((r) => r.data)]);
  }

  /**
   * Group commit: an append goes out at once when no INSERT is in flight;
   * otherwise it waits for that one and goes out with everything else that
   * arrived meanwhile as one INSERT, so a busy desk costs a round trip per
   * batch, not per keystroke, and appends stay in order.
   */
  append(name: string, update: Uint8Array): Promise<void> {
    const written = new Promise<void>((done, failed) =>
      this.gathered.push({ name, data: Buffer.from(update), done, failed }),
    );
    if (this.inserting === 0) this.insertGathered();
    return written;
  }

  private insertGathered(): void {
    while (this.gathered.length > 0) {
      // 2 parameters a row; PostgreSQL takes at most 65535 in one statement.
      const rows = this.gathered.splice(0, 10_000);
      const values = rows.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
      this.inserting++;
      this.query(
        `INSERT INTO folio_updates (name, data) VALUES ${values}`,
        rows.flatMap((r) => [r.name, r.data]),
      )
        .then(
          () => rows.forEach((r) => r.done()),
          (error: Error) => rows.forEach((r) => r.failed(error)),
        )
        .finally(() => {
          if (--this.inserting === 0) this.insertGathered();
        });
    }
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    // Appends made before this call go out first, even while an INSERT is in flight.
    this.insertGathered();
    // Queued all at once (no await in between): appends queued before this call — the ones in
    // `state` — run before BEGIN, later ones after COMMIT, so the DELETE takes exactly the former.
    // A failed step aborts the transaction and COMMIT then rolls it back.
    const steps = [
      this.query('BEGIN'),
      this.query(
        'INSERT INTO folio_editions (name, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        [name, Buffer.from(state)],
      ),
      this.query('DELETE FROM folio_updates WHERE name = $1', [name]),
      this.query('COMMIT'),
    ];
    return Promise.all(steps).then(() => undefined);
  }

  async list(): Promise<StoredEdition[]> {
    const { rows } = await this.query<{
      name: string;
      updated_at: Date | null;
      state_bytes: string;
      pending: string;
      log_bytes: string;
      logged_at: Date | null;
    }>(
      `SELECT n.name, e.updated_at, COALESCE(length(e.state), 0) AS state_bytes,
              (SELECT COUNT(*) FROM folio_updates u WHERE u.name = n.name) AS pending,
              (SELECT COALESCE(SUM(length(u.data)), 0) FROM folio_updates u WHERE u.name = n.name) AS log_bytes,
              (SELECT MAX(u.at) FROM folio_updates u WHERE u.name = n.name) AS logged_at
       FROM (SELECT name FROM folio_editions UNION SELECT DISTINCT name FROM folio_updates) n
       LEFT JOIN folio_editions e ON e.name = n.name ORDER BY n.name`,
    );
    return rows.map((r) => {
      const compacted = r.updated_at?.toISOString() ?? '';
      const logged = r.logged_at?.toISOString() ?? '';
      return {
        name: r.name,
        updatedAt: logged > compacted ? logged : compacted,
        bytes: Number(r.state_bytes) + Number(r.log_bytes),
        pendingUpdates: Number(r.pending),
      };
    });
  }

  async remove(name: string): Promise<void> {
    await this.query('DELETE FROM folio_editions WHERE name = $1', [name]);
    await this.query('DELETE FROM folio_updates WHERE name = $1', [name]);
    await this.query('DELETE FROM folio_assets WHERE edition = $1', [name]);
  }

  async getAccount(name: string): Promise<Account | null> {
    const { rows } = await this.query<AccountRow>('SELECT * FROM folio_accounts WHERE name = $1', [name]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async putAccount(a: Account): Promise<void> {
    await this.query(
      'INSERT INTO folio_accounts (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash',
      [a.name, a.role, a.passwordHash, a.createdAt],
    );
  }

  async listAccounts(): Promise<Account[]> {
    const { rows } = await this.query<AccountRow>('SELECT * FROM folio_accounts ORDER BY name');
    return rows.map(fromRow);
  }

  async putAsset(edition: string, id: string, bytes: Uint8Array): Promise<void> {
    await this.query(
      'INSERT INTO folio_assets (edition, id, bytes) VALUES ($1, $2, $3) ON CONFLICT (edition, id) DO UPDATE SET bytes = excluded.bytes',
      [edition, id, Buffer.from(bytes)],
    );
  }

  async getAsset(edition: string, id: string): Promise<Uint8Array | null> {
    const { rows } = await this.query<{ bytes: Buffer }>(
      'SELECT bytes FROM folio_assets WHERE edition = $1 AND id = $2',
      [edition, id],
    );
    return rows[0] ? new Uint8Array(rows[0].bytes) : null;
  }

  async getSetting(key: string): Promise<string | null> {
    const { rows } = await this.query<{ value: string }>('SELECT value FROM folio_settings WHERE key = $1', [
      key,
    ]);
    return rows[0]?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    await this.query(
      'INSERT INTO folio_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async flush(): Promise<void> {
    this.insertGathered();
    await this.pending;
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.insertGathered();
    await this.pending.catch(() => undefined);
    await this.client.end();
  }
}

interface AccountRow {
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

function fromRow(r: AccountRow): Account {
  return { name: r.name, role: r.role as Role, passwordHash: r.password_hash, createdAt: r.created_at };
}
