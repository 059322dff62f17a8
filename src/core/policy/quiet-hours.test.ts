import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLocalIso } from '../time/local-time.js';
import { applyQuietHours, isInQuietHours } from './quiet-hours.js';

const context = { timeZone: 'Asia/Shanghai', quietHours: { start: '21:00', end: '09:00' } };
const local = (iso: string) => formatLocalIso(applyQuietHours(new Date(iso), context), 'Asia/Shanghai');

describe('quiet hours', () => {
  it('moves an evening send to 09:00 the next morning', () => {
    expect(local('2026-12-10T22:30:00+08:00')).toBe('2026-12-11T09:00:00+08:00');
    expect(local('2026-12-10T21:00:00+08:00')).toBe('2026-12-11T09:00:00+08:00');
  });

  it('moves an early-morning send to 09:00 the same day', () => {
    expect(local('2026-12-11T03:15:00+08:00')).toBe('2026-12-11T09:00:00+08:00');
  });

  it('leaves allowed times alone (09:00 and 20:59 are allowed)', () => {
    expect(local('2026-12-11T09:00:00+08:00')).toBe('2026-12-11T09:00:00+08:00');
    expect(local('2026-12-11T20:59:00+08:00')).toBe('2026-12-11T20:59:00+08:00');
  });

  it('supports a window that does not wrap midnight', () => {
    const lunch = { timeZone: 'Europe/Berlin', quietHours: { start: '12:00', end: '13:00' } };
    expect(formatLocalIso(applyQuietHours(new Date('2026-06-01T12:30:00+02:00'), lunch), 'Europe/Berlin')).toBe('2026-06-01T13:00:00+02:00');
  });

  it('never returns a quiet instant and never moves earlier (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'),
        (ms, timeZone) => {
          const ctx = { timeZone, quietHours: { start: '21:00', end: '09:00' } };
          const moved = applyQuietHours(new Date(ms), ctx);
          expect(isInQuietHours(moved, ctx)).toBe(false);
          expect(moved.getTime()).toBeGreaterThanOrEqual(ms);
          expect(moved.getTime() - ms).toBeLessThanOrEqual(13 * 3_600_000);
        },
      ),
    );
  });
});
