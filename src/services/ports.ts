// What services need from storage, as domain types. Implemented by src/db/repositories.
import type { LocalDate } from '../domain/calendar.js';
import type { CheckIn, ShareTarget } from '../domain/checkIn.js';
import type { Member } from '../domain/member.js';

export interface GuildSettings {
  id: string;
  region: string;
}

export interface GuildRepository {
  /** Returns the guild's settings, creating the row with defaults on first use. */
  ensure(guildId: string): Promise<GuildSettings>;
}

export interface MemberRepository {
  find(guildId: string, userId: string): Promise<Member | undefined>;
  /** Finds the member, creating the guild and member rows on first use. */
  ensure(guildId: string, userId: string): Promise<Member>;
  update(memberId: string, changes: { timezone?: string; cleanDate?: LocalDate | null }): Promise<Member>;
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
  share: ShareTarget;
}

export interface CheckInRepository {
  /** Creates the day's check-in, or updates it with the answers given (unset answers are kept); `created` tells which. */
  upsert(write: CheckInWrite): Promise<{ checkIn: CheckIn; created: boolean }>;
  /** Check-ins with localDate in [from, to], oldest first. */
  listBetween(memberId: string, from: LocalDate, to: LocalDate): Promise<CheckIn[]>;
  /** Every local date with a check-in, for streaks. */
  listDates(memberId: string): Promise<LocalDate[]>;
}

export interface Repositories {
  guilds: GuildRepository;
  members: MemberRepository;
  checkIns: CheckInRepository;
}

/** Seals private text (notes) before it is stored. */
export interface Sealer {
  seal(plaintext: string): string;
  open(sealed: string): string;
}
