// The authorization matrix of the home groups and couples issue: every command × (the member, her
// partner, another member, a moderator, an admin, in a DM, from another server), through the real
// bot and the local Discord stand-in.
//
// Each row says who may do what, and is judged three ways:
//   1. what the actor sees: a kind, ephemeral reply, and never anyone else's private data;
//   2. which database rows changed: none when refused, exactly the expected ones when allowed;
//   3. what the bot did on Discord: nothing when refused (no channel, no overwrite, no DM).
// Rows that change something use fresh people or undo themselves, so the order never matters.
//
// The stand-in does not apply Discord's default_member_permissions: every row reaches the bot,
// exactly as if a server had opened /setup or /group to everyone. The bot must decide by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, OverwriteType, PermissionFlagsBits as P, type APIOverwrite } from 'discord.js';
import type { InteractionTranscript } from '../../src/standin/index.js';
import { availableProviders } from '../support/databases.js';
import { startHarness } from '../support/botHarness.js';
import {
  ALICE_CLEAN_TIME,
  NOTES,
  TODAY,
  buildScenario,
  changedRows,
  discordEffectsSince,
  discordMark,
  messagesSince,
  snapshot,
  type Place,
  type Scenario,
} from '../support/authorizationScenario.js';

type Options = Record<string, string | number | boolean>;
type Given<T> = T | ((s: Scenario) => T);
const given = <T,>(value: Given<T>, s: Scenario): T => (typeof value === 'function' ? (value as (s: Scenario) => T)(s) : value);

// ---------------------------------------------------------------------------------------------
// What can be done: a slash command, a button, a modal, an autocomplete.

interface Action {
  /** Reads in a test name after "can" / "cannot". */
  what: string;
  /** Top-level command, for the "moderators never see health data" rule. */
  command: string;
  answer: 'reply' | 'modal' | 'choices';
  /** `ctx` is what the row's arrange step returned. */
  run(s: Scenario, by: string, where: Place, outcome: Outcome, ctx: unknown): InteractionTranscript;
}

const slash = (command: string, options: Given<Options> = {}): Action => ({
  what: `run /${command}`,
  command: command.split(' ')[0]!,
  answer: 'reply',
  run: (s, by, where, outcome) => s.slash(by, command, given(outcome.options ?? options, s), where, { permissions: outcome.permissions }),
});
const press = (what: string, customId: (s: Scenario, ctx: any) => string): Action => ({
  what: `press ${what}`,
  command: 'button',
  answer: 'reply',
  run: (s, by, where, _outcome, ctx) => s.press(by, customId(s, ctx), where),
});
const openDetails = (whose: string): Action => ({
  what: `open the details form of ${whose}'s check-in`,
  command: 'button',
  answer: 'modal',
  run: (s, by, where) => s.press(by, `checkin:details:${s.id(whose)}:${TODAY}`, where),
});
const saveDetails = (whose: string, fields: Record<string, string>): Action => ({
  what: `save the details form of ${whose}'s check-in`,
  command: 'modal',
  answer: 'reply',
  run: (s, by, where) => s.submitModal(by, `checkin:save:${s.id(whose)}:${TODAY}`, fields, where),
});
const suggestions = (command: string): Action => ({
  what: `see the home groups /${command} suggests`,
  command: command.split(' ')[0]!,
  answer: 'choices',
  run: (s, by, where) => s.autocomplete(by, command, { name: 'group', value: '' }, where),
});

// ---------------------------------------------------------------------------------------------
// What should happen.

interface Outcome {
  allowed: boolean;
  says: RegExp;
  because: string;
  /** Rows that change (see snapshot() for the keys); always none when refused. */
  changes?: string[];
  /** What the bot does on Discord (see discordEffectsSince()); always nothing when refused. */
  discord?: string[];
  /** Text the answer must contain / must not contain. */
  shows?: Given<string[]>;
  hides?: Given<string[]>;
  /** Replaces the action's options for this actor. */
  options?: Given<Options>;
  /** Discord's permission bits for the actor, instead of those computed from their roles. */
  permissions?: bigint;
  /** Who the actor is, when not one of the usual people. */
  as?: string;
  arrange?(s: Scenario): Promise<unknown>;
  cleanup?(s: Scenario): Promise<unknown>;
  then?(s: Scenario, seen: { answer: any; mark: number; ctx: any }): Promise<void> | void;
}
type Extra = Omit<Outcome, 'allowed' | 'says' | 'because'>;

const allowed = (says: RegExp, because: string, extra: Extra = {}): Outcome => ({ allowed: true, says, because, ...extra });
const refused = (says: RegExp, because: string, extra: Omit<Extra, 'changes' | 'discord'> = {}): Outcome => ({ allowed: false, says, because, ...extra });

const NOT_ADMIN = /Only server admins \(Manage Server\) can set Tandem up/;
const NOT_MOD = /Only moderators of this server can do that/;
const IN_SERVER = /works inside your recovery server/;
const NO_COUPLE = /You're not in a couple on Tandem right now/;
const NO_INVITE = /You have no open couple invite/;
const NOT_INVITEE = /Only the person who was invited can answer this invite/;
const NOT_YOURS = /This button is for someone else/;
const NOT_HER_CHECKIN = /belong to someone else’s check-in/;
const NO_SERENITY_HERE = /There is no home group called "Serenity" in this server/;

