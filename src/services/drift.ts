// On start, bring Discord back in line with the database: finish or drop interrupted group creations,
// recreate a home-group channel deleted by hand, re-apply access where it drifted, and report what
// could not be repaired (a couple channel deleted by hand is not recreated: the partners can ask again).
// One server's failure (say, a missing permission there) never stops the others.
import { coupleChannelName } from '../domain/couple.js';
import { homeGroupChannelName, type HomeGroup } from '../domain/homeGroup.js';
import { coupleAccess, homeGroupAccess } from './channelAccess.js';
import { AUDIT_REASON, type ServiceDeps } from './deps.js';

export interface DriftReport {
  adopted: number;
  discarded: number;
  recreated: number;
  updated: number;
  coupleChannelsMissing: number;
  /** Servers that could not be checked (the error is logged, without content). */
  failedGuilds: number;
}

const emptyReport = (): DriftReport => ({ adopted: 0, discarded: 0, recreated: 0, updated: 0, coupleChannelsMissing: 0, failedGuilds: 0 });

/** Channel ids Tandem already owns in this server: never adopted for another group. */
async function boundChannelIds(deps: ServiceDeps, guildId: string): Promise<Set<string>> {
  const groups = await deps.repos.homeGroups.list(guildId, { includeArchived: true });
  const couples = await deps.repos.couples.listWithChannels(guildId);
  return new Set([...groups, ...couples].flatMap((owner) => (owner.channelId ? [owner.channelId] : [])));
}

/** A crash between the intent row and the channel: adopt the channel it made, or drop the intent. */
async function settleInterruptedCreation(deps: ServiceDeps, intent: HomeGroup, report: DriftReport): Promise<void> {
  const guild = await deps.repos.guilds.ensure(intent.guildId);
  const bound = await boundChannelIds(deps, intent.guildId);
  const name = homeGroupChannelName(intent.name);
  const orphan = (await deps.discord.listChannels(intent.guildId)).find(
    (channel) => channel.name === name && !bound.has(channel.id) && channel.parentId === (guild.categoryId ?? null),
  );
  if (orphan) {
    await deps.repos.homeGroups.activate(intent.id, orphan.id);
    report.adopted += 1;
  } else {
    await deps.repos.homeGroups.discard(intent.id);
    report.discarded += 1;
  }
}

/** A crash between claiming a couple channel and storing it: adopt the channel it made, or release the claim. */
async function settleInterruptedCoupleChannels(deps: ServiceDeps, guildId: string, report: DriftReport): Promise<void> {
  const pending = await deps.repos.couples.listUnfinishedChannels(guildId);
  if (pending.length === 0) return;
  const guild = await deps.repos.guilds.ensure(guildId);
  const bound = await boundChannelIds(deps, guildId);
  const channels = await deps.discord.listChannels(guildId);
  for (const couple of pending) {
    const orphan = channels.find((c) => c.name === coupleChannelName(couple.tag) && !bound.has(c.id) && c.parentId === (guild.categoryId ?? null));
    if (orphan) {
      await deps.repos.couples.update(couple.id, { channelId: orphan.id });
      report.adopted += 1;
    } else {
      await deps.repos.couples.releaseChannelClaim(couple.id);
      report.discarded += 1;
    }
  }
}

/** Applies the database's access lists to every Tandem channel of one server. */
export async function syncGuildChannels(deps: ServiceDeps, guildId: string, report: DriftReport = emptyReport()): Promise<DriftReport> {
  const guild = await deps.repos.guilds.ensure(guildId);
  for (const group of await deps.repos.homeGroups.list(guildId, { includeArchived: true })) {
    const access = await homeGroupAccess(deps.repos, group, guild);
    const outcome = group.channelId ? await deps.discord.ensureChannelAccess(guildId, group.channelId, access, AUDIT_REASON.repair) : 'missing';
    if (outcome === 'updated') report.updated += 1;
    if (outcome === 'missing') {
      const channelId = await deps.discord.createPrivateChannel(guildId, {
        name: homeGroupChannelName(group.name),
        parentId: guild.categoryId,
        access,
        reason: AUDIT_REASON.repair,
      });
      await deps.repos.homeGroups.activate(group.id, channelId);
      if (group.status === 'archived') await deps.repos.homeGroups.archive(group.id, deps.clock.now());
      report.recreated += 1;
    }
  }
  for (const couple of await deps.repos.couples.listWithChannels(guildId)) {
    const access = await coupleAccess(deps.repos, couple, guild);
    const outcome = await deps.discord.ensureChannelAccess(guildId, couple.channelId!, access, AUDIT_REASON.repair);
    if (outcome === 'updated') report.updated += 1;
    if (outcome === 'missing') {
      await deps.repos.couples.update(couple.id, { channelId: null, inviterWantsChannel: false, inviteeWantsChannel: false });
      report.coupleChannelsMissing += 1;
    }
  }
  return report;
}

export async function repairDrift(deps: ServiceDeps, guildIds: readonly string[]): Promise<DriftReport> {
  const report = emptyReport();
  const present = new Set(guildIds);
  const intents = (await deps.repos.homeGroups.listUnfinished()).filter((intent) => present.has(intent.guildId));
  for (const guildId of guildIds) {
    try {
      for (const intent of intents.filter((i) => i.guildId === guildId)) await settleInterruptedCreation(deps, intent, report);
      await settleInterruptedCoupleChannels(deps, guildId, report);
      await syncGuildChannels(deps, guildId, report);
    } catch (error) {
      report.failedGuilds += 1;
      deps.logger.warn({ err: error, guildId }, 'could not check this server’s channels; will try again at the next start');
    }
  }
  return report;
}
