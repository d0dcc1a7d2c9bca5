import { InteractionType, MessageType, type APIInteraction, type APIMessage, type APIUser } from 'discord.js';
import type { UploadedFile } from '../types.js';
import type { Core } from './core.js';
import type { InteractionRecord } from './interactions.js';
import { buildMessage, EPHEMERAL, gatewayMessage, type Body } from './messages.js';

export function interactionUser(interaction: APIInteraction): APIUser {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) throw new Error(`interaction ${interaction.id} has neither member.user nor user`);
  return user;
}

export function interactionChannelId(interaction: APIInteraction): string {
  const id = interaction.channel?.id ?? interaction.channel_id;
  if (!id) throw new Error(`interaction ${interaction.id} has no channel`);
  return id;
}

/** `interaction_metadata` as Discord attaches it to messages created by an interaction response. */
function metadata(record: InteractionRecord, originalId?: string): Record<string, unknown> {
  const interaction = record.interaction;
  const common = {
    id: interaction.id,
    type: interaction.type,
    user: interactionUser(interaction),
    authorizing_integration_owners: interaction.authorizing_integration_owners,
    ...(originalId ? { original_response_message_id: originalId } : {}),
  };
  if (interaction.type === InteractionType.ApplicationCommand) {
    return { ...common, name: interaction.data.name, command_type: interaction.data.type };
  }
  if (interaction.type === InteractionType.MessageComponent) {
    return { ...common, interacted_message_id: interaction.message.id };
  }
  if (interaction.type === InteractionType.ModalSubmit) {
    return {
      ...common,
      triggering_interaction_metadata: {
        id: interaction.message?.interaction_metadata?.id ?? interaction.id,
        type: InteractionType.ApplicationCommand,
        user: common.user,
        authorizing_integration_owners: interaction.authorizing_integration_owners,
      },
    };
  }
  return common;
}

function messageType(interaction: APIInteraction): MessageType {
  if (interaction.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  return interaction.data.type === 1 ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}

export interface InteractionMessageInput {
  readonly body: Body;
  readonly files: readonly UploadedFile[];
  /** Flags added by the stand-in (LOADING for a deferred reply). */
  readonly extraFlags?: number;
  /** For follow-ups: the id of the original response. */
  readonly originalId?: string;
}

/** Creates, stores and (unless ephemeral) announces a message sent through an interaction. */
export function createInteractionMessage(core: Core, record: InteractionRecord, input: InteractionMessageInput): APIMessage {
  const interaction = record.interaction;
  const user = interactionUser(interaction);
  const message = buildMessage(core.state, core.ids, {
    channelId: interactionChannelId(interaction),
    author: core.botUser,
    body: input.body,
    files: input.files,
    type: messageType(interaction),
    extraFlags: input.extraFlags ?? 0,
    extra: {
      webhook_id: core.applicationId,
      application_id: core.applicationId,
      interaction_metadata: metadata(record, input.originalId) as unknown as APIMessage['interaction_metadata'],
      ...(interaction.type === InteractionType.ApplicationCommand
        ? { interaction: { id: interaction.id, type: interaction.type, name: interaction.data.name, user } }
        : {}),
    },
  });
  core.state.storeMessage(message);
  announce(core, record, message, 'MESSAGE_CREATE');
  return message;
}

export function announce(core: Core, record: InteractionRecord, message: APIMessage, event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE'): void {
  if ((message.flags ?? 0) & EPHEMERAL) return;
  core.dispatch(event, gatewayMessage(core.state, message, record.interaction.guild_id));
}
