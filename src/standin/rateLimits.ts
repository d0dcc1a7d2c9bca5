import { createHash } from 'node:crypto';
import { parseRoutePattern, routeMatches, type RoutePattern, type RoutedRequest } from './routeShape.js';
import type { RouteLimit } from './types.js';

/** Discord's documented per-channel message limit; other routes get a generous default. */
export const DEFAULT_ROUTE_LIMITS: Readonly<Record<string, RouteLimit>> = {
  'POST /channels/:channel_id/messages': { limit: 5, windowMs: 5000 },
  'PUT /guilds/:guild_id/members/:user_id/roles/:role_id': { limit: 10, windowMs: 10_000 },
  'DELETE /guilds/:guild_id/members/:user_id/roles/:role_id': { limit: 10, windowMs: 10_000 },
};
export const FALLBACK_LIMIT: RouteLimit = { limit: 50, windowMs: 1000 };
const MAJOR_PARAMS = ['channel_id', 'guild_id', 'webhook_id'] as const;

export interface RateLimitDecision {
  readonly headers: Record<string, string>;
  /** Set when the request must be answered with 429. */
  readonly limited?: { readonly retryAfter: number; readonly global: boolean };
}

interface Window {
  start: number;
  count: number;
}

const seconds = (ms: number): string => String(Math.max(0, Math.round(ms) / 1000));

export function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 32);
}

export function rateLimitBody(retryAfter: number, global: boolean): { message: string; retry_after: number; global: boolean } {
  return { message: 'You are being rate limited.', retry_after: retryAfter, global };
}

/** Fixed-window counters per route bucket and major parameter, plus Discord's global per-second limit. */
export class RateLimiter {
  private readonly limits: { pattern: RoutePattern; limit: RouteLimit }[];
  private readonly windows = new Map<string, Window>();
  private globalWindow: Window = { start: 0, count: 0 };

  constructor(
    limits: Readonly<Record<string, RouteLimit>>,
    private readonly globalPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    // The caller's limits come first, so they win over the defaults whatever parameter names they use.
    this.limits = [...Object.entries(limits), ...Object.entries(DEFAULT_ROUTE_LIMITS)].map(([route, limit]) => ({
      pattern: parseRoutePattern(route),
      limit,
    }));
  }

  limitFor(request: RoutedRequest): RouteLimit {
    return this.limits.find((l) => routeMatches(l.pattern, request))?.limit ?? FALLBACK_LIMIT;
  }

  /**
   * Counts the request and returns the headers to send. `exempt` (interaction callbacks and interaction
   * webhooks, which Discord does not count against the bot) is never limited but still gets headers.
   */
  check(request: RoutedRequest, params: Readonly<Record<string, string>>, exempt: boolean): RateLimitDecision {
    const now = this.now();
    const limit = this.limitFor(request);
    const bucket = bucketHash(request.route);
    const major = MAJOR_PARAMS.map((p) => params[p]).find(Boolean) ?? '';
    const key = `${request.route}:${major}${params.webhook_token ? `/${params.webhook_token}` : ''}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= limit.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetAfterMs = window.start + limit.windowMs - now;
    const base = {
      'X-RateLimit-Limit': String(limit.limit),
      'X-RateLimit-Bucket': bucket,
      'X-RateLimit-Reset': seconds(window.start + limit.windowMs),
      'X-RateLimit-Reset-After': seconds(resetAfterMs),
    };
    if (exempt) return { headers: { ...base, 'X-RateLimit-Remaining': String(limit.limit), 'X-RateLimit-Scope': 'user' } };

    if (now - this.globalWindow.start >= 1000) this.globalWindow = { start: now, count: 0 };
    if (this.globalWindow.count >= this.globalPerSecond) {
      const retryAfter = Number(seconds(this.globalWindow.start + 1000 - now));
      return {
        headers: {
          ...base,
          'X-RateLimit-Remaining': String(Math.max(0, limit.limit - window.count)),
          'X-RateLimit-Global': 'true',
          'X-RateLimit-Scope': 'global',
          'Retry-After': String(retryAfter),
        },
        limited: { retryAfter, global: true },
      };
    }

    if (window.count >= limit.limit) {
      const retryAfter = Number(seconds(resetAfterMs));
      return {
        headers: { ...base, 'X-RateLimit-Remaining': '0', 'X-RateLimit-Scope': 'user', 'Retry-After': String(retryAfter) },
        limited: { retryAfter, global: false },
      };
    }

    window.count++;
    this.globalWindow.count++;
    return { headers: { ...base, 'X-RateLimit-Remaining': String(limit.limit - window.count), 'X-RateLimit-Scope': 'user' } };
  }

  /** Headers for an injected 429 (`faults.rateLimitNext`), shaped like a real one. */
  injected(request: RoutedRequest, retryAfter: number, global: boolean): Record<string, string> {
    const limit = this.limitFor(request);
    return {
      'X-RateLimit-Limit': String(limit.limit),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Bucket': bucketHash(request.route),
      'X-RateLimit-Reset': seconds(this.now() + retryAfter * 1000),
      'X-RateLimit-Reset-After': String(retryAfter),
      'X-RateLimit-Scope': global ? 'global' : 'user',
      ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
      'Retry-After': String(retryAfter),
    };
  }
}
