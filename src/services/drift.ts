// On start, bring Discord back in line with the database: finish or drop interrupted group creations,
// recreate a home-group channel deleted by hand, re-apply access where it drifted, and report what
// could not be repaired (a couple channel deleted by hand is not recreated: the partners can ask again).
import { homeGroupChannelName } from '../domain/homeGroup.js';
import { coupleAccess, homeGroupAccess } from './channelAccess.js';
import { AUDIT_REASON, type ServiceDeps } from './deps.js';

export interface DriftReport {
  adopted: number;
  discarded: number;
  recreated: number;
  updated: number;
  coupleChannelsMissing: number;
}

export async function repairDrift(deps: ServiceDeps, guildIds: readonly string[]): Promise<DriftReport> {
  const report: DriftReport = { adopted: 0, discarded: 0, recreated: 0, updated: 0, coupleChannelsMissing: 0 };
  const present = new Set(guildIds);

  for (const intent of await deps.repos.homeGroups.listUnfinished()) {
    if (!present.has(intent.guildId)) continue;
    const name = homeGroupChannelName(intent.name);
    const orphan = (await deps.discord.listChannels(intent.guildId)).find((channel) => channel.name === name);
    if (orphan) {
      await deps.repos.homeGroups.activate(intent.id, orphan.id);
      report.adopted += 1;
    } else {
      await deps.repos.homeGroups.discard(intent.id);
      report.discarded += 1;
    }
  }

  for (const guildId of guildIds) {
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
  }
  return report;
}
