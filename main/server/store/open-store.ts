/** Opens the store the server was started with: PostgreSQL for a postgres:// URL, else SQLite in the data folder. */
import type { NewsroomStore } from './store';
import { SqliteStore } from './sqlite-store';
import { PostgresStore } from './postgres-store';

export async function openStore(options: {
  dataDir: string;
  database?: string | null;
}): Promise<NewsroomStore> {
  if (options.database) {
    if (!/^postgres(ql)?:\/\//.test(options.database))
      throw new Error(`--database must be a postgres:// URL (got "${options.database}")`);
    return PostgresStore.connect(options.database);
  }
  return new SqliteStore(options.dataDir);
}
