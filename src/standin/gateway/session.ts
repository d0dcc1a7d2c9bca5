import type { WebSocket } from 'ws';

export interface DispatchFrame {
  readonly op: 0;
  readonly t: string;
  readonly s: number;
  readonly d: unknown;
}

/** Events kept for RESUME replay; older ones are dropped (Discord keeps a bounded buffer too). */
const REPLAY_LIMIT = 1000;
/** How long a session whose socket closed can still be resumed. */
export const RESUME_WINDOW_MS = 2 * 60 * 1000;

/**
 * One gateway session (created by IDENTIFY). It outlives its socket: while the client is away,
 * dispatches are numbered and buffered, and a RESUME replays those after the client's last sequence.
 */
export class GatewaySession {
  private seq = 0;
  private readonly sent: DispatchFrame[] = [];
  socket: WebSocket | undefined;
  /** True between READY/RESUMED and the socket closing. */
  live = false;
  /** When the socket closed (undefined while connected). */
  offlineSince: number | undefined;

  constructor(
    readonly id: string,
    readonly intents: number,
    readonly shard: readonly [number, number],
  ) {}

  get sequence(): number {
    return this.seq;
  }

  expired(now: number): boolean {
    return this.offlineSince !== undefined && now - this.offlineSince > RESUME_WINDOW_MS;
  }

  goOffline(now: number): void {
    this.live = false;
    this.socket = undefined;
    this.offlineSince = now;
  }

  /** Numbers the event and sends it now, or keeps it for replay if the socket is gone. */
  dispatch(t: string, d: unknown, send: (socket: WebSocket, frame: DispatchFrame) => void): DispatchFrame {
    const frame: DispatchFrame = { op: 0, t, s: ++this.seq, d };
    this.sent.push(frame);
    if (this.sent.length > REPLAY_LIMIT) this.sent.shift();
    if (this.socket && this.live) send(this.socket, frame);
    return frame;
  }

  /** Events after `seq`, or undefined if some of them were already dropped from the buffer. */
  missedSince(seq: number): DispatchFrame[] | undefined {
    const oldest = this.sent[0]?.s ?? this.seq + 1;
    if (seq + 1 < oldest && seq < this.seq) return undefined;
    return this.sent.filter((f) => f.s > seq);
  }
}
