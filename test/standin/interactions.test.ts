import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  Events,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/standin/index.js';
import { cleanUpAfterEach, harness } from './support.js';

cleanUpAfterEach();

/** Runs `handler` for the next interaction and reports its error, if any, to the test. */
function onNextInteraction(client: import('discord.js').Client, handler: (i: Interaction) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

describe('interactions', () => {
  it('delivers a slash command and captures an ephemeral reply', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(i.commandName).toBe('checkin');
      expect(i.options.getBoolean('sober')).toBe(true);
      expect(i.channelId).toBe(channelId);
      expect(i.guildId).toBe(guildId);
      await i.reply({ content: 'Checked in. Well done today.', flags: MessageFlags.Ephemeral });
    });
    const transcript = standIn.invoke(
      build.chatInput({ guildId, channelId, name: 'checkin', options: [{ type: ApplicationCommandOptionType.Boolean, name: 'sober', value: true }] }),
    );
    await handled;
    expect(await transcript.response()).toMatchObject({ type: 4 });
    const reply = await transcript.reply();
    expect(reply.content).toBe('Checked in. Well done today.');
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const callback = await standIn.recorder.waitForRoute('POST /interactions/:id/:token/callback');
    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined();
  });

  it('captures deferReply() followed by editReply(), and a follow-up', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await i.editReply({ content: '14 days clean.' });
      expect(edited.interactionMetadata?.user.id).toBe(i.user.id);
      await i.followUp({ content: 'Next milestone: 30 days.', flags: MessageFlags.Ephemeral });
    });
    const transcript = standIn.invoke(build.chatInput({ guildId, channelId, name: 'progress' }));
    await handled;
    expect((await transcript.response()).type).toBe(5);
    const reply = await transcript.reply();
    expect(reply).toMatchObject({ content: '14 days clean.' });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(transcript.followUps()).toEqual([expect.objectContaining({ content: 'Next milestone: 30 days.' })]);
    const edit = await standIn.recorder.waitForRoute('PATCH /webhooks/:app/:token/messages/@original');
    expect(edit.path).toMatch(/\/messages\/@original$/);
  });

  it('answers a second acknowledgement with 40060', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      await i.reply({ content: 'first' });
      (i as unknown as { replied: boolean }).replied = false;
      return i.reply({ content: 'second' }).catch((e: unknown) => e);
    });
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'sos' }));
    const error = (await handled) as DiscordAPIError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error.code).toBe(40060);
    expect(error.status).toBe(400);
  });

  it('nests subcommand options and resolves user options from the stand-in', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const partner = build.member();
    standIn.addMember(guildId, partner);
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(i.options.getSubcommand()).toBe('invite');
      expect(i.options.getUser('partner', true).id).toBe(partner.user.id);
      await i.reply({ content: 'Invite sent.', flags: MessageFlags.Ephemeral });
    });
    standIn.invoke(
      build.chatInput({
        guildId,
        channelId,
        name: 'couple',
        subcommand: 'invite',
        options: [{ type: ApplicationCommandOptionType.User, name: 'partner', value: partner.user.id }],
      }),
    );
    await handled;
  });

  it('delivers a button press and captures update()', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      expect(i.customId).toBe('checkin:sober:1');
      await i.update({ content: 'Thanks for checking in.', components: [] });
    });
    const transcript = standIn.invoke(build.button({ guildId, channelId, customId: 'checkin:sober:1' }));
    await handled;
    expect((await transcript.response()).type).toBe(7);
    expect((await transcript.reply()).content).toBe('Thanks for checking in.');
  });

  it('captures a modal and delivers the modal submit', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const shown = onNextInteraction(client, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      const note = new TextInputBuilder().setCustomId('note').setStyle(TextInputStyle.Paragraph).setMaxLength(500);
      await i.showModal(
        new ModalBuilder().setCustomId('checkin:details').setTitle('Check-in details').addLabelComponents(new LabelBuilder().setLabel('Note').setTextInputComponent(note)),
      );
    });
    const opened = standIn.invoke(build.button({ guildId, channelId, customId: 'checkin:details' }));
    await shown;
    const modal = await opened.response();
    expect(modal).toMatchObject({ type: 9, data: { custom_id: 'checkin:details', title: 'Check-in details' } });
    await expect(opened.reply()).rejects.toThrow(/modal/);

    const submitted = onNextInteraction(client, async (i) => {
      if (!i.isModalSubmit()) throw new Error('expected a modal submit');
      expect(i.fields.getTextInputValue('note')).toBe('A hard day, but sober.');
      await i.reply({ content: 'Saved privately.', flags: MessageFlags.Ephemeral });
    });
    const transcript = standIn.invoke(build.modalSubmit({ guildId, channelId, customId: 'checkin:details', fields: { note: 'A hard day, but sober.' } }));
    await submitted;
    expect((await transcript.reply()).content).toBe('Saved privately.');
  });

  it('records autocomplete choices (type 8)', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isAutocomplete()) throw new Error('expected autocomplete');
      expect(i.options.getFocused()).toBe('Europe/Ma');
      await i.respond([{ name: 'Europe/Madrid', value: 'Europe/Madrid' }]);
    });
    const transcript = standIn.invoke(
      build.autocomplete({ guildId, channelId, name: 'settings', subcommand: 'timezone', focused: { name: 'zone', value: 'Europe/Ma' } }),
    );
    await handled;
    expect(await transcript.response()).toEqual({ type: 8, data: { choices: [{ name: 'Europe/Madrid', value: 'Europe/Madrid' }] } });
  });

  it('works in a DM with the bot (no guild)', async () => {
    const { standIn, client } = await harness();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(i.inGuild()).toBe(false);
      await i.reply({ content: 'Crisis lines: 988' });
    });
    const transcript = standIn.invoke(build.chatInput({ name: 'sos' }));
    await handled;
    expect((await transcript.reply()).content).toBe('Crisis lines: 988');
  });

  it('uses the registered command id and the stored channel and member', async () => {
    const { standIn, client, guildId, channelId } = await harness();
    const [command] = (await client.application!.commands.set([{ name: 'progress', description: 'Progress' }])).values();
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(i.commandId).toBe(command!.id);
      expect(i.appPermissions.has('SendMessages')).toBe(true);
      await i.reply({ content: 'ok', components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('a').setLabel('A').setStyle(ButtonStyle.Primary))] });
    });
    standIn.invoke(build.chatInput({ guildId, channelId, name: 'progress' }));
    await handled;
  });
});
