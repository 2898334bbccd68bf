/**
 * Where the newsroom server keeps editions, accounts and photo bytes. Two
 * implementations: an SQLite file in the data folder (the embedded default)
 * and PostgreSQL (production). Both keep, per edition, one compacted Yjs
 * state plus the log of updates received since; loading merges them.
 */
export type Role = 'designer' | 'editor' | 'proofreader' | 'admin';
export const ROLES: readonly Role[] = ['designer', 'editor', 'proofreader', 'admin'];

export interface Account {
  name: string;
  role: Role;
  /** scrypt hash (auth/passwords.ts). */
  passwordHash: string;
  createdAt: string;
}

export interface StoredEdition {
  name: string;
  updatedAt: string;
  /** Bytes the edition takes in the store: compacted state plus logged updates. */
  bytes: number;
  /** Logged updates not yet compacted. */
  pendingUpdates: number;
}

export interface NewsroomStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The edition's whole state (compacted state merged with the update log), or null for a new one. */
  load(name: string): Promise<Uint8Array | null>;
  /**
   * Logs one update. SQLite writes before returning (undefined); PostgreSQL
   * queues the write in order on its one connection and returns the promise
   * of it. The server acknowledges an update only once it is written.
   */
  append(name: string, update: Uint8Array): Promise<void> | void;
  /**
   * Replaces the log with one state. Must be called right after `state` was
   * encoded (nothing in between): exactly the updates appended before the
   * call are in `state`, and only they are deleted.
   */
  compact(name: string, state: Uint8Array): Promise<void>;
  list(): Promise<StoredEdition[]>;
  remove(name: string): Promise<void>;
  getAccount(name: string): Promise<Account | null>;
  putAccount(account: Account): Promise<void>;
  listAccounts(): Promise<Account[]>;
  putAsset(edition: string, id: string, bytes: Uint8Array): Promise<void>;
  getAsset(edition: string, id: string): Promise<Uint8Array | null>;
  /** A setting kept with the data (the token signing secret). */
  getSetting(key: string): Promise<string | null>;
  putSetting(key: string, value: string): Promise<void>;
  /** Waits until every append so far is written. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
