// Applies Prisma Migrate's migration folders at start, without the schema engine, and records them in
// `_prisma_migrations` exactly as Prisma does, so `prisma migrate status|deploy|dev` treat the result as
// their own: same table, one row per attempt, checksum = sha256 hex of migration.sql, `finished_at`
// NULL and `logs` set on failure, and no new migration past a failed one (Prisma's P3009).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export type MigrationProvider = 'sqlite' | 'postgresql';
export type MigrationLog = (msg: string, fields?: object) => void;

export interface ApplyMigrationsOptions {
  provider: MigrationProvider;
  url: string;
  /** `prisma/migrations` or `prisma/postgres/migrations`: one folder per migration, each with migration.sql. */
  migrationsDir: string;
  log?: MigrationLog;
}

/** Prisma's lock id for migrations on PostgreSQL (the schema engine takes the same advisory lock). */
export const PRISMA_ADVISORY_LOCK_ID = 72707369;

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const RESOLVE_HELP = 'Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve';

/** A migration problem with Prisma's error code: P3009 (a failed migration blocks), P3018 (one just failed), P3015, P3019. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    readonly code: 'P3009' | 'P3015' | 'P3018' | 'P3019',
    message: string,
    readonly migrationName?: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  logs: string | null;
}

/** What differs between the two databases; everything else is shared. */
interface Store {
  readRows(): Promise<MigrationRow[]>;
  recordStarted(row: { id: string; checksum: string; name: string }): Promise<void>;
  /** Runs the script and marks the row finished, in one transaction where the script allows it. */
  apply(migration: LocalMigration, id: string): Promise<void>;
  recordFailure(id: string, logs: string): Promise<void>;
  describe(error: unknown): { code: string; message: string };
}

/** `file:./data/tandem.db` → absolute path (relative paths against the working directory). */
export function sqliteFilePath(url: string, cwd: string = process.cwd()): string {
  const path = decodeURIComponent(url.replace(/^file:/i, '').replace(/\?.*$/, ''));
  if (path === '') throw new Error(`not a SQLite file URL: ${url}`);
  if (path === ':memory:') return path;
  return resolve(cwd, path);
}

export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

export async function applyMigrations(opts: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const log: MigrationLog = opts.log ?? (() => {});
  const migrations = readMigrations(opts.migrationsDir, opts.provider);
  if (opts.provider === 'postgresql') return withPostgres(opts.url, (store) => run(store, migrations, log));
  // better-sqlite3 waits for locks synchronously: runs on one file in this process take turns.
  const file = sqliteFilePath(opts.url);
  const previous = sqliteRuns.get(file) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(() => withSqlite(file, (store) => run(store, migrations, log)));
  const settled = current.then(() => {}, () => {});
  sqliteRuns.set(file, settled);
  void settled.then(() => {
    if (sqliteRuns.get(file) === settled) sqliteRuns.delete(file);
  });
  return current;
}

const sqliteRuns = new Map<string, Promise<void>>();

function readMigrations(dir: string, provider: MigrationProvider): LocalMigration[] {
  if (!existsSync(dir)) return [];
  const lock = join(dir, 'migration_lock.toml');
  if (existsSync(lock)) {
    const locked = /provider\s*=\s*"([^"]+)"/.exec(readFileSync(lock, 'utf8'))?.[1];
    if (locked && locked !== provider) {
      throw new MigrationError('P3019', `${dir} holds ${locked} migrations (migration_lock.toml), not ${provider} ones.`);
    }
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = join(dir, name, 'migration.sql');
      if (!existsSync(file)) {
        throw new MigrationError('P3015', `Could not find the migration file at ${file}. Please delete the directory or restore the migration file.`, name);
      }
      // Read as text like the Prisma CLI does: the checksum is over the UTF-8 text.
      const script = readFileSync(file, 'utf8');
      return { name, script, checksum: migrationChecksum(script) };
    });
}

