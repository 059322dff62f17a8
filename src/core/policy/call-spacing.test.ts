import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCallSpacing } from './call-spacing.js';
import { compressDue } from './compression.js';

const DAY = 86_400_000;

describe('call spacing', () => {
  it('pushes a call to three days after the previous one', () => {
    const first = new Date('2026-12-01T10:00:00Z');
    const due = new Date('2026-12-02T10:00:00Z');
    expect(applyCallSpacing(due, [first], 3).toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });

  it('leaves a call alone when far enough from the others', () => {
    const due = new Date('2026-12-10T10:00:00Z');
    expect(applyCallSpacing(due, [new Date('2026-12-01T10:00:00Z')], 3)).toEqual(due);
  });

  it('result is at least minDays from every other call (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * DAY }), { maxLength: 6 }), fc.integer({ min: 0, max: 60 * DAY }), (calls, due) => {
        const result = applyCallSpacing(new Date(due), calls.map((c) => new Date(c)), 3);
        expect(result.getTime()).toBeGreaterThanOrEqual(due);
        for (const call of calls) expect(Math.abs(result.getTime() - call)).toBeGreaterThanOrEqual(3 * DAY);
      }),
    );
  });
});

describe('compression', () => {
  it('moves a past due time to the latest floor and says so', () => {
    const natural = new Date('2026-12-01T00:00:00Z');
    const floor = new Date('2026-12-05T00:00:00Z');
    expect(compressDue(natural, [floor])).toEqual({ at: floor, compressed: true });
    expect(compressDue(floor, [natural])).toEqual({ at: floor, compressed: false });
  });
});
