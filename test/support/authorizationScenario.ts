// The shared world of the authorization matrix (test/e2e/authorization.test.ts): a configured server
// with two home groups and a couple, members who checked in with private notes, a second server with
// the same people, and the three probes every row is judged by: what the actor saw, which rows of
// the database changed, and what the bot did on Discord.
import type { APIInteraction } from 'discord.js';
import { build, type InteractionTranscript } from '../../src/standin/index.js';
import { optionsFor, type Harness, type Who } from './botHarness.js';

export type Place = 'server' | 'dm' | 'other server';
type OptionValue = string | number | boolean;

/** Private words members wrote in their check-ins: nobody but their author may ever read them. */
export const NOTES = {
  alice: 'note-alice: the kitchen-table talk',
  bob: 'note-bob: almost called my old dealer',
  carol: 'note-carol: fight with my sister',
} as const;
/** Alice's clean time on the fixed day (clean since 2025-10-06): only she may see it. */
export const ALICE_CLEAN_TIME = '412 days';
export const TODAY = '2026-11-22';

export interface Scenario {
  h: Harness;
  /** alice, bob, carol, mod, owner; otherAdmin (owner of the other server); dave→erin (an open invite); fresh people. */
  people: Map<string, Who>;
  who(name: string): Who;
  id(name: string): string;
  mention(name: string): string;
  coupleId: string;
  coupleChannelId: string;
  /** The open invite from dave to erin. */
  inviteId: string;
  groupChannel(name: string): string;
  /** Adds a new member to the main server (a person nobody else's rows depend on). */
  freshMember(name: string): Who;
  /** A new open invite, from `${label}-a` to `${label}-b`. */
  freshInvite(label: string): Promise<{ coupleId: string; inviter: Who; invitee: Who }>;
  /** A new active couple, `${label}-a` and `${label}-b`, with its couple channel unless `channel: false`. */
  freshCouple(label: string, options?: { channel?: boolean }): Promise<{ coupleId: string; a: Who; b: Who }>;
  /** Runs a command as `who`, in the main server, in a DM or in the other server. */
  slash(who: string, command: string, options?: Record<string, OptionValue>, where?: Place, extra?: { permissions?: bigint }): InteractionTranscript;
  press(who: string, customId: string, where?: Place): InteractionTranscript;
  submitModal(who: string, customId: string, fields: Record<string, string>, where?: Place): InteractionTranscript;
  autocomplete(who: string, command: string, focused: { name: string; value: string }, where?: Place): InteractionTranscript;
}

