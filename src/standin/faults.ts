import { KNOWN_ERRORS, RestError } from './rest/errors.js';
import { parseRoutePattern, routeMatches, type RoutePattern, type RoutedRequest } from './routeShape.js';
import type { FailOptions, Faults } from './types.js';

interface Pending<T> {
  remaining: number;
  readonly pattern?: RoutePattern;
  readonly value: T;
}

export interface InjectedRateLimit {
  readonly retryAfterSeconds: number;
  readonly global: boolean;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function failureFor(opts: FailOptions): RestError {
  const known = opts.code !== undefined ? KNOWN_ERRORS[opts.code] : undefined;
  const status = opts.status ?? known?.status ?? 500;
  const message = opts.message ?? known?.message ?? `${status}: ${STATUS_TEXT[status] ?? 'Error'}`;
  return new RestError(status, { code: opts.code ?? 0, message });
}

function take<T>(list: Pending<T>[], request: RoutedRequest): T | undefined {
  const index = list.findIndex((p) => !p.pattern || routeMatches(p.pattern, request));
  if (index === -1) return undefined;
  const pending = list[index]!;
  pending.remaining--;
  if (pending.remaining <= 0) list.splice(index, 1);
  return pending.value;
}

/** Queued faults; the REST pipeline takes them in order as requests arrive. */
export class FaultInjector implements Faults {
  private readonly failures: Pending<FailOptions>[] = [];
  private readonly rateLimits: Pending<InjectedRateLimit>[] = [];
  private readonly delays: Pending<number>[] = [];

  constructor(private readonly drop: (code: number) => void) {}

  failNext(count: number, opts: FailOptions = {}): void {
    this.failures.push({ remaining: count, value: opts, ...(opts.route ? { pattern: parseRoutePattern(opts.route) } : {}) });
  }

  rateLimitNext(route: string, opts: { retryAfterSeconds?: number; global?: boolean } = {}): void {
    this.rateLimits.push({
      remaining: 1,
      pattern: parseRoutePattern(route),
      value: { retryAfterSeconds: opts.retryAfterSeconds ?? 0.5, global: opts.global ?? false },
    });
  }

  dropGateway(code = 4000): void {
    this.drop(code);
  }

  delayNext(count: number, ms: number, route?: string): void {
    this.delays.push({ remaining: count, value: ms, ...(route ? { pattern: parseRoutePattern(route) } : {}) });
  }

  reset(): void {
    this.failures.length = 0;
    this.rateLimits.length = 0;
    this.delays.length = 0;
  }

  takeDelay(request: RoutedRequest): number {
    return take(this.delays, request) ?? 0;
  }

  takeFailure(request: RoutedRequest): RestError | undefined {
    const opts = take(this.failures, request);
    return opts ? failureFor(opts) : undefined;
  }

  takeRateLimit(request: RoutedRequest): InjectedRateLimit | undefined {
    return take(this.rateLimits, request);
  }
}
