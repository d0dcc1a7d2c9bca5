// The start-time migration runner (src/db/migrate.ts) on a real SQLite file and a real PostgreSQL
// database, and its compatibility with the stock `prisma migrate` CLI (through the offline engine).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, PRISMA_ADVISORY_LOCK_ID, sqliteFilePath } from '../../src/db/migrate.js';

type Provider = 'sqlite' | 'postgresql';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REAL_MIGRATIONS: Record<Provider, string> = {
  sqlite: join(ROOT, 'prisma/migrations'),
  postgresql: join(ROOT, 'prisma/postgres/migrations'),
};
const SERVER_URL = process.env.TANDEM_TEST_POSTGRES_URL;

const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';

function listProviders(): Provider[] {
  if (SERVER_URL) return ['sqlite', 'postgresql'];
  if (IN_CI) throw new Error('TANDEM_TEST_POSTGRES_URL must be set in CI');
  console.warn('\n⚠ migrate.test.ts: TANDEM_TEST_POSTGRES_URL is not set, the PostgreSQL cases are SKIPPED (SQLite only).\n');
  return ['sqlite'];
}
const PROVIDERS = listProviders();

const tempDirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway database: a file in a temp dir, or a database of its own on the test server. */
interface Scratch {
  url: string;
  rows(): Promise<Array<Record<string, unknown>>>;
  tableExists(name: string): Promise<boolean>;
  destroy(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function scratch(provider: Provider): Promise<Scratch> {
  if (provider === 'sqlite') {
    const url = `file:${join(tempDir('tandem-migrate-'), 'nested', 'tandem.db')}`;
    const open = () => new Database(sqliteFilePath(url), { readonly: true });
    return {
      url,
      async rows() {
        const db = open();
        try {
          return db.prepare('SELECT * FROM _prisma_migrations ORDER BY started_at').all() as Array<Record<string, unknown>>;
        } finally {
          db.close();
        }
      },
      async tableExists(name) {
        const db = open();
        try {
          return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
        } finally {
          db.close();
        }
      },
      async destroy() {},
    };
  }
  const name = `tandem_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL!);
  url.pathname = `/${name}`;
  const query = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    rows: () => query('SELECT * FROM _prisma_migrations ORDER BY started_at'),
    tableExists: async (table) => (await query('SELECT to_regclass($1)::text AS t', [table]))[0]?.t != null,
    destroy: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A migrations folder: the project's real migrations plus the given ones. */
function migrationsDir(provider: Provider, extra: Record<string, string>): string {
  const dir = tempDir('tandem-migrations-');
  cpSync(REAL_MIGRATIONS[provider], dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const realNames = (provider: Provider) => readdirNames(REAL_MIGRATIONS[provider]);
function readdirNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

const ADD_NOTES = {
  sqlite: 'CREATE TABLE "notes" ("id" TEXT NOT NULL PRIMARY KEY, "body" TEXT);\n',
  postgresql: 'CREATE TABLE "notes" ("id" TEXT NOT NULL PRIMARY KEY, "body" TEXT);\n',
};
const ADD_TAGS = 'CREATE TABLE "tags" ("id" TEXT NOT NULL PRIMARY KEY);\nCREATE INDEX "tags_id_idx" ON "tags"("id");\n';
// Fails on its second statement: the first one must not survive (each migration is one transaction).
const BROKEN = 'CREATE TABLE "half_done" ("id" TEXT);\nSELEC 1;\n';

describe.each(PROVIDERS)('applyMigrations on %s', (provider) => {
  const databases: Scratch[] = [];
  const fresh = async () => {
    const db = await scratch(provider);
    databases.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of databases) await db.destroy();
  });

  it('applies every migration in name order and records each as Prisma does', async () => {
    const db = await fresh();
    // Written out of order on purpose: the folder name decides.
    const dir = migrationsDir(provider, { '20990102000000_add_tags': ADD_TAGS, '20990101000000_add_notes': ADD_NOTES[provider] });
    const logs: string[] = [];
    const { applied } = await applyMigrations({ provider, url: db.url, migrationsDir: dir, log: (msg) => logs.push(msg) });

    expect(applied).toEqual([...realNames(provider), '20990101000000_add_notes', '20990102000000_add_tags']);
    expect(await db.tableExists('check_ins')).toBe(true);
    expect(await db.tableExists('tags')).toBe(true);
    expect(logs.filter((msg) => msg === 'applied migration')).toHaveLength(realNames(provider).length + 2);

    const rows = await db.rows();
    expect(rows.map((row) => row.migration_name)).toEqual(applied);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(sha256(join(dir, String(row.migration_name), 'migration.sql')));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
      expect(new Date(String(row.finished_at instanceof Date ? row.finished_at.toISOString() : row.finished_at)).getTime()).toBeGreaterThanOrEqual(
        new Date(String(row.started_at instanceof Date ? row.started_at.toISOString() : row.started_at)).getTime(),
      );
    }
  });

  it('does nothing on a second run', async () => {
    const db = await fresh();
    const dir = migrationsDir(provider, { '20990101000000_add_notes': ADD_NOTES[provider] });
    await applyMigrations({ provider, url: db.url, migrationsDir: dir });
    const before = await db.rows();
    expect(await applyMigrations({ provider, url: db.url, migrationsDir: dir })).toEqual({ applied: [] });
    expect(await db.rows()).toEqual(before);
  });

  it('records a failed migration, rolls its statements back and refuses to go on until it is resolved', async () => {
    const db = await fresh();
    const dir = migrationsDir(provider, { '20990101000000_broken': BROKEN, '20990102000000_add_tags': ADD_TAGS });

    const first = await applyMigrations({ provider, url: db.url, migrationsDir: dir }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(MigrationError);
    expect(first).toMatchObject({ code: 'P3018', migrationName: '20990101000000_broken' });
    expect(await db.tableExists('half_done')).toBe(false);
    expect(await db.tableExists('tags')).toBe(false);

    let rows = await db.rows();
    const failed = rows.find((row) => row.migration_name === '20990101000000_broken');
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null });
    expect(Number(failed?.applied_steps_count)).toBe(0);
    expect(String(failed?.logs)).toContain('Migration name: 20990101000000_broken');
    expect(String(failed?.logs)).toMatch(/SELEC/);

    // P3009: nothing more is applied, nothing is recorded, and the error says what to do.
    const second = await applyMigrations({ provider, url: db.url, migrationsDir: dir }).catch((error: unknown) => error);
    expect(second).toMatchObject({ code: 'P3009', migrationName: '20990101000000_broken' });
    expect(String((second as Error).message)).toContain('prisma migrate resolve');
    expect(await db.rows()).toHaveLength(rows.length);

    // What `prisma migrate resolve --rolled-back` writes; then the fixed migration gets a new row.
    const resolved = provider === 'sqlite' ? new Database(sqliteFilePath(db.url)) : null;
    if (resolved) {
      resolved.prepare('UPDATE _prisma_migrations SET rolled_back_at = ? WHERE finished_at IS NULL').run(new Date().toISOString());
      resolved.close();
    } else {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL');
      await client.end();
    }
    writeFileSync(join(dir, '20990101000000_broken', 'migration.sql'), 'CREATE TABLE "half_done" ("id" TEXT);\n');
    const third = await applyMigrations({ provider, url: db.url, migrationsDir: dir });
    expect(third.applied).toEqual(['20990101000000_broken', '20990102000000_add_tags']);
    rows = await db.rows();
    expect(rows.filter((row) => row.migration_name === '20990101000000_broken')).toHaveLength(2);
  });

  it('warns like Prisma when an applied migration was edited, and applies nothing again', async () => {
    const db = await fresh();
    const dir = migrationsDir(provider, { '20990101000000_add_notes': ADD_NOTES[provider] });
    await applyMigrations({ provider, url: db.url, migrationsDir: dir });
    writeFileSync(join(dir, '20990101000000_add_notes', 'migration.sql'), `${ADD_NOTES[provider]}-- edited\n`);
    const warnings: Array<[string, object | undefined]> = [];
    const { applied } = await applyMigrations({ provider, url: db.url, migrationsDir: dir, log: (msg, fields) => warnings.push([msg, fields]) });
    expect(applied).toEqual([]);
    expect(warnings).toContainEqual([
      'The migration `20990101000000_add_notes` was modified after it was applied.',
      { level: 'warn', migration: '20990101000000_add_notes' },
    ]);
  });

  it('applies each migration once when two runs start together', async () => {
    const db = await fresh();
    // A slow migration makes the two runs overlap.
    const slow = provider === 'postgresql' ? 'SELECT pg_sleep(0.3);\nCREATE TABLE "slow" ("id" TEXT);\n' : 'CREATE TABLE "slow" ("id" TEXT);\n';
    const dir = migrationsDir(provider, { '20990101000000_slow': slow, '20990102000000_add_tags': ADD_TAGS });
    const [a, b] = await Promise.all([
      applyMigrations({ provider, url: db.url, migrationsDir: dir }),
      applyMigrations({ provider, url: db.url, migrationsDir: dir }),
    ]);
    expect([...a.applied, ...b.applied].sort()).toEqual([...realNames(provider), '20990101000000_slow', '20990102000000_add_tags']);
    expect(await db.rows()).toHaveLength(realNames(provider).length + 2);
  });
});

describe('applyMigrations on sqlite, table redefinitions', () => {
  // What Prisma generates when a SQLite column changes in a way ALTER TABLE cannot express.
  const REDEFINE_GUILDS = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_guilds" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "region" TEXT NOT NULL DEFAULT 'EU',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);
INSERT INTO "new_guilds" ("created_at", "id", "region", "updated_at") SELECT "created_at", "id", "region", "updated_at" FROM "guilds";
DROP TABLE "guilds";
ALTER TABLE "new_guilds" RENAME TO "guilds";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

  it('keeps the rows of tables that reference the redefined one with ON DELETE CASCADE', async () => {
    const db = await scratch('sqlite');
    const dir = migrationsDir('sqlite', {});
    await applyMigrations({ provider: 'sqlite', url: db.url, migrationsDir: dir });
    const write = new Database(sqliteFilePath(db.url));
    write.prepare(`INSERT INTO guilds (id, updated_at) VALUES ('g1', '2025-01-01T00:00:00.000+00:00')`).run();
    write.prepare(`INSERT INTO members (id, guild_id, user_id, updated_at) VALUES ('m1', 'g1', 'u1', '2025-01-01T00:00:00.000+00:00')`).run();
    write.close();

    mkdirSync(join(dir, '20990101000000_guild_region_eu'));
    writeFileSync(join(dir, '20990101000000_guild_region_eu', 'migration.sql'), REDEFINE_GUILDS);
    expect((await applyMigrations({ provider: 'sqlite', url: db.url, migrationsDir: dir })).applied).toEqual(['20990101000000_guild_region_eu']);

    const read = new Database(sqliteFilePath(db.url), { readonly: true });
    try {
      expect(read.prepare('SELECT id FROM members').all()).toEqual([{ id: 'm1' }]);
      expect(read.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get('guilds')).toMatchObject({ sql: expect.stringContaining(`DEFAULT 'EU'`) });
      expect(read.pragma('foreign_key_check')).toEqual([]);
    } finally {
      read.close();
    }
  });
});

describe.runIf(SERVER_URL)('applyMigrations on postgresql, locking', () => {
  it("waits for Prisma's advisory lock held by another session", async () => {
    const db = await scratch('postgresql');
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_ID]);
      let done = false;
      const run = applyMigrations({ provider: 'postgresql', url: db.url, migrationsDir: REAL_MIGRATIONS.postgresql }).then((r) => {
        done = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_ID]);
      expect((await run).applied).toEqual(realNames('postgresql'));
    } finally {
      await holder.end();
      await db.destroy();
    }
  });
});

// ---- compatibility with the stock Prisma CLI (through scripts/prisma-engine) -------------------

function prisma(args: string[], databaseUrl: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'node_modules/prisma/build/index.js'), ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: join(ROOT, 'scripts/prisma-engine/schema-engine.mjs'),
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          NO_COLOR: '1',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

async function migrationsTableShape(provider: Provider, url: string): Promise<unknown> {
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    try {
      return (db.prepare(`SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'`).get() as { sql: string }).sql;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe.each(PROVIDERS)('the stock prisma CLI on a runner-migrated %s database', (provider) => {
  let byRunner: Scratch;
  let byPrisma: Scratch;
  beforeAll(async () => {
    byRunner = await scratch(provider);
    byPrisma = await scratch(provider);
  });
  afterAll(async () => {
    await byRunner?.destroy();
    await byPrisma?.destroy();
  });

  it('reports it up to date, with the same migrations table as `prisma migrate deploy` creates', { timeout: 60_000 }, async () => {
    await applyMigrations({ provider, url: byRunner.url, migrationsDir: REAL_MIGRATIONS[provider] });
    const status = await prisma(['migrate', 'status'], byRunner.url);
    expect(status.out).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);

    const deploy = await prisma(['migrate', 'deploy'], byPrisma.url);
    expect(deploy.code, deploy.out).toBe(0);
    expect(await migrationsTableShape(provider, byRunner.url)).toEqual(await migrationsTableShape(provider, byPrisma.url));
  });
});

