/** A controllable clock shared by an adapter and its test server. */
export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
}

/** Creates a fake clock starting at `start` (ms since epoch). */
export function createFakeClock(start = Date.parse('2025-03-03T01:00:10Z')): FakeClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}
