/**
 * The embedded store: one SQLite file (`folio-server.sqlite`) in the data
 * folder, through better-sqlite3 (12.x: 13.x needs Node 22). Writes are
 * synchronous, so an update is on disk before the server acknowledges it;
 * WAL journal so readers never wait for the writer.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Account, NewsroomStore, Role, StoredEdition } from './store';
import { mergeStates } from './merge';

export class SqliteStore implements NewsroomStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly insertUpdate: Database.Statement;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'folio-server.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS editions (name TEXT PRIMARY KEY, state BLOB, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL, at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
      CREATE TABLE IF NOT EXISTS accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS assets (edition TEXT NOT NULL, id TEXT NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (edition, id));
      CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    this.insertUpdate = this.db.prepare('INSERT INTO updates (name, data, at) VALUES (?, ?, ?)');
  }

  async load(name: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT state FROM editions WHERE name = ?').get(name) as
      { state: Buffer | null } | undefined;
    const updates = this.db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY id').all(name) as {
      data: Buffer;
    }[];
    if (!row?.state && updates.length === 0) return null;
    return mergeStates([...(row?.state ? [row.state] : []), ...updates.map((u) => u.data)]);
  }

  append(name: string, update: Uint8Array): void {
    this.insertUpdate.run(name, Buffer.from(update), new Date().toISOString());
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    // Appends are synchronous, so every logged update is in `state`.
    const at = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO editions (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        )
        .run(name, Buffer.from(state), at);
      this.db.prepare('DELETE FROM updates WHERE name = ?').run(name);
    })();
  }

  async list(): Promise<StoredEdition[]> {
    const rows = this.db
      .prepare(
        `SELECT n.name AS name,
                COALESCE(e.updated_at, '') AS compacted_at,
                COALESCE(length(e.state), 0) AS state_bytes,
                (SELECT COUNT(*) FROM updates u WHERE u.name = n.name) AS pending,
                (SELECT COALESCE(SUM(length(u.data)), 0) FROM updates u WHERE u.name = n.name) AS log_bytes,
                (SELECT MAX(u.at) FROM updates u WHERE u.name = n.name) AS logged_at
         FROM (SELECT name FROM editions UNION SELECT DISTINCT name FROM updates) n
         LEFT JOIN editions e ON e.name = n.name ORDER BY n.name`,
      )
      .all() as {
      name: string;
      compacted_at: string;
      state_bytes: number;
      pending: number;
      log_bytes: number;
      logged_at: string | null;
    }[];
    return rows.map((r) => ({
      name: r.name,
      updatedAt: r.logged_at && r.logged_at > r.compacted_at ? r.logged_at : r.compacted_at,
      bytes: r.state_bytes + r.log_bytes,
      pendingUpdates: r.pending,
    }));
  }

  async remove(name: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM editions WHERE name = ?').run(name);
      this.db.prepare('DELETE FROM updates WHERE name = ?').run(name);
      this.db.prepare('DELETE FROM assets WHERE edition = ?').run(name);
    })();
  }

  async getAccount(name: string): Promise<Account | null> {
    const row = this.db.prepare('SELECT * FROM accounts WHERE name = ?').get(name) as AccountRow | undefined;
    return row ? fromRow(row) : null;
  }

  async putAccount(a: Account): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash',
      )
      .run(a.name, a.role, a.passwordHash, a.createdAt);
  }

  async listAccounts(): Promise<Account[]> {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY name').all() as AccountRow[]).map(fromRow);
  }

  async putAsset(edition: string, id: string, bytes: Uint8Array): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO assets (edition, id, bytes) VALUES (?, ?, ?) ON CONFLICT(edition, id) DO UPDATE SET bytes = excluded.bytes',
      )
      .run(edition, id, Buffer.from(bytes));
  }

  async getAsset(edition: string, id: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT bytes FROM assets WHERE edition = ? AND id = ?').get(edition, id) as
      { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : null;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  async flush(): Promise<void> {
    // Writes are synchronous; a checkpoint folds the WAL into the database file.
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
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
