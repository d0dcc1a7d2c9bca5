import { isEmptyMessage, asBody } from '../model/messages.js';
import { discordError, invalidFormBody, type RestError } from '../rest/errors.js';
import type { UploadedFile } from '../types.js';
import { addZodIssues, FormErrors } from './formErrors.js';
import { checkCommand, checkCommandList } from './rules/commands.js';
import { checkMessage } from './rules/messages.js';
import { findSpecOperation } from './spec/operations.js';

/** Keys the spec types as numbers although Discord (and discord.js) use digit strings for bitfields. */
const PERMISSION_KEYS = new Set(['permissions', 'default_member_permissions', 'allow', 'deny']);

export function convertPermissionStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertPermissionStrings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      PERMISSION_KEYS.has(key) && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : convertPermissionStrings(v),
    ]),
  );
}

interface RuleInput {
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
  readonly errors: FormErrors;
}

type Rule = (input: RuleInput) => RestError | undefined;

const messageCreate: Rule = ({ body, files, errors }) => {
  checkMessage(errors, body);
  return errors.empty && isEmptyMessage(asBody(body), files) ? discordError(50006) : undefined;
};
const messageEdit: Rule = ({ body, errors }) => {
  checkMessage(errors, body);
  return undefined;
};

const interactionCallback: Rule = ({ body, files, errors }) => {
  const callback = asBody(body);
  if (callback.type === 4) {
    checkMessage(errors, callback.data, ['data']);
    if (errors.empty && isEmptyMessage(asBody(callback.data), files)) return discordError(50006);
  } else if (callback.type === 7) {
    checkMessage(errors, callback.data, ['data']);
  }
  return undefined;
};

/** Hand-written rules, keyed like the spec: `method /path/{template}`. */
const RULES: Readonly<Record<string, Rule>> = {
  'put /applications/{application_id}/commands': ({ body, errors }) => (checkCommandList(errors, body), undefined),
  'put /applications/{application_id}/guilds/{guild_id}/commands': ({ body, errors }) => (checkCommandList(errors, body), undefined),
  'post /applications/{application_id}/commands': ({ body, errors }) => (checkCommand(errors, body, []), undefined),
  'post /applications/{application_id}/guilds/{guild_id}/commands': ({ body, errors }) => (checkCommand(errors, body, []), undefined),
  'patch /applications/{application_id}/commands/{command_id}': ({ body, errors }) => (checkCommand(errors, body, [], true), undefined),
  'patch /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': ({ body, errors }) => (
    checkCommand(errors, body, [], true), undefined
  ),
  'post /channels/{channel_id}/messages': messageCreate,
  'patch /channels/{channel_id}/messages/{message_id}': messageEdit,
  'post /webhooks/{webhook_id}/{webhook_token}': messageCreate,
  'patch /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': messageEdit,
  'patch /webhooks/{webhook_id}/{webhook_token}/messages/@original': messageEdit,
  'post /interactions/{interaction_id}/{interaction_token}/callback': interactionCallback,
};

export function handWrittenRuleCount(): number {
  return Object.keys(RULES).length;
}

/**
 * Checks a request body the way Discord would: the published schema first (bitfield strings converted),
 * then the rules the schema misses. Returns the error to answer with, or undefined when the body is fine.
 */
export function validateRequest(method: string, path: string, body: unknown, files: readonly UploadedFile[]): RestError | undefined {
  const operation = findSpecOperation(method, path);
  if (!operation) return undefined;
  const errors = new FormErrors();
  const schema = operation.bodySchema();
  if (schema && body !== undefined) {
    const converted = convertPermissionStrings(body);
    const result = schema.safeParse(converted);
    if (!result.success) addZodIssues(errors, result.error.issues, converted);
  }
  const rule = RULES[operation.key];
  const ruleError = rule?.({ body: body ?? {}, files, errors });
  if (!errors.empty) return invalidFormBody(errors.tree);
  return ruleError;
}
