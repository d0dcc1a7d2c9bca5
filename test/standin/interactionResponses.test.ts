import { DiscordAPIError, Events, GatewayIntentBits, MessageFlags, type ChatInputCommandInteraction, type Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build, startStandIn } from '../../src/standin/index.js';
import { cleanUpAfterEach, harness } from './support.js';

cleanUpAfterEach();

function nextCommand(client: Client, handler: (i: ChatInputCommandInteraction) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return reject(new Error('expected a chat input command'));
      handler(interaction).then(resolve, reject);
    });
  });
}

describe('interaction responses', () => {
  it('returns the callback response object when withResponse is set', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = nextCommand(client, async (i) => {
      const response = await i.reply({ content: 'Your progress', withResponse: true });
      expect(response.resource?.message?.content).toBe('Your progress');
      expect(response.interaction.id).toBe(i.id);
    });
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'progress' }));
    await handled;
    const callback = await standIn.recorder.waitForRoute('POST /interactions/:id/:token/callback');
    expect(callback.status).toBe(200);
  });

  it('serves fetchReply() and deleteReply() on @original', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = nextCommand(client, async (i) => {
      await i.reply({ content: 'Shared with your home group' });
      const fetched = await i.fetchReply();
      expect(fetched.content).toBe('Shared with your home group');
      await i.deleteReply();
    });
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'checkin' }));
    await handled;
    expect(standIn.state.messagesIn(channelId)).toEqual([]);
    await standIn.recorder.waitForRoute('DELETE /webhooks/:app/:token/messages/@original');
  });

  it('forgets interactions not answered within the response window (10062)', async () => {
    const { standIn, client, guildId, channelId } = await harness({ standIn: { interactionResponseTimeoutMs: 50 } });
    const handled = nextCommand(client, async (i) => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      return i.reply({ content: 'too late' }).catch((e: unknown) => e);
    });
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'slow' }));
    const error = (await handled) as DiscordAPIError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error.code).toBe(10062);
  });

  it('announces public replies on the gateway but keeps ephemeral ones private', async () => {
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
    const { standIn, client, guildId, channelId } = await harness({ client: { intents } });
    const handled = nextCommand(client, async (i) => {
      await i.reply({ content: 'Milestone: 30 days!' });
      await i.followUp({ content: 'Only you can see this', flags: MessageFlags.Ephemeral });
    });
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'progress' }));
    await handled;
    const created = standIn.recorder.gatewayEvents.filter((e) => e.t === 'MESSAGE_CREATE').map((e) => (e.d as { content: string }).content);
    expect(created).toEqual(['Milestone: 30 days!']);
    const stored = standIn.state.messagesIn(channelId);
    expect(stored.map((m) => [m.content, m.flags])).toEqual([
      ['Milestone: 30 days!', 0],
      ['Only you can see this', MessageFlags.Ephemeral],
    ]);
    expect(stored[1]?.interaction_metadata).toMatchObject({ original_response_message_id: stored[0]?.id });
  });

  it('refuses a follow-up before the interaction is acknowledged (10015)', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = nextCommand(client, async (i) => i.webhook.send({ content: 'early' }).catch((e: unknown) => e));
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'early' }));
    expect(((await handled) as DiscordAPIError).code).toBe(10015);
  });

  it('refuses invoke() while no client is connected', async () => {
    const standIn = await startStandIn();
    try {
      expect(() => standIn.invoke(build.chatInput({ name: 'sos' }))).toThrow(/no gateway session/);
    } finally {
      await standIn.close();
    }
  });
});
