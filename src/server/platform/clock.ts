/** Injectable time source: services never call Date.now() themselves. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Starts at `start` and runs at normal speed (LOKET_CLOCK_START): lets a demo or a black-box test
 * happen "on a Wednesday morning in Samarinda" at any real hour.
 */
export function offsetClock(start: Date, realNow = Date.now()): Clock {
  const offset = start.getTime() - realNow;
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
