/**
 * Route patterns as tests write them: 'POST /channels/:channel_id/messages'. Parameter names do not matter
 * (`:id`, `:channel_id` and `{channel_id}` are the same), the method is optional, and a literal segment
 * also matches a concrete value ('PATCH /webhooks/:app/:token/messages/@original').
 */
export interface RoutePattern {
  readonly method?: string;
  readonly segments: readonly string[];
}

const isParam = (segment: string): boolean => segment.startsWith(':') || segment.startsWith('{');

export function parseRoutePattern(pattern: string): RoutePattern {
  const trimmed = pattern.trim();
  const space = trimmed.indexOf(' ');
  const method = space === -1 ? undefined : trimmed.slice(0, space).toUpperCase();
  const path = (space === -1 ? trimmed : trimmed.slice(space + 1)).replace(/^\/api(\/v\d+)?/, '');
  return { ...(method ? { method } : {}), segments: path.split('/').filter(Boolean) };
}

export interface RoutedRequest {
  readonly method: string;
  /** Route template, e.g. 'POST /channels/:channel_id/messages'. */
  readonly route: string;
  /** Concrete path, e.g. '/channels/123/messages'. */
  readonly path: string;
}

export function routeMatches(pattern: RoutePattern | string, request: RoutedRequest): boolean {
  const p = typeof pattern === 'string' ? parseRoutePattern(pattern) : pattern;
  if (p.method && p.method !== request.method.toUpperCase()) return false;
  const template = parseRoutePattern(request.route).segments;
  const concrete = request.path.split('/').filter(Boolean);
  if (template.length !== p.segments.length) return false;
  return p.segments.every((segment, i) => {
    const t = template[i]!;
    if (isParam(segment)) return isParam(t);
    return segment === t || (isParam(t) && segment === concrete[i]);
  });
}
