// What services need from storage and from Discord, as domain types and plain ids.
// Implemented by src/db/repositories and src/discord/discordPort.ts; tests may fake them.
import type { LocalDate } from '../domain/calendar.js';
import type { CheckIn, ShareTarget } from '../domain/checkIn.js';
import type { Couple, CoupleStatus, ShareSettings } from '../domain/couple.js';
import type { HomeGroup } from '../domain/homeGroup.js';
import type { Member } from '../domain/member.js';
import type { RetryPolicy } from '../domain/milestoneDue.js';
import type { CleanPeriod } from '../domain/slip.js';

export interface GuildSettings {
  id: string;
  region: string;
  language: string;
  moderatorRoleId: string | undefined;
  facilitatorRoleId: string | undefined;
  categoryId: string | undefined;
  configured: boolean;
}

/** Undefined fields are left as they are. */
export interface GuildConfiguration {
  region?: string | undefined;
  language?: string | undefined;
  moderatorRoleId?: string | undefined;
  /** null removes the facilitator role. */
  facilitatorRoleId?: string | null | undefined;
  categoryId?: string | undefined;
}

export interface GuildRepository {
  /** Returns the guild's settings, creating the row with defaults on first use. */
  ensure(guildId: string): Promise<GuildSettings>;
  configure(guildId: string, changes: GuildConfiguration, at: Date): Promise<GuildSettings>;
}

export interface MemberPreferences {
  timezone?: string;
  cleanDate?: LocalDate | null;
  announceMilestones?: boolean;
  matReminder?: boolean;
}

export interface MemberRepository {
  find(guildId: string, userId: string): Promise<Member | undefined>;
  /** By member id (not Discord id). */
  get(memberId: string): Promise<Member | undefined>;
  /** Finds the member, creating the guild and member rows on first use. */
  ensure(guildId: string, userId: string): Promise<Member>;
  update(memberId: string, changes: MemberPreferences): Promise<Member>;
  setHomeGroup(memberId: string, homeGroupId: string | null): Promise<Member>;
  listByHomeGroup(homeGroupId: string): Promise<Member[]>;
}

export interface CheckInWrite {
  memberId: string;
  localDate: LocalDate;
  sober: boolean;
  craving: number | undefined;
  mood: number | undefined;
  meeting: boolean | undefined;
  /** The note, already sealed (encrypted). */
  noteSealed: string | undefined;
  /** Left out: where the day's check-in was shared stays as it is (see claimShare). */
  share?: ShareTarget | undefined;
}

export interface CheckInRepository {
  /** Creates the day's check-in, or updates it with the answers given (unset answers are kept); `created` tells which. */
  upsert(write: CheckInWrite): Promise<{ checkIn: CheckIn; created: boolean }>;
  /** Check-ins with localDate in [from, to], oldest first. */
  listBetween(memberId: string, from: LocalDate, to: LocalDate): Promise<CheckIn[]>;
  /** Every local date with a check-in, for streaks. */
  listDates(memberId: string): Promise<LocalDate[]>;
  /**
   * Marks the day's check-in as shared with `target`, atomically; false when it already was
   * (so a repeated check-in, or two racing, never post twice).
   */
  claimShare(memberId: string, localDate: LocalDate, target: Exclude<ShareTarget, 'private'>, at: Date): Promise<boolean>;
  /** Undoes a claim whose message was not delivered, so the member can share that day again. */
  releaseShare(memberId: string, localDate: LocalDate, target: Exclude<ShareTarget, 'private'>): Promise<void>;
}

export interface SlipWrite {
  memberId: string;
  localDate: LocalDate;
  restartedCleanTime: boolean;
  /** The clean period the slip closes, kept as history. */
  closedPeriod: CleanPeriod | undefined;
  /** The member's new clean date, when clean time restarts. */
  newCleanDate: LocalDate | undefined;
}

export interface SlipRepository {
  /** Stores the slip, the closed period and the new clean date together, or nothing; the partner not (yet) told. */
  record(write: SlipWrite): Promise<{ slipId: string }>;
  /** Records that the partner's DM was delivered. */
  markToldPartner(slipId: string): Promise<void>;
  /** Earlier clean periods, most recent first. */
  listCleanPeriods(memberId: string): Promise<CleanPeriod[]>;
}

/** A couple whose milestones may be posted: together, with a shared channel. */
export type CoupleWithChannel = Pick<Couple, 'id' | 'guildId' | 'inviterId' | 'inviteeId' | 'status'> & { channelId: string };

export interface MilestoneRepository {
  /** Members with a clean date, in every server, for the milestone tick. */
  listMembersWithCleanDate(): Promise<Member[]>;
  /** Active couples with a channel, in every server. */
  listActiveCouplesWithChannel(): Promise<CoupleWithChannel[]>;
  /**
   * Claims an attempt at telling a milestone, atomically (insert before telling): the first (the
   * notice is inserted), or, with `retry`, the next attempt of an undelivered notice the policy
   * allows. Returns the attempt's number; undefined when it is delivered, taken, or out of attempts.
   */
  claim(memberId: string, cleanDate: LocalDate, key: string, at: Date, retry?: RetryPolicy): Promise<number | undefined>;
  /** Every message of the telling went out (or was refused for good). */
  markDelivered(memberId: string, cleanDate: LocalDate, key: string, at: Date): Promise<void>;
  /** Audiences (member, homegroup, partner) an earlier attempt already told, so a retry skips them. */
  deliveredParts(memberId: string, cleanDate: LocalDate, key: string): Promise<Set<string>>;
  markPartDelivered(memberId: string, cleanDate: LocalDate, key: string, part: string): Promise<void>;
  claimForCouple(coupleId: string, key: string, sinceDate: LocalDate, at: Date, retry?: RetryPolicy): Promise<number | undefined>;
  markCoupleDelivered(coupleId: string, key: string, sinceDate: LocalDate, at: Date): Promise<void>;
}

