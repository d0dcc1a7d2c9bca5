// Scans everything the bot sent outside an ephemeral reply (channel posts and DMs, as recorded by
// the stand-in) for health data the member did not choose to share, and checks every reply is private.
import { expect } from 'vitest';
import type { Harness } from './botHarness.js';

/** Never sent to anyone, whatever the member chose: craving, mood, notes, slips. */
const PRIVATE = [
  /craving/i,
  /\bmood\b/i,
  /\d+\/10\b/,
  /\d\/5\b/,
  /\bslip/i,
  /relapse/i,
  /\bused again\b/i,
  /\bwent back out\b/i,
  /\bstarting over\b/i,
  /\bnote\b/i,
  /restart/i,
  /clean time (restarts|begins|counts)/i,
];

/**
 * Sober yes/no, clean time and streaks: sent only where the member chose. A DM goes to one person
 * (the member, or the partner they share with, as far as `/couple share` allows), so these are
 * checked in channel posts, which others read (home group, moderators, couple facilitators).
 */
const CHOSEN_ONLY = [/\bsober\b/i, /\bhard day\b/i, /\bclean\b/i, /\bstreak\b/i];

export interface SentMessage {
  /** 'channel': a post in a server channel; 'dm': a direct message to one person. */
  where: 'channel' | 'dm';
  content: string;
  /** The rest of the message (buttons, embeds), scanned as well. */
  rest?: string;
}

export interface Consent {
  notes: string[];
  slipDates: string[];
  /**
   * Channel posts the members chose to make (exact text or pattern), such as a milestone line in the
   * home group with announcements on: exempt from the sober / clean-time / streak patterns only.
   */
  chosenPosts?: (string | RegExp)[];
}

const isChosen = (text: string, chosen: (string | RegExp)[]) => chosen.some((c) => (typeof c === 'string' ? c === text : c.test(text)));

/** What in `sent` would tell someone more than the member chose; empty when nothing. */
export function privateLeaks(sent: SentMessage[], consent: Consent): string[] {
  const leaks: string[] = [];
  for (const message of sent) {
    const text = `${message.content}\n${message.rest ?? ''}`;
    for (const pattern of PRIVATE) if (pattern.test(text)) leaks.push(`${message.where} matches ${pattern}: ${text}`);
    for (const secret of [...consent.notes, ...consent.slipDates]) if (text.includes(secret)) leaks.push(`${message.where} contains a secret: ${text}`);
    if (message.where === 'channel' && !isChosen(message.content, consent.chosenPosts ?? [])) {
      for (const pattern of CHOSEN_ONLY) if (pattern.test(text)) leaks.push(`channel post matches ${pattern} without the member's choice: ${text}`);
    }
  }
  return leaks;
}

export function expectNothingPrivatePosted(h: Harness, consent: Consent): void {
  const posts = h.standIn.recorder.requests.filter((r) => r.route === 'POST /channels/:channel_id/messages' && r.status < 300);
  expect(posts.length).toBeGreaterThan(0);
  const sent = posts.map((post): SentMessage => {
    // Buttons and embeds count too; the nonce is an opaque hash and is left out.
    const { content = '', nonce: _nonce, ...rest } = post.body as { content?: string; nonce?: unknown };
    return { where: h.standIn.state.guildChannel(post.params.channel_id!) ? 'channel' : 'dm', content, rest: JSON.stringify(rest) };
  });
  expect(privateLeaks(sent, consent)).toEqual([]);

  const callbacks = h.standIn.recorder.requests.filter((r) => r.route === 'POST /interactions/:interaction_id/:interaction_token/callback');
  expect(callbacks.length).toBeGreaterThan(0);
  for (const callback of callbacks) {
    const body = callback.body as { type: number; data?: { flags?: number } };
    // 4 = reply, 5 = deferred reply: both must be ephemeral. 8 (autocomplete) and 9 (modal) show nothing to others.
    if (body.type === 4 || body.type === 5) expect((body.data?.flags ?? 0) & 64, JSON.stringify(body).slice(0, 200)).toBe(64);
  }
  const followUps = h.standIn.recorder.requests.filter((r) => r.route === 'POST /webhooks/:webhook_id/:webhook_token');
  for (const followUp of followUps) expect(((followUp.body as { flags?: number }).flags ?? 0) & 64).toBe(64);
}
