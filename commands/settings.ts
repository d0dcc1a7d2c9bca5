import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
} from 'discord.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { requireGuildId } from '../src/discord/inGuild.js';
import { formatSettingsReply } from '../src/replies/settings.js';
import { suggestTimeZones, updateSettings } from '../src/services/settings.js';

const definition = {
  name: 'settings',
  description: 'Your timezone, clean date, milestone and safety-reminder choices (only you see them)',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'timezone',
      description: 'Where you live, e.g. America/New_York, so days start at your midnight',
      autocomplete: true,
      max_length: 64,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'clean_date',
      description: 'The first day of your clean time, as YYYY-MM-DD',
      min_length: 8,
      max_length: 10,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'milestone_announcements',
      description: 'Also celebrate your milestones in your home group (off by default)',
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'mat_reminder',
      description: 'On medication-assisted treatment? A safe-storage reminder with each check-in (off by default)',
    },
  ],
} as const satisfies CommandDefinition;

export const settings: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const guildId = requireGuildId(interaction);
    const timezone = interaction.options.getString('timezone') ?? undefined;
    const cleanDate = interaction.options.getString('clean_date') ?? undefined;
    const announceMilestones = interaction.options.getBoolean('milestone_announcements') ?? undefined;
    const matReminder = interaction.options.getBoolean('mat_reminder') ?? undefined;
    const change = { timezone, cleanDate, announceMilestones, matReminder };
    const member = await updateSettings(ctx, { guildId, userId: interaction.user.id }, change);
    const changed = Object.values(change).some((value) => value !== undefined);
    await interaction.reply({ content: formatSettingsReply(member, changed), flags: MessageFlags.Ephemeral });
  },
  async autocomplete(interaction) {
    const typed = interaction.options.getFocused();
    await interaction.respond(suggestTimeZones(typed).map((zone) => ({ name: zone, value: zone })));
  },
};