const PEOPLE: Record<string, string> = {
  alice: 'alice (the member)',
  bob: 'bob (her partner)',
  carol: 'carol (another member)',
  mod: 'mod (a moderator)',
  owner: 'owner (an admin)',
  otherAdmin: "the other server's admin",
  dave: 'dave (who invited erin)',
  erin: 'erin (invited by dave)',
};
const PLACES: Record<string, Place> = { 'in a DM': 'dm', 'from another server': 'other server' };

interface Row extends Outcome {
  name: string;
  action: Action;
  by: string;
  where: Place;
}

/** One command against many actors. Keys: "carol", "mod in a DM", "otherAdmin from another server". */
function matrix(action: Action, cells: Record<string, Outcome>): Row[] {
  return Object.entries(cells).map(([key, outcome]) => {
    const [, by = '', placeWords = 'in the server'] = /^(\S+)(?: (in a DM|from another server))?$/.exec(key) ?? [];
    const who = outcome.as ?? PEOPLE[by] ?? by;
    const name = `${who} ${outcome.allowed ? 'can' : 'cannot'} ${action.what} ${placeWords}: ${outcome.because}`;
    return { ...outcome, name, action, by, where: PLACES[placeWords] ?? 'server' };
  });
}

// Undo helpers, through the bot itself.
const run = (by: string, command: string, options: Options = {}, where: Place = 'server') => (s: Scenario) => s.slash(by, command, options, where).reply();
const ownSettings = (who: string, because: string, where: Place = 'server') =>
  allowed(/Settings saved/, because, {
    changes: [`${where === 'server' ? 'main' : 'other'} member ${who}`],
    cleanup: run(who, 'settings', { milestone_announcements: false }, where),
  });
/** A fresh couple with its channel, paused by one partner ('a' by default). */
const pausedCouple =
  (label: string, pausedBy: 'a' | 'b' = 'a') =>
  async (s: Scenario) => {
    const couple = await s.freshCouple(label);
    await run(`${label}-${pausedBy}`, 'couple pause')(s);
    return couple;
  };
const coupleChannel = async (s: Scenario, coupleId: string) => (await s.h.tandem.db.couple.findUniqueOrThrow({ where: { id: coupleId } })).channelId!;

/** "write" / "read" / "hidden" per member (the bot aside) of a channel, from its overwrites. */
function accessOf(s: Scenario, channelId: string): Record<string, string> {
  const has = (bits: string, flag: bigint) => (BigInt(bits) & flag) === flag;
  const overwrites: APIOverwrite[] = s.h.standIn.state.guildChannel(channelId)?.permission_overwrites ?? [];
  return Object.fromEntries(
    overwrites
      .filter((o) => o.type === OverwriteType.Member && o.id !== s.h.standIn.botUser.id)
      .map((o) => [o.id, has(o.deny, P.ViewChannel) ? 'hidden' : has(o.allow, P.SendMessages) ? 'write' : 'read']),
  );
}

// ---------------------------------------------------------------------------------------------
// The matrix.

