import { DiscordAPIError, PermissionFlagsBits, Routes, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach, harness } from './support.js';

cleanUpAfterEach();

const checkin = new SlashCommandBuilder()
  .setName('checkin')
  .setDescription("Today's check-in")
  .addBooleanOption((o) => o.setName('sober').setDescription('Sober today?').setRequired(true))
  .addIntegerOption((o) => o.setName('craving').setDescription('Craving 0-10').setMinValue(0).setMaxValue(10));

const group = new SlashCommandBuilder()
  .setName('group')
  .setDescription('Home groups')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => s.setName('create').setDescription('Create a home group').addStringOption((o) => o.setName('name').setDescription('Name').setRequired(true)));

async function rejection(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('registering slash commands', () => {
  it('stores global commands set through client.application.commands.set()', async () => {
    const { standIn, client } = await harness();
    const registered = await client.application!.commands.set([checkin.toJSON(), group.toJSON()]);
    expect(registered.map((c) => c.name).sort()).toEqual(['checkin', 'group']);
    const stored = standIn.state.commands();
    expect(stored.map((c) => c.name).sort()).toEqual(['checkin', 'group']);
    expect(stored.find((c) => c.name === 'group')?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(stored.find((c) => c.name === 'group')?.options?.[0]).toMatchObject({ type: 1, name: 'create' });
    const request = await standIn.recorder.waitForRoute('PUT /applications/:id/commands');
    expect(request.status).toBe(200);
  });

  it('keeps command ids when the same names are registered again, and stores guild commands from rest.put()', async () => {
    const { standIn, client, guildId } = await harness();
    const first = await client.application!.commands.set([checkin.toJSON()]);
    const again = await client.application!.commands.set([checkin.toJSON()]);
    expect(again.first()?.id).toBe(first.first()?.id);

    await client.rest.put(Routes.applicationGuildCommands(standIn.applicationId, guildId), { body: [group.toJSON()] });
    expect(standIn.state.commands(guildId).map((c) => [c.name, c.guild_id])).toEqual([['group', guildId]]);
  });

  it('rejects an upper-case command name with 400 / 50035 and a per-field error', async () => {
    const { standIn, client } = await harness();
    const error = await rejection(
      client.application!.commands.set([{ name: 'CheckIn', description: 'Bad name' }]),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe(50035);
    expect(error.message).toContain('0.name[APPLICATION_COMMAND_INVALID_NAME]');
    const recorded = standIn.recorder.requests.at(-1)!;
    expect(recorded.response).toMatchObject({ code: 50035, message: 'Invalid Form Body', errors: { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } });
    expect(standIn.state.commands()).toEqual([]);
  });

  it('catches what the published schema misses: missing descriptions, too many choices, optional before required', async () => {
    const { client } = await harness();
    const error = await rejection(
      client.application!.commands.set([
        {
          name: 'settings',
          description: '',
          options: [
            { type: 3, name: 'zone', description: 'Zone', choices: Array.from({ length: 26 }, (_, i) => ({ name: `z${i}`, value: `z${i}` })) },
            { type: 5, name: 'on', description: 'On', required: true },
          ],
        },
      ]),
    );
    expect(error.code).toBe(50035);
    expect(error.message).toContain('0.description[BASE_TYPE_BAD_LENGTH]');
    expect(error.message).toContain('0.options[0].choices[BASE_TYPE_MAX_LENGTH]');
    expect(error.message).toContain('0.options[1].required[APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID]');
  });

  it('reports schema violations with Discord field paths (wrong option type inside a union)', async () => {
    const { client } = await harness();
    const error = await rejection(
      client.rest.post(Routes.applicationCommands(client.application!.id), {
        body: { name: 'sos', description: 'Help lines', options: [{ type: 42, name: 'region', description: 'Region' }] },
      }),
    );
    expect(error.message).toMatch(/options\[0\]\.type\[BASE_TYPE_CHOICES\]: Value must be one of \(1, 2, .*11\)/);
  });
});
