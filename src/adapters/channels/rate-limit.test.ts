import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, decideRate, PROVIDER_LIMITS, type RateWindow } from './rate-limit.js';

const windowsArb = fc.array(
  fc.record({ limit: fc.integer({ min: 1, max: 8 }), windowMs: fc.integer({ min: 1, max: 5_000 }) }),
  { minLength: 1, maxLength: 3 },
);
const gapsArb = fc.array(fc.integer({ min: 0, max: 1_500 }), { maxLength: 120 });

/** Replays attempts at increasing times; returns the accepted times. */
function replay(windows: RateWindow[], gaps: number[]): number[] {
  const limiter = createRateLimiter(windows);
  const accepted: number[] = [];
  let now = 1_000_000;
  for (const gap of gaps) {
    now += gap;
    if (limiter.acquire('k', now).kind === 'now') accepted.push(now);
  }
  return accepted;
}

describe('sliding-window rate limiter', () => {
  it('never lets more than N through in any window', () => {
    fc.assert(
      fc.property(windowsArb, gapsArb, (windows, gaps) => {
        const accepted = replay(windows, gaps);
        for (const { limit, windowMs } of windows) {
          // The fullest window ends at an accepted send, so checking those endpoints suffices.
          for (const end of accepted) {
            const inside = accepted.filter((t) => t > end - windowMs && t <= end).length;
            expect(inside).toBeLessThanOrEqual(limit);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers a wait time at which the send is then allowed, and not allowed just before', () => {
    fc.assert(
      fc.property(windowsArb, gapsArb, (windows, gaps) => {
        const limiter = createRateLimiter(windows);
        let now = 1_000_000;
        for (const gap of gaps) {
          now += gap;
          const decision = limiter.check('k', now);
          if (decision.kind === 'wait') {
            expect(decision.until).toBeGreaterThan(now);
            // Earlier instant first: the limiter prunes history as time moves forward.
            expect(limiter.check('k', decision.until - 1).kind).toBe('wait');
            expect(limiter.check('k', decision.until).kind).toBe('now');
          } else {
            limiter.acquire('k', now);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is not over-cautious: allows a send whenever every window has room', () => {
    fc.assert(
      fc.property(windowsArb, fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 30 }), fc.integer({ min: 0, max: 10_000 }), (windows, history, now) => {
        const roomEverywhere = windows.every(
          ({ limit, windowMs }) => history.filter((t) => t > now - windowMs && t <= now).length < limit,
        );
        expect(decideRate(history, windows, now).kind === 'now').toBe(roomEverywhere);
      }),
    );
  });

  it('keeps credentials apart', () => {
    const limiter = createRateLimiter(PROVIDER_LIMITS.wecomRobot);
    for (let i = 0; i < 20; i += 1) expect(limiter.acquire('robot-a', 0).kind).toBe('now');
    expect(limiter.acquire('robot-a', 0)).toEqual({ kind: 'wait', until: 60_000 });
    expect(limiter.acquire('robot-b', 0).kind).toBe('now');
  });

  it('applies both Feishu windows: 5 a second and 100 a minute', () => {
    const limiter = createRateLimiter(PROVIDER_LIMITS.feishuBot);
    for (let i = 0; i < 5; i += 1) limiter.acquire('bot', 10);
    expect(limiter.check('bot', 500)).toEqual({ kind: 'wait', until: 1_010 });
    let t = 1_010;
    let sent = 5;
    while (sent < 100) {
      if (limiter.acquire('bot', t).kind === 'now') sent += 1;
      else t += 200;
    }
    expect(limiter.check('bot', t + 1_000)).toEqual({ kind: 'wait', until: 60_010 });
  });

  it('reserves several sends at once or none', () => {
    const limiter = createRateLimiter([{ limit: 3, windowMs: 1_000 }]);
    limiter.acquire('k', 0, 2);
    expect(limiter.acquire('k', 1, 2)).toEqual({ kind: 'wait', until: 1_000 });
    expect(limiter.acquire('k', 1, 1).kind).toBe('now');
    expect(() => limiter.check('k', 2, 4)).toThrow(RangeError);
  });
});