const MATRIX: Row[] = [
  ...matrix(slash('setup', { region: 'GB' }), {
    alice: refused(NOT_ADMIN, 'setting Tandem up is for server admins'),
    bob: refused(NOT_ADMIN, 'being a partner gives no server rights'),
    carol: refused(NOT_ADMIN, 'setting Tandem up is for server admins'),
    mod: refused(NOT_ADMIN, 'the moderator role runs home groups, not the set-up'),
    owner: allowed(/Tandem is set up/, 'the owner manages the server', { changes: ['main guild'], cleanup: run('owner', 'setup', { region: 'US' }) }),
    'owner in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'otherAdmin from another server': allowed(/Tandem is set up/, 'it configures only that server', { changes: ['other guild'] }),
    'mod from another server': refused(NOT_ADMIN, 'a moderator here has no rights there'),
  }),
  ...matrix(slash('setup', { region: 'GB' }), {
    mod: allowed(/Tandem is set up/, 'a moderator who also has Manage Server is a server admin', {
      as: 'mod (a moderator with Manage Server)',
      permissions: P.ManageGuild,
      changes: ['main guild'],
      cleanup: run('owner', 'setup', { region: 'US' }),
    }),
  }),

  ...matrix(slash('group create', { name: 'Members Club', fellowship: 'AA' }), {
    alice: refused(NOT_MOD, 'home groups are created by moderators'),
    bob: refused(NOT_MOD, 'home groups are created by moderators'),
    carol: refused(NOT_MOD, 'home groups are created by moderators'),
    mod: allowed(/Home group \*\*Made By Mod\*\* \(CoDA\) created/, 'the moderator role runs home groups', {
      options: { name: 'Made By Mod', fellowship: 'CoDA' },
      changes: ['main group Made By Mod'],
      discord: ['create #hg-made-by-mod', 'post #hg-made-by-mod'],
    }),
    owner: allowed(/Home group \*\*Made By Owner\*\* \(NA\) created/, 'Manage Server makes a moderator', {
      options: { name: 'Made By Owner', fellowship: 'NA' },
      changes: ['main group Made By Owner'],
      discord: ['create #hg-made-by-owner', 'post #hg-made-by-owner'],
    }),
    'mod in a DM': refused(IN_SERVER, 'moderator commands refuse to run in DMs'),
    'mod from another server': refused(NOT_MOD, 'the moderator role of this server means nothing there'),
    'otherAdmin from another server': allowed(/Home group \*\*Elsewhere\*\*/, 'it creates the group in that server only', {
      options: { name: 'Elsewhere', fellowship: 'Other' },
      changes: ['other group Elsewhere'],
      discord: ['create #hg-elsewhere (other server)', 'post #hg-elsewhere (other server)'],
      async then(s) {
        const group = await s.h.tandem.db.homeGroup.findFirstOrThrow({ where: { guildId: s.h.otherGuildId, name: 'Elsewhere' } });
        const channel = s.h.standIn.state.guildChannel(group.channelId!)!;
        expect(channel.guild_id).toBe(s.h.otherGuildId);
        expect(JSON.stringify(channel.permission_overwrites)).not.toContain(s.h.moderatorRoleId);
      },
    }),
  }),

  ...matrix(slash('group archive', { group: 'Serenity' }), {
    alice: refused(NOT_MOD, 'members cannot close their group'),
    bob: refused(NOT_MOD, 'members cannot close a group'),
    carol: refused(NOT_MOD, 'members cannot close their group'),
    mod: allowed(/\*\*Archive Me\*\* is archived/, 'the moderator role runs home groups', {
      options: { group: 'Archive Me' },
      arrange: run('owner', 'group create', { name: 'Archive Me', fellowship: 'AA' }),
      changes: ['main group Archive Me'],
      discord: ['access #hg-archive-me'],
    }),
    owner: allowed(/\*\*Archive Me Too\*\* is archived/, 'Manage Server makes a moderator', {
      options: { group: 'Archive Me Too' },
      arrange: run('mod', 'group create', { name: 'Archive Me Too', fellowship: 'AA' }),
      changes: ['main group Archive Me Too'],
      discord: ['access #hg-archive-me-too'],
    }),
    'mod in a DM': refused(IN_SERVER, 'moderator commands refuse to run in DMs'),
    'otherAdmin from another server': refused(NO_SERENITY_HERE, "another server's admin cannot reach this server's groups"),
    'mod from another server': refused(NOT_MOD, 'the moderator role of this server means nothing there'),
  }),

  ...matrix(slash('group members', { group: 'Serenity' }), {
    alice: refused(NOT_MOD, 'the member list is for moderators'),
    bob: refused(NOT_MOD, "a partner cannot look into the other partner's group"),
    carol: refused(NOT_MOD, 'the member list is for moderators'),
    mod: allowed(/\*\*Serenity\*\* \(2\)/, 'a moderator sees who belongs, and nothing else', {
      shows: (s) => [s.mention('alice'), s.mention('carol')],
      hides: (s) => [s.mention('bob')],
    }),
    owner: allowed(/\*\*Serenity\*\* \(2\)/, 'Manage Server makes a moderator', { shows: (s) => [s.mention('alice'), s.mention('carol')] }),
    'mod in a DM': refused(IN_SERVER, 'moderator commands refuse to run in DMs'),
    'otherAdmin from another server': refused(NO_SERENITY_HERE, "another server's admin never sees this server's members", {
      hides: (s) => [s.mention('alice'), s.mention('carol')],
    }),
    'mod from another server': refused(NOT_MOD, 'the moderator role of this server means nothing there'),
  }),
  ...matrix(slash('group members', { group: 'Serenity' }), {
    carol: allowed(/\*\*Serenity\*\* \(2\)/, 'Manage Server alone makes a moderator', { as: 'carol (a member with Manage Server)', permissions: P.ManageGuild }),
  }),

  ...matrix(slash('group allow_partners', (s) => ({ member: s.id('bob') })), {
    alice: refused(NOT_MOD, "partners cannot lift the separate-groups rule for themselves"),
    bob: refused(NOT_MOD, "partners cannot lift the separate-groups rule for themselves", { options: (s) => ({ member: s.id('alice') }) }),
    carol: refused(NOT_MOD, 'only moderators decide exceptions'),
    mod: allowed(/may now share one home group/, 'moderators decide exceptions', {
      arrange: (s) => s.freshCouple('allow1', { channel: false }),
      options: (s) => ({ member: s.id('allow1-a') }),
      changes: ['main couple allow1-a+allow1-b'],
    }),
    owner: allowed(/may now share one home group/, 'Manage Server makes a moderator', {
      arrange: (s) => s.freshCouple('allow2', { channel: false }),
      options: (s) => ({ member: s.id('allow2-b') }),
      changes: ['main couple allow2-a+allow2-b'],
    }),
    'mod in a DM': refused(IN_SERVER, 'moderator commands refuse to run in DMs'),
    'otherAdmin from another server': refused(/That member is not in a couple in this server/, "this server's couple is invisible there"),
    'mod from another server': refused(NOT_MOD, 'the moderator role of this server means nothing there'),
  }),

  ...matrix(slash('homegroup info'), {
    alice: allowed(/Your home group: \*\*Serenity\*\* \(AA\), 2 members/, 'her own group'),
    bob: allowed(/Your home group: \*\*Harbor Lights\*\* \(NA\), 1 member/, 'his own group, not hers'),
    carol: allowed(/Your home group: \*\*Serenity\*\* \(AA\), 2 members/, 'her own group'),
    mod: allowed(/You don't belong to a home group yet/, 'the groups anyone may join', { shows: ['Serenity', 'Harbor Lights'] }),
    owner: allowed(/You don't belong to a home group yet/, 'the groups anyone may join', { shows: ['Serenity', 'Harbor Lights'] }),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': allowed(/You don't belong to a home group yet/, "that server knows nothing of this server's groups", {
      hides: ['Serenity', 'Harbor Lights'],
    }),
  }),

  ...matrix(slash('homegroup join', { group: 'Harbor Lights' }), {
    alice: refused(/You belong to "Serenity"\. A member has one home group per server/, 'one home group per member per server'),
    bob: refused(/Your partner already belongs to this home group/, 'partners keep different home groups', {
      options: { group: 'Serenity' },
      arrange: run('bob', 'homegroup leave'),
      cleanup: run('bob', 'homegroup join', { group: 'Harbor Lights' }),
    }),
    carol: refused(/You belong to "Serenity"/, 'one home group per member per server'),
    mod: allowed(/Welcome to \*\*Harbor Lights\*\*/, 'a moderator may belong to a group too', {
      changes: ['main member mod'],
      discord: ['access #hg-harbor-lights'],
      cleanup: run('mod', 'homegroup leave'),
    }),
    owner: allowed(/Welcome to \*\*Serenity\*\*/, 'an admin may belong to a group too', {
      options: { group: 'Serenity' },
      changes: ['main member owner'],
      discord: ['access #hg-serenity'],
      cleanup: run('owner', 'homegroup leave'),
    }),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(NO_SERENITY_HERE, "this server's groups cannot be joined from there", { options: { group: 'Serenity' } }),
  }),

  ...matrix(slash('homegroup leave'), {
    alice: allowed(/You have left \*\*Serenity\*\*/, 'her own membership', {
      changes: ['main member alice'],
      discord: ['access #hg-serenity'],
      then: (s) => expect(accessOf(s, s.groupChannel('Serenity'))).not.toHaveProperty(s.id('alice')),
      cleanup: run('alice', 'homegroup join', { group: 'Serenity' }),
    }),
    bob: allowed(/You have left \*\*Harbor Lights\*\*/, 'his own membership only', {
      changes: ['main member bob'],
      discord: ['access #hg-harbor-lights'],
      cleanup: run('bob', 'homegroup join', { group: 'Harbor Lights' }),
    }),
    carol: allowed(/You have left \*\*Serenity\*\*/, 'her own membership only, alice stays', {
      changes: ['main member carol'],
      discord: ['access #hg-serenity'],
      then: (s) => expect(accessOf(s, s.groupChannel('Serenity'))[s.id('alice')]).toBe('write'),
      cleanup: run('carol', 'homegroup join', { group: 'Serenity' }),
    }),
    mod: refused(/You don't belong to a home group right now/, 'there is nothing to leave'),
    owner: refused(/You don't belong to a home group right now/, 'there is nothing to leave'),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(/You don't belong to a home group right now/, 'her membership here is out of reach there'),
  }),

  ...matrix(slash('couple invite', (s) => ({ partner: s.id('carol') })), {
    alice: refused(/already in a couple in this server/, 'one couple per member per server'),
    bob: refused(/already in a couple in this server/, 'one couple per member per server'),
    carol: refused(/That member can't receive a couple invite right now/, "alice is taken, and carol is not told by whom", {
      options: (s) => ({ partner: s.id('alice') }),
      hides: (s) => [s.mention('bob')],
    }),
    mod: allowed(/Invite sent/, 'anyone may invite a partner', {
      arrange: async (s) => s.freshMember('modpick'),
      options: (s) => ({ partner: s.id('modpick') }),
      changes: ['main couple mod+modpick'],
      discord: ['DM @modpick'],
    }),
    owner: allowed(/Invite sent/, 'anyone may invite a partner', {
      arrange: async (s) => s.freshMember('ownerpick'),
      options: (s) => ({ partner: s.id('ownerpick') }),
      changes: ['main couple owner+ownerpick'],
      discord: ['DM @ownerpick'],
    }),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'carol from another server': allowed(/Invite sent/, "alice's couple belongs to the main server only", {
      options: (s) => ({ partner: s.id('alice') }),
      changes: ['other couple carol+alice'],
      discord: ['DM @alice'],
      cleanup: run('alice', 'couple decline', {}, 'other server'),
    }),
  }),

  ...matrix(slash('couple accept'), {
    alice: refused(NO_INVITE, 'there is no invite for her'),
    bob: refused(NO_INVITE, 'his invite was answered already'),
    carol: refused(NO_INVITE, "erin's invite is not carol's to accept"),
    mod: refused(NO_INVITE, 'moderators cannot answer invites for members'),
    owner: refused(NO_INVITE, 'admins cannot answer invites for members'),
    'erin in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'erin from another server': refused(NO_INVITE, "this server's invite cannot be answered from there"),
  }),
  ...matrix(slash('couple accept'), {
    'accept1-b': allowed(/You and <@\d+> are now partners/, 'the invitee answers her own invite', {
      as: 'a member with an open invite',
      arrange: (s) => s.freshInvite('accept1'),
      changes: ['main couple accept1-a+accept1-b', 'main seat accept1-a', 'main seat accept1-b'],
      discord: ['DM @accept1-a'],
    }),
  }),

  ...matrix(slash('couple decline'), {
    alice: refused(NO_INVITE, 'there is no invite for her'),
    bob: refused(NO_INVITE, 'his invite was answered already'),
    carol: refused(NO_INVITE, "erin's invite is not carol's to decline"),
    mod: refused(NO_INVITE, 'moderators cannot answer invites for members'),
    owner: refused(NO_INVITE, 'admins cannot answer invites for members'),
    'erin in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'erin from another server': refused(NO_INVITE, "this server's invite cannot be answered from there"),
  }),
  ...matrix(slash('couple decline'), {
    'decline1-b': allowed(/Invite declined\. Nobody else is told/, 'the invitee answers her own invite', {
      as: 'a member with an open invite',
      arrange: (s) => s.freshInvite('decline1'),
      changes: ['main couple decline1-a+decline1-b'],
    }),
  }),

  ...matrix(press("Accept on dave's invite to erin", (s) => `couple:accept:${s.inviteId}`), {
    'alice in a DM': refused(NOT_INVITEE, 'only the invitee answers'),
    'bob in a DM': refused(NOT_INVITEE, 'a partner cannot accept an invite meant for someone else'),
    'carol in a DM': refused(NOT_INVITEE, 'only the invitee answers'),
    'mod in a DM': refused(NOT_INVITEE, 'moderators cannot answer invites for members'),
    'owner in a DM': refused(NOT_INVITEE, 'admins cannot answer invites for members'),
    'dave in a DM': refused(NOT_INVITEE, 'the inviter cannot accept his own invite'),
    'erin from another server': refused(/That button belongs to another server/, 'the button acts only in its own server'),
  }),
  ...matrix(press('Accept on the invite she received', (_s, invite) => `couple:accept:${invite.coupleId}`), {
    'accept2-b in a DM': allowed(/are now partners/, 'the invitee answers her own invite', {
      as: 'a member with an open invite',
      arrange: (s) => s.freshInvite('accept2'),
      changes: ['main couple accept2-a+accept2-b', 'main seat accept2-a', 'main seat accept2-b'],
      discord: ['DM @accept2-a'],
    }),
  }),
  ...matrix(press("Decline on dave's invite to erin", (s) => `couple:decline:${s.inviteId}`), {
    'bob in a DM': refused(NOT_INVITEE, 'a partner cannot decline an invite meant for someone else'),
    'carol in a DM': refused(NOT_INVITEE, 'only the invitee answers'),
  }),
  ...matrix(press('Decline on the invite she received', (_s, invite) => `couple:decline:${invite.coupleId}`), {
    'decline2-b in a DM': allowed(/Invite declined/, 'the invitee answers her own invite', {
      as: 'a member with an open invite',
      arrange: (s) => s.freshInvite('decline2'),
      changes: ['main couple decline2-a+decline2-b'],
    }),
  }),
  ...matrix(press("Agree to a couple channel on alice and bob's couple", (s) => `couple:channel:${s.coupleId}`), {
    'bob in a DM': allowed(/Your couple channel is <#\d+>/, 'it is his couple'),
    'carol in a DM': refused(NOT_YOURS, 'it is not her couple'),
    'mod in a DM': refused(NOT_YOURS, 'moderators have no place in a couple'),
  }),
  ...matrix(press("Resume together on alice and bob's couple", (s) => `couple:resume:${s.coupleId}`), {
    'carol in a DM': refused(NOT_YOURS, 'it is not her couple'),
    'owner in a DM': refused(NOT_YOURS, 'admins have no place in a couple'),
  }),
  ...matrix(press('Resume together on their paused couple', (_s, couple) => `couple:resume:${couple.coupleId}`), {
    'resume1-b in a DM': allowed(/when your partner agrees too/, 'it is their couple, and resuming needs both', {
      as: 'a partner of a paused couple',
      arrange: pausedCouple('resume1'),
      changes: ['main couple resume1-a+resume1-b'],
      discord: ['DM @resume1-a'],
    }),
  }),

  ...matrix(slash('couple share', { streak: true }), {
    alice: allowed(/check-in streak: \*\*on\*\*/, 'she decides what her partner may see', {
      changes: ['main share alice'],
      cleanup: run('alice', 'couple share', { streak: false }),
    }),
    bob: allowed(/sober yes\/no: \*\*on\*\*/, "his own settings only, never alice's", {
      options: { sober: true },
      changes: ['main share bob'],
      cleanup: run('bob', 'couple share', { sober: false }),
    }),
    carol: refused(NO_COUPLE, 'she is not in a couple'),
    mod: refused(NO_COUPLE, 'moderators cannot change what partners share'),
    owner: refused(NO_COUPLE, 'admins cannot change what partners share'),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(NO_COUPLE, "this server's couple is invisible there"),
  }),

  ...matrix(slash('couple channel'), {
    alice: allowed(/Your couple channel is <#\d+>/, 'it is her couple'),
    bob: allowed(/Your couple channel is <#\d+>/, 'it is his couple'),
    carol: refused(NO_COUPLE, 'she is not in a couple'),
    mod: refused(NO_COUPLE, 'moderators cannot open a couple channel'),
    owner: refused(NO_COUPLE, 'admins cannot open a couple channel'),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(NO_COUPLE, "this server's couple is invisible there"),
  }),

  ...matrix(slash('couple pause'), {
    'pause1-a': allowed(/^Paused\./, 'either partner may take separate routes', {
      as: 'a member of a couple',
      arrange: (s) => s.freshCouple('pause1'),
      changes: ['main couple pause1-a+pause1-b'],
      discord: ['DM @pause1-b', 'access #couple-*'],
      then: async (s, { ctx }) => expect(accessOf(s, await coupleChannel(s, ctx.coupleId))).toEqual({ [s.id('pause1-a')]: 'read', [s.id('pause1-b')]: 'read' }),
    }),
    'pause2-b': allowed(/^Paused\./, 'either partner may take separate routes', {
      as: 'her partner in a couple',
      arrange: (s) => s.freshCouple('pause2'),
      changes: ['main couple pause2-a+pause2-b'],
      discord: ['DM @pause2-a', 'access #couple-*'],
    }),
    carol: refused(NO_COUPLE, 'it is not her couple'),
    mod: refused(NO_COUPLE, 'moderators cannot pause a couple'),
    owner: refused(NO_COUPLE, 'admins cannot pause a couple'),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(NO_COUPLE, "this server's couple is invisible there"),
  }),

  ...matrix(slash('couple resume'), {
    'resume2-a': allowed(/when your partner agrees too/, 'resuming needs both partners', {
      as: 'a member of a paused couple',
      arrange: pausedCouple('resume2', 'b'),
      changes: ['main couple resume2-a+resume2-b'],
      discord: ['DM @resume2-b'],
    }),
    'resume3-b': allowed(/^Resumed\./, 'her partner asked too, so both agree', {
      as: 'her partner, once she asked to resume',
      arrange: async (s) => {
        const couple = await pausedCouple('resume3', 'a')(s);
        await run('resume3-a', 'couple resume')(s);
        return couple;
      },
      changes: ['main couple resume3-a+resume3-b'],
      discord: ['access #couple-*'],
      then: async (s, { ctx }) => expect(accessOf(s, await coupleChannel(s, ctx.coupleId))).toEqual({ [s.id('resume3-a')]: 'write', [s.id('resume3-b')]: 'write' }),
    }),
    carol: refused(NO_COUPLE, 'it is not her couple'),
    mod: refused(NO_COUPLE, 'moderators cannot resume a couple'),
    owner: refused(NO_COUPLE, 'admins cannot resume a couple'),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(NO_COUPLE, "this server's couple is invisible there"),
  }),

  ...matrix(slash('couple leave'), {
    'leave1-a': allowed(/You have stepped out of the couple/, 'either partner leaves alone, at once', {
      as: 'a member of a couple',
      arrange: (s) => s.freshCouple('leave1'),
      changes: ['main couple leave1-a+leave1-b', 'main seat leave1-a', 'main seat leave1-b'],
      discord: ['DM @leave1-b', 'access #couple-*'],
      async then(s, { ctx }) {
        const couple = await s.h.tandem.db.couple.findUniqueOrThrow({ where: { id: ctx.coupleId } });
        expect(couple.status).toBe('ended');
        expect(accessOf(s, couple.channelId!)).toEqual({ [s.id('leave1-a')]: 'read', [s.id('leave1-b')]: 'read' });
      },
    }),
    'leave2-b': allowed(/You have stepped out of the couple/, 'either partner leaves alone, at once', {
      as: 'her partner in a couple',
      arrange: (s) => s.freshCouple('leave2'),
      changes: ['main couple leave2-a+leave2-b', 'main seat leave2-a', 'main seat leave2-b'],
      discord: ['DM @leave2-a', 'access #couple-*'],
    }),
    'leave3-b': allowed(/You have stepped out of the couple/, 'stepping back works on separate routes too', {
      as: 'a partner of a paused couple',
      arrange: pausedCouple('leave3', 'a'),
      changes: ['main couple leave3-a+leave3-b', 'main seat leave3-a', 'main seat leave3-b'],
      discord: ['DM @leave3-a', 'access #couple-*'],
    }),
    carol: refused(NO_COUPLE, "she cannot end someone else's couple"),
    mod: refused(NO_COUPLE, "moderators cannot end members' couples"),
    owner: refused(NO_COUPLE, "admins cannot end members' couples"),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': refused(NO_COUPLE, "this server's couple is invisible there"),
  }),

  ...matrix(slash('checkin', { sober: true, mood: 3 }), {
    alice: allowed(/Updated your check-in/, 'her own record', { changes: [`main check-in alice ${TODAY}`] }),
    bob: allowed(/Updated your check-in/, "his own record, never alice's", { options: { sober: false, mood: 2 }, changes: [`main check-in bob ${TODAY}`] }),
    carol: allowed(/Updated your check-in/, 'her own record', { changes: [`main check-in carol ${TODAY}`] }),
    mod: allowed(/Checked in for/, 'a moderator keeps a record of their own', { changes: [`main check-in mod ${TODAY}`] }),
    owner: allowed(/Checked in for/, 'an admin keeps a record of their own', { changes: [`main check-in owner ${TODAY}`] }),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': allowed(/(Checked in|Updated your check-in) for/, 'that server keeps its own record', { changes: [`other check-in alice ${TODAY}`] }),
  }),

  ...matrix(openDetails('alice'), {
    alice: allowed(/./, 'it is her check-in', {
      then: (_s, { answer }) => expect(fieldValue(answer, 'craving')).toBe('7'),
    }),
    bob: refused(NOT_HER_CHECKIN, "a partner never sees the other's check-in details"),
    carol: refused(NOT_HER_CHECKIN, "another member never sees alice's check-in"),
    mod: refused(NOT_HER_CHECKIN, 'moderators never see check-in content'),
    owner: refused(NOT_HER_CHECKIN, 'admins never see check-in content'),
    'alice in a DM': refused(/Check-in details work inside your recovery server/, 'a DM belongs to no server'),
    'alice from another server': allowed(/./, "it opens that server's check-in, never this one's", {
      arrange: run('alice', 'checkin', { sober: true }, 'other server'),
      then: (_s, { answer }) => expect(fieldValue(answer, 'craving')).toBeUndefined(),
    }),
  }),
  ...matrix(saveDetails('alice', { craving: '0', note: 'overwritten by someone else' }), {
    bob: refused(NOT_HER_CHECKIN, "a partner cannot write into the other's check-in"),
    carol: refused(NOT_HER_CHECKIN, "another member cannot write into alice's check-in"),
    mod: refused(NOT_HER_CHECKIN, 'moderators cannot write into check-ins'),
  }),

  ...matrix(slash('progress'), {
    alice: allowed(new RegExp(`Clean time: \\*\\*${ALICE_CLEAN_TIME}\\*\\*`), 'her own clean time'),
    bob: allowed(/Clean time: set your clean date/, "his own record, never alice's"),
    carol: allowed(/Clean time: set your clean date/, 'her own record'),
    mod: allowed(/Clean time: set your clean date/, "a moderator's own record, nobody else's"),
    owner: allowed(/Clean time: set your clean date/, "an admin's own record, nobody else's"),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': allowed(/Clean time: set your clean date/, "that server never shows this server's record"),
  }),

  ...matrix(slash('settings', { milestone_announcements: true }), {
    alice: ownSettings('alice', 'her own settings'),
    bob: ownSettings('bob', "his own settings, never alice's"),
    carol: ownSettings('carol', 'her own settings'),
    mod: ownSettings('mod', "a moderator's own settings"),
    owner: ownSettings('owner', "an admin's own settings"),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': ownSettings('alice', "that server's settings only", 'other server'),
  }),

  ...matrix(slash('slip', { restart_clean_time: false }), {
    alice: allowed(/I told your partner privately/, 'her own record; her partner hears only that it is a hard time', {
      options: { restart_clean_time: false, tell_partner: true },
      changes: [`main slip alice ${TODAY}`],
      discord: ['DM @bob'],
      then(s, { mark }) {
        const [dm] = messagesSince(s, mark);
        expect(dm!.content).toMatch(/going through a hard time/);
        expect(dm!.content).not.toMatch(/slip|relapse|craving|\d{4}-\d{2}-\d{2}/i);
      },
    }),
    bob: allowed(/Nobody else was told/, 'his own record only', { options: { restart_clean_time: false, date: '2026-11-21' }, changes: ['main slip bob 2026-11-21'] }),
    carol: allowed(/Nobody else was told/, 'her own record only', { changes: [`main slip carol ${TODAY}`] }),
    mod: allowed(/Nobody else was told/, "a moderator's own record", { changes: [`main slip mod ${TODAY}`] }),
    owner: allowed(/Nobody else was told/, "an admin's own record", { changes: [`main slip owner ${TODAY}`] }),
    'alice in a DM': refused(IN_SERVER, 'a DM belongs to no server'),
    'alice from another server': allowed(/not in a couple on Tandem here, so nobody was told/, "her partner in this server is not reached from there", {
      options: { restart_clean_time: false, tell_partner: true },
      changes: [`other slip alice ${TODAY}`],
    }),
  }),

  ...matrix(slash('sos'), {
    alice: allowed(/988/, 'help lines are for everyone'),
    bob: allowed(/988/, 'help lines are for everyone'),
    carol: allowed(/988/, 'help lines are for everyone'),
    mod: allowed(/988/, 'help lines are for everyone'),
    owner: allowed(/988/, 'help lines are for everyone'),
    'alice in a DM': allowed(/988|findahelpline/, 'the one command that works in a DM'),
    'alice from another server': allowed(/988|findahelpline/, 'help lines are for everyone'),
  }),

  ...matrix(suggestions('group members'), {
    mod: allowed(/Serenity/, "this server's groups", { shows: ['Harbor Lights'] }),
    'mod in a DM': allowed(/^\[\]$/, 'a DM has no groups to suggest'),
    'otherAdmin from another server': allowed(/Elsewhere|^\[\]$/, "never this server's groups", { hides: ['Serenity', 'Harbor Lights'] }),
  }),
  ...matrix(suggestions('homegroup join'), {
    'alice from another server': allowed(/Elsewhere|^\[\]$/, "never this server's groups", { hides: ['Serenity', 'Harbor Lights'] }),
  }),
];

/** A text field's pre-filled value in a modal the bot opened. */
function fieldValue(modal: any, customId: string): string | undefined {
  const fields = (modal.components as any[]).map((c) => c.component ?? c.components?.[0]);
  return fields.find((f) => f?.custom_id === customId)?.value;
}

const HEALTH_WORDS = /craving|mood|sober|slip|relapse|note|clean time|hard (day|time)/i;
const MODERATOR_COMMANDS = new Set(['setup', 'group', 'homegroup', 'couple', 'button']);

describe.each(availableProviders())('authorization matrix (%s)', (provider) => {
  let s: Scenario;

  beforeAll(async () => {
    s = await buildScenario(await startHarness(provider));
  });
  afterAll(async () => s?.h.stop());

  it('the scenario is as the matrix assumes', async () => {
    const couple = await s.h.tandem.db.couple.findUniqueOrThrow({ where: { id: s.coupleId } });
    expect(couple).toMatchObject({ status: 'active', sameGroupAllowed: false });
    expect(accessOf(s, s.coupleChannelId)).toEqual({ [s.id('alice')]: 'write', [s.id('bob')]: 'write' });
    expect(accessOf(s, s.groupChannel('Serenity'))).toEqual({ [s.id('alice')]: 'write', [s.id('carol')]: 'write' });
    expect(accessOf(s, s.groupChannel('Harbor Lights'))).toEqual({ [s.id('bob')]: 'write' });
    expect(await s.h.tandem.db.checkIn.count({ where: { noteSealed: { not: null } } })).toBe(3);
    expect(await s.h.tandem.db.slip.count({ where: { member: { userId: s.id('bob'), guildId: s.h.guildId }, localDate: TODAY } })).toBe(1);
  });

  it.each(MATRIX.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const ctx = await row.arrange?.(s);
    try {
      const before = await snapshot(s);
      const mark = discordMark(s);
      const transcript = row.action.run(s, row.by, row.where, row, ctx);

      let answer: any;
      let text: string;
      if (row.action.answer === 'reply') {
        answer = await transcript.reply();
        text = String(answer.content ?? '');
        expect(answer.flags & MessageFlags.Ephemeral, 'the reply is ephemeral').toBe(MessageFlags.Ephemeral);
      } else {
        const response = await transcript.response();
        if (row.allowed || row.action.answer === 'choices') {
          expect(response.type).toBe(row.action.answer === 'modal' ? 9 : 8);
          answer = response.data;
          text = row.action.answer === 'choices' ? JSON.stringify(answer.choices.map((c: { name: string }) => c.name)) : JSON.stringify(answer);
        } else {
          answer = await transcript.reply();
          text = String(answer.content ?? '');
          expect(answer.flags & MessageFlags.Ephemeral, 'the refusal is ephemeral').toBe(MessageFlags.Ephemeral);
        }
      }
      expect(text).toMatch(row.says);
      for (const shown of given(row.shows ?? [], s)) expect(text).toContain(shown);
      for (const hidden of given(row.hides ?? [], s)) expect(text).not.toContain(hidden);

      // Nobody ever reads another person's private record.
      for (const [author, note] of Object.entries(NOTES)) if (author !== row.by) expect(text).not.toContain(note);
      if (row.by !== 'alice') expect(text).not.toContain(ALICE_CLEAN_TIME);
      if (row.by !== 'alice' && row.by !== 'bob') expect(text).not.toContain(s.coupleChannelId);
      // Moderators and admins run the server; nothing they are told carries health data.
      if (['mod', 'owner', 'otherAdmin'].includes(row.by) && MODERATOR_COMMANDS.has(row.action.command)) expect(text).not.toMatch(HEALTH_WORDS);

      const after = await snapshot(s);
      expect(changedRows(before, after), 'database rows changed').toEqual(row.allowed ? (row.changes ?? []) : []);
      expect(discordEffectsSince(s, mark), 'what the bot did on Discord').toEqual(row.allowed ? (row.discord ?? []) : []);
      await row.then?.(s, { answer, mark, ctx });
    } finally {
      await row.cleanup?.(s);
    }
  });
});
