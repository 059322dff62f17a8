import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/services/simulate/index.js';
import { find, hoursBetween, localDate, localTime, useSimulator, type Line } from './helpers.js';

const example = JSON.parse(readFileSync(new URL('../../examples/scenario.json', import.meta.url), 'utf8'));
const ACCEPTED = '2026-11-25T10:00:00+08:00';

describe('simulate: the DESIGN §7 example', () => {
  const simulate = useSimulator();
  let lines: Line[];
  it('runs', async () => {
    lines = await simulate(example);
    expect(lines[0]).toEqual({ at: ACCEPTED, candidate: 'c1', kind: 'status', status: 'offer_accepted' });
  });

  it('prints lines sorted by time, with the candidate offset', () => {
    const times = lines.map((line) => Date.parse(line.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const line of lines) expect(line.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it('does all three offer steps within 24h of acceptance', () => {
    const sendPackage = find(lines, { kind: 'message', step: 'offer.send_package' });
    const invite = find(lines, { kind: 'message', step: 'offer.channel_invite' });
    const call = find(lines, { kind: 'task', step: 'offer.confirmation_call' });
    expect(sendPackage.map((l) => l.at)).toEqual(['2026-11-25T12:00:00+08:00']);
    expect(invite).toHaveLength(1);
    expect(hoursBetween(ACCEPTED, invite[0]!.at)).toBeLessThanOrEqual(24);
    expect(call).toHaveLength(1);
    expect(hoursBetween(ACCEPTED, call[0]!.dueAt!)).toBeLessThanOrEqual(24);
    expect(call[0]!.at).toBe(ACCEPTED);
  });

  it('sends daily care at 10:00 on S−3..S−1, logistics merged into the S−3 message', () => {
    const care = find(lines, { kind: 'message', step: 'final.daily_care' });
    expect(care.map((l) => l.at)).toEqual(['2026-12-11T10:00:00+08:00', '2026-12-12T10:00:00+08:00', '2026-12-13T10:00:00+08:00']);
    expect(care[0]!.steps).toEqual(['final.daily_care', 'final.logistics_confirm']);
    expect(care[1]!.steps).toBeUndefined();
    expect(lines.filter((l) => l.step === 'final.logistics_confirm')).toEqual([]);
    const text = JSON.stringify(care[0]);
    expect(text).toBe(
      '{"at":"2026-12-11T10:00:00+08:00","candidate":"c1","kind":"message","step":"final.daily_care","stage":"final_days","owner":"hr","channel":"email","steps":["final.daily_care","final.logistics_confirm"]}',
    );
  });

  it('creates the pre-onboarding meeting task for S−2', () => {
    expect(find(lines, { kind: 'task', step: 'final.preonboarding_meeting' })).toEqual([
      { at: ACCEPTED, candidate: 'c1', kind: 'task', step: 'final.preonboarding_meeting', stage: 'final_days', owner: 'hr', dueAt: '2026-12-12T00:00:00+08:00' },
    ]);
  });

  it('never sends a message in quiet hours, and at most one a day in the final week', () => {
    const messages = find(lines, { kind: 'message' });
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) {
      expect(localTime(message.at) >= '09:00' && localTime(message.at) < '21:00', message.at).toBe(true);
    }
    const finalWeek = messages.filter((m) => localDate(m.at) >= '2026-12-07' && localDate(m.at) < '2026-12-14').map((m) => localDate(m.at));
    expect(new Set(finalWeek).size).toBe(finalWeek.length);
  });

  it('turns the counter-offer delay into understand_reason (+4 working hours) and a manager escalation', () => {
    const at = '2026-12-01T09:00:00+08:00';
    expect(find(lines, { at, kind: 'status' })).toEqual([{ at, candidate: 'c1', kind: 'status', status: 'delayed' }]);
    expect(find(lines, { kind: 'task', step: 'delay.understand_reason' })).toEqual([
      { at, candidate: 'c1', kind: 'task', step: 'delay.understand_reason', stage: 'delay', owner: 'hr', dueAt: '2026-12-01T13:00:00+08:00' },
    ]);
    expect(find(lines, { kind: 'escalation', step: 'delay.escalate_manager' })).toEqual([
      { at, candidate: 'c1', kind: 'escalation', step: 'delay.escalate_manager', stage: 'delay', owner: 'manager', dueAt: '2026-12-02T09:00:00+08:00' },
    ]);
  });

  it('escalates to an executive when the delay is still open after 48h', () => {
    expect(find(lines, { step: 'delay.escalate_executive' })).toEqual([
      { at: '2026-12-03T09:00:00+08:00', candidate: 'c1', kind: 'escalation', step: 'delay.escalate_executive', stage: 'delay', owner: 'executive', dueAt: '2026-12-05T09:00:00+08:00' },
    ]);
  });

  it('does not escalate to an executive when the delay is settled within 48h', async () => {
    const settled = {
      ...example,
      events: [...example.events, { at: '2026-12-02T15:00:00+08:00', candidate: 'c1', type: 'start_date_changed', startDate: '2026-12-21' }],
    };
    const result = await simulate(settled);
    expect(find(result, { step: 'delay.escalate_executive' })).toEqual([]);
    expect(find(result, { kind: 'status', at: '2026-12-02T15:00:00+08:00' }).map((l) => l.status)).toEqual(['preboarding']);
  });

  it('runs on a throw-away database of its own by default, with the same output', async () => {
    const own = await simulateScenario(example);
    expect(own).toEqual(lines.map((line) => JSON.stringify(line)));
  });
});
