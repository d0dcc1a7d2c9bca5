// Answers the native schema engine's JSON-RPC methods with the WASM engine, covering the places
// where the WASM engine behind a driver adapter differs from the native one.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDatabase, providerOf, removeSqliteFiles, UserFacingError } from './datasource.mjs';
import { openAdapters, targetFromUrl } from './adapters.mjs';
import { createWasmEngine, EngineError } from './wasm.mjs';

/** The native engine's DDL for the SQLite migrations table (sql-schema-connector, sqlite flavour). */
export const SQLITE_MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const P3018_INTRO =
  'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve';

/** A migrations folder in the shape the Prisma CLI sends it to the engine (`migrationsList`). */
export async function loadMigrationsList(dir, shadowDbInitScript = '') {
  const baseDir = path.resolve(dir);
  const lockfile = { path: 'migration_lock.toml', content: await readFile(path.join(baseDir, 'migration_lock.toml'), 'utf8').catch(() => null) };
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await readFile(path.join(baseDir, entry.name, 'migration.sql'), 'utf8').then(
      (value) => ({ tag: 'ok', value }),
      (error) => ({ tag: 'error', value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: 'migration.sql', content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}

const noArgs = (sql) => ({ sql, args: [], argTypes: [] });

export class Bridge {
  /**
   * @param {{ datasource: { url?: string, shadowDatabaseUrl?: string }, datamodels?: [string, string][], log?: (line: string) => void }} opts
   */
  constructor({ datasource, datamodels, log }) {
    this.datasource = datasource ?? {};
    this.datamodels = datamodels;
    this.log = log ?? (() => {});
    /** Prints to the CLI's stdout (set by the RPC server; the native engine sends `print` requests). */
    this.print = async (text) => {
      process.stdout.write(text);
    };
    /** @type {null | { key: string, provider: string, file?: string, adapters: any, engine: any, devDiagnosed: boolean }} */
    this.session = null;
  }

  async handle(method, params) {
    switch (method) {
      case 'createDatabase':
        return { databaseName: await createDatabase(this.urlFromDatasourceParam(params?.datasource)) };
      case 'getDatabaseVersion':
        return (await this.open(this.mainTarget())).engine.call('version', undefined);
      case 'diff': {
        // Like the native CLI engine: the diff goes to the CLI's stdout through `print`, not in the result.
        const result = await (await this.open(this.diffTarget(params))).engine.call('diff', params);
        if (result.stdout) await this.print(result.stdout);
        return { exitCode: result.exitCode, stdout: null };
      }
      case 'diagnoseMigrationHistory':
        return this.diagnoseMigrationHistory(params);
      case 'devDiagnostic':
        return this.devDiagnostic(params);
      case 'evaluateDataLoss':
      case 'createMigration':
        return this.afterDevDiagnostic(method, params);
      case 'applyMigrations':
        return this.applyMigrations(params);
      case 'reset':
        return this.reset(params);
      case 'markMigrationApplied':
      case 'markMigrationRolledBack':
        return this.markMigration(method, params);
      default: {
        const session = await this.open(this.mainTarget());
        const result = await session.engine.call(method, params);
        return result === undefined ? {} : result;
      }
    }
  }

  mainTarget() {
    return targetFromUrl(this.datasource.url);
  }

  urlFromDatasourceParam(param) {
    if (param?.tag === 'ConnectionString' && param.url) return param.url;
    return this.datasource.url;
  }

  /**
   * `migrate diff` needs a database only for `--*-config-datasource` (the configured one) or for
   * PostgreSQL `--*-migrations` (a server for the shadow database). Everything else, including
   * SQLite migrations (in-memory shadow), runs on an in-memory SQLite connection: no database is touched.
   */
  diffTarget(params) {
    const sides = [params?.from, params?.to];
    if (sides.some((side) => side?.tag === 'schemaDatasource')) return this.mainTarget();
    const migrationsProvider = sides.filter((side) => side?.tag === 'migrations').map(providerOfDiffSide).find(Boolean);
    if (!migrationsProvider || migrationsProvider === 'sqlite') return { provider: 'sqlite', file: ':memory:' };
    if (this.datasource.url && providerOf(this.datasource.url) === 'postgresql') return { ...this.mainTarget(), fallbackToMaintenanceDb: true };
    throw new Error(
      'Diffing PostgreSQL migrations needs a PostgreSQL server for the temporary shadow database: set DATABASE_URL to a postgresql:// URL on that server.',
    );
  }

  async open(target) {
    const key = JSON.stringify(target);
    if (this.session?.key === key) return this.session;
    await this.dispose();
    const adapters = await openAdapters(target);
    let engine;
    try {
      engine = await createWasmEngine({ datamodels: this.datamodels, adapters, log: this.log });
    } catch (error) {
      await adapters.dispose();
      if (target.fallbackToMaintenanceDb && error?.data?.error_code === 'P1003') {
        const url = new URL(target.url);
        url.pathname = '/postgres';
        return this.open({ provider: 'postgresql', url: url.toString() });
      }
      throw error;
    }
    this.session = { key, provider: target.provider, file: target.file, adapters, engine, devDiagnosed: false };
    return this.session;
  }

  async hasSqliteMigrationsTable(session) {
    const adapter = await session.adapters.main();
    const result = await adapter.queryRaw(noArgs("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'"));
    return result.rows.length > 0;
  }

  /** Without a migrations table the WASM engine throws P1014 on SQLite; the native engine answers "no table". */
  async diagnoseMigrationHistory(params) {
    const session = await this.open(this.mainTarget());
    if (session.provider === 'sqlite' && !(await this.hasSqliteMigrationsTable(session))) {
      assertLockProvider(params.migrationsList, 'sqlite');
      const names = params.migrationsList.migrationDirectories.map((dir) => dir.path);
      return {
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: false,
        history: names.length > 0 ? { diagnostic: 'databaseIsBehind', unappliedMigrationNames: names } : null,
      };
    }
    return session.engine.call('diagnoseMigrationHistory', params);
  }

  /**
   * On SQLite the WASM engine needs the migrations table to exist here. `migrate dev` creates it right
   * after this call anyway (applyMigrations), so it is created first, with the native DDL.
   */
  async devDiagnostic(params) {
    const session = await this.open(this.mainTarget());
    if (session.provider === 'sqlite' && !(await this.hasSqliteMigrationsTable(session))) {
      assertLockProvider(params.migrationsList, 'sqlite');
      await (await session.adapters.main()).executeScript(SQLITE_MIGRATIONS_TABLE_DDL);
    }
    const result = await session.engine.call('devDiagnostic', params);
    session.devDiagnosed = true;
    return result;
  }

  /**
   * The WASM engine's evaluateDataLoss/createMigration have no shadow database of their own: they reuse
   * the schema devDiagnostic computed from the migrations on the same engine. When migrations were
   * applied since (migrate dev applies pending ones in between), devDiagnostic runs again first.
   */
  async afterDevDiagnostic(method, params) {
    const session = await this.open(this.mainTarget());
    const diagnose = () => this.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    if (!session.devDiagnosed) await diagnose();
    try {
      return await session.engine.call(method, params);
    } catch (error) {
      if (!/shadow DB must be provided/i.test(error?.message ?? '')) throw error;
      await diagnose();
      return session.engine.call(method, params);
    }
  }

  /** Native: markMigrationApplied creates a missing migrations table; markMigrationRolledBack refuses. */
  async markMigration(method, params) {
    const session = await this.open(this.mainTarget());
    if (session.provider === 'sqlite' && !(await this.hasSqliteMigrationsTable(session))) {
      if (method === 'markMigrationRolledBack') {
        throw new EngineError({ is_panic: false, message: 'Invariant violation: called markMigrationRolledBack on a database without migrations table.', backtrace: null });
      }
      assertLockProvider(params.migrationsList, 'sqlite');
      await (await session.adapters.main()).executeScript(SQLITE_MIGRATIONS_TABLE_DDL);
    }
    await session.engine.call(method, params);
    return {};
  }

  async applyMigrations(params) {
    const session = await this.open(this.mainTarget());
    session.adapters.clearLastError();
    try {
      const result = await session.engine.call('applyMigrations', params);
      if (result.appliedMigrationNames?.length) session.devDiagnosed = false;
      return result;
    } catch (error) {
      throw asP3018(error, session.adapters.lastError?.());
    }
  }

  /** The WASM engine's reset does nothing on SQLite: delete the file and reopen, as the native engine does. */
  async reset(params) {
    const session = await this.open(this.mainTarget());
    if (session.provider !== 'sqlite' || session.file === ':memory:') {
      await session.engine.call('reset', params);
      return {};
    }
    const { file } = session;
    await this.dispose();
    removeSqliteFiles(file);
    await this.open(this.mainTarget());
    return {};
  }

  async dispose() {
    const session = this.session;
    this.session = null;
    if (!session) return;
    session.engine.free();
    await session.adapters.dispose();
  }
}

function providerOfDiffSide(side) {
  if (!side) return undefined;
  if (side.tag === 'migrations') return /provider\s*=\s*"([^"]+)"/.exec(side.lockfile?.content ?? '')?.[1]?.replace(/^postgres$/, 'postgresql');
  if (side.tag === 'schemaDatamodel') {
    const text = (side.files ?? []).map((file) => file.content).join('\n');
    return /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/s.exec(text)?.[1]?.replace(/^postgres$/, 'postgresql');
  }
  return undefined;
}

function assertLockProvider(migrationsList, provider) {
  const locked = /provider\s*=\s*"([^"]+)"/.exec(migrationsList?.lockfile?.content ?? '')?.[1];
  if (locked && locked !== provider) {
    throw new UserFacingError(
      'P3019',
      `The datasource provider \`${provider}\` specified in your schema does not match the one specified in the migration_lock.toml, \`${locked}\`. Please remove your current migration directory and start a new migration history with prisma migrate dev. Read more: https://pris.ly/d/migrate-provider-switch`,
      { provider, expected_provider: locked },
    );
  }
}

/** A migration script failing in applyMigrations is P3018 for the native engine; the WASM engine leaves it unnamed. */
function asP3018(error, driverError) {
  if (!(error instanceof EngineError) || error.data.error_code || error.isPanic) return error;
  const match = /apply_migration::apply_script\s+with migration_name="([^"]+)"/.exec(error.message);
  if (!match) return error;
  const migrationName = match[1];
  const traceAt = error.message.search(/\n\s+0: /);
  const trace = traceAt >= 0 ? error.message.slice(traceAt) : '';
  const databaseError = (driverError?.message ?? (traceAt >= 0 ? error.message.slice(0, traceAt) : error.message))
    .replace(/^external connector error\n/, '')
    .trim();
  const code = driverError?.code ?? '';
  return new EngineError({
    is_panic: false,
    error_code: 'P3018',
    message: `${P3018_INTRO}\n\nMigration name: ${migrationName}\n\nDatabase error code: ${code}\n\nDatabase error:\n${databaseError}\n${trace}`,
    meta: { migration_name: migrationName, database_error_code: String(code), database_error: databaseError },
  });
}
