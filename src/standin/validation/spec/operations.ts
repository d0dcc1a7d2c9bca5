import { specOperations } from './operations.generated.js';
import { toZod, type Schema } from './toZod.js';
import type { SpecOperation } from './typeExpr.js';

export interface MatchedOperation {
  readonly operation: SpecOperation;
  /** e.g. `post /channels/{channel_id}/messages` */
  readonly key: string;
  bodySchema(): Schema | undefined;
  responseSchema(status: number): Schema | undefined;
}

interface Compiled {
  readonly operation: SpecOperation;
  readonly segments: readonly string[];
  readonly literals: number;
  body?: Schema | null;
  readonly responses: Map<string, Schema>;
}

const byMethod = new Map<string, Compiled[]>();
for (const operation of specOperations) {
  const segments = operation.path.split('/').slice(1);
  const compiled: Compiled = {
    operation,
    segments,
    literals: segments.filter((s) => !s.startsWith('{')).length,
    responses: new Map(),
  };
  const list = byMethod.get(operation.method) ?? [];
  list.push(compiled);
  byMethod.set(operation.method, list);
}
for (const list of byMethod.values()) list.sort((a, b) => b.literals - a.literals);

/** Finds Discord's documented operation for a request path (already stripped of `/api/v10`). */
export function findSpecOperation(method: string, path: string): MatchedOperation | undefined {
  const segments = path.split('/').slice(1);
  const candidates = byMethod.get(method.toLowerCase()) ?? [];
  const found = candidates.find(
    (c) => c.segments.length === segments.length && c.segments.every((s, i) => s.startsWith('{') || s === segments[i]),
  );
  if (!found) return undefined;
  return {
    operation: found.operation,
    key: `${found.operation.method} ${found.operation.path}`,
    bodySchema() {
      if (found.body === undefined) found.body = found.operation.body ? toZod(found.operation.body) : null;
      return found.body ?? undefined;
    },
    responseSchema(status) {
      const type = found.operation.responses[String(status)];
      if (!type) return undefined;
      let schema = found.responses.get(String(status));
      if (!schema) {
        schema = toZod(type);
        found.responses.set(String(status), schema);
      }
      return schema;
    },
  };
}

/** How many documented operations take a request body that the stand-in can check. */
export function countOperationsWithBodies(): number {
  return specOperations.filter((op) => op.body !== undefined).length;
}
