import { helpLinesFor, type HelpLine } from '../domain/crisisLines.js';
import type { Repositories } from './ports.js';

export async function helpLinesForGuild(repos: Repositories, guildId: string | undefined): Promise<HelpLine[]> {
  if (!guildId) return helpLinesFor('OTHER');
  const guild = await repos.guilds.ensure(guildId);
  return helpLinesFor(guild.region);
}
