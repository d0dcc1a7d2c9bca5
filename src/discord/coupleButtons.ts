// Buttons sent in DMs: couple:accept|decline|channel|resume:<coupleId>. Stateless, so they work
// after a restart; the service checks that the presser is the right person and the invite is open.
import { MessageFlags } from 'discord.js';
import type { Actor } from '../domain/authorization.js';
import { InvalidInputError, NotAllowedError } from '../domain/errors.js';
import { coupleText, formatChannelRequest } from '../replies/couple.js';
import { acceptInvite, declineInvite, requestCoupleChannel, resumeCouple } from '../services/couples.js';
import type { ComponentHandler } from './command.js';

export const coupleButtons: ComponentHandler = {
  prefix: 'couple',
  async handle(interaction, ctx, [action, coupleId]) {
    const couple = coupleId ? await ctx.repos.couples.get(coupleId) : undefined;
    if (!couple) throw new InvalidInputError('This invite no longer exists.');
    if (interaction.guildId && interaction.guildId !== couple.guildId) throw new NotAllowedError('That button belongs to another server.');
    // Pressed in a DM: act in the couple's own server, as this user, with no moderator rights.
    const actor: Actor = { userId: interaction.user.id, guildId: couple.guildId, roleIds: [], managesServer: false };
    let content: string;
    switch (action) {
      case 'accept':
        content = coupleText.accepted((await acceptInvite(ctx, actor, couple.id)).partnerUserId);
        break;
      case 'decline':
        await declineInvite(ctx, actor, couple.id);
        content = coupleText.declined;
        break;
      case 'channel':
      case 'resume': {
        const seated = await ctx.repos.members.find(couple.guildId, interaction.user.id);
        const current = seated && (await ctx.repos.couples.findCurrentFor(seated.id));
        if (current?.id !== couple.id) throw new NotAllowedError('This button is for someone else.');
        if (action === 'resume') {
          content = (await resumeCouple(ctx, actor)) === 'waiting' ? coupleText.resumeWaiting : coupleText.resumed;
        } else {
          const result = await requestCoupleChannel(ctx, actor);
          content = formatChannelRequest(result);
        }
        break;
      }
      default:
        throw new InvalidInputError('This button is no longer in use.');
    }
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  },
};
