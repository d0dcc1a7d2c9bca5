// Scans everything the bot sent outside an ephemeral reply (channel posts and DMs, as recorded by
// the stand-in) for health data the member did not choose to share, and checks every reply is private.
import { expect } from 'vitest';
import type { Harness } from './botHarness.js';

const PRIVATE = [/craving/i, /\bmood\b/i, /\d+\/10\b/, /\d\/5\b/, /\bslip/i, /relapse/i, /\bnote\b/i, /restart/i, /clean time (restarts|begins|counts)/i];

export function expectNothingPrivatePosted(h: Harness, secrets: { notes: string[]; slipDates: string[] }): void {
  const posts = h.standIn.recorder.requests.filter((r) => r.route === 'POST /channels/:channel_id/messages' && r.status < 300);
  expect(posts.length).toBeGreaterThan(0);
  for (const post of posts) {
    const text = JSON.stringify(post.body);
    for (const pattern of PRIVATE) expect(text, `a message the bot posted matches ${pattern}`).not.toMatch(pattern);
    for (const secret of [...secrets.notes, ...secrets.slipDates]) expect(text).not.toContain(secret);
  }

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
