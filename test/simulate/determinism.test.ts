import { describe, expect, it } from 'vitest';
import { buildCandidate, buildScenario, useSimulator } from './helpers.js';

const scenario = buildScenario(
  [
    buildCandidate('sh', { backgroundCheck: true, relocation: true, channels: ['email', 'sms'] }),
    buildCandidate('berlin', { timezone: 'Europe/Berlin', offerAcceptedAt: '2026-11-25T03:00:00+01:00', language: 'en-US' }),
    buildCandidate('late', { offerAcceptedAt: '2026-12-10T20:00:00+08:00', channels: ['wechat', 'email'] }),
  ],
  [
    { at: '2026-12-01T09:00:00+08:00', candidate: 'sh', type: 'delay_requested', reason: 'counteroffer' },
    { at: '2026-12-02T10:00:00+01:00', candidate: 'berlin', type: 'reneged', reason: 'location', talentPoolConsent: true },
    { at: '2026-12-04T10:00:00+08:00', candidate: 'sh', type: 'start_date_changed', startDate: '2026-12-21' },
  ],
  '2027-06-30T00:00:00+08:00',
);

describe('simulate: determinism and ordering', () => {
  const simulate = useSimulator();

  it('gives byte-identical output for the same scenario', async () => {
    const first = (await simulate(scenario)).map((line) => JSON.stringify(line));
    const second = (await simulate(scenario)).map((line) => JSON.stringify(line));
    expect(first.length).toBeGreaterThan(40);
    expect(second.join('\n')).toBe(first.join('\n'));
  });

  it('sorts by time, then by candidate in scenario order, and prints each candidate with its own offset', async () => {
    const lines = await simulate(scenario);
    const order = ['sh', 'berlin', 'late'];
    for (let i = 1; i < lines.length; i += 1) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      const dt = Date.parse(b.at) - Date.parse(a.at);
      expect(dt > 0 || (dt === 0 && order.indexOf(b.candidate) >= order.indexOf(a.candidate)), `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBe(true);
    }
    const berlin = lines.filter((l) => l.candidate === 'berlin');
    expect(berlin.every((l) => /\+0[12]:00$/.test(l.at))).toBe(true);
    // Nurture keeps 10:00 local across the change to summer time.
    expect(berlin.filter((l) => l.step === 'pool.nurture').map((l) => l.at)).toEqual(['2027-03-02T10:00:00+01:00', '2027-06-02T10:00:00+02:00']);
    expect(lines.filter((l) => l.candidate !== 'berlin').every((l) => l.at.endsWith('+08:00'))).toBe(true);
    // Both accept at the same instant (10:00 Beijing = 03:00 Berlin): Shanghai first.
    expect(lines.slice(0, 2).map((l) => [l.candidate, l.status])).toEqual([['sh', 'offer_accepted'], ['sh', undefined]]);
    expect(lines.find((l) => l.candidate === 'berlin')).toMatchObject({ at: '2026-11-25T03:00:00+01:00', status: 'offer_accepted' });
  });

  it('keeps the contract key order on every line', async () => {
    const lines = (await simulate(scenario)).map((line) => Object.keys(line).join(','));
    const allowed = /^at,candidate,kind,(status|step|step,stage,owner(,owners)?(,channel)?(,prepared)?(,dueAt)?(,calendarDataMissing)?(,steps)?)$/;
    for (const keys of lines) expect(keys).toMatch(allowed);
    expect(new Set(lines).size).toBeGreaterThan(4);
  });
});
