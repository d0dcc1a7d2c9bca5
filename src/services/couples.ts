// Couples: an invite both must accept, sharing each partner controls, an optional channel both
// agree to, pause/resume, and leaving that either partner can do alone, at once.
import { randomBytes } from 'node:crypto';
import { requireServer, type Actor } from '../domain/authorization.js';
import { coupleChannelName, isTogether, partnerOf, type Couple, type ShareSettings } from '../domain/couple.js';
import { InvalidInputError, NotAllowedError } from '../domain/errors.js';
import type { Member } from '../domain/member.js';
import { coupleText, INVITE_DAYS } from '../replies/couple.js';
import { coupleAccess } from './channelAccess.js';
import { AUDIT_REASON, notifyMember, type ServiceDeps } from './deps.js';

const DAY_MS = 86_400_000;

interface Seated {
  member: Member;
  couple: Couple;
  partner: Member;
  /** Which side of the couple row the actor is on. */
  side: 'inviter' | 'invitee';
}

async function currentCouple(deps: ServiceDeps, actor: Actor): Promise<Seated> {
  const guildId = requireServer(actor);
  // A lookup, not an ensure: a refusal stores nothing about the person asking.
  const member = await deps.repos.members.find(guildId, actor.userId);
  const couple = member && (await deps.repos.couples.findCurrentFor(member.id));
  if (!member || !couple || !isTogether(couple.status)) throw new InvalidInputError("You're not in a couple on Tandem right now. `/couple invite` asks a partner.");
  const partner = await deps.repos.members.get(partnerOf(couple, member.id));
  if (!partner) throw new Error(`couple ${couple.id} has no partner row`);
  return { member, couple, partner, side: couple.inviterId === member.id ? 'inviter' : 'invitee' };
}

async function syncCoupleChannel(deps: ServiceDeps, couple: Couple): Promise<void> {
  if (!couple.channelId) return;
  const guild = await deps.repos.guilds.ensure(couple.guildId);
  await deps.discord.setChannelAccess(couple.guildId, couple.channelId, await coupleAccess(deps.repos, couple, guild), AUDIT_REASON.coupleAccess);
}

export async function invitePartner(
  deps: ServiceDeps,
  actor: Actor,
  invitee: { userId: string; isBot: boolean },
  serverName: string,
): Promise<{ couple: Couple; delivered: boolean }> {
  const guildId = requireServer(actor);
  if (invitee.isBot) throw new InvalidInputError('Bots cannot be partners. Pick your partner as they appear in this server.');
  if (invitee.userId === actor.userId) throw new InvalidInputError('Pick your partner: you cannot invite yourself.');
  // Checks first, with lookups only: a refused invite stores nothing about either person.
  const seatedNow = async (userId: string) => {
    const member = await deps.repos.members.find(guildId, userId);
    return member !== undefined && (await deps.repos.couples.findCurrentFor(member.id)) !== undefined;
  };
  if (await seatedNow(actor.userId)) {
    throw new InvalidInputError('You are already in a couple in this server (one at a time). `/couple leave` ends it.');
  }
  if (await seatedNow(invitee.userId)) {
    throw new NotAllowedError("That member can't receive a couple invite right now.");
  }
  const inviter = await deps.repos.members.ensure(guildId, actor.userId);
  const target = await deps.repos.members.ensure(guildId, invitee.userId);
  const now = deps.clock.now();
  const open = (await deps.repos.couples.listOpenInvites(inviter.id)).find(
    (c) => c.inviterId === inviter.id && c.inviteeId === target.id && c.inviteExpiresAt > now,
  );
  const couple =
    open ??
    (await deps.repos.couples.createInvite({
      guildId,
      inviterId: inviter.id,
      inviteeId: target.id,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * DAY_MS),
      tag: randomBytes(2).toString('hex'),
    }));
  const delivered = await notifyMember(deps, invitee.userId, {
    content: coupleText.inviteDm(actor.userId, serverName),
    buttons: [
      { customId: `couple:accept:${couple.id}`, label: 'Accept', style: 'success' },
      { customId: `couple:decline:${couple.id}`, label: 'Decline', style: 'secondary' },
    ],
  });
  return { couple, delivered };
}

