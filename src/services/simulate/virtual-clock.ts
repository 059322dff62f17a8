import type { Clock } from '../deps.js';

/** A clock that only moves when told to: the simulator's virtual time. */
export interface VirtualClock extends Clock {
  /** Moves the clock to `at` (epoch milliseconds). */
  set(at: number): void;
}

/** Creates a virtual clock starting at `start` (epoch milliseconds). */
export function createVirtualClock(start: number): VirtualClock {
  let current = start;
  return {
    now: () => new Date(current),
    set: (at: number) => {
      current = at;
    },
  };
}
