import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
} from 'discord.js';
import { HOME_GROUP_NAME_MAX } from '../src/domain/homeGroup.js';
import { actorOf } from '../src/discord/actor.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { respondWithHomeGroups } from '../src/discord/homeGroupAutocomplete.js';
import { homeGroupText } from '../src/replies/homeGroup.js';
import { homeGroupInfo, joinHomeGroup, leaveHomeGroup } from '../src/services/homeGroups.js';

const definition = {
  name: 'homegroup',
  description: 'Your home group: join, leave, info',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'join',
      description: 'Join a home group (one per server)',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'group', description: 'The home group', required: true, autocomplete: true, max_length: HOME_GROUP_NAME_MAX },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'leave', description: 'Leave your home group' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'info', description: 'Your home group, or the groups you can join' },
  ],
} as const satisfies CommandDefinition;

export const homegroup: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const actor = actorOf(interaction);
    let content: string;
    switch (interaction.options.getSubcommand(true)) {
      case 'join':
        content = homeGroupText.joined(await joinHomeGroup(ctx, actor, interaction.options.getString('group', true)));
        break;
      case 'leave':
        content = homeGroupText.left(await leaveHomeGroup(ctx, actor));
        break;
      default: {
        const info = await homeGroupInfo(ctx, actor);
        content = homeGroupText.info(info.group, info.memberCount, info.groups);
      }
    }
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  },
  autocomplete: respondWithHomeGroups,
};
