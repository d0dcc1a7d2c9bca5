import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
} from 'discord.js';
import { actorOf } from '../src/discord/actor.js';
import type { CommandDefinition, SlashCommand } from '../src/discord/command.js';
import { coupleText, formatChannelRequest } from '../src/replies/couple.js';
import {
  acceptInvite,
  declineInvite,
  invitePartner,
  leaveCouple,
  pauseCouple,
  requestCoupleChannel,
  resumeCouple,
  updateShare,
} from '../src/services/couples.js';

const sub = (name: string, description: string, options: APIApplicationCommandBasicOption[] = []): APIApplicationCommandSubcommandOption => ({
  type: ApplicationCommandOptionType.Subcommand,
  name,
  description,
  options,
});
const toggle = (name: string, description: string): APIApplicationCommandBasicOption => ({ type: ApplicationCommandOptionType.Boolean, name, description });

const definition = {
  name: 'couple',
  description: 'Recover together, each on your own footing',
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    sub('invite', 'Invite your partner (they accept or decline)', [
      { type: ApplicationCommandOptionType.User, name: 'partner', description: 'Your partner in this server', required: true },
    ]),
    sub('accept', 'Accept the couple invite you received'),
    sub('decline', 'Decline the couple invite you received'),
    sub('share', 'Choose what your partner may see (all off until you turn it on)', [
      toggle('check_in_done', 'That you checked in today'),
      toggle('sober', 'Whether you were sober'),
      toggle('streak', 'Your check-in streak'),
      toggle('milestones', 'Your milestones'),
    ]),
    sub('channel', 'Ask for a shared couple channel (created when both agree)'),
    sub('pause', 'Separate routes for a while: prompts stop, the couple channel becomes read-only'),
    sub('resume', 'Ask to resume (needs both of you)'),
    sub('leave', 'Step out of the couple, at once: sharing stops, the channel is archived'),
  ],
} as const satisfies CommandDefinition;

export const couple: SlashCommand = {
  definition,
  async execute(interaction, ctx) {
    const actor = actorOf(interaction);
    const options = interaction.options;
    let content: string;
    switch (options.getSubcommand(true)) {
      case 'invite': {
        const partner = options.getUser('partner', true);
        const { delivered } = await invitePartner(ctx, actor, { userId: partner.id, isBot: partner.bot }, interaction.guild?.name ?? 'this server');
        content = coupleText.inviteSent(partner.id, delivered);
        break;
      }
      case 'accept':
        content = coupleText.accepted((await acceptInvite(ctx, actor)).partnerUserId);
        break;
      case 'decline':
        await declineInvite(ctx, actor);
        content = coupleText.declined;
        break;
      case 'share':
        content = coupleText.shareSummary(
          await updateShare(ctx, actor, {
            checkInDone: options.getBoolean('check_in_done') ?? undefined,
            sober: options.getBoolean('sober') ?? undefined,
            streak: options.getBoolean('streak') ?? undefined,
            milestones: options.getBoolean('milestones') ?? undefined,
          }),
        );
        break;
      case 'channel': {
        const result = await requestCoupleChannel(ctx, actor);
        content = formatChannelRequest(result);
        break;
      }
      case 'pause':
        await pauseCouple(ctx, actor);
        content = coupleText.paused;
        break;
      case 'resume':
        content = (await resumeCouple(ctx, actor)) === 'waiting' ? coupleText.resumeWaiting : coupleText.resumed;
        break;
      default: {
        const { channelLocked } = await leaveCouple(ctx, actor);
        content = channelLocked ? coupleText.left : `${coupleText.left} (The channel will be locked shortly.)`;
      }
    }
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  },
};
