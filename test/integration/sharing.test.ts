import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Db } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { CheckInAnswers } from '../../src/domain/checkIn.js';
import type { Member } from '../../src/domain/member.js';
import { silentLogger } from '../../src/logger.js';
import { recordCheckIn } from '../../src/services/checkIns.js';
import { shareCheckIn } from '../../src/services/checkInSharing.js';
import type { Repositories } from '../../src/services/ports.js';
import { updateSettings } from '../../src/services/settings.js';
import { availableProviders, openTestDb } from '../support/databases.js';
import { snowflake, testSealer } from '../support/fakes.js';
import { asCouple, inHomeGroup, memberWith, recordingDiscord } from '../support/recoveryFixtures.js';

const PRIVATE_DETAILS = /craving|mood|note|9\/10|1\/5|walked by the bar/i;

describe.each(availableProviders())('sharing a check-in on %s', (provider) => {
  let db: Db;
  let repos: Repositories;
  let destroy: () => Promise<void>;
  const clock = fixedClock('2026-11-22T15:00:00Z');
  let discord = recordingDiscord();
  const deps = () => ({ repos, clock, sealer: testSealer, discord: discord.port, logger: silentLogger });
  const checkIn = async (member: Member, answers: Partial<CheckInAnswers>) => {
    const outcome = await recordCheckIn(deps(), member, { sober: true, craving: 9, mood: 1, note: 'walked by the bar', share: 'private', ...answers });
    return { outcome, shared: await shareCheckIn(deps(), outcome) };
  };

  beforeAll(async () => {
    ({ db, destroy } = await openTestDb(provider));
    repos = createRepositories(db);
  });
  beforeEach(() => {
    discord = recordingDiscord();
  });
  afterAll(async () => destroy?.());

  it('private stays private: nothing is sent', async () => {
    const member = await memberWith(repos, snowflake());
    expect((await checkIn(member, {})).shared).toBeUndefined();
    expect(discord.sent).toEqual([]);
  });

  it('the home group gets one short line with no details, and not again on a second check-in that day', async () => {
    const { member, channelId } = await inHomeGroup(repos, await memberWith(repos, snowflake()));
    expect((await checkIn(member, { share: 'homegroup' })).shared).toEqual({ target: 'homegroup', status: 'posted' });
    expect((await checkIn(member, { share: 'homegroup', sober: false })).shared).toEqual({ target: 'homegroup', status: 'already-shared' });
    expect(discord.sent).toEqual([{ kind: 'channel', to: channelId, content: `🌱 <@${member.userId}> checked in today. One day at a time, together.` }]);
  });

  it('without a home group the check-in stays private', async () => {
    const member = await memberWith(repos, snowflake());
    expect((await checkIn(member, { share: 'homegroup' })).shared).toEqual({ target: 'homegroup', status: 'no-home-group' });
    expect(discord.sent).toEqual([]);
  });

  it('the partner sees only what the member allows, by DM, never the note, craving or mood', async () => {
    const guildId = snowflake();
    const [member, partner] = [await memberWith(repos, guildId), await memberWith(repos, guildId)];
    await asCouple(repos, member, partner, { shareA: { sober: true, streak: true } });
    const { shared } = await checkIn(member, { share: 'partner', sober: false });
    expect(shared).toEqual({ target: 'partner', status: 'sent-dm' });
    expect(discord.sent).toHaveLength(1);
    expect(discord.sent[0]).toMatchObject({ kind: 'dm', to: partner.userId });
    expect(discord.sent[0]!.content).toContain('said it is a hard day');
    expect(discord.sent[0]!.content).toContain('Their check-in streak: 1 day.');
    expect(discord.sent[0]!.content).not.toMatch(PRIVATE_DETAILS);
  });

  it('nothing is sent when the member shares nothing with their partner, and they are told why', async () => {
    const guildId = snowflake();
    const [member, partner] = [await memberWith(repos, guildId), await memberWith(repos, guildId)];
    await asCouple(repos, member, partner, { shareB: { sober: true, checkInDone: true, streak: true } });
    expect((await checkIn(member, { share: 'partner' })).shared).toEqual({ target: 'partner', status: 'nothing-allowed' });
    expect(discord.sent).toEqual([]);
  });

  it('goes to the partner by DM even when the couple has a channel (the facilitator role can read it); nothing while paused', async () => {
    const guildId = snowflake();
    const [a, b] = [await memberWith(repos, guildId), await memberWith(repos, guildId)];
    await asCouple(repos, a, b, { shareA: { checkInDone: true }, channelId: 'couple-channel' });
    expect((await checkIn(a, { share: 'partner' })).shared).toEqual({ target: 'partner', status: 'sent-dm' });
    expect(discord.sent).toEqual([{ kind: 'dm', to: b.userId, content: `💞 <@${a.userId}> checked in today.` }]);

    const [c, d] = [await memberWith(repos, guildId), await memberWith(repos, guildId)];
    await asCouple(repos, c, d, { shareA: { checkInDone: true }, paused: true });
    expect((await checkIn(c, { share: 'partner' })).shared).toEqual({ target: 'partner', status: 'paused' });
    expect(discord.sent).toHaveLength(1);
  });

  it('a home-group share that could not be posted is released: the member can share that day once it works, with the same key', async () => {
    const { member, channelId } = await inHomeGroup(repos, await memberWith(repos, snowflake()));
    discord.failNext(1);
    const first = await checkIn(member, { share: 'homegroup' });
    expect(first.shared).toEqual({ target: 'homegroup', status: 'undelivered' });
    expect((await checkIn(member, { share: 'homegroup' })).shared).toEqual({ target: 'homegroup', status: 'posted' });
    expect((await checkIn(member, { share: 'homegroup' })).shared).toEqual({ target: 'homegroup', status: 'already-shared' });
    expect(discord.sent).toEqual([{ kind: 'channel', to: channelId, content: `🌱 <@${member.userId}> checked in today. One day at a time, together.` }]);
    // A retry carries the key of the first try, so Discord can drop a copy it already delivered.
    expect(discord.attempts.map((a) => a.key)).toEqual([`checkin:${first.outcome.checkIn.id}:homegroup`, `checkin:${first.outcome.checkIn.id}:homegroup`]);
  });

  it('a partner share that was not delivered (DMs closed, or a failure) is released, and goes through later', async () => {
    const guildId = snowflake();
    const [member, partner] = [await memberWith(repos, guildId), await memberWith(repos, guildId)];
    await asCouple(repos, member, partner, { shareA: { checkInDone: true } });
    discord.closedDms.add(partner.userId);
    expect((await checkIn(member, { share: 'partner' })).shared).toEqual({ target: 'partner', status: 'dms-closed' });
    discord.closedDms.delete(partner.userId);
    discord.failNext(1);
    expect((await checkIn(member, { share: 'partner' })).shared).toEqual({ target: 'partner', status: 'undelivered' });
    const last = await checkIn(member, { share: 'partner' });
    expect(last.shared).toEqual({ target: 'partner', status: 'sent-dm' });
    expect((await checkIn(member, { share: 'partner' })).shared).toEqual({ target: 'partner', status: 'already-shared' });
    expect(discord.sent).toEqual([{ kind: 'dm', to: partner.userId, content: `💞 <@${member.userId}> checked in today.` }]);
    expect(discord.attempts.map((a) => [a.outcome, a.key])).toEqual(
      (['closed', 'failed', 'sent'] as const).map((outcome) => [outcome, `checkin:${last.outcome.checkIn.id}:partner`]),
    );
  });

  it('two check-ins racing to share the same day send one message', async () => {
    const { member } = await inHomeGroup(repos, await memberWith(repos, snowflake()));
    const results = await Promise.all([checkIn(member, { share: 'homegroup' }), checkIn(member, { share: 'homegroup' })]);
    expect(results.map((r) => r.shared?.status).sort()).toEqual(['already-shared', 'posted']);
    expect(discord.sent).toHaveLength(1);
  });

  it('the MAT safety reminder comes with check-ins only for members who asked for it', async () => {
    const member = await memberWith(repos, snowflake());
    expect((await checkIn(member, {})).outcome.matReminder).toBe(false);
    await updateSettings(deps(), member, { matReminder: true, announceMilestones: true });
    expect(await repos.members.get(member.id)).toMatchObject({ matReminder: true, announceMilestones: true });
    expect((await checkIn(member, {})).outcome.matReminder).toBe(true);
  });
});
