// One factory chooses the driver adapter and the generated client for the configured provider.
// Repositories are typed against the SQLite client; the PostgreSQL client has the same shape,
// so it is cast once, here.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../../generated/postgres/client.js';
import type { DatabaseTarget } from './databaseUrl.js';

export type Db = InstanceType<typeof SqliteClient>;

export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  if (target.provider === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: target.url, max: 10 });
    const client = new PostgresClient({ adapter });
    await client.$connect();
    return client as unknown as Db;
  }
  mkdirSync(dirname(target.filePath), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: target.filePath, timeout: 5000 });
  const client = new SqliteClient({ adapter });
  // WAL lets readers and one writer work together; foreign keys enforce the cascades.
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return client;
}
