/** Discord's epoch (2015-01-01T00:00:00.000Z). */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates realistic, strictly increasing snowflakes: timestamp << 22 | worker << 17 | process << 12 | increment.
 * When many ids are made in the same millisecond the increment grows; when it would overflow, time moves on by one.
 */
export class SnowflakeGenerator {
  private lastTimestamp = 0n;
  private increment = 0n;

  constructor(
    private readonly worker = 1n,
    private readonly process = 0n,
    private readonly now: () => number = Date.now,
  ) {}

  next(): string {
    let timestamp = BigInt(this.now()) - DISCORD_EPOCH;
    if (timestamp <= this.lastTimestamp) {
      timestamp = this.lastTimestamp;
      this.increment++;
      if (this.increment > 0xfffn) {
        timestamp++;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastTimestamp = timestamp;
    return ((timestamp << 22n) | (this.worker << 17n) | (this.process << 12n) | this.increment).toString();
  }
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** One generator shared by the builders, so ids from different builders never collide. */
export const sharedIds = new SnowflakeGenerator(2n);
