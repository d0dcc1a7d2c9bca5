import type { ErrorTree } from '../validation/formErrors.js';

export interface DiscordErrorBody {
  readonly code: number;
  readonly message: string;
  readonly errors?: ErrorTree;
}

/** Thrown by route handlers; the pipeline turns it into Discord's JSON error response. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(body.message);
    this.name = 'RestError';
  }
}

/** Discord's JSON error codes the stand-in uses, with their HTTP status and message. */
export const KNOWN_ERRORS: Readonly<Record<number, { readonly status: number; readonly message: string }>> = {
  10002: { status: 404, message: 'Unknown Application' },
  10003: { status: 404, message: 'Unknown Channel' },
  10004: { status: 404, message: 'Unknown Guild' },
  10007: { status: 404, message: 'Unknown Member' },
  10008: { status: 404, message: 'Unknown Message' },
  10009: { status: 404, message: 'Unknown Overwrite' },
  10011: { status: 404, message: 'Unknown Role' },
  10013: { status: 404, message: 'Unknown User' },
  10015: { status: 404, message: 'Unknown Webhook' },
  10062: { status: 404, message: 'Unknown interaction' },
  10063: { status: 404, message: 'Unknown application command' },
  20012: { status: 403, message: 'You are not authorized to perform this action on this application' },
  30005: { status: 400, message: 'Maximum number of guild roles reached (250)' },
  30013: { status: 400, message: 'Maximum number of guild channels reached (500)' },
  40060: { status: 400, message: 'Interaction has already been acknowledged.' },
  50001: { status: 403, message: 'Missing Access' },
  50003: { status: 403, message: 'Cannot execute action on a DM channel' },
  50005: { status: 403, message: 'Cannot edit a message authored by another user' },
  50006: { status: 400, message: 'Cannot send an empty message' },
  50007: { status: 403, message: 'Cannot send messages to this user' },
  50013: { status: 403, message: 'Missing Permissions' },
  50033: { status: 400, message: 'Invalid Recipient(s)' },
  50035: { status: 400, message: 'Invalid Form Body' },
  50109: { status: 400, message: 'The request body contains invalid JSON.' },
};

export function discordError(code: number, message?: string): RestError {
  const known = KNOWN_ERRORS[code] ?? { status: 400, message: 'Bad Request' };
  return new RestError(known.status, { code, message: message ?? known.message });
}

export const unauthorized = (): RestError => new RestError(401, { code: 0, message: '401: Unauthorized' });
export const notFound = (): RestError => new RestError(404, { code: 0, message: '404: Not Found' });
export const methodNotAllowed = (): RestError => new RestError(405, { code: 0, message: '405: Method Not Allowed' });

export function invalidFormBody(errors: ErrorTree): RestError {
  return new RestError(400, { code: 50035, message: 'Invalid Form Body', errors });
}

/** A single-field form error, e.g. `formError(['type'], 'BASE_TYPE_CHOICES', '...')`. */
export function formError(path: readonly (string | number)[], code: string, message: string): RestError {
  const tree: ErrorTree = {};
  let node = tree;
  for (const key of path) {
    const child: ErrorTree = {};
    node[String(key)] = child;
    node = child;
  }
  node._errors = [{ code, message }];
  return invalidFormBody(tree);
}
