import type { APIMessage } from 'discord.js';
import type { Core } from '../../model/core.js';
import { announce, createInteractionMessage, interactionChannelId } from '../../model/interactionMessages.js';
import type { InteractionRecord } from '../../model/interactions.js';
import { applyMessageEdit, asBody, EPHEMERAL } from '../../model/messages.js';
import { discordError } from '../errors.js';
import type { RouteDef, RouteRequest } from '../router.js';

/** Interaction webhooks: `/webhooks/{application_id}/{interaction_token}`, usable once the interaction is acknowledged. */
function webhookRecord(core: Core, req: RouteRequest): InteractionRecord {
  const record = core.interactions.byWebhookToken(req.params.webhook_token!);
  if (req.params.webhook_id !== core.applicationId || !record?.callback) throw discordError(10015);
  return record;
}

function webhookMessage(core: Core, record: InteractionRecord, messageId: string): { message: APIMessage; original: boolean } {
  const original = messageId === '@original' || messageId === record.original?.messageId;
  const channelId = original ? record.original?.channelId : interactionChannelId(record.interaction);
  const id = original ? record.original?.messageId : messageId;
  const message = channelId && id ? core.state.message(channelId, id) : undefined;
  if (!message || (!original && !record.followUpIds.has(message.id))) throw discordError(10008);
  return { message, original };
}

export const webhookRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/webhooks/:webhook_id/:webhook_token',
    auth: 'none',
    handle: (core, req) => {
      const record = webhookRecord(core, req);
      const body = asBody(req.body);
      const message = createInteractionMessage(core, record, {
        body,
        files: req.files,
        ...(record.original ? { originalId: record.original.messageId } : {}),
      });
      record.followUps.push(body);
      record.followUpIds.add(message.id);
      core.interactions.changed();
      return { status: 200, body: message };
    },
  },
  {
    method: 'GET',
    path: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
    auth: 'none',
    handle: (core, req) => {
      const record = webhookRecord(core, req);
      return { status: 200, body: webhookMessage(core, record, req.params.message_id!).message };
    },
  },
  {
    method: 'PATCH',
    path: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
    auth: 'none',
    handle: (core, req) => {
      const record = webhookRecord(core, req);
      const { message, original } = webhookMessage(core, record, req.params.message_id!);
      const body = asBody(req.body);
      applyMessageEdit(core.state, core.ids, message, body, req.files);
      if (original) record.originalEdits.push(body);
      core.interactions.changed();
      announce(core, record, message, 'MESSAGE_UPDATE');
      return { status: 200, body: message };
    },
  },
  {
    method: 'DELETE',
    path: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
    auth: 'none',
    handle: (core, req) => {
      const record = webhookRecord(core, req);
      const { message } = webhookMessage(core, record, req.params.message_id!);
      core.state.messages.get(message.channel_id)?.delete(message.id);
      if (!((message.flags ?? 0) & EPHEMERAL)) {
        core.dispatch('MESSAGE_DELETE', {
          id: message.id,
          channel_id: message.channel_id,
          ...(record.interaction.guild_id ? { guild_id: record.interaction.guild_id } : {}),
        });
      }
      return { status: 204 };
    },
  },
];
