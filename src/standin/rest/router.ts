import type { Core } from '../model/core.js';
import type { UploadedFile } from '../types.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRequest {
  readonly method: Method;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
  readonly headers: Readonly<Record<string, string>>;
}

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
}

export interface RouteDef {
  readonly method: Method;
  /** e.g. '/channels/:channel_id/messages' */
  readonly path: string;
  /** 'bot' (default) needs `Authorization: Bot <token>`; interaction callbacks and webhooks need none. */
  readonly auth?: 'bot' | 'none';
  handle(core: Core, req: RouteRequest): RouteResult | Promise<RouteResult>;
}

export interface RouteMatch {
  readonly def: RouteDef;
  readonly params: Record<string, string>;
  /** 'POST /channels/:channel_id/messages' */
  readonly route: string;
}

interface Compiled {
  readonly def: RouteDef;
  readonly segments: readonly string[];
  readonly literals: number;
}

export class Router {
  private readonly routes: Compiled[];

  constructor(defs: readonly RouteDef[]) {
    this.routes = defs
      .map((def) => {
        const segments = def.path.split('/').filter(Boolean);
        return { def, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** The matching route; `pathKnown` tells a wrong method (405) from an unknown path (404). */
  match(method: string, path: string): RouteMatch | { readonly pathKnown: boolean } {
    const segments = path.split('/').filter(Boolean);
    let pathKnown = false;
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, segments);
      if (!params) continue;
      pathKnown = true;
      if (compiled.def.method !== method) continue;
      return { def: compiled.def, params, route: `${compiled.def.method} ${compiled.def.path}` };
    }
    return { pathKnown };
  }

  get size(): number {
    return this.routes.length;
  }
}

function matchSegments(template: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const a = actual[i]!;
    if (t.startsWith(':')) {
      if (a === '') return undefined;
      params[t.slice(1)] = a;
    } else if (t !== a) {
      return undefined;
    }
  }
  return params;
}