export async function buildScenario(h: Harness): Promise<Scenario> {
  await h.tandem.repaired;
  // The cron tick is not part of this matrix: stopped, so a tick can never pass for a side effect.
  h.tandem.scheduler.stop();

  const people = new Map<string, Who>([
    ['alice', h.alice],
    ['bob', h.bob],
    ['carol', h.carol],
    ['mod', h.mod],
    ['owner', h.owner],
  ]);
  const otherOwnerId = h.standIn.state.guild(h.otherGuildId)!.info.owner_id;
  people.set('otherAdmin', h.standIn.state.member(h.otherGuildId, otherOwnerId) as Who);

  const who = (name: string) => {
    const found = people.get(name);
    if (!found) throw new Error(`nobody called ${name} in the scenario`);
    return found;
  };
  const guildOf = (where: Place) => (where === 'server' ? h.guildId : where === 'other server' ? h.otherGuildId : undefined);
  const context = (name: string, where: Place) => {
    const person = who(name);
    const guildId = guildOf(where);
    if (!guildId) return { user: person.user };
    return {
      guildId,
      channelId: h.standIn.state.guildChannels(guildId)[0]!.id,
      member: h.standIn.state.member(guildId, person.user.id) ?? person,
    };
  };
  const invoke = (interaction: APIInteraction) => h.standIn.invoke(interaction);

  const s: Scenario = {
    h,
    people,
    who,
    id: (name) => who(name).user.id,
    mention: (name) => `<@${who(name).user.id}>`,
    coupleId: '',
    coupleChannelId: '',
    inviteId: '',
    groupChannel: () => '',
    slash(name, command, options = {}, where = 'server', extra = {}) {
      const [commandName = '', subcommand] = command.split(' ');
      return invoke(
        build.chatInput({
          ...context(name, where),
          name: commandName,
          options: optionsFor(commandName, options, subcommand),
          ...(subcommand && { subcommand }),
          ...(extra.permissions !== undefined && { permissions: extra.permissions }),
        }),
      );
    },
    press: (name, customId, where = 'dm') => invoke(build.button({ ...context(name, where), customId })),
    submitModal: (name, customId, fields, where = 'server') => invoke(build.modalSubmit({ ...context(name, where), customId, fields })),
    autocomplete(name, command, focused, where = 'server') {
      const [commandName = '', subcommand] = command.split(' ');
      return invoke(build.autocomplete({ ...context(name, where), name: commandName, options: [], focused, ...(subcommand && { subcommand }) }));
    },
    freshMember(name) {
      const member = build.member({ user: build.user({ username: name }) }) as Who;
      h.standIn.addMember(h.guildId, member);
      people.set(name, member);
      return member;
    },
    async freshInvite(label) {
      const inviter = s.freshMember(`${label}-a`);
      const invitee = s.freshMember(`${label}-b`);
      await s.slash(`${label}-a`, 'couple invite', { partner: invitee.user.id }).reply();
      const couple = await h.tandem.db.couple.findFirstOrThrow({ where: { inviteeId: (await memberRow(h, invitee)).id } });
      return { coupleId: couple.id, inviter, invitee };
    },
    async freshCouple(label, { channel = true } = {}) {
      const { coupleId, inviter, invitee } = await s.freshInvite(label);
      await s.press(`${label}-b`, `couple:accept:${coupleId}`).reply();
      if (channel) {
        await s.slash(`${label}-a`, 'couple channel').reply();
        await s.slash(`${label}-b`, 'couple channel').reply();
      }
      return { coupleId, a: inviter, b: invitee };
    },
  };

  // An admin sets the server up; a moderator creates two home groups.
  await s.slash('owner', 'setup', { moderator_role: h.moderatorRoleId, category: h.categoryId, region: 'US', facilitator_role: h.facilitatorRoleId }).reply();
  await s.slash('mod', 'group create', { name: 'Serenity', fellowship: 'AA' }).reply();
  await s.slash('mod', 'group create', { name: 'Harbor Lights', fellowship: 'NA' }).reply();
  // Alice and Bob become partners, each in their own home group; Carol is in Alice's group.
  await s.slash('alice', 'couple invite', { partner: h.bob.user.id }).reply();
  const couple = await h.tandem.db.couple.findFirstOrThrow({ where: { guildId: h.guildId } });
  await s.press('bob', `couple:accept:${couple.id}`).reply();
  await s.slash('alice', 'homegroup join', { group: 'Serenity' }).reply();
  await s.slash('bob', 'homegroup join', { group: 'Harbor Lights' }).reply();
  await s.slash('carol', 'homegroup join', { group: 'Serenity' }).reply();
  await s.slash('alice', 'couple channel').reply();
  await s.slash('bob', 'couple channel').reply();
  // Private records: clean time, check-ins with notes and cravings, a slip.
  await s.slash('alice', 'settings', { clean_date: '2025-10-06' }).reply();
  await s.slash('alice', 'checkin', { sober: true, craving: 7, mood: 2, note: NOTES.alice }).reply();
  await s.slash('bob', 'checkin', { sober: false, craving: 9, note: NOTES.bob }).reply();
  await s.slash('carol', 'checkin', { sober: true, craving: 4, note: NOTES.carol }).reply();
  await s.slash('bob', 'slip', { restart_clean_time: false }).reply();
  // An invite still waiting for its answer: from dave to erin (both also members of the other server).
  for (const name of ['dave', 'erin']) h.standIn.addMember(h.otherGuildId, build.member({ user: s.freshMember(name).user }));
  await s.slash('dave', 'couple invite', { partner: s.id('erin') }).reply();

  const groups = await h.tandem.db.homeGroup.findMany({ where: { guildId: h.guildId } });
  const channels = new Map(groups.map((g) => [g.name, g.channelId!]));
  const active = await h.tandem.db.couple.findUniqueOrThrow({ where: { id: couple.id } });
  const invite = await h.tandem.db.couple.findFirstOrThrow({ where: { inviteeId: (await memberRow(h, who('erin'))).id } });
  if (active.status !== 'active' || !active.channelId) throw new Error(`scenario: the couple is ${active.status} without a channel`);
  Object.assign(s, { coupleId: couple.id, coupleChannelId: active.channelId, inviteId: invite.id, groupChannel: (name: string) => channels.get(name)! });
  return s;
}

