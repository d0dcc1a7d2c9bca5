import type { APIInteraction, APIMessage } from 'discord.js';
import type { InteractionResponseRecord, InteractionTranscript } from '../types.js';

/** What the stand-in remembers about one interaction it sent. */
export interface InteractionRecord {
  readonly interaction: APIInteraction;
  readonly createdAt: number;
  callback?: InteractionResponseRecord;
  /** Channel and id of the message `@original` refers to (the reply, or the component's message for 6/7). */
  original?: { readonly channelId: string; readonly messageId: string };
  /** Bodies of successful PATCH .../messages/@original. */
  readonly originalEdits: Record<string, unknown>[];
  /** Bodies of successful follow-ups, and the ids of the messages they made. */
  readonly followUps: Record<string, unknown>[];
  readonly followUpIds: Set<string>;
}

export class InteractionStore {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly listeners = new Set<() => void>();

  add(interaction: APIInteraction): InteractionRecord {
    const record: InteractionRecord = {
      interaction,
      createdAt: Date.now(),
      originalEdits: [],
      followUps: [],
      followUpIds: new Set(),
    };
    this.byId.set(interaction.id, record);
    this.byToken.set(interaction.token, record);
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  byWebhookToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  /** Call after changing a record, to wake transcripts waiting on it. */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when `read` returns a value; rejects after `timeoutMs`. */
  waitUntil<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    let now: T | undefined;
    try {
      now = read();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const listener = (): void => {
        let value: T | undefined;
        try {
          value = read();
        } catch (error) {
          cleanup();
          reject(error as Error);
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /** Stops every pending wait (their promises never settle), so closing leaves no timers behind. */
  dispose(): void {
    this.listeners.clear();
  }
}

type MessageLookup = (channelId: string, messageId: string) => APIMessage | undefined;

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  1: 'a pong (type 1)',
  8: 'autocomplete choices (type 8)',
  9: 'a modal (type 9)',
  10: 'premium required (type 10)',
  12: 'an activity launch (type 12)',
};

export class Transcript implements InteractionTranscript {
  constructor(
    private readonly store: InteractionStore,
    private readonly record: InteractionRecord,
    private readonly lookup: MessageLookup,
  ) {}

  get id(): string {
    return this.record.interaction.id;
  }

  get token(): string {
    return this.record.interaction.token;
  }

  response(timeoutMs = 3000): Promise<InteractionResponseRecord> {
    return this.store.waitUntil(() => this.record.callback, timeoutMs, `the response to interaction ${this.id}`);
  }

  reply(timeoutMs = 5000): Promise<any> {
    return this.store.waitUntil(() => this.visibleReply(), timeoutMs, `the reply to interaction ${this.id}`);
  }

  followUps(): any[] {
    return [...this.record.followUps];
  }

  private currentFlags(): number {
    const original = this.record.original;
    const message = original ? this.lookup(original.channelId, original.messageId) : undefined;
    return (message?.flags ?? 0) & ~128;
  }

  private visibleReply(): Record<string, unknown> | undefined {
    const callback = this.record.callback;
    if (!callback) return undefined;
    switch (callback.type) {
      case 4:
      case 7: {
        const data = (callback.data ?? {}) as Record<string, unknown>;
        return { ...data, flags: Number(data.flags ?? 0) | this.currentFlags() };
      }
      case 5:
      case 6: {
        const edit = this.record.originalEdits[0];
        return edit ? { ...edit, flags: Number(edit.flags ?? 0) | this.currentFlags() } : undefined;
      }
      default:
        throw new Error(`Interaction ${this.id} was answered with ${DESCRIPTIONS[callback.type] ?? `type ${callback.type}`}, not a message`);
    }
  }
}
