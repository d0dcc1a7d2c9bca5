// Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm) and wraps its calls.
// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do, so the
// module is instantiated here by hand. Errors are normalised to what the native engine reports.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

class WasmPanicRegistry {
  message = '';
  get() {
    return this.message;
  }
  // Called by the engine's panic hook.
  set_message(value) {
    this.message = `RuntimeError: ${value}`;
  }
}

let loading;

/** @returns {Promise<{ SchemaEngine: any, version: () => string }>} */
export function loadWasmEngine() {
  loading ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import(pathToFileURL(bgPath).href);
    const imports = { ...bg };
    for (const key of Object.keys(bg)) {
      // The engine's timers must not keep the process alive once the work is done.
      if (key.startsWith('__wbg_setTimeout_')) {
        imports[key] = (callback, ms) => {
          const timer = setTimeout(callback, ms >>> 0);
          timer.unref?.();
          return timer;
        };
      }
    }
    const bytes = await readFile(bgPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bg;
  })();
  return loading;
}

/** An engine error in the shape of the native engine's JSON-RPC error data. */
export class EngineError extends Error {
  /** @param {{ message: string, error_code?: string, meta?: object, is_panic?: boolean, backtrace?: string | null }} data */
  constructor(data) {
    super(data.message);
    this.name = 'EngineError';
    this.data = data;
  }
  get isPanic() {
    return this.data.is_panic === true;
  }
}

export function toEngineError(error, errorRegistry) {
  if (error instanceof EngineError) return error;
  if (error instanceof WebAssembly.RuntimeError || error?.name === 'RuntimeError') {
    const registered = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get();
    return new EngineError({ is_panic: true, message: registered || String(error?.message ?? error), backtrace: error?.stack ?? null });
  }
  // A JS error thrown inside the driver adapter: the engine only saw its registry id.
  const generic = /External error id#(\d+)|GenericJs.*?\bid:?\s*(\d+)/s.exec(String(error?.message ?? ''));
  if (generic && errorRegistry?.consumeError) {
    const original = errorRegistry.consumeError(Number(generic[1] ?? generic[2]))?.error;
    if (original) return toEngineError(original, undefined);
  }
  if (typeof error?.code === 'string' && /^P\d{4}$/.test(error.code)) {
    return new EngineError({ is_panic: false, message: error.message, meta: error.meta ?? {}, error_code: error.code });
  }
  return new EngineError({ is_panic: false, message: String(error?.message ?? error), backtrace: null });
}

/**
 * One WASM engine on one adapter set.
 * @param {{ datamodels?: [string, string][], adapters: { factory: any }, log?: (line: string) => void }} opts
 */
export async function createWasmEngine({ datamodels, adapters, log = () => {} }) {
  const { SchemaEngine } = await loadWasmEngine();
  let engine;
  try {
    // `datamodels` must be undefined, not [] (the engine panics on an empty list).
    engine = await SchemaEngine.new({ datamodels: datamodels?.length ? datamodels : undefined }, log, adapters.factory);
  } catch (error) {
    throw toEngineError(error, adapters.factory.errorRegistry);
  }
  let freed = false;
  return {
    async call(method, params) {
      if (typeof engine[method] !== 'function') {
        throw new EngineError({ is_panic: false, message: `The offline schema engine does not support \`${method}\`.`, backtrace: null });
      }
      try {
        // Keep the call on `engine`: extracting the method loses the Wasm binding.
        return await engine[method](params);
      } catch (error) {
        throw toEngineError(error, adapters.factory.errorRegistry);
      }
    },
    free() {
      if (freed) return;
      freed = true;
      try {
        engine.free();
      } catch {
        // already unusable (after a panic)
      }
    },
  };
}