async function run(store: Store, migrations: LocalMigration[], log: MigrationLog): Promise<{ applied: string[] }> {
  const rows = await store.readRows();

  const failed = rows.filter((row) => row.finished_at == null && row.rolled_back_at == null);
  if (failed.length > 0) {
    const details = failed
      .map((row) => `The \`${row.migration_name}\` migration started at ${formatTime(row.started_at)} failed${row.logs?.trim() ? ` with the following logs:\n${row.logs.trim()}` : ''}`)
      .join('\n');
    throw new MigrationError(
      'P3009',
      `migrate found failed migrations in the target database, new migrations will not be applied. ${RESOLVE_HELP}\n${details}\n` +
        `Fix the database, then run \`npx prisma migrate resolve --rolled-back <name>\` (undone) or \`--applied <name>\` (completed by hand).`,
      failed[0]?.migration_name,
    );
  }

  const live = rows.filter((row) => row.rolled_back_at == null);
  for (const migration of migrations) {
    const row = live.find((r) => r.migration_name === migration.name && r.finished_at != null);
    if (row && !checksumMatches(migration.script, row.checksum)) {
      log(`The migration \`${migration.name}\` was modified after it was applied.`, { level: 'warn', migration: migration.name });
    }
  }

  const pending = migrations.filter((migration) => !live.some((row) => row.migration_name === migration.name));
  const applied: string[] = [];
  for (const migration of pending) {
    const started = performance.now();
    log('applying migration', { migration: migration.name });
    const id = randomUUID();
    await store.recordStarted({ id, checksum: migration.checksum, name: migration.name });
    try {
      await store.apply(migration, id);
    } catch (error) {
      const { code, message } = store.describe(error);
      const logs = `A migration failed to apply. New migrations cannot be applied before the error is recovered from. ${RESOLVE_HELP}\n\nMigration name: ${migration.name}\n\nDatabase error code: ${code}\n\nDatabase error:\n${message}\n`;
      await store.recordFailure(id, logs);
      throw new MigrationError(
        'P3018',
        `migration \`${migration.name}\` failed to apply: ${message}\n` +
          `It is recorded as failed; fix the database, then run \`npx prisma migrate resolve --rolled-back ${migration.name}\` (or \`--applied\`) before starting again.`,
        migration.name,
      );
    }
    applied.push(migration.name);
    log('applied migration', { migration: migration.name, ms: Math.round(performance.now() - started) });
  }
  return { applied };
}

/** Prisma accepts a checksum of the script with either line ending. */
function checksumMatches(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\r?\n/g, '\r\n')];
  return variants.some((variant) => migrationChecksum(variant) === checksum);
}

function formatTime(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').replace('Z', ' UTC');
}

/** Script-level transaction control (BEGIN/COMMIT in the file) rules out wrapping it in ours. */
const OWN_TRANSACTION = /^\s*(BEGIN|COMMIT|END|ROLLBACK|START\s+TRANSACTION)\b/im;
/** PostgreSQL statements that refuse to run inside a transaction block. */
const NO_TRANSACTION_PG = /\bCONCURRENTLY\b|^\s*VACUUM\b|\bALTER\s+SYSTEM\b/im;

// --- SQLite ----------------------------------------------------------------------------------

/** Timestamps as the schema engine writes them through the driver adapter (ISO 8601, UTC offset). */
const sqliteNow = (): string => new Date().toISOString().replace('Z', '+00:00');

// Primary SQLite result codes: Prisma reports the number.
const SQLITE_CODES: Record<string, number> = {
  SQLITE_ERROR: 1, SQLITE_INTERNAL: 2, SQLITE_PERM: 3, SQLITE_ABORT: 4, SQLITE_BUSY: 5, SQLITE_LOCKED: 6, SQLITE_NOMEM: 7,
  SQLITE_READONLY: 8, SQLITE_IOERR: 10, SQLITE_CORRUPT: 11, SQLITE_FULL: 13, SQLITE_CANTOPEN: 14, SQLITE_CONSTRAINT: 19, SQLITE_MISMATCH: 20,
};

