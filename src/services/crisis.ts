import { helpLinesEverywhere, helpLinesFor, type HelpLine } from '../domain/crisisLines.js';
import type { Repositories } from './ports.js';

/** The server's region's lines; in a DM (region unknown) the lines of every region we know. */
export async function helpLinesForGuild(repos: Repositories, guildId: string | undefined): Promise<HelpLine[]> {
  if (!guildId) return helpLinesEverywhere();
  const guild = await repos.guilds.ensure(guildId);
  return helpLinesFor(guild.region);
}
