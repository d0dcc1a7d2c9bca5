// Driver-adapter factories for the WASM schema engine, with the fixes this path needs:
// - SQLite: multi-statement SQL sent through executeRaw/queryRaw runs as a script (shadow-database replay).
// - PostgreSQL: the shadow database is created and dropped here, with discrete connection fields
//   (adapter-pg's own factory can end up on the main database and drops before closing its pool);
//   type OID 18 ("char", used by the catalog) is reported as text; scripts go to the server whole
//   (adapter-pg splits them on ';', which breaks function bodies and string literals).
// Every connection is tracked so that `dispose()` closes them all and drops leftover shadow databases.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dropPgDatabase, loadPg, pgConfig, pgConnectionError, providerOf, quoteIdent, sqlitePath, UserFacingError, withPgServer } from './datasource.mjs';

const require = createRequire(import.meta.url);

const PG_TEXT_OID = 25;
const PG_OIDS_AS_TEXT = new Set([18]); // "char": pg_class.relkind, pg_constraint.contype, ...

/**
 * @param {{ provider: 'sqlite', file: string } | { provider: 'postgresql', url: string }} target
 * @returns {Promise<{ factory: object, provider: string, main: () => Promise<object>, dispose: () => Promise<void> }>}
 */
export async function openAdapters(target) {
  const { bindMigrationAwareSqlAdapterFactory } = await import(
    createRequire(require.resolve('@prisma/adapter-pg')).resolve('@prisma/driver-adapter-utils')
  );
  const errors = { last: null };
  const set = target.provider === 'sqlite' ? await sqliteAdapters(target.file, errors) : await postgresAdapters(target.url, errors);
  return {
    ...set,
    factory: bindMigrationAwareSqlAdapterFactory(set.raw),
    lastError: () => errors.last,
    clearLastError: () => {
      errors.last = null;
    },
  };
}

/** Remembers the last database error of a script or query (for P3018's "Database error code"). */
function recordErrors(adapter, errors, describe) {
  for (const method of ['executeScript', 'executeRaw', 'queryRaw']) {
    const original = adapter[method].bind(adapter);
    adapter[method] = async (arg) => {
      try {
        return await original(arg);
      } catch (error) {
        const described = describe(error);
        if (described) errors.last = described;
        throw error;
      }
    };
  }
}

// Primary SQLite result codes by name: the native engine reports the number.
const SQLITE_CODES = {
  SQLITE_ERROR: 1, SQLITE_INTERNAL: 2, SQLITE_PERM: 3, SQLITE_ABORT: 4, SQLITE_BUSY: 5, SQLITE_LOCKED: 6,
  SQLITE_NOMEM: 7, SQLITE_READONLY: 8, SQLITE_INTERRUPT: 9, SQLITE_IOERR: 10, SQLITE_CORRUPT: 11,
  SQLITE_FULL: 13, SQLITE_CANTOPEN: 14, SQLITE_SCHEMA: 17, SQLITE_TOOBIG: 18, SQLITE_CONSTRAINT: 19,
  SQLITE_MISMATCH: 20, SQLITE_RANGE: 25, SQLITE_NOTADB: 26,
};

