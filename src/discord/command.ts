import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
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