/** The invite to answer: the one a button names, or the newest open invite to this member. */
async function inviteFor(deps: ServiceDeps, actor: Actor, coupleId: string | undefined): Promise<{ couple: Couple; invitee: Member }> {
  const named = coupleId ? await deps.repos.couples.get(coupleId) : undefined;
  if (coupleId && !named) throw new InvalidInputError('This invite no longer exists.');
  const guildId = named?.guildId ?? requireServer(actor);
  if (actor.guildId && actor.guildId !== guildId) throw new NotAllowedError('That invite belongs to another server.');
  const member = await deps.repos.members.find(guildId, actor.userId);
  if (named && named.inviteeId !== member?.id) throw new NotAllowedError('Only the person who was invited can answer this invite.');
  const invite = named ?? (member && (await deps.repos.couples.listOpenInvites(member.id)).find((c) => c.inviteeId === member.id));
  if (!invite || !member) throw new InvalidInputError('You have no open couple invite.');
  if (invite.status !== 'invited') throw new InvalidInputError('This invite has already been answered or has ended.');
  if (invite.inviteExpiresAt <= deps.clock.now()) {
    await deps.repos.couples.closeInvite(invite.id, 'expired');
    throw new InvalidInputError('This invite has expired. Your partner can send a new one with `/couple invite`.');
  }
  return { couple: invite, invitee: member };
}

export async function acceptInvite(deps: ServiceDeps, actor: Actor, coupleId?: string): Promise<{ couple: Couple; partnerUserId: string }> {
  const { couple } = await inviteFor(deps, actor, coupleId);
  if (!(await deps.repos.couples.accept(couple.id, deps.clock.now()))) {
    throw new NotAllowedError('This invite can no longer be accepted: one of you is already in a couple in this server.');
  }
  const inviter = await deps.repos.members.get(couple.inviterId);
  if (!inviter) throw new Error(`couple ${couple.id} has no inviter row`);
  await notifyMember(deps, inviter.userId, { content: coupleText.acceptedToInviter(actor.userId) });
  return { couple: { ...couple, status: 'active' }, partnerUserId: inviter.userId };
}

export async function declineInvite(deps: ServiceDeps, actor: Actor, coupleId?: string): Promise<void> {
  const { couple } = await inviteFor(deps, actor, coupleId);
  await deps.repos.couples.closeInvite(couple.id, 'declined');
}

export async function updateShare(deps: ServiceDeps, actor: Actor, changes: Partial<ShareSettings>): Promise<ShareSettings> {
  const { member, couple } = await currentCouple(deps, actor);
  const current = await deps.repos.couples.getShare(couple.id, member.id);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(defined).length === 0) return current;
  return deps.repos.couples.setShare(couple.id, member.id, { ...current, ...defined });
}

