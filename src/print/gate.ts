/**
 * Work that runs alongside other work, or alone. A job retried after a crash
 * runs alone (see browser.ts): if it is what crashed the browser, it crashes
 * it with no other report on board. Waiters are served in arrival order, so
 * a job waiting to run alone is not overtaken by jobs that arrive after it.
 */
interface Waiter {
  alone: boolean;
  start: () => void;
}

export class Gate {
  #running = 0;
  #alone = false;
  readonly #queue: Waiter[] = [];

  /** Runs `work` alongside any other work that is not alone. */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.#enter(false, work);
  }

  /** Runs `work` once nothing else runs, and lets nothing else start until it is done. */
  alone<T>(work: () => Promise<T>): Promise<T> {
    return this.#enter(true, work);
  }

  async #enter<T>(alone: boolean, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.#queue.push({ alone, start });
      this.#admit();
    });
    try {
      return await work();
    } finally {
      this.#running--;
      this.#alone = false;
      this.#admit();
    }
  }

  #admit(): void {
    for (;;) {
      const next = this.#queue[0];
      if (next === undefined || this.#alone || (next.alone && this.#running > 0)) return;
      this.#queue.shift();
      this.#running++;
      this.#alone = next.alone;
      next.start();
    }
  }
}
