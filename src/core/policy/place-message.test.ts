import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import { formatLocalIso } from '../time/local-time.js';
import { createMessageBook, placeMessage, type TMessageBook } from './place-message.js';

const tz = 'Asia/Shanghai';
const context = { timeZone: tz, startDate: '2026-12-14', policy: DEFAULT_ORG_POLICY };
const local = (d: Date) => formatLocalIso(d, tz);

function place(book: TMessageBook, key: string, due: string, mayMergeWith?: string[]) {
  return placeMessage(book, { key, stepId: key.split('#')[0], due: new Date(due), mayMergeWith }, context);
}

describe('placeMessage', () => {
  it('merges two steps due the same final-week day into one message', () => {
    let { book, placement } = place(createMessageBook(), 'final.daily_care#0', '2026-12-11T10:00:00+08:00');
    expect(placement.mergedInto).toBeNull();
    ({ book, placement } = place(book, 'final.logistics_confirm#0', '2026-12-11T10:00:00+08:00', ['*']));
    expect(placement).toEqual({ at: new Date('2026-12-11T10:00:00+08:00'), mergedInto: 'final.daily_care#0' });
    expect(book.slots).toHaveLength(1);
    expect(book.slots[0].itemKeys).toEqual(['final.daily_care#0', 'final.logistics_confirm#0']);
  });

  it('sends the merged message at the later due time, never before a step is due', () => {
    let { book } = place(createMessageBook(), 'a.one#0', '2026-12-11T10:00:00+08:00');
    const result = place(book, 'b.two#0', '2026-12-11T15:00:00+08:00');
    book = result.book;
    expect(local(book.slots[0].at)).toBe('2026-12-11T15:00:00+08:00');
  });

  it('moves a step that may not merge to the next day in the final week', () => {
    const { book } = place(createMessageBook(), 'a.one#0', '2026-12-11T10:00:00+08:00');
    const { placement } = place(book, 'b.two#0', '2026-12-11T11:00:00+08:00', []);
    expect(local(placement.at)).toBe('2026-12-12T09:00:00+08:00');
    expect(placement.mergedInto).toBeNull();
  });

  it('allows two messages a day outside the final week and moves the third', () => {
    let { book } = place(createMessageBook(), 'a.one#0', '2026-11-30T10:00:00+08:00');
    ({ book } = place(book, 'b.two#0', '2026-11-30T10:00:00+08:00'));
    const third = place(book, 'c.three#0', '2026-11-30T11:00:00+08:00');
    expect(local(third.placement.at)).toBe('2026-12-01T09:00:00+08:00');
    expect(book.slots).toHaveLength(2);
  });

  it('counts messages already sent against the day', () => {
    const book = createMessageBook([new Date('2026-12-11T09:30:00+08:00')], tz);
    const { placement } = place(book, 'a.one#0', '2026-12-11T10:00:00+08:00');
    expect(local(placement.at)).toBe('2026-12-12T09:00:00+08:00');
  });

  it('applies quiet hours before the cap', () => {
    const { placement } = place(createMessageBook(), 'a.one#0', '2026-11-30T23:00:00+08:00');
    expect(local(placement.at)).toBe('2026-12-01T09:00:00+08:00');
  });

  it('cap-exempt answers respect quiet hours but not the cap', () => {
    const book = createMessageBook([new Date('2026-12-11T09:30:00+08:00')], tz);
    const { placement } = placeMessage(
      book,
      { key: 'salary.explain_total_comp#0', stepId: 'salary.explain_total_comp', due: new Date('2026-12-11T22:00:00+08:00'), capExempt: true },
      context,
    );
    expect(local(placement.at)).toBe('2026-12-12T09:00:00+08:00');
  });
});
