import type { Db } from '../client.js';
import type { Repositories } from '../../services/ports.js';
import { checkInRepository } from './checkIns.js';
import { coupleRepository } from './couples.js';
import { guildRepository } from './guilds.js';
import { homeGroupRepository } from './homeGroups.js';
import { memberRepository } from './members.js';
import { milestoneRepository } from './milestones.js';
import { slipRepository } from './slips.js';

export function createRepositories(db: Db): Repositories {
  return {
    guilds: guildRepository(db),
    members: memberRepository(db),
    checkIns: checkInRepository(db),
    homeGroups: homeGroupRepository(db),
    couples: coupleRepository(db),
    slips: slipRepository(db),
    milestones: milestoneRepository(db),
  };
}
