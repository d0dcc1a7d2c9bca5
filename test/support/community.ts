// Sets up a recovery community through the bot's own commands: server set-up, two home groups,
// Alice and Bob in different groups and linked as a couple, and Carol on her own.
import type { Harness, Who } from './botHarness.js';

export interface Community {
  /** Home-group channel ids: Alice's (Serenity) and Bob's (Harbor Lights). */
  serenityChannelId: string;
  harborChannelId: string;
  coupleId: string;
}

async function ok(transcript: { reply(): Promise<{ content?: string }> }): Promise<string> {
  return (await transcript.reply()).content ?? '';
}

export async function setUpCommunity(h: Harness): Promise<Community> {
  await ok(h.slash(h.owner, 'setup', { moderator_role: h.moderatorRoleId, category: h.categoryId, region: 'US' }));
  await ok(h.slash(h.mod, 'group create', { name: 'Serenity', fellowship: 'AA' }));
  await ok(h.slash(h.mod, 'group create', { name: 'Harbor Lights', fellowship: 'NA' }));
  await ok(h.slash(h.alice, 'homegroup join', { group: 'Serenity' }));
  await ok(h.slash(h.bob, 'homegroup join', { group: 'Harbor Lights' }));

  await ok(h.slash(h.alice, 'couple invite', { partner: h.bob.user.id }));
  const invite = await h.standIn.recorder.waitFor((r) => r.route.startsWith('POST /channels/') && JSON.stringify(r.body).includes('couple:accept:'));
  const acceptId = (invite.body as { components: { components: { custom_id: string }[] }[] }).components[0]!.components[0]!.custom_id;
  await ok(h.press(h.bob, acceptId));

  const groups = await h.tandem.db.homeGroup.findMany({ where: { guildId: h.guildId } });
  const channelOf = (name: string) => groups.find((g) => g.name === name)!.channelId!;
  const couple = await h.tandem.db.couple.findFirstOrThrow({ where: { guildId: h.guildId, status: 'active' } });
  return { serenityChannelId: channelOf('Serenity'), harborChannelId: channelOf('Harbor Lights'), coupleId: couple.id };
}

/** Texts of the messages the bot sent to `who` by DM so far. */
export function dmsTo(h: Harness, who: Who): string[] {
  const channel = h.standIn.state.dmChannelFor(who.user.id);
  return channel ? h.standIn.state.messagesIn(channel.id).map((m) => m.content) : [];
}

/** Texts of the non-ephemeral messages in a guild channel. */
export function postsIn(h: Harness, channelId: string): string[] {
  return h.standIn.state
    .messagesIn(channelId)
    .filter((m) => ((m.flags ?? 0) & 64) === 0)
    .map((m) => m.content);
}