async function withSqlite<T>(file: string, fn: (store: Store) => Promise<T>): Promise<T> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 15_000 });
  try {
    // Like the schema engine: hold an exclusive lock for the whole run, so a second process
    // starting at the same time waits (busy timeout) and then finds everything applied.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!exists) db.exec(SQLITE_MIGRATIONS_TABLE);
    const store: Store = {
      async readRows() {
        return db
          .prepare('SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at FROM _prisma_migrations ORDER BY started_at')
          .all() as MigrationRow[];
      },
      async recordStarted({ id, checksum, name }) {
        db.prepare('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)').run(id, checksum, name, sqliteNow());
      },
      async apply(migration, id) {
        const finish = db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = applied_steps_count + 1 WHERE id = ?');
        if (OWN_TRANSACTION.test(migration.script)) {
          db.exec(migration.script);
          finish.run(sqliteNow(), id);
          return;
        }
        // Prisma's table redefinitions switch foreign keys off around DROP TABLE; that pragma is a
        // no-op inside a transaction, so it is switched off before ours (or the drop would cascade).
        const togglesForeignKeys = /PRAGMA\s+foreign_keys\s*=/i.test(migration.script);
        const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
        if (togglesForeignKeys) db.pragma('foreign_keys = OFF');
        try {
          db.transaction(() => {
            db.exec(migration.script);
            finish.run(sqliteNow(), id);
          })();
        } finally {
          if (togglesForeignKeys) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
        }
      },
      async recordFailure(id, logs) {
        db.prepare('UPDATE _prisma_migrations SET logs = ? WHERE id = ?').run(logs, id);
      },
      describe(error) {
        const name = (error as { code?: unknown })?.code;
        const code = typeof name === 'string' ? String(SQLITE_CODES[name] ?? SQLITE_CODES[name.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')] ?? name) : 'unknown';
        return { code, message: error instanceof Error ? error.message : String(error) };
      },
    };
    return await fn(store);
  } finally {
    db.close();
  }
}

// --- PostgreSQL ------------------------------------------------------------------------------

async function withPostgres<T>(url: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const schema = new URL(url).searchParams.get('schema');
  const client = new pg.Client({ connectionString: url, application_name: 'tandem-migrate' });
  await client.connect();
  try {
    if (schema && schema !== 'public') {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
      await client.query(`SET search_path TO "${schema.replaceAll('"', '""')}"`);
    }
    // Several bot processes starting together: the first applies, the others wait here and then
    // find everything applied. Session-level, so it covers every transaction below.
    await client.query(`SET lock_timeout = '120s'`);
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_ID]);
    await client.query('RESET lock_timeout');
    try {
      const exists = await client.query<{ found: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS found`);
      if (!exists.rows[0]?.found) await client.query(POSTGRES_MIGRATIONS_TABLE);
      const store: Store = {
        async readRows() {
          const result = await client.query<MigrationRow>(
            'SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at FROM _prisma_migrations ORDER BY started_at',
          );
          return result.rows;
        },
        async recordStarted({ id, checksum, name }) {
          await client.query('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, 0)', [id, checksum, name, new Date()]);
        },
        async apply(migration, id) {
          const finish = () => client.query('UPDATE _prisma_migrations SET finished_at = $1, applied_steps_count = applied_steps_count + 1 WHERE id = $2', [new Date(), id]);
          if (OWN_TRANSACTION.test(migration.script) || NO_TRANSACTION_PG.test(migration.script)) {
            // One simple query, as the schema engine sends it (the server runs it as one implicit transaction).
            await client.query(migration.script);
            await finish();
            return;
          }
          await client.query('BEGIN');
          try {
            await client.query(migration.script);
            await finish();
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => {});
            throw error;
          }
        },
        async recordFailure(id, logs) {
          await client.query('UPDATE _prisma_migrations SET logs = $1 WHERE id = $2', [logs, id]);
        },
        describe(error) {
          const e = error as { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown };
          const lines = [`ERROR: ${String(e.message ?? error)}`];
          if (typeof e.detail === 'string') lines.push(`DETAIL: ${e.detail}`);
          if (typeof e.hint === 'string') lines.push(`HINT: ${e.hint}`);
          return { code: typeof e.code === 'string' ? e.code : 'unknown', message: lines.join('\n') };
        },
      };
      return await fn(store);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_ID]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
