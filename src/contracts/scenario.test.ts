import { describe, expect, it } from 'vitest';
import { ZScenario } from './scenario.js';

const example = {
  org: { timezone: 'Asia/Shanghai', calendar: 'CN', playbook: 'default' },
  candidates: [
    {
      ref: 'c1',
      name: '张三',
      roleType: 'tech',
      startDate: '2026-12-14',
      offerAcceptedAt: '2026-11-25T10:00:00+08:00',
      channels: ['email', 'sms'],
      relocation: false,
      backgroundCheck: true,
    },
  ],
  events: [{ at: '2026-12-01T09:00:00+08:00', candidate: 'c1', type: 'delay_requested', reason: 'counteroffer' }],
  until: '2027-03-31T00:00:00+08:00',
};

const paths = (input: unknown) => ZScenario.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('ZScenario', () => {
  it('accepts the DESIGN §7 example', () => {
    expect(ZScenario.safeParse(example).success).toBe(true);
  });

  it('rejects unknown fields, naming them', () => {
    const result = ZScenario.safeParse({ ...example, candidates: [{ ...example.candidates[0], salary: 1 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['candidates', 0], keys: ['salary'] });
  });

  it('rejects bad values with the field path', () => {
    expect(paths({ ...example, candidates: [{ ...example.candidates[0], startDate: '2026-02-30' }] })).toEqual(['candidates.0.startDate']);
    expect(paths({ ...example, org: { ...example.org, timezone: 'Mars/Base' } })).toEqual(['org.timezone']);
    expect(paths({ ...example, candidates: [{ ...example.candidates[0], roleType: 'ceo' }] })).toEqual(['candidates.0.roleType']);
  });

  it('validates event fields per event type', () => {
    const event = (e: object) => ({ ...example, events: [{ at: '2026-12-01T09:00:00+08:00', candidate: 'c1', ...e }] });
    expect(paths(event({ type: 'delay_requested', reason: 'bored' }))).toEqual(['events.0.reason']);
    expect(paths(event({ type: 'start_date_changed' }))).toEqual(['events.0.startDate']);
    expect(paths(event({ type: 'arrived', step: 'x' }))[0]).toBe('events.0');
    expect(paths(event({ type: 'salary_adjustment_decided', decision: 'maybe' }))).toEqual(['events.0.decision']);
    expect(paths(event({ type: 'teleported' }))).toEqual(['events.0.type']);
    expect(ZScenario.safeParse(event({ type: 'task_completed', step: 'prep.checklist' })).success).toBe(true);
  });

  it('rejects events for unknown candidates and instants without offset', () => {
    expect(paths({ ...example, events: [{ ...example.events[0], candidate: 'c9' }] })).toEqual(['events.0.candidate']);
    expect(paths({ ...example, until: '2027-03-31T00:00:00' })).toEqual(['until']);
  });
});