async function memberRow(h: Harness, who: Who) {
  return h.tandem.db.member.findUniqueOrThrow({ where: { guildId_userId: { guildId: h.guildId, userId: who.user.id } } });
}

// ---------------------------------------------------------------------------------------------
// What changed in the database, as readable keys: "main check-in alice 2026-11-22".

export type Snapshot = Map<string, string>;

/**
 * Every row that holds something, keyed by server and person. A row that only records that a person
 * or a server exists (every field at its default: what a first `ensure` writes) holds nothing and is
 * left out, so a refusal that merely looked someone up does not count as a change.
 */
export async function snapshot(s: Scenario): Promise<Snapshot> {
  const { db } = s.h.tandem;
  const [guilds, members, groups, couples, seats, shares, checkIns, slips, periods, milestones, coupleMilestones] = await Promise.all([
    db.guild.findMany(),
    db.member.findMany(),
    db.homeGroup.findMany(),
    db.couple.findMany({ orderBy: { createdAt: 'asc' } }),
    db.coupleSeat.findMany(),
    db.coupleShare.findMany(),
    db.checkIn.findMany(),
    db.slip.findMany({ orderBy: { createdAt: 'asc' } }),
    db.cleanPeriod.findMany(),
    db.milestoneNotice.findMany(),
    db.coupleMilestoneNotice.findMany(),
  ]);
  const names = new Map([...s.people].map(([name, person]) => [person.user.id, name]));
  const server = (guildId: string) => (guildId === s.h.guildId ? 'main' : guildId === s.h.otherGuildId ? 'other' : guildId);
  const byMember = new Map(members.map((m) => [m.id, { where: server(m.guildId), name: names.get(m.userId) ?? m.userId }]));
  const person = (memberId: string) => byMember.get(memberId) ?? { where: '?', name: memberId };
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const coupleKey = new Map<string, string>();
  for (const c of couples) {
    const inviter = person(c.inviterId);
    let key = `${inviter.where} couple ${inviter.name}+${person(c.inviteeId).name}`;
    while ([...coupleKey.values()].includes(key)) key += "'";
    coupleKey.set(c.id, key);
  }

  const rows = new Map<string, unknown>();
  const put = (key: string, value: unknown) => {
    let unique = key;
    while (rows.has(unique)) unique += "'";
    rows.set(unique, value);
  };
  const plain = <T extends object>(row: T, ...drop: (keyof T)[]) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !['createdAt', 'updatedAt', 'id', ...drop].includes(k)));

  for (const g of guilds) {
    if (g.configuredAt === null) continue;
    put(`${server(g.id)} guild`, plain(g));
  }
  for (const m of members) {
    if (!m.timezone && !m.cleanDate && !m.homeGroupId && !m.announceMilestones && !m.matReminder) continue;
    const { where, name } = person(m.id);
    put(`${where} member ${name}`, { ...plain(m, 'guildId', 'userId', 'homeGroupId'), homeGroup: m.homeGroupId && groupName.get(m.homeGroupId) });
  }
  for (const g of groups) put(`${server(g.guildId)} group ${g.name}`, plain(g, 'guildId'));
  for (const c of couples) put(coupleKey.get(c.id)!, plain(c, 'guildId', 'inviterId', 'inviteeId'));
  for (const seat of seats) {
    const { where, name } = person(seat.memberId);
    put(`${where} seat ${name}`, coupleKey.get(seat.coupleId));
  }
  for (const share of shares) {
    const { where, name } = person(share.memberId);
    put(`${where} share ${name}`, { couple: coupleKey.get(share.coupleId), ...plain(share, 'coupleId', 'memberId') });
  }
  for (const c of checkIns) {
    const { where, name } = person(c.memberId);
    put(`${where} check-in ${name} ${c.localDate}`, plain(c, 'memberId'));
  }
  for (const slip of slips) {
    const { where, name } = person(slip.memberId);
    put(`${where} slip ${name} ${slip.localDate}`, plain(slip, 'memberId'));
  }
  for (const p of periods) {
    const { where, name } = person(p.memberId);
    put(`${where} clean period ${name} ${p.startDate}`, plain(p, 'memberId'));
  }
  for (const n of milestones) {
    const { where, name } = person(n.memberId);
    put(`${where} milestone ${name} ${n.key}`, plain(n, 'memberId'));
  }
  for (const n of coupleMilestones) put(`${coupleKey.get(n.coupleId)} milestone ${n.key}`, plain(n, 'coupleId'));
  return new Map([...rows].map(([key, value]) => [key, JSON.stringify(value)]));
}

