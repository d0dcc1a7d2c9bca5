import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AppContext } from '../app/context.js';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** One slash command: its typed definition and a thin handler that calls a service. */
export interface SlashCommand {
  definition: CommandDefinition;
  execute(interaction: ChatInputCommandInteraction, ctx: AppContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: AppContext): Promise<void>;
}

/**
 * Buttons and modals, routed by the first segment of a stateless custom id
 * ("couple:accept:<coupleId>"), so they keep working after a restart.
 */
export interface ComponentHandler {
  prefix: string;
  handle(interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: AppContext, args: string[]): Promise<void>;
}
