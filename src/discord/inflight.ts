/** Tracks work in progress so shutdown can let it finish. */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();
  #closed = false;

  get size(): number {
    return this.#pending.size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `work` unless shutting down; returns false when refused. */
  run(work: () => Promise<unknown>): boolean {
    if (this.#closed) return false;
    const promise = work().finally(() => this.#pending.delete(promise));
    this.#pending.add(promise);
    return true;
  }

  /** Refuses new work and waits (at most `timeoutMs`) for what is running. True if all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = Promise.allSettled([...this.#pending]).then(() => true as const);
    const result = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    return result;
  }
}
