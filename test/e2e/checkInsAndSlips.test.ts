import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { createSealer } from '../../src/crypto/sealer.js';
import { build } from '../../src/standin/index.js';
import { startHarness, type Harness } from '../support/botHarness.js';
import { dmsTo, postsIn, setUpCommunity, type Community } from '../support/community.js';
import { availableProviders } from '../support/databases.js';
import { testKey } from '../support/fakes.js';
import { expectNothingPrivatePosted } from '../support/privacyScan.js';
import { withoutMentions } from '../support/mentions.js';

const EPHEMERAL = MessageFlags.Ephemeral;
const NOTE = 'walked past my old bar';

describe.each(availableProviders())('check-ins and slips through the stand-in (%s)', (provider) => {
  let h: Harness;
  let c: Community;
  const guildPosts = () => [c.serenityChannelId, c.harborChannelId, h.channelId].flatMap((id) => postsIn(h, id));

  beforeAll(async () => {
    h = await startHarness(provider); // 2026-11-22T15:00:00Z
    c = await setUpCommunity(h);
    await h.slash(h.alice, 'settings', { timezone: 'Europe/Madrid', clean_date: '2026-05-01' }).reply();
    await h.slash(h.bob, 'settings', { timezone: 'America/New_York', clean_date: '2026-09-01' }).reply();
    await h.slash(h.alice, 'couple share', { check_in_done: true, sober: true, streak: true }).reply();
  });
  afterAll(async () => h?.stop());

  it('a check-in shared with the partner: Bob gets a DM with only what Alice allows; her reply stays private', async () => {
    const reply = await h.slash(h.alice, 'checkin', { sober: true, craving: 3, mood: 2, note: NOTE, share: 'partner' }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Your partner got a private message');
    const [dm, ...more] = dmsTo(h, h.bob).filter((text) => text.includes('checked in today'));
    expect(more).toEqual([]);
    expect(dm).toBe(`💞 <@${h.alice.user.id}> checked in today: sober today.\nTheir check-in streak: 1 day.`);

    const again = await h.slash(h.alice, 'checkin', { sober: true, share: 'partner' }).reply();
    expect(again.content).toContain('already heard');
    expect(dmsTo(h, h.bob).filter((text) => text.includes('checked in today'))).toHaveLength(1);
  });

  it('a check-in shared with the home group posts one line with no details', async () => {
    await h.slash(h.bob, 'checkin', { sober: false, craving: 6, share: 'homegroup' }).reply();
    expect(postsIn(h, c.harborChannelId).at(-1)).toBe(`🌱 <@${h.bob.user.id}> checked in today. One day at a time, together.`);
  });

  it('the details button opens a modal only for its owner; the modal saves, seals the note and brings crisis lines at 8+', async () => {
    const reply = await h.slash(h.alice, 'checkin', { sober: true }).reply();
    const detailsId = reply.components[0].components[0].custom_id as string;
    expect(detailsId).toBe(`checkin:details:${h.alice.user.id}:2026-11-22`);

    const refused = await h.press(h.carol, detailsId, { guildId: h.guildId }).reply();
    expect(refused.content).toContain('belong to someone else');
    const modal = await h.press(h.alice, detailsId, { guildId: h.guildId }).response();
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(`checkin:save:${h.alice.user.id}:2026-11-22`);

    const bad = await h.standIn.invoke(build.modalSubmit({ guildId: h.guildId, channelId: h.channelId, member: h.alice, customId: modal.data.custom_id, fields: { craving: 'lots', mood: '', meeting: '', note: '' } })).reply();
    expect(bad.content).toContain('Craving should be a whole number from 0 to 10');
    const fields = { craving: '9', mood: '2', meeting: 'yes', note: 'second note' };
    const saved = await h.standIn.invoke(build.modalSubmit({ guildId: h.guildId, channelId: h.channelId, member: h.alice, customId: modal.data.custom_id, fields })).reply();
    expect(saved.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(saved.content).toContain('craving: **9/10**');
    expect(saved.content).toContain('988');
    const row = await h.tandem.db.checkIn.findFirstOrThrow({ where: { member: { userId: h.alice.user.id }, localDate: '2026-11-22' } });
    expect(row).toMatchObject({ craving: 9, mood: 2, meeting: true, sober: true });
    expect(createSealer(testKey).open(row.noteSealed!)).toBe('second note');
  });

  it('with the MAT reminder on, the check-in reply carries the safe-storage reminder', async () => {
    expect((await h.slash(h.bob, 'checkin', { sober: true }).reply()).content).not.toContain('take-home doses');
    await h.slash(h.bob, 'settings', { mat_reminder: true }).reply();
    expect((await h.slash(h.bob, 'checkin', { sober: true }).reply()).content).toContain('take-home doses locked away');
  });

  it('a slip without telling the partner: a compassionate private reply, nothing sent to anyone', async () => {
    const [dmsBefore, postsBefore] = [dmsTo(h, h.alice).length, guildPosts().length];
    const reply = await h.slash(h.bob, 'slip', { restart_clean_time: true }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Thank you for telling me');
    expect(reply.content).toContain('988');
    expect(reply.content).toContain('1-800-662-4357');
    expect(reply.content).toContain(`<#${c.harborChannelId}>`);
    expect(reply.content).toContain('Your earlier 82 days stay in your history');
    expect(reply.content).toContain('Nobody else was told');
    expect(dmsTo(h, h.alice)).toHaveLength(dmsBefore);
    expect(guildPosts()).toHaveLength(postsBefore);
    const progress = await h.slash(h.bob, 'progress').reply();
    expect(progress.content).toContain('Your new clean time begins tomorrow');
    expect(progress.content).toContain('Sep 1, 2026 – Nov 22, 2026: 82 days');
  });

  it('a slip told to the partner: Bob gets a private, detail-free DM pointing to his own home group', async () => {
    const postsBefore = guildPosts().length;
    const reply = await h.slash(h.alice, 'slip', { date: '2026-11-20', restart_clean_time: false, tell_partner: true }).reply();
    expect(reply.content).toContain('I told your partner privately');
    const support = dmsTo(h, h.bob).at(-1)!;
    expect(support).toContain(`<@${h.alice.user.id}> asked me to let you know they are going through a hard time`);
    expect(support).toContain(`<#${c.harborChannelId}>`);
    expect(support).toContain('/checkin');
    expect(withoutMentions(support)).not.toMatch(/slip|relapse|2026|clean time/i);
    expect(guildPosts()).toHaveLength(postsBefore);
    expect(dmsTo(h, h.mod)).toEqual([]);
  });

  it('a bad slip date is refused kindly and changes nothing', async () => {
    const reply = await h.slash(h.alice, 'slip', { date: '2026-11-30', restart_clean_time: true }).reply();
    expect(reply.content).toContain('after today');
    expect(await h.tandem.db.slip.count({ where: { member: { userId: h.alice.user.id } } })).toBe(1);
  });

  it('nothing the bot posted outside an ephemeral reply carries slip, craving, mood or note data', () => {
    expectNothingPrivatePosted(h, { notes: [NOTE, 'second note'], slipDates: ['2026-11-20', '2026-11-22'] });
  });
});
