import { ChannelType, type APIChannel } from 'discord.js';
import {
  applyChannelPatch,
  createGuildChannel,
  normalizeOverwrite,
  normalizeOverwrites,
  requireOverwritePermissions,
} from '../../model/channels.js';
import type { Core } from '../../model/core.js';
import { asBody } from '../../model/messages.js';
import { Perm } from '../../permissions.js';
import type { GuildChannel, GuildRecord } from '../../state.js';
import { discordError } from '../errors.js';
import type { RouteDef, RouteRequest } from '../router.js';

interface GuildChannelContext {
  readonly guild: GuildRecord;
  readonly channel: GuildChannel;
}

/** The guild channel named in the path, after checking the bot can see it. */
function guildChannel(core: Core, req: RouteRequest): GuildChannelContext | undefined {
  const channel = core.channelOr404(req.params.channel_id!);
  if (!('guild_id' in channel) || !channel.guild_id) return undefined;
  const guild = core.guildOr404(channel.guild_id);
  const stored = channel as GuildChannel;
  core.requireAccess(guild, stored);
  return { guild, channel: stored };
}

export const channelRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/channels/:channel_id',
    handle: (core, req) => {
      guildChannel(core, req);
      return { status: 200, body: core.state.channel(req.params.channel_id!) };
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channel_id',
    handle: (core, req) => {
      const context = guildChannel(core, req);
      if (!context) throw discordError(50003, 'Cannot execute action on a DM channel');
      const body = asBody(req.body);
      core.requireBotPermissions(context.guild, context.channel, Perm.ManageChannels, 'edit channel');
      if ('permission_overwrites' in body) {
        requireOverwritePermissions(core, context.guild, context.channel, normalizeOverwrites(context.guild, body.permission_overwrites));
      }
      applyChannelPatch(core, context.guild, context.channel, body);
      core.dispatch('CHANNEL_UPDATE', context.channel);
      return { status: 200, body: context.channel };
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channel_id',
    handle: (core, req) => {
      const channelId = req.params.channel_id!;
      const context = guildChannel(core, req);
      const channel = core.state.channel(channelId)!;
      if (context) {
        core.requireBotPermissions(context.guild, context.channel, Perm.ManageChannels, 'delete channel');
        core.state.channels.delete(channelId);
        core.state.messages.delete(channelId);
        core.dispatch('CHANNEL_DELETE', channel);
        if (channel.type === ChannelType.GuildCategory) {
          for (const child of core.state.guildChannels(context.guild.info.id).filter((c) => c.parent_id === channelId)) {
            child.parent_id = null;
            core.dispatch('CHANNEL_UPDATE', child);
          }
        }
      }
      return { status: 200, body: channel };
    },
  },
  {
    method: 'PUT',
    path: '/channels/:channel_id/permissions/:overwrite_id',
    handle: (core, req) => {
      const context = guildChannel(core, req);
      if (!context) throw discordError(50003, 'Cannot execute action on a DM channel');
      const overwrite = normalizeOverwrite(context.guild, req.params.overwrite_id!, asBody(req.body), []);
      requireOverwritePermissions(core, context.guild, context.channel, [overwrite]);
      const rest = (context.channel.permission_overwrites ?? []).filter((o) => o.id !== overwrite.id);
      context.channel.permission_overwrites = [...rest, overwrite];
      core.dispatch('CHANNEL_UPDATE', context.channel);
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channel_id/permissions/:overwrite_id',
    handle: (core, req) => {
      const context = guildChannel(core, req);
      if (!context) throw discordError(50003, 'Cannot execute action on a DM channel');
      requireOverwritePermissions(core, context.guild, context.channel, []);
      context.channel.permission_overwrites = (context.channel.permission_overwrites ?? []).filter(
        (o) => o.id !== req.params.overwrite_id,
      );
      core.dispatch('CHANNEL_UPDATE', context.channel);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/channels',
    handle: (core, req) => {
      core.guildOr404(req.params.guild_id!);
      return { status: 200, body: core.state.guildChannels(req.params.guild_id!) };
    },
  },
  {
    method: 'POST',
    path: '/guilds/:guild_id/channels',
    handle: (core, req) => {
      const guild = core.guildOr404(req.params.guild_id!);
      const body = asBody(req.body);
      core.requireBotPermissions(guild, undefined, Perm.ManageChannels, 'create channel');
      if (core.state.guildChannels(guild.info.id).length >= 500) throw discordError(30013);
      const channel = createGuildChannel(core, guild, body);
      if (channel.permission_overwrites?.length) requireOverwritePermissions(core, guild, undefined, channel.permission_overwrites);
      core.state.channels.set(channel.id, channel as unknown as APIChannel);
      core.dispatch('CHANNEL_CREATE', channel);
      return { status: 201, body: channel };
    },
  },
];
