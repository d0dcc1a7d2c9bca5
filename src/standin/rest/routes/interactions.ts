import { InteractionType, type APIMessage } from 'discord.js';
import type { Core } from '../../model/core.js';
import { announce, createInteractionMessage, interactionChannelId } from '../../model/interactionMessages.js';
import type { InteractionRecord } from '../../model/interactions.js';
import { applyMessageEdit, asBody, EPHEMERAL, LOADING } from '../../model/messages.js';
import { discordError, formError } from '../errors.js';
import type { RouteDef, RouteRequest } from '../router.js';

/** Which callback types Discord accepts for each interaction type. */
const ALLOWED: Readonly<Record<number, readonly number[]>> = {
  [InteractionType.Ping]: [1],
  [InteractionType.ApplicationCommand]: [4, 5, 9, 10, 12],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 10],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7, 10],
};

function acknowledgeable(core: Core, req: RouteRequest): InteractionRecord {
  const record = core.interactions.get(req.params.interaction_id!);
  if (!record || record.interaction.token !== req.params.interaction_token) throw discordError(10062);
  if (record.callback) throw discordError(40060);
  const timeout = core.interactionResponseTimeoutMs;
  if (timeout > 0 && Date.now() - record.createdAt > timeout) throw discordError(10062);
  return record;
}

/** The message a component (or a modal opened from one) sits on, stored so @original can edit it. */
function componentMessage(core: Core, record: InteractionRecord): APIMessage {
  const given = 'message' in record.interaction ? record.interaction.message : undefined;
  if (!given) throw formError(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'This interaction has no message to update');
  const stored = core.state.message(given.channel_id, given.id);
  if (stored) return stored;
  const copy = structuredClone(given);
  core.state.storeMessage(copy);
  return copy;
}

function callbackResponse(record: InteractionRecord, type: number, message: APIMessage | undefined): Record<string, unknown> {
  return {
    interaction: {
      id: record.interaction.id,
      type: record.interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: ((message.flags ?? 0) & LOADING) !== 0,
            response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  };
}

export const interactionRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/interactions/:interaction_id/:interaction_token/callback',
    auth: 'none',
    handle: (core, req) => {
      const record = acknowledgeable(core, req);
      const body = asBody(req.body);
      const type = Number(body.type);
      const allowed = ALLOWED[record.interaction.type] ?? [];
      if (!allowed.includes(type)) {
        throw formError(['type'], 'BASE_TYPE_CHOICES', `Value must be one of (${allowed.join(', ')}).`);
      }
      const data = asBody(body.data);
      let message: APIMessage | undefined;
      if (type === 4) {
        message = createInteractionMessage(core, record, { body: data, files: req.files });
      } else if (type === 5) {
        message = createInteractionMessage(core, record, {
          body: { flags: Number(data.flags ?? 0) & EPHEMERAL },
          files: [],
          extraFlags: LOADING,
        });
      } else if (type === 6 || type === 7) {
        message = componentMessage(core, record);
        if (type === 7) {
          applyMessageEdit(core.state, core.ids, message, data, req.files);
          announce(core, record, message, 'MESSAGE_UPDATE');
        }
      }
      record.callback = body.data === undefined ? { type } : { type, data: body.data };
      if (message) record.original = { channelId: message.channel_id ?? interactionChannelId(record.interaction), messageId: message.id };
      core.interactions.changed();
      const withResponse = req.query.get('with_response') === 'true';
      return withResponse ? { status: 200, body: callbackResponse(record, type, message) } : { status: 204 };
    },
  },
];
