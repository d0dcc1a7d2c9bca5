// Real databases for integration and end-to-end tests: a fresh SQLite file, or a throwaway
// PostgreSQL database on the server named by TANDEM_TEST_POSTGRES_URL (set by .ci/run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/client.js';
import { parseDatabaseUrl, type DatabaseTarget } from '../../src/db/databaseUrl.js';
import { applyMigrations } from '../../src/db/migrate.js';

export const POSTGRES_SERVER_URL = process.env.TANDEM_TEST_POSTGRES_URL;
const MIGRATIONS = {
  sqlite: fileURLToPath(new URL('../../prisma/migrations', import.meta.url)),
  postgresql: fileURLToPath(new URL('../../prisma/postgres/migrations', import.meta.url)),
};

export type Provider = 'sqlite' | 'postgresql';

/** Providers to run against. Outside CI, PostgreSQL is skipped with a visible notice when unset; in CI it is required. */
export function availableProviders(): Provider[] {
  if (POSTGRES_SERVER_URL) return ['sqlite', 'postgresql'];
  if (process.env.CI) throw new Error('TANDEM_TEST_POSTGRES_URL must be set in CI (.ci/run sets it)');
  console.warn('\n⚠ TANDEM_TEST_POSTGRES_URL is not set: PostgreSQL tests are SKIPPED (only SQLite runs). .ci/run sets it.\n');
  return ['sqlite'];
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** Drops the throwaway database or deletes the file. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(provider: Provider, { migrate = true } = {}): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
    const target = parseDatabaseUrl(`file:${join(dir, 'tandem.db')}`)!;
    if (migrate) await applyMigrations({ provider, url: target.url, migrationsDir: MIGRATIONS.sqlite });
    return { target, destroy: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!POSTGRES_SERVER_URL) throw new Error('TANDEM_TEST_POSTGRES_URL is not set');
  const name = `tandem_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  const target = parseDatabaseUrl(url.toString())!;
  if (migrate) await applyMigrations({ provider, url: target.url, migrationsDir: MIGRATIONS.postgresql });
  return {
    target,
    async destroy() {
      const dropper = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function openTestDb(provider: Provider): Promise<{ db: Db; destroy(): Promise<void> }> {
  const testDb = await createTestDatabase(provider);
  const db = await openDatabase(testDb.target);
  return {
    db,
    async destroy() {
      await db.$disconnect();
      await testDb.destroy();
    },
  };
}
