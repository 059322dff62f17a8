import { describe, expect, it } from 'vitest';
import { buildCandidate, buildScenario, find, localDate, localTime, useSimulator, type Line } from './helpers.js';

const after = (lines: Line[], iso: string) => lines.filter((line) => Date.parse(line.at) >= Date.parse(iso));

describe('simulate: exception flows', () => {
  const simulate = useSimulator();

  it('start_date_changed to a later date moves every pending task and plans nothing for the old date', async () => {
    const changedAt = '2026-12-02T15:00:00+08:00';
    const lines = await simulate(buildScenario([buildCandidate('c1')], [
      { at: changedAt, candidate: 'c1', type: 'start_date_changed', startDate: '2026-12-28' },
    ]));
    const moved = find(lines, { at: changedAt, kind: 'task' });
    expect(moved.map((l) => [l.step, l.dueAt])).toEqual([
      ['prep.manager_intro_call', '2026-12-21T00:00:00+08:00'],
      ['prep.documents_prereview', '2026-12-21T00:00:00+08:00'],
      ['final.preonboarding_meeting', '2026-12-26T00:00:00+08:00'],
      ['day1.workstation_prep', '2026-12-27T18:00:00+08:00'],
      ['day1.reception', '2026-12-28T09:00:00+08:00'],
      ['day1.checkin', '2026-12-28T18:00:00+08:00'],
    ]);
    const later = after(lines, changedAt);
    expect(later.filter((l) => l.dueAt && localDate(l.dueAt) <= '2026-12-14')).toEqual([]);
    expect(find(later, { kind: 'message' }).map((l) => l.at)).toEqual([
      '2026-12-25T10:00:00+08:00', '2026-12-26T10:00:00+08:00', '2026-12-27T10:00:00+08:00',
    ]);
  });

  it('start_date_changed at short notice cancels the steps that no longer fit and moves the rest', async () => {
    const changedAt = '2026-12-09T15:00:00+08:00';
    const lines = await simulate(buildScenario([buildCandidate('c1', { startDate: '2026-12-28' })], [
      { at: changedAt, candidate: 'c1', type: 'start_date_changed', startDate: '2026-12-11' },
    ]));
    const atChange = find(lines, { at: changedAt });
    expect(find(atChange, { kind: 'cancelled' })).toEqual([{ at: changedAt, candidate: 'c1', kind: 'cancelled', step: 'prep.manager_intro_call' }]);
    expect(find(atChange, { kind: 'task', step: 'day1.reception' })[0]?.dueAt).toBe('2026-12-11T09:00:00+08:00');
    expect(find(atChange, { kind: 'task', step: 'final.preonboarding_meeting' })[0]?.dueAt).toBe(changedAt);
    const later = after(lines, changedAt);
    expect(later.filter((l) => (l.dueAt ?? l.at) >= '2026-12-12')).toEqual([]);
    expect(find(later, { kind: 'message' }).every((m) => localDate(m.at) < '2026-12-11')).toBe(true);
  });

  it('salary adjustment approved → salary.reissue_offer; rejected → salary.explain_total_comp', async () => {
    const lines = await simulate(buildScenario([buildCandidate('yes'), buildCandidate('no')], [
      { at: '2026-11-27T11:00:00+08:00', candidate: 'yes', type: 'salary_adjustment_requested' },
      { at: '2026-11-30T16:00:00+08:00', candidate: 'yes', type: 'salary_adjustment_decided', decision: 'approved' },
      { at: '2026-11-27T11:00:00+08:00', candidate: 'no', type: 'salary_adjustment_requested' },
      { at: '2026-11-30T22:00:00+08:00', candidate: 'no', type: 'salary_adjustment_decided', decision: 'rejected' },
    ]));
    expect(find(lines, { step: 'salary.evaluate' }).map((l) => [l.candidate, l.kind, l.owners, l.dueAt])).toEqual([
      ['yes', 'task', ['hr', 'manager'], '2026-11-30T11:00:00+08:00'],
      ['no', 'task', ['hr', 'manager'], '2026-11-30T11:00:00+08:00'],
    ]);
    const salary = lines.filter((l) => l.stage === 'salary' && l.kind === 'message');
    expect(salary.map((l) => [l.candidate, l.step, l.at])).toEqual([
      ['yes', 'salary.reissue_offer', '2026-12-01T16:00:00+08:00'],
      // Decided at 22:00: +24h falls in quiet hours, so it goes out at 09:00.
      ['no', 'salary.explain_total_comp', '2026-12-02T09:00:00+08:00'],
    ]);
  });

  it.each(['offer_declined', 'reneged'])('%s with talent-pool consent: thank-you, ask-reason, status, nurture every 3 months', async (type) => {
    const at = '2026-12-03T15:00:00+08:00';
    const lines = await simulate(buildScenario([buildCandidate('c1')], [
      { at, candidate: 'c1', type, reason: 'counteroffer', talentPoolConsent: true },
    ], '2027-12-31T00:00:00+08:00'));
    // Declining after acceptance is reneging (DESIGN §2).
    expect(find(lines, { kind: 'status', at })).toEqual([{ at, candidate: 'c1', kind: 'status', status: 'reneged' }]);
    expect(find(lines, { kind: 'cancelled', at }).map((l) => l.step)).toContain('day1.reception');
    expect(find(lines, { step: 'declined.ask_reason' })).toEqual([
      { at, candidate: 'c1', kind: 'task', step: 'declined.ask_reason', stage: 'declined', owner: 'hr', dueAt: '2026-12-04T15:00:00+08:00' },
    ]);
    expect(find(lines, { kind: 'message', step: 'declined.thank_you' }).map((l) => l.at)).toEqual(['2026-12-04T15:00:00+08:00']);
    expect(find(lines, { step: 'pool.nurture' }).map((l) => l.at)).toEqual([
      '2027-03-03T15:00:00+08:00', '2027-06-03T15:00:00+08:00', '2027-09-03T15:00:00+08:00', '2027-12-03T15:00:00+08:00',
    ]);
    const afterExit = after(lines, '2026-12-04T00:00:00+08:00');
    expect(afterExit.filter((l) => l.stage !== 'declined' && l.stage !== 'talent_pool')).toEqual([]);
  });

  it('without talent-pool consent nothing is sent after the thank-you', async () => {
    const lines = await simulate(buildScenario([buildCandidate('c1')], [
      { at: '2026-12-03T15:00:00+08:00', candidate: 'c1', type: 'reneged', reason: 'salary' },
    ], '2027-12-31T00:00:00+08:00'));
    expect(find(lines, { step: 'pool.nurture' })).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ step: 'declined.thank_you', at: '2026-12-04T15:00:00+08:00' });
  });

  it('a day-one issue reported on Friday 2026-02-13 is due on the make-up working Saturday 2026-02-14', async () => {
    const lines = await simulate(buildScenario([buildCandidate('c1', { startDate: '2026-02-13', offerAcceptedAt: '2026-01-20T10:00:00+08:00' })], [
      { at: '2026-02-13T09:05:00+08:00', candidate: 'c1', type: 'arrived' },
      { at: '2026-02-13T15:00:00+08:00', candidate: 'c1', type: 'day_one_issue_reported', issue: 'no laptop' },
      { at: '2026-02-13T16:00:00+08:00', candidate: 'c1', type: 'day_one_issue_reported', issue: 'no badge' },
    ]));
    expect(find(lines, { kind: 'status', status: 'started' }).map((l) => l.at)).toEqual(['2026-02-13T09:05:00+08:00']);
    expect(find(lines, { step: 'day1.issue' })).toEqual([
      { at: '2026-02-13T15:00:00+08:00', candidate: 'c1', kind: 'task', step: 'day1.issue', stage: 'day_one_issue', owner: 'hr', dueAt: '2026-02-14T15:00:00+08:00' },
      { at: '2026-02-13T16:00:00+08:00', candidate: 'c1', kind: 'task', step: 'day1.issue', stage: 'day_one_issue', owner: 'hr', dueAt: '2026-02-14T16:00:00+08:00' },
    ]);
  });

  it('an unresponsive candidate gets risk.unresponsive_call; one who answers does not', async () => {
    const replies = ['2026-11-25T15:00:00+08:00', '2026-11-26T15:00:00+08:00', '2026-11-30T15:00:00+08:00', '2026-12-11T15:00:00+08:00', '2026-12-12T15:00:00+08:00', '2026-12-13T15:00:00+08:00'];
    const lines = await simulate(buildScenario([buildCandidate('silent'), buildCandidate('chatty')], [
      ...replies.map((at) => ({ at, candidate: 'chatty', type: 'candidate_replied' })),
      { at: '2026-12-14T09:00:00+08:00', candidate: 'chatty', type: 'arrived' },
      { at: '2026-12-14T09:00:00+08:00', candidate: 'silent', type: 'arrived' },
    ], '2026-12-31T00:00:00+08:00'));
    // Two messages (11-25 12:00, 11-26 10:00) unanswered for 72h → Sunday 11-29 10:00.
    expect(find(lines, { step: 'risk.unresponsive_call' })).toEqual([
      { at: '2026-11-29T10:00:00+08:00', candidate: 'silent', kind: 'escalation', step: 'risk.unresponsive_call', stage: 'risk', owner: 'hr', dueAt: '2026-12-01T09:00:00+08:00' },
    ]);
  });

  it('candidate_unresponsive raises the call at once, due one business day later', async () => {
    const lines = await simulate(buildScenario([buildCandidate('c1')], [
      { at: '2026-11-25T15:00:00+08:00', candidate: 'c1', type: 'candidate_replied' },
      { at: '2026-11-27T11:00:00+08:00', candidate: 'c1', type: 'candidate_unresponsive' },
    ], '2026-11-28T00:00:00+08:00'));
    expect(find(lines, { step: 'risk.unresponsive_call' }).map((l) => [l.at, l.kind, l.dueAt])).toEqual([
      ['2026-11-27T11:00:00+08:00', 'escalation', '2026-11-30T11:00:00+08:00'],
    ]);
  });

  it('a late acceptance compresses the plan: everything due between acceptance and day one, in stage order', async () => {
    const accepted = '2026-12-10T20:00:00+08:00';
    const lines = await simulate(buildScenario([buildCandidate('c1', { offerAcceptedAt: accepted })], [], '2026-12-31T00:00:00+08:00'));
    expect(lines.every((l) => Date.parse(l.at) >= Date.parse(accepted))).toBe(true);
    const prereview = find(lines, { kind: 'task', step: 'prep.documents_prereview' })[0]!;
    expect(Date.parse(prereview.dueAt!)).toBeGreaterThanOrEqual(Date.parse(accepted));
    expect(prereview.dueAt! < '2026-12-14').toBe(true);
    const first = find(lines, { kind: 'message' })[0]!;
    expect(first.steps).toEqual(expect.arrayContaining(['offer.send_package', 'offer.channel_invite', 'prep.checklist']));
    expect(first.steps!.indexOf('offer.send_package')).toBeLessThan(first.steps!.indexOf('prep.checklist'));
    // Accepted at 20:00: A + 2h would be in quiet hours; it still goes out within A + 24h.
    expect(localTime(first.at) >= '09:00' && localTime(first.at) < '21:00').toBe(true);
    expect(Date.parse(first.at) - Date.parse(accepted)).toBeLessThanOrEqual(24 * 3_600_000);
    const messages = find(lines, { kind: 'message' }).map((l) => localDate(l.at));
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('a message step on a channel that needs a person is a prepared task for its owner', async () => {
    const lines = await simulate(buildScenario([buildCandidate('c1', { channels: ['wechat', 'email'] })], [], '2026-12-31T00:00:00+08:00'));
    expect(find(lines, { step: 'final.daily_care' })).toHaveLength(3);
    expect(find(lines, { step: 'final.daily_care' })[0]).toEqual({
      at: '2026-11-25T10:00:00+08:00', candidate: 'c1', kind: 'task', step: 'final.daily_care', stage: 'final_days', owner: 'hr',
      channel: 'wechat', prepared: true, dueAt: '2026-12-11T10:00:00+08:00',
    });
    expect(find(lines, { kind: 'message', step: 'final.daily_care' })).toEqual([]);
  });
});
