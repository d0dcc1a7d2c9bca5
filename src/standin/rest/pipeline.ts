import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultInjector } from '../faults.js';
import type { Core } from '../model/core.js';
import { rateLimitBody, type RateLimitDecision, type RateLimiter } from '../rateLimits.js';
import type { RequestRecorder } from '../recorder.js';
import type { RoutedRequest } from '../routeShape.js';
import type { StandInLogger } from '../types.js';
import { findSpecOperation } from '../validation/spec/operations.js';
import { checkResponse } from '../validation/validateResponse.js';
import { validateRequest } from '../validation/validateRequest.js';
import { discordError, methodNotAllowed, notFound, RestError, unauthorized } from './errors.js';
import { headerRecord, parseBody, readRaw, sendJson, type ParsedBody } from './http.js';
import type { Method, Router } from './router.js';

export interface PipelineDeps {
  readonly core: Core;
  readonly router: Router;
  readonly recorder: RequestRecorder;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  readonly token: string;
  readonly logger: StandInLogger;
  readonly validateResponses: boolean;
}

interface Outcome {
  status: number;
  body: unknown;
  injected?: 'fail' | 'rateLimit';
}

/** `/api/v10/channels/1` → `/channels/1` (any API version; path segments URL-decoded, so `%40original` → `@original`). */
export function apiPath(pathname: string): string | undefined {
  const match = /^\/api(?:\/v\d+)?(\/.*)?$/.exec(pathname);
  if (!match) return undefined;
  const rest = match[1] ?? '/';
  try {
    return rest.split('/').map(decodeURIComponent).join('/').replace(/\/+$/, '') || '/';
  } catch {
    return rest;
  }
}

async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  try {
    return await parseBody(await readRaw(req), req.headers['content-type']);
  } catch {
    return { json: undefined, files: [], invalidJson: true };
  }
}

interface Incoming {
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  readonly parsed: ParsedBody;
  readonly headers: Record<string, string>;
  readonly match: ReturnType<Router['match']>;
  readonly routed: RoutedRequest;
  readonly params: Record<string, string>;
}

/** Decides the answer: injected faults, routing, auth, rate limits, body validation, then the route handler. */
async function answer(deps: PipelineDeps, incoming: Incoming, decision: RateLimitDecision): Promise<Outcome> {
  const { method, path, routed, match, parsed } = incoming;
  const failure = deps.faults.takeFailure(routed);
  if (failure) return { status: failure.status, body: failure.body, injected: 'fail' };
  if (!('def' in match) || apiPath(incoming.url.pathname) === undefined) {
    if (findSpecOperation(method, path)) deps.logger.warn({ method, path }, 'stand-in: Discord has this route but the stand-in does not implement it');
    throw 'pathKnown' in match && match.pathKnown ? methodNotAllowed() : notFound();
  }
  if (match.def.auth !== 'none' && incoming.headers.authorization !== `Bot ${deps.token}`) throw unauthorized();
  const injected = deps.faults.takeRateLimit(routed);
  if (injected) {
    Object.assign(decision.headers, deps.limiter.injected(routed, injected.retryAfterSeconds, injected.global));
    return { status: 429, body: rateLimitBody(injected.retryAfterSeconds, injected.global), injected: 'rateLimit' };
  }
  if (decision.limited) return { status: 429, body: rateLimitBody(decision.limited.retryAfter, decision.limited.global) };
  if (parsed.invalidJson) throw discordError(50109);
  const invalid = validateRequest(method, path, parsed.json, parsed.files);
  if (invalid) throw invalid;
  const result = await match.def.handle(deps.core, {
    method: method as Method,
    path,
    params: incoming.params,
    query: incoming.url.searchParams,
    body: parsed.json,
    files: parsed.files,
    headers: incoming.headers,
  });
  return { status: result.status, body: result.body };
}

async function safeAnswer(deps: PipelineDeps, incoming: Incoming, decision: RateLimitDecision): Promise<Outcome> {
  try {
    return await answer(deps, incoming, decision);
  } catch (error) {
    if (error instanceof RestError) return { status: error.status, body: error.body };
    deps.logger.error({ err: error instanceof Error ? error.stack : String(error), route: incoming.routed.route }, 'stand-in route failed');
    return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  }
}

/** One REST request: delay, rate-limit headers, the answer, the self-check, recording, then the response. */
export async function handleRest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const url = new URL(req.url ?? '/', 'http://stand-in.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = apiPath(url.pathname) ?? url.pathname;
  const parsed = await readBody(req);
  const match = deps.router.match(method, path);
  const matched = 'def' in match ? match : undefined;
  const routed: RoutedRequest = { method, route: matched?.route ?? `UNKNOWN ${method} ${path}`, path };
  const incoming: Incoming = { method, path, url, parsed, headers: headerRecord(req), match, routed, params: matched?.params ?? {} };

  const delay = deps.faults.takeDelay(routed);
  if (delay > 0) await sleep(delay);
  const decision = deps.limiter.check(routed, incoming.params, matched?.def.auth === 'none');
  const outcome = await safeAnswer(deps, incoming, decision);

  const responseIssues = deps.validateResponses ? checkResponse(method, path, outcome.status, outcome.body) : [];
  if (responseIssues.length > 0) deps.logger.warn({ route: routed.route, responseIssues }, 'stand-in response does not match Discord schema');
  deps.recorder.recordRequest({
    method,
    path,
    route: routed.route,
    params: incoming.params,
    query: Object.fromEntries(url.searchParams),
    body: parsed.files.length > 0 ? { ...(parsed.json as object | undefined), files: parsed.files } : parsed.json,
    files: parsed.files,
    headers: incoming.headers,
    status: outcome.status,
    response: outcome.body,
    responseIssues,
    ...(outcome.injected ? { injected: outcome.injected } : {}),
    at,
  });
  sendJson(res, outcome.status, decision.headers, outcome.body);
}
