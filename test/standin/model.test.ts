import type { APIRole } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/standin/index.js';
import { ALL_PERMISSIONS, computeBasePermissions, computeChannelPermissions, Perm } from '../../src/standin/permissions.js';
import { routeMatches } from '../../src/standin/routeShape.js';
import { SnowflakeGenerator, snowflakeTimestamp } from '../../src/standin/snowflake.js';

describe('snowflakes', () => {
  it('increase strictly, even many in one millisecond, and carry their timestamp', () => {
    const ids = new SnowflakeGenerator(1n, 0n, () => 1_700_000_000_000);
    const made = Array.from({ length: 5000 }, () => ids.next());
    for (let i = 1; i < made.length; i++) expect(BigInt(made[i]!)).toBeGreaterThan(BigInt(made[i - 1]!));
    expect(snowflakeTimestamp(made[0]!)).toBe(1_700_000_000_000);
  });
});

describe('permissions', () => {
  const guildId = '100';
  const everyone = build.role({ id: guildId, permissions: Perm.ViewChannel | Perm.SendMessages });
  const mods = build.role({ id: '200', permissions: Perm.ManageMessages });
  const admins = build.role({ id: '300', permissions: Perm.Administrator });
  const roles = new Map<string, APIRole>([everyone, mods, admins].map((r) => [r.id, r]));
  const input = (memberRoles: string[], userId = '1') => ({ guildId, ownerId: '999', roles, member: { roles: memberRoles }, userId });

  it('adds role permissions to @everyone, and gives owners and administrators everything', () => {
    expect(computeBasePermissions(input(['200']))).toBe(Perm.ViewChannel | Perm.SendMessages | Perm.ManageMessages);
    expect(computeBasePermissions(input(['300']))).toBe(ALL_PERMISSIONS);
    expect(computeBasePermissions(input([], '999'))).toBe(ALL_PERMISSIONS);
  });

  it('applies overwrites in order: @everyone, roles, member; no View Channel means nothing', () => {
    const base = computeBasePermissions(input(['200']));
    const overwrites = [
      { id: guildId, type: 0 as const, allow: '0', deny: String(Perm.ViewChannel) },
      { id: '200', type: 0 as const, allow: String(Perm.ViewChannel), deny: '0' },
      { id: '1', type: 1 as const, allow: '0', deny: String(Perm.SendMessages) },
    ];
    expect(computeChannelPermissions(base, input(['200']), overwrites)).toBe(Perm.ViewChannel | Perm.ManageMessages);
    expect(computeChannelPermissions(computeBasePermissions(input([])), input([]), overwrites)).toBe(0n);
  });
});

describe('route patterns', () => {
  const request = { method: 'PATCH', route: 'PATCH /webhooks/:webhook_id/:webhook_token/messages/:message_id', path: '/webhooks/1/tok/messages/@original' };

  it('ignore parameter names and match literal values against the concrete path', () => {
    expect(routeMatches('PATCH /webhooks/:app/:token/messages/:id', request)).toBe(true);
    expect(routeMatches('PATCH /webhooks/{a}/{b}/messages/@original', request)).toBe(true);
    expect(routeMatches('/webhooks/:a/:b/messages/:c', request)).toBe(true);
    expect(routeMatches('POST /webhooks/:a/:b/messages/:c', request)).toBe(false);
    expect(routeMatches('PATCH /webhooks/:a/:b/messages/123', request)).toBe(false);
  });
});
