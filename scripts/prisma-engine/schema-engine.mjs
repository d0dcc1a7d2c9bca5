#!/usr/bin/env node
// Offline stand-in for Prisma's native schema engine binary. The stock Prisma CLI spawns it (named by
// PRISMA_SCHEMA_ENGINE_BINARY, see prisma.config.ts) and talks to it exactly as to the native one:
//   schema-engine --version
//   schema-engine [--datamodels <file>]... [--datasource <json>] cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]... [--datasource <json>]      JSON-RPC 2.0 over stdin/stdout, one message per line
// Requests go to Prisma's WebAssembly schema engine with the driver adapter for the datasource URL
// (`file:` → better-sqlite3, `postgresql://` → pg). Logs and errors use the native engine's formats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Bridge } from './bridge.mjs';
import { canConnect, createDatabase, dropDatabase, UserFacingError } from './datasource.mjs';
import { EngineError, loadWasmEngine, toEngineError } from './wasm.mjs';

// The hash of the engine build this package wraps (the CLI prints it in `prisma version`).
const ENGINE_HASH = readEngineHash();

function readEngineHash() {
  try {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8'));
    return String(pkg.version).split('.').at(-1);
  } catch {
    return 'unknown';
  }
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false, unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
      return inline ?? argv[++i];
    };
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '-d' || arg.startsWith('--datamodels') || arg.startsWith('--datamodel=') || arg === '--datamodel') args.datamodels.push(value());
    else if (arg.startsWith('--datasource')) args.datasource = value();
    else if (arg.startsWith('--enabled-preview-features') || arg.startsWith('--extension-types')) value();
    else if (arg === 'cli') {
      args.cli = argv[i + 1] ?? '';
      i++;
    } else args.unknown.push(arg);
  }
  return args;
}

/** One line of the native engine's JSON log format (tracing-subscriber) on stderr. */
function logLine(level, fields, target = 'schema_engine') {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target });
}

async function runCliCommand(command, datasource) {
  // The CLI skips the first stderr line and parses every following one as JSON.
  process.stderr.write(logLine('INFO', { message: 'Starting schema engine CLI', git_hash: ENGINE_HASH }) + '\n');
  const url = datasource?.url;
  try {
    let message;
    if (command === 'can-connect-to-database') {
      await canConnect(url);
      message = 'Connection successful';
    } else if (command === 'create-database') {
      message = `Database '${await createDatabase(url)}' was successfully created.`;
    } else if (command === 'drop-database') {
      await dropDatabase(url);
      message = 'The database was successfully dropped.';
    } else {
      throw new Error(`Unknown cli command \`${command}\`: expected can-connect-to-database, create-database or drop-database.`);
    }
    process.stderr.write(logLine('INFO', { message }, 'schema_engine::commands') + '\n');
    return 0;
  } catch (error) {
    const known = error instanceof UserFacingError;
    process.stderr.write(
      logLine('ERROR', { is_panic: false, error_code: known ? error.code : '', message: String(error?.message ?? error) }, 'schema_engine::logger') + '\n',
    );
    return 1;
  }
}

function jsonRpcError(error) {
  const engineError = error instanceof UserFacingError
    ? new EngineError({ is_panic: false, message: error.message, meta: error.meta ?? {}, error_code: error.code })
    : toEngineError(error);
  return {
    code: 4466,
    // For a panic the CLI shows `error.message` (and reports it as a Rust panic).
    message: engineError.isPanic ? engineError.data.message : 'An error happened. Check the data field for details.',
    data: engineError.data,
  };
}

async function runServer(args) {
  // The CLI may close its ends of the pipes before cleanup here is done.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  // Compile the Wasm module while the CLI prepares its first request.
  loadWasmEngine().catch(() => {});
  const datasource = args.datasource ? JSON.parse(args.datasource) : {};
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, 'utf8')]);
  const bridge = new Bridge({
    datasource,
    datamodels,
    log: (line) => {
      const text = String(line).trimEnd();
      if (text) process.stderr.write(text + '\n');
    },
  });
  process.stderr.write(logLine('INFO', { message: 'Starting schema engine RPC server', git_hash: ENGINE_HASH }) + '\n');

  let queue = Promise.resolve();
  let shuttingDown = null;
  const write = (message) => {
    if (process.stdout.writable) process.stdout.write(JSON.stringify(message) + '\n');
  };

  // Requests from the engine to the CLI (the native engine's `print`), answered by the CLI.
  let nextOwnId = 1;
  const pending = new Map();
  bridge.print = (text) =>
    new Promise((resolve) => {
      const id = nextOwnId++;
      pending.set(id, resolve);
      write({ jsonrpc: '2.0', method: 'print', params: { content: text.replace(/\n$/, '') }, id });
    });

  const shutdown = (code = 0) => {
    shuttingDown ??= (async () => {
      // Let the request in flight finish (the CLI only closes stdin between requests), then release
      // connections (SQLite locks, pg pools, shadow databases) before exiting.
      const guard = setTimeout(() => process.exit(code), 5000);
      guard.unref();
      for (const resolve of pending.values()) resolve();
      await queue.catch(() => {});
      await bridge.dispose().catch(() => {});
      process.exit(code);
    })();
    return shuttingDown;
  };

  const handleRequest = async (request) => {
    try {
      const result = await bridge.handle(request.method, request.params);
      write({ jsonrpc: '2.0', result: result === undefined ? null : result, id: request.id });
    } catch (error) {
      const rpcError = jsonRpcError(error);
      if (rpcError.data.is_panic) {
        process.stderr.write(logLine('ERROR', { is_panic: true, message: rpcError.data.message }, 'schema_engine::logger') + '\n');
      }
      write({ jsonrpc: '2.0', error: rpcError, id: request.id });
      if (rpcError.data.is_panic) shutdown(101); // a panicked Wasm instance is unusable, as the native process would be
    }
  };

  const onLine = (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method === undefined) {
      // A response to one of our own requests: settle it now (its request may be holding the queue).
      pending.get(message.id)?.();
      pending.delete(message.id);
      return;
    }
    if (message.id === undefined) return; // a notification: nothing to answer
    queue = queue.then(() => handleRequest(message));
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', onLine);
  lines.on('close', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGINT', () => shutdown(130));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
    return;
  }
  if (args.help) {
    process.stdout.write(
      `schema-engine-cli ${ENGINE_HASH} (offline: Prisma's WebAssembly schema engine with driver adapters)\n\n` +
        'USAGE:\n    schema-engine [--datamodels <FILE>]... [--datasource <JSON>] [cli <can-connect-to-database|create-database|drop-database>]\n\n' +
        'Without a subcommand, serves JSON-RPC over stdio.\n',
    );
    return;
  }
  if (args.cli !== undefined) {
    const datasource = args.datasource ? JSON.parse(args.datasource) : {};
    process.exitCode = await runCliCommand(args.cli, datasource);
    return;
  }
  await runServer(args);
}

main().catch((error) => {
  process.stderr.write(logLine('ERROR', { is_panic: false, message: String(error?.stack ?? error) }, 'schema_engine::logger') + '\n');
  process.exit(1);
});
