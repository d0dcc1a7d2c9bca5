import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, OverwriteType, PermissionFlagsBits as P, type APIOverwrite } from 'discord.js';
import { availableProviders } from '../support/databases.js';
import { startHarness, type Harness } from '../support/botHarness.js';

const has = (bits: string, flag: bigint) => (BigInt(bits) & flag) === flag;

/** A readable picture of a channel's overwrites: who may view and who may write. */
function accessOf(overwrites: readonly APIOverwrite[]) {
  return Object.fromEntries(
    overwrites.map((o) => [
      `${o.type === OverwriteType.Role ? 'role' : 'user'}:${o.id}`,
      has(o.deny, P.ViewChannel) ? 'hidden' : has(o.allow, P.SendMessages) ? 'write' : has(o.deny, P.SendMessages) ? 'read' : 'view',
    ]),
  );
}

describe.each(availableProviders())('home groups and couples through the stand-in (%s)', (provider) => {
  let h: Harness;
  const channel = (id: string) => h.standIn.state.guildChannel(id)!;
  const bot = () => `user:${h.standIn.botUser.id}`;
  const couple = async () => h.tandem.db.couple.findFirstOrThrow({ where: { guildId: h.guildId }, orderBy: { createdAt: 'desc' } });

  beforeAll(async () => {
    h = await startHarness(provider);
  });
  afterAll(async () => h?.stop());

  it('an admin sets the server up; running it again changes only what is given', async () => {
    const first = await h.slash(h.owner, 'setup', { moderator_role: h.moderatorRoleId, category: h.categoryId, region: 'US', facilitator_role: h.facilitatorRoleId }).reply();
    expect(first.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(first.content).toContain('Tandem is set up');
    await h.slash(h.owner, 'setup', { region: 'GB' }).reply();
    expect(await h.tandem.db.guild.findUniqueOrThrow({ where: { id: h.guildId } })).toMatchObject({
      moderatorRoleId: h.moderatorRoleId,
      categoryId: h.categoryId,
      facilitatorRoleId: h.facilitatorRoleId,
      region: 'GB',
    });
  });

  it('a moderator creates two home groups, each with a private channel in the category', async () => {
    for (const [name, fellowship] of [['Serenity', 'AA'], ['Harbor Lights', 'NA']] as const) {
      const reply = await h.slash(h.mod, 'group create', { name, fellowship }).reply();
      expect(reply.content).toContain(`Home group **${name}**`);
    }
    const groups = await h.tandem.db.homeGroup.findMany({ where: { guildId: h.guildId }, orderBy: { nameKey: 'asc' } });
    expect(groups.map((g) => [g.name, g.status])).toEqual([['Harbor Lights', 'active'], ['Serenity', 'active']]);
    const serenity = channel(groups[1]!.channelId!);
    expect(serenity.name).toBe('hg-serenity');
    expect(channel(groups[0]!.channelId!).name).toBe('hg-harbor-lights');
    expect(serenity.parent_id).toBe(h.categoryId);
    expect(accessOf(serenity.permission_overwrites!)).toEqual({ [`role:${h.guildId}`]: 'hidden', [bot()]: 'write', [`role:${h.moderatorRoleId}`]: 'write' });
    const welcome = h.standIn.state.messagesIn(serenity.id);
    expect(welcome.map((m) => m.content).join()).toMatch(/server admins can see every channel/i);
  });

  it('two members become partners: invite by DM with buttons, accepted by the invitee only', async () => {
    const invite = await h.slash(h.alice, 'couple invite', { partner: h.bob.user.id }).reply();
    expect(invite.content).toContain('Invite sent');
    const dm = await h.standIn.recorder.waitFor((r) => r.route.startsWith('POST /channels/') && JSON.stringify(r.body).includes('couple:accept:'));
    const acceptId = (dm.body as { components: { components: { custom_id: string }[] }[] }).components[0]!.components[0]!.custom_id;

    const stranger = await h.press(h.carol, acceptId).reply();
    expect(stranger.content).toContain('Only the person who was invited');
    expect((await couple()).status).toBe('invited');

    const accepted = await h.press(h.bob, acceptId).reply();
    expect(accepted.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(accepted.content).toContain('now partners');
    expect((await couple()).status).toBe('active');
    expect(await h.tandem.db.coupleSeat.count({ where: { coupleId: (await couple()).id } })).toBe(2);

    const again = await h.slash(h.carol, 'couple invite', { partner: h.alice.user.id }).reply();
    expect(again.content).toContain("can't receive a couple invite");
  });

  it('partners keep separate home groups: each gets exactly their own channel', async () => {
    expect((await h.slash(h.alice, 'homegroup join', { group: 'Serenity' }).reply()).content).toContain('Welcome to **Serenity**');
    const refused = await h.slash(h.bob, 'homegroup join', { group: 'serenity' }).reply();
    expect(refused.content).toContain('Your partner already belongs to this home group');
    expect((await h.slash(h.bob, 'homegroup join', { group: 'Harbor Lights' }).reply()).content).toContain('Welcome to **Harbor Lights**');

    const groups = await h.tandem.db.homeGroup.findMany({ where: { guildId: h.guildId } });
    const byName = Object.fromEntries(groups.map((g) => [g.name, accessOf(channel(g.channelId!).permission_overwrites!)]));
    expect(byName['Serenity']).toMatchObject({ [`user:${h.alice.user.id}`]: 'write' });
    expect(byName['Serenity']).not.toHaveProperty(`user:${h.bob.user.id}`);
    expect(byName['Harbor Lights']).toMatchObject({ [`user:${h.bob.user.id}`]: 'write' });
    expect(byName['Harbor Lights']).not.toHaveProperty(`user:${h.alice.user.id}`);
  });

  it('a moderator can allow the couple to share a group', async () => {
    await h.slash(h.bob, 'homegroup leave').reply();
    expect((await h.slash(h.mod, 'group allow_partners', { member: h.bob.user.id }).reply()).content).toContain('may now share');
    expect((await h.slash(h.bob, 'homegroup join', { group: 'Serenity' }).reply()).content).toContain('Welcome to **Serenity**');
    await h.slash(h.bob, 'homegroup leave').reply();
    await h.slash(h.bob, 'homegroup join', { group: 'Harbor Lights' }).reply();
  });

  it('the couple channel exists only once both agree, with exactly the right overwrites', async () => {
    expect((await h.slash(h.alice, 'couple channel').reply()).content).toContain('only when your partner agrees');
    expect((await couple()).channelId).toBeNull();
    const created = await h.slash(h.bob, 'couple channel').reply();
    expect(created.content).toContain('couple channel is ready');
    const c = await couple();
    const shared = channel(c.channelId!);
    expect(shared.name).toMatch(/^couple-[0-9a-f]{4}$/);
    expect(shared.parent_id).toBe(h.categoryId);
    expect(accessOf(shared.permission_overwrites!)).toEqual({
      [`role:${h.guildId}`]: 'hidden',
      [bot()]: 'write',
      [`user:${h.alice.user.id}`]: 'write',
      [`user:${h.bob.user.id}`]: 'write',
      [`role:${h.facilitatorRoleId}`]: 'write',
    });
  });

  it('pause makes the couple channel read-only; resume needs both partners', async () => {
    h.standIn.faults.failNext(1, { status: 403, code: 50013, route: 'PATCH /channels/:channel_id' });
    expect((await h.slash(h.alice, 'couple pause').reply()).content).toContain("I don't have the Discord permission");
    expect((await couple()).status).toBe('active');
    expect(accessOf(channel((await couple()).channelId!).permission_overwrites!)[`user:${h.alice.user.id}`]).toBe('write');

    expect((await h.slash(h.alice, 'couple pause').reply()).content).toContain('Paused');
    const paused = accessOf(channel((await couple()).channelId!).permission_overwrites!);
    expect(paused[`user:${h.alice.user.id}`]).toBe('read');
    expect(paused[`user:${h.bob.user.id}`]).toBe('read');

    expect((await h.slash(h.alice, 'couple resume').reply()).content).toContain('when your partner agrees');
    expect((await couple()).status).toBe('paused');
    expect((await h.slash(h.bob, 'couple resume').reply()).content).toContain('Resumed');
    expect((await couple()).status).toBe('active');
    expect(accessOf(channel((await couple()).channelId!).permission_overwrites!)[`user:${h.bob.user.id}`]).toBe('write');
  });

  it('either partner can leave alone, at once: sharing stops and the channel is archived read-only', async () => {
    await h.slash(h.alice, 'couple share', { sober: true, streak: true }).reply();
    const before = await couple();
    expect(await h.tandem.db.coupleShare.count({ where: { coupleId: before.id } })).toBe(1);
    const reply = await h.slash(h.bob, 'couple leave').reply();
    expect(reply.content).toContain('stepped out of the couple');
    const after = await couple();
    expect(after.status).toBe('ended');
    expect(await h.tandem.db.coupleSeat.count({ where: { coupleId: after.id } })).toBe(0);
    expect(await h.tandem.db.coupleShare.count({ where: { coupleId: after.id } })).toBe(0);
    const access = accessOf(channel(after.channelId!).permission_overwrites!);
    expect(access[`user:${h.alice.user.id}`]).toBe('read');
    expect(access[`user:${h.bob.user.id}`]).toBe('read');
    expect((await h.slash(h.alice, 'couple share', { sober: true }).reply()).content).toContain("not in a couple");
  });

  it('when Discord refuses to create a channel, no home group is left half-made', async () => {
    h.standIn.faults.failNext(1, { status: 403, code: 50013, route: 'POST /guilds/:guild_id/channels' });
    const reply = await h.slash(h.mod, 'group create', { name: 'Morning Light', fellowship: 'CoDA' }).reply();
    expect(reply.content).toContain("I don't have the Discord permission");
    expect(await h.tandem.db.homeGroup.count({ where: { nameKey: 'morning light' } })).toBe(0);
    expect((await h.slash(h.mod, 'group create', { name: 'Morning Light', fellowship: 'CoDA' }).reply()).content).toContain('Home group **Morning Light**');
  });

  it('archiving keeps the channel, read-only for its members', async () => {
    await h.slash(h.mod, 'group archive', { group: 'Harbor Lights' }).reply();
    const group = await h.tandem.db.homeGroup.findFirstOrThrow({ where: { nameKey: 'harbor lights' } });
    expect(group.status).toBe('archived');
    expect(accessOf(channel(group.channelId!).permission_overwrites!)[`user:${h.bob.user.id}`]).toBe('read');
  });

  it('changing the roles in /setup updates existing channels at once', async () => {
    const ended = await couple();
    expect(accessOf(channel(ended.channelId!).permission_overwrites!)).toHaveProperty(`role:${h.facilitatorRoleId}`);
    const reply = await h.slash(h.owner, 'setup', { clear_facilitator_role: true }).reply();
    expect(reply.content).toContain('Couple facilitator role: none');
    expect(accessOf(channel(ended.channelId!).permission_overwrites!)).not.toHaveProperty(`role:${h.facilitatorRoleId}`);
  });

  it('channel names and audit-log reasons carry no member names or health details', () => {
    const names = h.standIn.state.guildChannels(h.guildId).map((c) => c.name);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      expect(name).not.toMatch(/\b(aa|na|coda|smart|sober|slip|craving)\b|alice|bob|carol/i);
      expect(name.split('-').filter((part) => ['aa', 'na', 'coda'].includes(part))).toEqual([]);
    }
    const reasons = h.standIn.recorder.requests.map((r) => r.headers['x-audit-log-reason']).filter(Boolean).map((r) => decodeURIComponent(r!));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^Tandem: [a-z ]+$/);
  });

  it('on start, the bot repairs drift: a deleted group channel is recreated, hand-made overwrites are undone, interrupted creations are settled', async () => {
    const api = (path: string, init: RequestInit) =>
      fetch(`${h.standIn.apiUrl}/v10${path}`, { ...init, headers: { authorization: `Bot ${h.standIn.token}`, 'content-type': 'application/json' } });
    const serenity = await h.tandem.db.homeGroup.findFirstOrThrow({ where: { nameKey: 'serenity' } });
    const morning = await h.tandem.db.homeGroup.findFirstOrThrow({ where: { nameKey: 'morning light' } });
    expect((await api(`/channels/${morning.channelId}`, { method: 'DELETE' })).status).toBe(200);
    const carolOverwrite = { type: OverwriteType.Member, allow: String(P.ViewChannel), deny: '0' };
    expect((await api(`/channels/${serenity.channelId}/permissions/${h.carol.user.id}`, { method: 'PUT', body: JSON.stringify(carolOverwrite) })).status).toBe(204);
    // A crash between the intent row and the channel: one whose channel exists, one whose channel never came.
    const adoptable = await h.tandem.db.homeGroup.create({ data: { guildId: h.guildId, name: 'Dawn', nameKey: 'dawn', fellowship: 'AA' } });
    await api(`/guilds/${h.guildId}/channels`, { method: 'POST', body: JSON.stringify({ name: 'hg-dawn', type: 0, parent_id: h.categoryId }) });
    const lost = await h.tandem.db.homeGroup.create({ data: { guildId: h.guildId, name: 'Dusk', nameKey: 'dusk', fellowship: 'AA' } });
    // Same channel name as an existing group's: never adopt a channel another group owns.
    const lookalike = await h.tandem.db.homeGroup.create({ data: { guildId: h.guildId, name: 'Serenity!', nameKey: 'serenity!', fellowship: 'AA' } });

    await h.restart();
    await h.tandem.repaired;

    const recreated = await h.tandem.db.homeGroup.findUniqueOrThrow({ where: { id: morning.id } });
    expect(recreated.channelId).not.toBe(morning.channelId);
    expect(channel(recreated.channelId!).name).toBe('hg-morning-light');
    expect(accessOf(channel(serenity.channelId!).permission_overwrites!)).not.toHaveProperty(`user:${h.carol.user.id}`);
    expect(accessOf(channel(serenity.channelId!).permission_overwrites!)).toHaveProperty(`user:${h.alice.user.id}`, 'write');
    expect(await h.tandem.db.homeGroup.findUnique({ where: { id: adoptable.id } })).toMatchObject({ status: 'active' });
    expect(await h.tandem.db.homeGroup.findUnique({ where: { id: lost.id } })).toBeNull();
    expect(await h.tandem.db.homeGroup.findUnique({ where: { id: lookalike.id } })).toBeNull();
    expect(await h.tandem.db.homeGroup.findUniqueOrThrow({ where: { id: serenity.id } })).toMatchObject({ channelId: serenity.channelId });
  });
});