export interface HomeGroupRepository {
  /** Records the intent to create a group (status "creating"); undefined when the name is taken in this server. */
  createIntent(guildId: string, name: string, fellowship: string): Promise<HomeGroup | undefined>;
  activate(homeGroupId: string, channelId: string): Promise<HomeGroup>;
  /** Removes a group whose channel could not be created. */
  discard(homeGroupId: string): Promise<void>;
  archive(homeGroupId: string, at: Date): Promise<HomeGroup>;
  get(homeGroupId: string): Promise<HomeGroup | undefined>;
  findByName(guildId: string, name: string): Promise<HomeGroup | undefined>;
  list(guildId: string, options?: { includeArchived?: boolean }): Promise<HomeGroup[]>;
  /** Groups stuck in "creating" (a crash between intent and channel), across servers. */
  listUnfinished(): Promise<HomeGroup[]>;
}

export interface CoupleRepository {
  createInvite(invite: { guildId: string; inviterId: string; inviteeId: string; expiresAt: Date; tag: string }): Promise<Couple>;
  get(coupleId: string): Promise<Couple | undefined>;
  /** The couple a member sits in (active or paused), if any. */
  findCurrentFor(memberId: string): Promise<Couple | undefined>;
  /** Open invites sent by or to this member. */
  listOpenInvites(memberId: string): Promise<Couple[]>;
  /**
   * Seats both partners and makes the couple active, atomically; false (and nothing changed) when
   * either partner already sits in a couple or the invite is no longer open.
   */
  accept(coupleId: string, at: Date): Promise<boolean>;
  /** Moves an open invite to declined or expired; false if it was no longer open. */
  closeInvite(coupleId: string, status: Extract<CoupleStatus, 'declined' | 'expired'>): Promise<boolean>;
  update(
    coupleId: string,
    changes: Partial<
      Pick<Couple, 'status' | 'inviterWantsChannel' | 'inviteeWantsChannel' | 'inviterWantsResume' | 'inviteeWantsResume' | 'sameGroupAllowed'>
    > & { pausedAt?: Date | null; channelId?: string | null },
  ): Promise<Couple>;
  /** Ends the couple: status ended, seats freed, sharing switched off. */
  end(coupleId: string, at: Date): Promise<Couple>;
  /** What `memberId` lets their partner see (everything off when never set). */
  getShare(coupleId: string, memberId: string): Promise<ShareSettings>;
  setShare(coupleId: string, memberId: string, settings: ShareSettings): Promise<ShareSettings>;
  /** Claims the creation of the couple's channel; false when it exists or another request is creating it. */
  claimChannelCreation(coupleId: string, at: Date): Promise<boolean>;
  releaseChannelClaim(coupleId: string): Promise<void>;
  /** Claimed creations that never stored a channel (a crash in between), for the start-up repair. */
  listUnfinishedChannels(guildId: string): Promise<Couple[]>;
  /** Couples with a channel, active or paused, for drift checks. */
  listWithChannels(guildId: string): Promise<Couple[]>;
}

export interface Repositories {
  guilds: GuildRepository;
  members: MemberRepository;
  checkIns: CheckInRepository;
  homeGroups: HomeGroupRepository;
  couples: CoupleRepository;
  slips: SlipRepository;
  milestones: MilestoneRepository;
}

/** Seals private text (notes) before it is stored. */
export interface Sealer {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** False when `sealed` was sealed with an earlier key (re-seal it to finish a key rotation). */
  isCurrent(sealed: string): boolean;
}

export interface ButtonSpec {
  /** Stateless id routed by prefix, e.g. "couple:accept:<coupleId>". At most 100 characters. */
  customId: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
}

export interface OutgoingMessage {
  content: string;
  buttons?: ButtonSpec[];
}

/** write: view + send; read: view only (read-only); none: no overwrite (the channel stays hidden). */
export type AccessMode = 'write' | 'read' | 'none';

export interface ChannelAccess {
  members: { userId: string; mode: AccessMode }[];
  roles: { roleId: string; mode: AccessMode }[];
}

/**
 * Discord side effects, by plain ids. Private channels always deny @everyone and allow the bot.
 * Audit-log reasons passed here must never carry health details or member names.
 */
export interface DiscordPort {
  createPrivateChannel(guildId: string, spec: { name: string; parentId: string | undefined; access: ChannelAccess; reason: string }): Promise<string>;
  setChannelAccess(guildId: string, channelId: string, access: ChannelAccess, reason: string): Promise<void>;
  /** undefined when the channel no longer exists. */
  findChannel(guildId: string, channelId: string): Promise<{ id: string; name: string } | undefined>;
  listChannels(guildId: string): Promise<{ id: string; name: string; parentId: string | null }[]>;
  /** Applies `access` only if the channel's overwrites differ; 'missing' when the channel is gone. */
  ensureChannelAccess(guildId: string, channelId: string, access: ChannelAccess, reason: string): Promise<'unchanged' | 'updated' | 'missing'>;
  /**
   * `idempotencyKey`: the same key for every attempt at one message (derived from its claim), so
   * Discord keeps one copy when a retry follows a delivery whose answer was lost.
   */
  sendChannelMessage(channelId: string, message: OutgoingMessage, idempotencyKey?: string): Promise<void>;
  /** 'closed' when the member does not accept DMs from the bot (never retried). */
  sendDirectMessage(userId: string, message: OutgoingMessage, idempotencyKey?: string): Promise<'sent' | 'closed'>;
}