function describeSqliteError(error) {
  const cause = error?.cause ?? {};
  const name = cause.originalCode ?? error?.code;
  if (typeof name !== 'string') return null;
  const code = SQLITE_CODES[name] ?? SQLITE_CODES[name.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')] ?? name;
  return { code: String(code), message: cause.originalMessage ?? error.message };
}

function describePgError(error) {
  const cause = error?.cause ?? {};
  const code = cause.originalCode ?? cause.code;
  const message = cause.originalMessage ?? cause.message;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  const extra = [cause.detail && `DETAIL: ${cause.detail}`, cause.hint && `HINT: ${cause.hint}`].filter(Boolean);
  return { code, message: [`${cause.severity ?? 'ERROR'}: ${message}`, ...extra].join('\n') };
}

export function targetFromUrl(url) {
  return providerOf(url) === 'sqlite' ? { provider: 'sqlite', file: sqlitePath(url) } : { provider: 'postgresql', url };
}

async function sqliteAdapters(file, errors) {
  const { PrismaBetterSqlite3 } = await import(require.resolve('@prisma/adapter-better-sqlite3'));
  const open = new Set();
  let mainAdapter = null;

  const track = (adapter) => {
    patchSqliteAdapter(adapter);
    recordErrors(adapter, errors, describeSqliteError);
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return;
      if (adapter === mainAdapter) mainAdapter = null;
      await dispose();
    };
    return adapter;
  };

  const raw = {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    async connect() {
      const adapter = track(await new PrismaBetterSqlite3({ url: file }).connect());
      mainAdapter ??= adapter;
      return adapter;
    },
    async connectToShadowDb() {
      return track(await new PrismaBetterSqlite3({ url: ':memory:' }).connect());
    },
  };

  return {
    raw,
    provider: 'sqlite',
    main: async () => mainAdapter ?? raw.connect(),
    async dispose() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

function isMultiStatementError(error) {
  return error instanceof RangeError && /more than one statement/.test(error.message);
}

function patchSqliteAdapter(adapter) {
  for (const method of ['executeRaw', 'queryRaw']) {
    const original = adapter[method].bind(adapter);
    adapter[method] = async (query) => {
      try {
        return await original(query);
      } catch (error) {
        if (!isMultiStatementError(error) || query.args.length > 0) throw error;
        await adapter.executeScript(query.sql);
        return method === 'executeRaw' ? 0 : { columnNames: [], columnTypes: [], rows: [] };
      }
    };
  }
}

async function postgresAdapters(url, errors) {
  const pg = loadPg();
  const { PrismaPg } = await import(require.resolve('@prisma/adapter-pg'));
  const { config, schema } = pgConfig(url);
  const open = new Set();
  const shadowDatabases = new Set();
  let mainAdapter = null;

  class TextCharClient extends pg.Client {
    query(config_, values, callback) {
      if (typeof callback === 'function') return super.query(config_, values, (err, res) => callback(err, err ? res : fixPgResult(res)));
      if (typeof values === 'function') return super.query(config_, (err, res) => values(err, err ? res : fixPgResult(res)));
      const result = super.query(config_, values);
      return result && typeof result.then === 'function' ? result.then(fixPgResult) : result;
    }
  }

  const connectTo = async (database) => {
    const pool = new pg.Pool({ ...config, database, Client: TextCharClient, allowExitOnIdle: true, idleTimeoutMillis: 1000 });
    // Fail here with Prisma's P1000/P1001/P1003 rather than on the engine's first query.
    try {
      (await pool.connect()).release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw pgConnectionError(error, { ...config, database });
    }
    const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    recordErrors(adapter, errors, describePgError);
    open.add(adapter);
    return adapter;
  };

  const dropShadow = async (name) => {
    if (!shadowDatabases.delete(name)) return;
    await withPgServer(config, (client) => dropPgDatabase(client, name));
  };

  const raw = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const adapter = await connectTo(config.database);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        if (!open.delete(adapter)) return;
        if (adapter === mainAdapter) mainAdapter = null;
        await dispose();
      };
      mainAdapter ??= adapter;
      return adapter;
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      try {
        await withPgServer(config, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError(
          'P3014',
          `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\nOriginal error: \n${error?.message ?? error}`,
          { error_code: error?.code },
        );
      }
      shadowDatabases.add(name);
      let adapter;
      try {
        adapter = await connectTo(name);
      } catch (error) {
        await dropShadow(name).catch(() => {});
        throw error;
      }
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        if (!open.delete(adapter)) return;
        await dispose(); // close the pool first, then drop
        await dropShadow(name);
      };
      return adapter;
    },
  };

  return {
    raw,
    provider: 'postgresql',
    main: async () => mainAdapter ?? raw.connect(),
    async dispose() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
      for (const name of [...shadowDatabases]) await dropShadow(name).catch(() => {});
    },
  };
}

function fixPgResult(result) {
  // A multi-statement simple query yields one result per statement: keep the last one.
  const last = Array.isArray(result) ? result.at(-1) : result;
  for (const field of last?.fields ?? []) {
    if (PG_OIDS_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return last;
}
