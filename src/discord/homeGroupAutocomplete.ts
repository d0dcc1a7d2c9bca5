import type { AutocompleteInteraction } from 'discord.js';
import type { AppContext } from '../app/context.js';
import { suggestHomeGroups } from '../services/homeGroups.js';

/** The server's home groups matching what was typed, for every `group` option. */
export async function respondWithHomeGroups(interaction: AutocompleteInteraction, ctx: AppContext): Promise<void> {
  const names = await suggestHomeGroups(ctx, interaction.guildId ?? undefined, interaction.options.getFocused());
  await interaction.respond(names.map((name) => ({ name, value: name })));
}
