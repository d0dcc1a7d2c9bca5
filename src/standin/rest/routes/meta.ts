import { ChannelType, type APIDMChannel, type ChannelFlags } from 'discord.js';
import type { Core } from '../../model/core.js';
import { discordError } from '../errors.js';
import type { RouteDef } from '../router.js';

function application(core: Core): Record<string, unknown> {
  return {
    id: core.applicationId,
    name: core.botUser.username,
    icon: null,
    description: 'Local Discord stand-in application',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    flags_new: '0',
    hook: true,
    is_monetized: false,
    is_verified: false,
    is_discoverable: false,
    storefront_available: false,
    integration_types_config: { 0: {} },
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    owner: { ...core.botUser, bot: false, username: 'owner' },
    team: null,
    bot: core.botUser,
    approximate_guild_count: core.state.guilds.size,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    eligible_oauth2_scopes: ['bot', 'applications.commands'],
    tags: [],
    explicit_content_filter: 0,
  };
}

export const metaRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/gateway',
    auth: 'none',
    handle: (core) => ({ status: 200, body: { url: core.gatewayUrl } }),
  },
  {
    method: 'GET',
    path: '/gateway/bot',
    handle: (core) => ({
      status: 200,
      body: {
        url: core.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }),
  },
  {
    method: 'GET',
    path: '/users/@me',
    handle: (core) => ({ status: 200, body: { ...core.botUser, verified: true, mfa_enabled: false, email: null, locale: 'en-US' } }),
  },
  {
    method: 'GET',
    path: '/users/:user_id',
    handle: (core, req) => {
      const user = req.params.user_id === core.botUser.id ? core.botUser : core.state.users.get(req.params.user_id!);
      if (!user) throw discordError(10013);
      return { status: 200, body: user };
    },
  },
  {
    method: 'GET',
    path: '/applications/@me',
    handle: (core) => ({ status: 200, body: application(core) }),
  },
  {
    method: 'POST',
    path: '/users/@me/channels',
    handle: (core, req) => {
      const recipientId = (req.body as { recipient_id?: string } | undefined)?.recipient_id;
      const recipient = recipientId ? core.state.users.get(recipientId) : undefined;
      if (!recipient || recipient.id === core.botUser.id) throw discordError(50033);
      const existing = core.state.dmChannelFor(recipient.id);
      if (existing) return { status: 200, body: existing };
      const channel: APIDMChannel = {
        id: core.ids.next(),
        type: ChannelType.DM,
        name: null,
        last_message_id: null,
        flags: 0 as ChannelFlags,
        recipients: [recipient],
      };
      core.state.channels.set(channel.id, channel);
      core.state.dmChannels.set(recipient.id, channel.id);
      return { status: 200, body: channel };
    },
  },
];
