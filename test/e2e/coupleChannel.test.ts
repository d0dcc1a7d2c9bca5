import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableProviders } from '../support/databases.js';
import { startHarness, type Harness } from '../support/botHarness.js';

describe.each(availableProviders())('the couple channel is made once, or not at all (%s)', (provider) => {
  let h: Harness;
  const coupleChannels = () => h.standIn.state.guildChannels(h.guildId).filter((c) => c.name.startsWith('couple-'));
  const couple = () => h.tandem.db.couple.findFirstOrThrow({ where: { guildId: h.guildId } });

  beforeAll(async () => {
    h = await startHarness(provider);
    await h.slash(h.alice, 'couple invite', { partner: h.bob.user.id }).reply();
    expect((await h.slash(h.bob, 'couple accept').reply()).content).toContain('now partners');
    await h.slash(h.alice, 'couple channel').reply();
  });
  afterAll(async () => h?.stop());

  it('when Discord refuses, no channel and no claim are left, and asking again works', async () => {
    h.standIn.faults.failNext(1, { status: 403, code: 50013, route: 'POST /guilds/:guild_id/channels' });
    const refused = await h.slash(h.bob, 'couple channel').reply();
    expect(refused.content).toContain("I don't have the Discord permission");
    expect(coupleChannels()).toHaveLength(0);
    expect(await couple()).toMatchObject({ channelId: null, channelClaimedAt: null });
  });

  it('two requests at once create exactly one channel', async () => {
    h.standIn.faults.delayNext(1, 200, 'POST /guilds/:guild_id/channels');
    const replies = await Promise.all([h.slash(h.bob, 'couple channel').reply(), h.slash(h.bob, 'couple channel').reply()]);
    expect(coupleChannels()).toHaveLength(1);
    expect((await couple()).channelId).toBe(coupleChannels()[0]!.id);
    expect(replies.map((r) => r.content).join('\n')).toContain('couple channel is ready');
    expect(replies.map((r) => r.content).join('\n')).toMatch(/being created|Your couple channel is/);
  });

  it('after a crash between creating the channel and storing it, the next start adopts that channel', async () => {
    const made = coupleChannels()[0]!;
    await h.tandem.db.couple.updateMany({ where: { guildId: h.guildId }, data: { channelId: null, channelClaimedAt: new Date() } });
    await h.restart();
    await h.tandem.repaired;
    expect(await couple()).toMatchObject({ channelId: made.id });
    expect(coupleChannels()).toHaveLength(1);
  });
});