describe.each(PROVIDERS)('the milestone delivery migration on %s', (provider) => {
  const databases: Scratch[] = [];
  afterAll(async () => {
    for (const db of databases) await db.destroy();
  });

  // Notices from before it were attempted once and never retried: none may be told again after it.
  it('marks every notice claimed before it as delivered, so no past milestone is retried', async () => {
    const db = await scratch(provider);
    databases.push(db);
    const dir = migrationsDir(provider, {});
    const names = realNames(provider);
    const mine = names.findIndex((name) => name.endsWith('_milestone_delivery'));
    expect(mine).toBeGreaterThan(0);
    for (const later of names.slice(mine)) rmSync(join(dir, later), { recursive: true });
    await applyMigrations({ provider, url: db.url, migrationsDir: dir });

    const at = '2026-11-20T09:00:00.000Z';
    const statements = [
      `INSERT INTO guilds (id, updated_at) VALUES ('g1', '${at}')`,
      `INSERT INTO members (id, guild_id, user_id, updated_at) VALUES ('m1', 'g1', 'u1', '${at}'), ('m2', 'g1', 'u2', '${at}')`,
      `INSERT INTO couples (id, guild_id, inviter_id, invitee_id, status, invite_expires_at, tag, updated_at) VALUES ('c1', 'g1', 'm1', 'm2', 'active', '${at}', 'a1b2', '${at}')`,
      `INSERT INTO milestone_notices (member_id, clean_date, key, told_at) VALUES ('m1', '2026-10-21', '30d', '${at}')`,
      `INSERT INTO couple_milestone_notices (couple_id, key, since_date, posted_at) VALUES ('c1', '30d', '2026-10-21', '${at}')`,
    ];
    const select = [
      'SELECT delivered_at, told_at, attempts FROM milestone_notices',
      'SELECT delivered_at, posted_at AS told_at, attempts FROM couple_milestone_notices',
    ];
    let rows: Array<Record<string, unknown>>;
    if (provider === 'sqlite') {
      const write = new Database(sqliteFilePath(db.url));
      for (const sql of statements) write.prepare(sql).run();
      write.close();
      cpSync(REAL_MIGRATIONS.sqlite, dir, { recursive: true });
      await applyMigrations({ provider, url: db.url, migrationsDir: dir });
      const read = new Database(sqliteFilePath(db.url), { readonly: true });
      rows = select.flatMap((sql) => read.prepare(sql).all() as Array<Record<string, unknown>>);
      read.close();
    } else {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        for (const sql of statements) await client.query(sql);
        cpSync(REAL_MIGRATIONS.postgresql, dir, { recursive: true });
        await applyMigrations({ provider, url: db.url, migrationsDir: dir });
        rows = [];
        for (const sql of select) rows.push(...(await client.query(sql)).rows);
      } finally {
        await client.end();
      }
    }
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.delivered_at).not.toBeNull();
      expect(row.delivered_at).toEqual(row.told_at);
      expect(Number(row.attempts)).toBe(1);
    }
  });
});
