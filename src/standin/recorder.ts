import { parseRoutePattern, routeMatches } from './routeShape.js';
import type { GatewayEventRecord, RecordedRequest, Recorder, WaitOptions } from './types.js';

const DEFAULT_TIMEOUT_MS = 5000;
/** Oldest entries are dropped beyond this, so a long-running sandbox does not grow without bound. */
const MAX_ENTRIES = 10_000;

interface Waiter {
  readonly predicate: (r: RecordedRequest) => boolean;
  readonly resolve: (r: RecordedRequest) => void;
  timer?: NodeJS.Timeout;
}

export class RequestRecorder implements Recorder {
  private readonly requestList: RecordedRequest[] = [];
  private readonly eventList: GatewayEventRecord[] = [];
  private readonly waiters = new Set<Waiter>();

  get requests(): readonly RecordedRequest[] {
    return this.requestList;
  }

  get gatewayEvents(): readonly GatewayEventRecord[] {
    return this.eventList;
  }

  recordRequest(request: RecordedRequest): void {
    this.requestList.push(request);
    if (this.requestList.length > MAX_ENTRIES) this.requestList.shift();
    for (const waiter of this.waiters) {
      if (safeTest(waiter.predicate, request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  recordGatewayEvent(event: GatewayEventRecord): void {
    this.eventList.push(event);
    if (this.eventList.length > MAX_ENTRIES) this.eventList.shift();
  }

  waitFor(predicate: (r: RecordedRequest) => boolean, opts: WaitOptions = {}, description = 'a matching request'): Promise<RecordedRequest> {
    const existing = this.requestList.find((r) => safeTest(predicate, r));
    if (existing) return Promise.resolve(existing);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (r) => {
          clearTimeout(waiter.timer);
          resolve(r);
        },
      };
      waiter.timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}. ${this.describeRecent()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  waitForRoute(
    route: string,
    opts: WaitOptions & { readonly where?: (r: RecordedRequest) => boolean } = {},
  ): Promise<RecordedRequest> {
    const pattern = parseRoutePattern(route);
    const where = opts.where;
    return this.waitFor((r) => routeMatches(pattern, r) && (!where || where(r)), opts, `${route}${where ? ' (with condition)' : ''}`);
  }

  clear(): void {
    this.requestList.length = 0;
    this.eventList.length = 0;
  }

  /** On close: pending waits stop their timers and never settle, so no handle stays open. */
  dispose(): void {
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  private describeRecent(): string {
    if (this.requestList.length === 0) return 'No requests were recorded.';
    const recent = this.requestList.slice(-12).map((r) => `  ${r.route} -> ${r.status}${r.path !== r.route ? ` (${r.path})` : ''}`);
    return `Recent requests (oldest first):\n${recent.join('\n')}`;
  }
}

function safeTest(predicate: (r: RecordedRequest) => boolean, request: RecordedRequest): boolean {
  try {
    return predicate(request);
  } catch {
    return false;
  }
}
