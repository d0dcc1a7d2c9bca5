// Crisis and help lines by region. Kept as data so a server can be configured per region.

export interface HelpLine {
  name: string;
  contact: string;
  note?: string;
}

export const REGIONS = ['US', 'CA', 'GB', 'IE', 'OTHER'] as const;
export type Region = (typeof REGIONS)[number];

const FIND_A_HELPLINE: HelpLine = {
  name: 'Find A Helpline',
  contact: 'https://findahelpline.com',
  note: 'free, confidential lines in your country',
};

const LINES: Record<Region, HelpLine[]> = {
  US: [
    { name: '988 Suicide & Crisis Lifeline', contact: 'call or text 988', note: '24/7' },
    { name: 'SAMHSA National Helpline', contact: '1-800-662-4357', note: 'free, confidential, 24/7, treatment referral' },
  ],
  CA: [
    { name: '9-8-8 Suicide Crisis Helpline', contact: 'call or text 9-8-8', note: '24/7' },
    FIND_A_HELPLINE,
  ],
  GB: [{ name: 'Samaritans', contact: '116 123', note: 'free, 24/7' }, FIND_A_HELPLINE],
  IE: [{ name: 'Samaritans', contact: '116 123', note: 'free, 24/7' }, FIND_A_HELPLINE],
  OTHER: [FIND_A_HELPLINE],
};

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

export function helpLinesFor(region: string): HelpLine[] {
  return LINES[isRegion(region) ? region : 'OTHER'];
}

/** Where the region is unknown (a DM): the main lines of every region we know, then the directory. */
export function helpLinesEverywhere(): HelpLine[] {
  const seen = new Set<string>();
  return REGIONS.flatMap((region) => LINES[region]).filter((line) => {
    const key = `${line.name}|${line.contact}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => Number(a === FIND_A_HELPLINE) - Number(b === FIND_A_HELPLINE));
}
