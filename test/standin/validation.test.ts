import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECLARATIONS_FILE, generateSpecFiles, OPERATIONS_FILE } from '../../src/standin/validation/spec/generate.js';
import { countOperationsWithBodies, findSpecOperation } from '../../src/standin/validation/spec/operations.js';
import { specOperations } from '../../src/standin/validation/spec/operations.generated.js';
import { missingSchemas } from '../../src/standin/validation/spec/toZod.js';
import { checkResponse } from '../../src/standin/validation/validateResponse.js';
import { convertPermissionStrings, validateRequest } from '../../src/standin/validation/validateRequest.js';

describe("Discord's published schemas", () => {
  it('are checked in up to date with the installed discord-api-spec', () => {
    const files = generateSpecFiles();
    expect(readFileSync(OPERATIONS_FILE, 'utf8')).toBe(files.operations);
    expect(readFileSync(DECLARATIONS_FILE, 'utf8')).toBe(files.declarations);
  });

  it('give a zod schema for every request body and 2xx response the operations name', () => {
    for (const operation of specOperations) {
      const match = findSpecOperation(operation.method, operation.path.replace(/\{[^}]+\}/g, '1'));
      match?.bodySchema();
      for (const status of Object.keys(operation.responses)) match?.responseSchema(Number(status));
    }
    expect([...missingSchemas]).toEqual([]);
    expect(countOperationsWithBodies()).toBeGreaterThanOrEqual(84);
  });

  it('prefers literal path segments (@original) over parameters', () => {
    expect(findSpecOperation('PATCH', '/webhooks/1/abc/messages/@original')?.key).toBe(
      'patch /webhooks/{webhook_id}/{webhook_token}/messages/@original',
    );
    expect(findSpecOperation('GET', '/users/@me')?.key).toBe('get /users/@me');
  });
});

describe('request validation', () => {
  it('converts permission bitfield strings before checking them as numbers', () => {
    expect(convertPermissionStrings({ default_member_permissions: '8', permission_overwrites: [{ allow: '1024', id: '1' }] })).toEqual({
      default_member_permissions: 8,
      permission_overwrites: [{ allow: 1024, id: '1' }],
    });
    expect(validateRequest('POST', '/guilds/1/channels', { name: 'x', permission_overwrites: [{ id: '1', type: 0, allow: '1024', deny: '0' }] }, [])).toBeUndefined();
  });

  it('answers like Discord for a bad channel body', () => {
    const error = validateRequest('POST', '/guilds/1/channels', { name: '', type: 99, bitrate: 10 }, []);
    expect(error?.status).toBe(400);
    expect(error?.body).toMatchObject({
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        name: { _errors: [{ code: 'BASE_TYPE_MIN_LENGTH' }] },
        type: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] },
        bitrate: { _errors: [{ code: 'NUMBER_TYPE_MIN', message: 'int value should be greater than or equal to 8000.' }] },
      },
    });
  });

  it('applies embed, custom id and emptiness rules to interaction replies', () => {
    const bigEmbeds = [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2500) }];
    expect(validateRequest('POST', '/interactions/1/t/callback', { type: 4, data: { embeds: bigEmbeds } }, [])?.body).toMatchObject({
      errors: { data: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
    const row = (id: string): unknown => ({ type: 1, components: [{ type: 2, style: 1, label: 'a', custom_id: id }] });
    expect(validateRequest('POST', '/channels/1/messages', { components: [row('a'), row('a')] }, [])?.body).toMatchObject({
      errors: { components: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } },
    });
    expect(validateRequest('POST', '/interactions/1/t/callback', { type: 4, data: { content: '  ' } }, [])?.body).toEqual({
      code: 50006,
      message: 'Cannot send an empty message',
    });
    expect(validateRequest('POST', '/interactions/1/t/callback', { type: 5, data: { flags: 64 } }, [])).toBeUndefined();
  });

  it('checks command names in nested options and localizations', () => {
    const error = validateRequest(
      'POST',
      '/applications/1/commands',
      {
        name: 'couple',
        description: 'Couples',
        name_localizations: { 'es-ES': 'Pareja' },
        options: [{ type: 1, name: 'invite', description: 'Invite', options: [{ type: 6, name: 'Partner', description: 'Who' }] }],
      },
      [],
    );
    expect(error?.body).toMatchObject({
      errors: {
        name_localizations: { 'es-ES': { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } },
        options: { 0: { options: { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } } },
      },
    });
  });
});

describe('response self-check', () => {
  const message = {
    id: '1',
    channel_id: '2',
    author: { id: '3', username: 'u', discriminator: '0', global_name: null, avatar: null, public_flags: 0, flags: 0, primary_guild: null },
    content: 'hi',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };

  it('accepts a well-formed message', () => {
    expect(checkResponse('POST', '/channels/2/messages', 200, message)).toEqual([]);
  });

  it('flags interaction_metadata without user, which discord.js cannot read', () => {
    const issues = checkResponse('PATCH', '/webhooks/1/t/messages/@original', 200, {
      ...message,
      interaction_metadata: { id: '9', type: 2, authorizing_integration_owners: {} },
    });
    expect(issues).toContain('interaction_metadata.user: discord.js reads it and throws when it is missing');
  });

  it('reports missing required fields of a channel', () => {
    expect(checkResponse('GET', '/channels/1', 200, { id: '1', type: 0, guild_id: '2', name: 'x', flags: 0 })).toContain(
      'position: BASE_TYPE_REQUIRED This field is required',
    );
  });
});