/** Keys of rows added, removed or changed between two snapshots, sorted. */
export function changedRows(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}

// ---------------------------------------------------------------------------------------------
// What the bot did on Discord, beyond answering the interaction: "create #hg-x", "access #hg-x", "DM @bob".

/** Recorded requests so far; pass it to `discordEffectsSince` after the action. */
export function discordMark(s: Scenario): number {
  return s.h.standIn.recorder.requests.length;
}

export function discordEffectsSince(s: Scenario, mark: number): string[] {
  const { state, recorder } = s.h.standIn;
  const label = (channelId: string | undefined) => {
    const channel = channelId ? state.channel(channelId) : undefined;
    if (!channel) return `channel ${channelId}`;
    if ('recipients' in channel && channel.recipients) return `DM @${channel.recipients[0]?.username}`;
    const where = 'guild_id' in channel && channel.guild_id === s.h.otherGuildId ? ' (other server)' : '';
    return `#${(channel.name ?? '').replace(/^couple-[0-9a-f]+$/, 'couple-*')}${where}`;
  };
  const effects = recorder.requests.slice(mark).flatMap((r): string[] => {
    if (r.method === 'GET' || r.route.startsWith('POST /interactions/') || r.path.startsWith('/webhooks/')) return [];
    if (r.route === 'POST /users/@me/channels') return []; // opening a DM channel sends nothing by itself
    const body = r.body as { name?: string; permission_overwrites?: unknown } | undefined;
    if (r.route === 'POST /guilds/:guild_id/channels') {
      const where = r.params.guild_id === s.h.otherGuildId ? ' (other server)' : '';
      return [`create #${(body?.name ?? '').replace(/^couple-[0-9a-f]+$/, 'couple-*')}${where}`];
    }
    if (r.route === 'PATCH /channels/:channel_id' && body?.permission_overwrites) return [`access ${label(r.params.channel_id)}`];
    if (r.route === 'POST /channels/:channel_id/messages') {
      const target = label(r.params.channel_id);
      return [target.startsWith('DM ') ? target : `post ${target}`];
    }
    return [`${r.route}`];
  });
  return [...new Set(effects)].sort();
}

/** Message bodies the bot sent (DMs and channel posts) since `mark`. */
export function messagesSince(s: Scenario, mark: number): { to: string; content: string }[] {
  return s.h.standIn.recorder.requests
    .slice(mark)
    .filter((r) => r.route === 'POST /channels/:channel_id/messages')
    .map((r) => ({ to: r.params.channel_id ?? '', content: String((r.body as { content?: string } | undefined)?.content ?? '') }));
}
