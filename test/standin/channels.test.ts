import { ChannelType, DiscordAPIError, OverwriteType, PermissionFlagsBits, type TextChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build, Perm } from '../../src/standin/index.js';
import { cleanUpAfterEach, harness } from './support.js';

cleanUpAfterEach();

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('channels and permission overwrites', () => {
  it('creates a private channel under a category with its overwrites stored', async () => {
    const member = build.member();
    const { standIn, client, guildId } = await harness({ guild: { members: [member] } });
    const guild = client.guilds.cache.get(guildId)!;
    const category = await guild.channels.create({ name: 'Tandem', type: ChannelType.GuildCategory });
    const channel = await guild.channels.create({
      name: 'home-group-aa',
      type: ChannelType.GuildText,
      parent: category.id,
      permissionOverwrites: [
        { id: guild.roles.everyone.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: member.user.id, allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] },
        { id: client.user!.id, allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] },
      ],
    });

    const stored = standIn.state.guildChannel(channel.id);
    expect(stored?.parent_id).toBe(category.id);
    expect(stored?.permission_overwrites).toEqual([
      { id: guildId, type: OverwriteType.Role, allow: '0', deny: String(PermissionFlagsBits.ViewChannel) },
      { id: member.user.id, type: OverwriteType.Member, allow: String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages), deny: '0' },
      { id: client.user!.id, type: OverwriteType.Member, allow: String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages), deny: '0' },
    ]);
    expect(channel.permissionsFor(member.user.id)?.has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(channel.permissionsFor(guild.roles.everyone)?.has(PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(standIn.recorder.gatewayEvents.some((e) => e.t === 'CHANNEL_CREATE' && (e.d as { id: string }).id === channel.id)).toBe(true);
  });

  it('edits and removes overwrites, renames and deletes channels', async () => {
    const member = build.member();
    const { standIn, client, guildId, channelId } = await harness({ guild: { members: [member] } });
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await channel.permissionOverwrites.edit(member.user.id, { SendMessages: false });
    expect(standIn.state.guildChannel(channelId)?.permission_overwrites).toEqual([
      { id: member.user.id, type: OverwriteType.Member, allow: '0', deny: String(PermissionFlagsBits.SendMessages) },
    ]);
    await channel.permissionOverwrites.delete(member.user.id);
    expect(standIn.state.guildChannel(channelId)?.permission_overwrites).toEqual([]);
    await channel.edit({ name: 'couple-room', topic: 'Private to the two of you' });
    expect(standIn.state.guildChannel(channelId)).toMatchObject({ name: 'couple-room', topic: 'Private to the two of you' });
    await channel.delete();
    expect(standIn.state.channel(channelId)).toBeUndefined();
    expect(client.guilds.cache.get(guildId)?.channels.cache.has(channelId)).toBe(false);
  });

  it('refuses channel creation without Manage Channels (50013)', async () => {
    const { client, guildId } = await harness({ guild: { botPermissions: Perm.ViewChannel | Perm.SendMessages } });
    const error = await apiError(client.guilds.cache.get(guildId)!.channels.create({ name: 'nope' }));
    expect(error.code).toBe(50013);
    expect(error.status).toBe(403);
  });

  it('refuses overwrites that grant a permission the bot does not have itself', async () => {
    const { client, guildId } = await harness();
    const guild = client.guilds.cache.get(guildId)!;
    const error = await apiError(
      guild.channels.create({ name: 'mods', permissionOverwrites: [{ id: guild.roles.everyone.id, allow: [PermissionFlagsBits.ManageMessages] }] }),
    );
    expect(error.code).toBe(50013);
  });

  it('refuses to post where an overwrite takes Send Messages away from the bot, and hides channels it cannot view', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const botRoleId = standIn.state.member(guildId, standIn.botUser.id)!.roles[0]!;
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await channel.permissionOverwrites.edit(botRoleId, { SendMessages: false });
    expect((await apiError(channel.send('hi'))).code).toBe(50013);
    await channel.permissionOverwrites.edit(botRoleId, { ViewChannel: false });
    expect((await apiError(client.rest.get(`/channels/${channelId}`))).code).toBe(50001);
  });

  it('validates message bodies: empty messages, content over 2000 characters', async () => {
    const { client, channelId } = await harness();
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const empty = await apiError(client.rest.post(`/channels/${channelId}/messages`, { body: { content: '' } }));
    expect(empty).toMatchObject({ code: 50006, status: 400, message: 'Cannot send an empty message' });
    const long = await apiError(channel.send('x'.repeat(2001)));
    expect(long.code).toBe(50035);
    expect(long.message).toContain('content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.');
  });

  it('accepts file uploads as multipart and records payload_json and the files', async () => {
    const { standIn, client, channelId } = await harness();
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const sent = await channel.send({ content: 'Attendance report', files: [{ attachment: Buffer.from('date,count\n2025-01-01,5\n'), name: 'attendance.csv' }] });
    expect(sent.attachments.first()?.name).toBe('attendance.csv');
    const request = await standIn.recorder.waitForRoute('POST /channels/:channel_id/messages');
    expect(request.files).toHaveLength(1);
    expect(request.files[0]).toMatchObject({ name: 'attendance.csv', size: 24 });
    expect(request.files[0]!.data.toString()).toContain('2025-01-01,5');
    expect(request.body).toMatchObject({ content: 'Attendance report', files: [expect.objectContaining({ name: 'attendance.csv' })] });
  });
});

describe('members and DMs', () => {
  it('adds and removes member roles, respecting the role hierarchy', async () => {
    const member = build.member();
    const moderator = build.role({ name: 'Moderator' });
    const { standIn, client, guildId } = await harness({ guild: { members: [member], roles: [moderator] } });
    const guildMember = await client.guilds.cache.get(guildId)!.members.fetch(member.user.id);
    await guildMember.roles.add(moderator.id);
    expect(standIn.state.member(guildId, member.user.id)?.roles).toEqual([moderator.id]);
    await guildMember.roles.remove(moderator.id);
    expect(standIn.state.member(guildId, member.user.id)?.roles).toEqual([]);

    const above = build.role({ name: 'Admins' });
    const second = await harness({ guild: { members: [member], roles: [above], botRolePosition: 1 } });
    const error = await apiError(second.client.rest.put(`/guilds/${second.guildId}/members/${member.user.id}/roles/${above.id}`));
    expect(error.code).toBe(50013);
  });

  it('sends DMs, and answers 50007 once the user closed them', async () => {
    const member = build.member();
    const { standIn, client } = await harness({ guild: { members: [member] } });
    const user = await client.users.fetch(member.user.id);
    const sent = await user.send('Time for your check-in.');
    expect(standIn.state.messagesIn(sent.channelId).map((m) => m.content)).toEqual(['Time for your check-in.']);

    standIn.closeDmsFor(member.user.id);
    const error = await apiError(user.send('Another nudge'));
    expect(error).toMatchObject({ code: 50007, status: 403, message: 'Cannot send messages to this user' });
  });

  it('refuses DMs to users who share no server with the bot', async () => {
    const member = build.member();
    const { standIn, client, guildId } = await harness({ guild: { members: [member] } });
    const user = await client.users.fetch(member.user.id);
    standIn.removeMember(guildId, member.user.id);
    expect((await apiError(user.send('hello'))).code).toBe(50007);
  });
});
