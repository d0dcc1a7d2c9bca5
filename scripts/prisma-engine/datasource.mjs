// Datasource URLs as the Prisma CLI hands them to the schema engine, and the database-level
// operations the CLI runs through `schema-engine cli ...` (can-connect, create, drop).
// Errors carry Prisma's error codes and messages so the CLI reacts as it does with the native engine.
import { existsSync, mkdirSync, rmSync, closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** An error the CLI shows as a Prisma user-facing error (`P1003`, `P3006`, ...). */
export class UserFacingError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.meta = meta;
  }
}

/** @returns {'sqlite' | 'postgresql'} */
export function providerOf(url) {
  if (typeof url !== 'string' || url === '') {
    throw new UserFacingError('P1012', 'The datasource URL is missing: set `datasource.url` in prisma.config.ts (DATABASE_URL).');
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new UserFacingError(
    'P1013',
    `The provided database string is invalid. This offline schema engine supports only \`file:\` (SQLite) and \`postgresql://\` URLs.`,
  );
}

/** `file:./data/x.db?...` → absolute path, relative paths against `cwd` (the CLI starts the engine in its base dir). */
export function sqlitePath(url, cwd = process.cwd()) {
  const raw = decodeURIComponent(url.replace(/^file:/i, '').replace(/\?.*$/, ''));
  if (raw === ':memory:') return raw;
  return path.resolve(cwd, raw.replace(/^\/\/(?=\/)/, ''));
}

/** Discrete pg connection fields (never a connection string: pg lets the URL's database win). */
export function pgConfig(url) {
  const pgRequire = createRequire(require.resolve('@prisma/adapter-pg'));
  const { parse } = createRequire(pgRequire.resolve('pg'))('pg-connection-string');
  const parsed = parse(url);
  const u = new URL(url);
  const config = {
    host: parsed.host || undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user || undefined,
    password: parsed.password || undefined,
    database: parsed.database || 'postgres',
    ssl: parsed.ssl,
    application_name: parsed.application_name || 'prisma-offline-schema-engine',
    options: parsed.options,
  };
  const schema = u.searchParams.get('schema') || 'public';
  // `?schema=` as the native engine reads it: the schema the migrations go to (it must exist).
  if (schema !== 'public') config.options = [config.options, `-c search_path=${schema}`].filter(Boolean).join(' ');
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  return { config, schema };
}

export function pgLocation(config) {
  return { host: config.host ?? 'localhost', port: String(config.port ?? 5432) };
}

export function loadPg() {
  // The same `pg` module instance the adapter uses (its `instanceof pg.Pool` check depends on it).
  return createRequire(require.resolve('@prisma/adapter-pg'))('pg');
}

/** Maps a pg connection error to Prisma's P1000/P1001/P1003 the way the native engine reports them. */
export function pgConnectionError(error, config) {
  const { host, port } = pgLocation(config);
  if (error?.code === '3D000') {
    return new UserFacingError(
      'P1003',
      `Database \`${config.database}\` does not exist on the database server at \`${host}:${port}\`.`,
      { database_name: config.database, database_host: host, database_port: port },
    );
  }
  if (error?.code === '28P01' || error?.code === '28000') {
    return new UserFacingError(
      'P1000',
      `Authentication failed against database server, the provided database credentials for \`${config.user ?? ''}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      { database_user: config.user ?? '' },
    );
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENOENT', 'ECONNRESET'].includes(error?.code)) {
    return new UserFacingError(
      'P1001',
      `Can't reach database server at \`${host}\`:\`${port}\`\n\nPlease make sure your database server is running at \`${host}\`:\`${port}\`.`,
      { database_host: host, database_port: port },
    );
  }
  return error;
}

async function withPgClient(config, fn) {
  const pg = loadPg();
  const client = new pg.Client(config);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw pgConnectionError(error, config);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `fn` on a connection to a maintenance database of the server (`postgres`, else `template1`). */
export async function withPgServer(config, fn) {
  try {
    return await withPgClient({ ...config, database: 'postgres' }, fn);
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'P1003') {
      return withPgClient({ ...config, database: 'template1' }, fn);
    }
    throw error;
  }
}

export const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

export async function canConnect(url) {
  if (providerOf(url) === 'sqlite') {
    const file = sqlitePath(url);
    if (file !== ':memory:' && !existsSync(file)) {
      throw new UserFacingError('P1003', `Database \`${path.basename(file)}\` does not exist at \`${file}\``, {
        database_file_name: path.basename(file),
        database_file_path: file,
      });
    }
    return;
  }
  const { config } = pgConfig(url);
  await withPgClient(config, (client) => client.query('SELECT 1'));
}

/** @returns {Promise<string>} the database name */
export async function createDatabase(url) {
  if (providerOf(url) === 'sqlite') {
    const file = sqlitePath(url);
    if (file !== ':memory:') {
      mkdirSync(path.dirname(file), { recursive: true });
      closeSync(openSync(file, 'a'));
    }
    return path.basename(file);
  }
  const { config } = pgConfig(url);
  await withPgServer(config, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(config.database)}`);
    } catch (error) {
      if (error?.code === '42P04') {
        const { host, port } = pgLocation(config);
        throw new UserFacingError(
          'P1009',
          `Database \`${config.database}\` already exists on the database server at \`${host}:${port}\``,
        );
      }
      throw error;
    }
  });
  return config.database;
}

export async function dropDatabase(url) {
  if (providerOf(url) === 'sqlite') {
    const file = sqlitePath(url);
    if (file !== ':memory:') removeSqliteFiles(file);
    return;
  }
  const { config } = pgConfig(url);
  await withPgServer(config, (client) => dropPgDatabase(client, config.database));
}

export async function dropPgDatabase(client, name) {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (error) {
    if (error?.code !== '42601') throw error; // before PostgreSQL 13: no WITH (FORCE)
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }
}

export function removeSqliteFiles(file) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
