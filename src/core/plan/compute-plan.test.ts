import { describe, expect, it } from 'vitest';
import { ZPlannedItem } from '../../contracts/playbook.js';
import { computePlan } from './compute-plan.js';
import { buildPlanInput } from './plan-fixtures.js';

const byKey = (plan: ReturnType<typeof computePlan>) => new Map(plan.items.map((item) => [item.key, item]));

describe('computePlan — the DESIGN §7 example candidate', () => {
  const plan = computePlan(buildPlanInput());
  const items = byKey(plan);

  it('produces schema-valid items in due order', () => {
    for (const item of plan.items) expect(ZPlannedItem.safeParse(item).success).toBe(true);
    const dues = plan.items.map((i) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
  });

  it('places each step at its playbook time in the candidate zone', () => {
    expect(items.get('offer.send_package#0')?.dueAtLocal).toBe('2026-11-25T12:00:00+08:00');
    expect(items.get('offer.confirmation_call#0')?.dueAtLocal).toBe('2026-11-26T10:00:00+08:00');
    expect(items.get('prep.checklist#0')?.dueAtLocal).toBe('2026-11-30T10:00:00+08:00');
    expect(items.get('prep.manager_intro_call#0')?.dueAtLocal).toBe('2026-12-07T00:00:00+08:00');
    expect(items.get('final.daily_care#2')?.dueAtLocal).toBe('2026-12-13T10:00:00+08:00');
    expect(items.get('day1.workstation_prep#0')?.dueAtLocal).toBe('2026-12-13T18:00:00+08:00');
    expect(items.get('day1.reception#0')?.dueAtLocal).toBe('2026-12-14T09:00:00+08:00');
    expect(items.get('day1.checkin#0')?.owners).toEqual(['hr', 'manager']);
  });

  it('applies conditions: background check yes, relocation no', () => {
    expect(items.has('prep.background_check_consent#0')).toBe(true);
    expect(items.has('prep.relocation_support#0')).toBe(false);
    expect(byKey(computePlan(buildPlanInput({ relocation: true }))).get('prep.relocation_support#0')?.dueAtLocal).toBe(
      '2026-12-04T00:00:00+08:00',
    );
  });

  it("merges final.logistics_confirm into S−3's daily care message", () => {
    const care = items.get('final.daily_care#0');
    expect(care?.mergedStepKeys).toEqual(['final.daily_care#0', 'final.logistics_confirm#0']);
    expect(items.get('final.logistics_confirm#0')?.mergedInto).toBe('final.daily_care#0');
    expect(items.get('final.logistics_confirm#0')?.dueAt).toBe(care?.dueAt);
  });

  it('maps actions to kinds and picks the candidate channel', () => {
    expect(items.get('offer.send_package#0')).toMatchObject({ kind: 'message', channel: 'email' });
    expect(items.get('offer.confirmation_call#0')).toMatchObject({ kind: 'task', channel: null });
    expect(items.get('final.daily_care#0')).toMatchObject({ kind: 'message', channel: 'email', preparedMessage: false });
  });

  it('a personal-WeChat message becomes a task carrying the prepared text', () => {
    const wechat = byKey(computePlan(buildPlanInput({ channels: ['wechat', 'email'] })));
    expect(wechat.get('final.daily_care#1')).toMatchObject({ kind: 'task', channel: 'wechat', preparedMessage: true });
  });

  it('has no warnings for a normal plan', () => {
    expect(plan.warnings).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });
});

describe('computePlan — compression and policies', () => {
  it('late acceptance: past steps become due at the next allowed time, after the offer stage', () => {
    const plan = computePlan(buildPlanInput({ offerAcceptedAt: '2026-12-08T14:00:00+08:00' }));
    const items = byKey(plan);
    const checklist = items.get('prep.checklist#0');
    expect(checklist?.compressed).toBe(true);
    const offerEnd = Math.max(...plan.items.filter((i) => i.stage === 'offer_confirmation').map((i) => Date.parse(i.dueAt)));
    expect(Date.parse(checklist!.dueAt)).toBeGreaterThanOrEqual(offerEnd);
    expect(plan.warnings.map((w) => w.code)).toContain('compressed');
  });

  it('a pre-start step that can only land on day one is skipped as window_passed', () => {
    const plan = computePlan(buildPlanInput({ offerAcceptedAt: '2026-12-13T20:00:00+08:00' }));
    expect(plan.skipped.map((s) => s.stepId)).toContain('prep.checklist');
    expect(plan.skipped.every((s) => s.reason === 'window_passed')).toBe(true);
    // Offer confirmation is never dropped: the formal offer must still go out.
    expect(plan.items.some((i) => i.stepId === 'offer.send_package')).toBe(true);
  });

  it('an acceptance at 23:00 still gets the channel invite within 24h (pulled before quiet hours)', () => {
    const plan = computePlan(buildPlanInput({ offerAcceptedAt: '2026-11-20T23:00:00+08:00' }));
    const invite = byKey(plan).get('offer.channel_invite#0');
    expect(invite?.dueAtLocal).toBe('2026-11-21T20:59:00+08:00');
    expect(invite?.slaBreached).toBe(false);
  });

  it('spaces proactive calls three days apart', () => {
    const plan = computePlan(buildPlanInput({ offerAcceptedAt: '2026-12-05T10:00:00+08:00' }));
    const calls = plan.items.filter((i) => i.action === 'call').map((i) => Date.parse(i.dueAt));
    expect(calls.length).toBe(2);
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(3 * 86_400_000);
  });

  it('counts sent messages and skips done steps on a re-computation', () => {
    const plan = computePlan({
      ...buildPlanInput({}, '2026-11-27T10:00:00+08:00'),
      history: {
        completed: [{ key: 'offer.send_package#0', at: '2026-11-25T04:00:00Z' }],
        sentMessages: ['2026-11-30T01:00:00Z', '2026-11-30T01:30:00Z'],
      },
    });
    expect(plan.items.some((i) => i.key === 'offer.send_package#0')).toBe(false);
    expect(plan.skipped).toContainEqual({ key: 'offer.send_package#0', stepId: 'offer.send_package', reason: 'done' });
    // 11-30 is already full (2 sent): the checklist moves to 12-01 09:00.
    expect(byKey(plan).get('prep.checklist#0')?.dueAtLocal).toBe('2026-12-01T09:00:00+08:00');
  });

  it('warns when the start date is a holiday or past the holiday data', () => {
    expect(computePlan(buildPlanInput({ startDate: '2026-10-01', offerAcceptedAt: '2026-09-01T10:00:00+08:00' })).warnings.map((w) => w.code)).toContain(
      'start_date_not_working_day',
    );
    expect(computePlan(buildPlanInput({ startDate: '2031-03-03', offerAcceptedAt: '2031-02-01T10:00:00+08:00' })).warnings.map((w) => w.code)).toContain(
      'calendar_data_missing',
    );
  });

  it('rejects invalid facts with typed errors naming the field', () => {
    expect(() => computePlan(buildPlanInput({ timeZone: 'Mars/Olympus' }))).toThrowError(
      expect.objectContaining({ code: 'invalid_time_zone', field: 'candidate.timezone' }),
    );
    expect(() => computePlan(buildPlanInput({ startDate: '2026-02-30' }))).toThrowError(
      expect.objectContaining({ code: 'invalid_local_date', field: 'candidate.startDate' }),
    );
  });
});