/** Records this partner's wish; creates the channel once both agree. */
export async function requestCoupleChannel(
  deps: ServiceDeps,
  actor: Actor,
): Promise<{ state: 'waiting' | 'creating' | 'created' | 'exists'; channelId?: string; partnerUserId: string }> {
  const { couple, partner, side } = await currentCouple(deps, actor);
  if (couple.channelId) return { state: 'exists', channelId: couple.channelId, partnerUserId: partner.userId };
  const wish = side === 'inviter' ? { inviterWantsChannel: true } : { inviteeWantsChannel: true };
  const updated = await deps.repos.couples.update(couple.id, wish);
  if (!(updated.inviterWantsChannel && updated.inviteeWantsChannel)) {
    await notifyMember(deps, partner.userId, {
      content: coupleText.channelAskPartner(actor.userId),
      buttons: [{ customId: `couple:channel:${couple.id}`, label: 'Agree to a couple channel', style: 'primary' }],
    });
    return { state: 'waiting', partnerUserId: partner.userId };
  }
  // One request creates the channel: a double press, or both partners agreeing at once, makes one.
  if (!(await deps.repos.couples.claimChannelCreation(couple.id, deps.clock.now()))) {
    return { state: 'creating', partnerUserId: partner.userId };
  }
  try {
    const guild = await deps.repos.guilds.ensure(couple.guildId);
    const channelId = await deps.discord.createPrivateChannel(couple.guildId, {
      name: coupleChannelName(couple.tag),
      parentId: guild.categoryId,
      access: await coupleAccess(deps.repos, updated, guild),
      reason: AUDIT_REASON.coupleChannel,
    });
    await deps.repos.couples.update(couple.id, { channelId });
    return { state: 'created', channelId, partnerUserId: partner.userId };
  } catch (error) {
    await deps.repos.couples.releaseChannelClaim(couple.id);
    throw error;
  }
}

/** Applies a status change, then the channel; if Discord refuses, the change is undone (nothing half-done). */
async function changeStatus(deps: ServiceDeps, couple: Couple, changes: Parameters<ServiceDeps['repos']['couples']['update']>[1]): Promise<Couple> {
  const changed = await deps.repos.couples.update(couple.id, changes);
  try {
    await syncCoupleChannel(deps, changed);
  } catch (error) {
    await deps.repos.couples.update(couple.id, {
      status: couple.status,
      ...(couple.status !== 'paused' && { pausedAt: null }),
      inviterWantsResume: couple.inviterWantsResume,
      inviteeWantsResume: couple.inviteeWantsResume,
    });
    throw error;
  }
  return changed;
}

export async function pauseCouple(deps: ServiceDeps, actor: Actor): Promise<void> {
  const { couple, partner } = await currentCouple(deps, actor);
  if (couple.status === 'paused') throw new InvalidInputError('Your couple is already paused. `/couple resume` asks to resume.');
  await changeStatus(deps, couple, { status: 'paused', pausedAt: deps.clock.now(), inviterWantsResume: false, inviteeWantsResume: false });
  await notifyMember(deps, partner.userId, { content: coupleText.pausedToPartner });
}

export async function resumeCouple(deps: ServiceDeps, actor: Actor): Promise<'waiting' | 'resumed'> {
  const { couple, partner, side } = await currentCouple(deps, actor);
  if (couple.status !== 'paused') throw new InvalidInputError('Your couple is not paused.');
  const wish = side === 'inviter' ? { inviterWantsResume: true } : { inviteeWantsResume: true };
  const updated = await deps.repos.couples.update(couple.id, wish);
  if (!(updated.inviterWantsResume && updated.inviteeWantsResume)) {
    await notifyMember(deps, partner.userId, {
      content: coupleText.resumeAskPartner(actor.userId),
      buttons: [{ customId: `couple:resume:${couple.id}`, label: 'Resume together', style: 'primary' }],
    });
    return 'waiting';
  }
  await changeStatus(deps, updated, { status: 'active', pausedAt: null, inviterWantsResume: false, inviteeWantsResume: false });
  return 'resumed';
}

/**
 * Either partner, alone, immediately. The database ends first (sharing stops at once); the channel
 * is then locked. If Discord refuses, leaving still stands and the start-up repair locks it later.
 */
export async function leaveCouple(deps: ServiceDeps, actor: Actor): Promise<{ channelLocked: boolean }> {
  const { couple, partner } = await currentCouple(deps, actor);
  const ended = await deps.repos.couples.end(couple.id, deps.clock.now());
  let channelLocked = true;
  try {
    await syncCoupleChannel(deps, ended);
  } catch (error) {
    channelLocked = false;
    deps.logger.warn({ err: error, coupleId: couple.id }, 'could not archive a couple channel; the start-up repair will retry');
  }
  await notifyMember(deps, partner.userId, { content: coupleText.leftToPartner });
  return { channelLocked };
}
