import { addZodIssues, FormErrors, type ErrorTree, type FormError } from './formErrors.js';
import { findSpecOperation } from './spec/operations.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What discord.js needs beyond Discord's published response schema. */
function discordJsExpectations(body: unknown, issues: string[]): void {
  const messages = Array.isArray(body) ? body : [body];
  for (const message of messages) {
    if (!isObj(message) || !('author' in message) || !('channel_id' in message)) continue;
    const metadata = message.interaction_metadata;
    if (isObj(metadata) && !isObj(metadata.user)) {
      issues.push('interaction_metadata.user: discord.js reads it and throws when it is missing');
    }
    if (!Array.isArray(message.embeds) || !Array.isArray(message.attachments) || !Array.isArray(message.mentions)) {
      issues.push('message: embeds, attachments and mentions must be arrays for discord.js');
    }
  }
}

/**
 * Checks one of the stand-in's own responses against the schema Discord publishes for that operation
 * and status. Returns readable problems; an empty list means the response is shaped like Discord's.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): string[] {
  const issues: string[] = [];
  if (status >= 200 && status < 300 && body !== undefined) {
    const schema = findSpecOperation(method, path)?.responseSchema(status);
    const result = schema?.safeParse(body);
    if (result && !result.success) {
      const errors = new FormErrors();
      addZodIssues(errors, result.error.issues, body);
      flatten(errors.tree, [], issues);
    }
    discordJsExpectations(body, issues);
  }
  return issues;
}

function flatten(tree: ErrorTree, path: string[], out: string[]): void {
  for (const [key, value] of Object.entries(tree)) {
    if (key === '_errors') {
      for (const error of value as FormError[]) out.push(`${path.join('.') || '(root)'}: ${error.code} ${error.message}`);
    } else {
      flatten(value as ErrorTree, [...path, key], out);
    }
  }
}
