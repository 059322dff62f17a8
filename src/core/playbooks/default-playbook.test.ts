import { describe, expect, it } from 'vitest';
import { ZPlaybook } from '../../contracts/playbook.js';
import { DEFAULT_PLAYBOOK, findStep } from './default-playbook.js';

/** DESIGN §3, row by row: id, stage, owners, action, offset, condition. */
const MAIN_TABLE = [
  ['offer.send_package', 'offer_confirmation', ['hr'], 'message', { hours: 2 }, undefined],
  ['offer.confirmation_call', 'offer_confirmation', ['hr'], 'call', { hours: 24 }, undefined],
  ['offer.channel_invite', 'offer_confirmation', ['hr'], 'message', { hours: 24 }, undefined],
  ['prep.checklist', 'prep', ['hr'], 'message', { days: -14, at: '10:00' }, undefined],
  ['prep.relocation_support', 'prep', ['hr'], 'task', { days: -10 }, { relocation: true }],
  ['prep.manager_intro_call', 'prep', ['manager'], 'call', { days: -7 }, undefined],
  ['prep.background_check_consent', 'prep', ['hr'], 'message', { days: -14, at: '10:00' }, { backgroundCheck: true }],
  ['prep.documents_prereview', 'prep', ['hr'], 'task', { days: -7 }, undefined],
  ['final.daily_care', 'final_days', ['hr'], 'message', { days: -3, at: '10:00' }, undefined],
  ['final.logistics_confirm', 'final_days', ['hr'], 'message', { days: -3, at: '10:00' }, undefined],
  ['final.preonboarding_meeting', 'final_days', ['hr'], 'meeting', { days: -2 }, undefined],
  ['day1.workstation_prep', 'day_one', ['admin'], 'task', { days: -1, at: '18:00' }, undefined],
  ['day1.reception', 'day_one', ['hr'], 'task', { days: 0, at: '09:00' }, undefined],
  ['day1.checkin', 'day_one', ['hr', 'manager'], 'task', { days: 0, at: '18:00' }, undefined],
] as const;

const EXCEPTION_TABLE = [
  ['delay.understand_reason', 'delay_requested', ['hr'], { workingHours: 4 }],
  ['delay.escalate_manager', 'delay_requested', ['manager'], { hours: 24 }],
  ['delay.escalate_executive', 'delay_requested', ['executive'], { hours: 48 }],
  ['salary.evaluate', 'salary_adjustment_requested', ['hr', 'manager'], { businessDays: 1 }],
  ['salary.reissue_offer', 'salary_adjustment_decided', ['hr'], { hours: 24 }],
  ['salary.explain_total_comp', 'salary_adjustment_decided', ['hr'], { hours: 24 }],
  ['declined.thank_you', 'offer_declined', ['hr'], { hours: 24 }],
  ['declined.ask_reason', 'offer_declined', ['hr'], { hours: 24 }],
  ['pool.nurture', 'talent_pool_consent_given', ['hr'], {}],
  ['day1.issue', 'day_one_issue_reported', ['hr'], { businessDays: 1 }],
  ['risk.unresponsive_call', 'candidate_unresponsive', ['hr'], { businessDays: 1 }],
] as const;

/**
 * EXTENSION beyond the DESIGN §3 tables, kept apart so the tables above stay exactly §3:
 * the written labour contract after arrival (劳动合同法 Art.10/82). id, stage, anchor, owners, offset.
 */
const EXTENSION_TABLE = [
  ['contract.sign_labour_contract', 'contract', 'arrived', ['hr'], { businessDays: 7 }],
  ['contract.escalate_executive', 'contract', 'arrived', ['executive', 'hrbp'], { businessDays: 1 }],
] as const;

describe('default playbook', () => {
  it('validates against its schema and has exactly the DESIGN §3 steps, then the marked extension', () => {
    expect(ZPlaybook.safeParse(DEFAULT_PLAYBOOK).success).toBe(true);
    expect(DEFAULT_PLAYBOOK.steps.map((s) => s.id)).toEqual([
      ...MAIN_TABLE.map((r) => r[0]), ...EXCEPTION_TABLE.map((r) => r[0]), ...EXTENSION_TABLE.map((r) => r[0]),
    ]);
  });

  it.each(EXTENSION_TABLE)('%s matches the extension table (labour contract)', (id, stage, anchor, owners, offset) => {
    expect(findStep(DEFAULT_PLAYBOOK, id)).toMatchObject({ stage, anchor, owners, offset, action: 'task', templateKey: id });
    expect(findStep(DEFAULT_PLAYBOOK, id)?.conditions).toBeUndefined();
  });

  it.each(MAIN_TABLE)('%s matches the main table', (id, stage, owners, action, offset, conditions) => {
    const step = findStep(DEFAULT_PLAYBOOK, id);
    expect(step).toMatchObject({ stage, owners, action, offset, templateKey: id });
    expect(step?.conditions).toEqual(conditions);
  });

  it.each(EXCEPTION_TABLE)('%s matches the exception table', (id, anchor, owners, offset) => {
    expect(findStep(DEFAULT_PLAYBOOK, id)).toMatchObject({ anchor, owners, offset });
  });

  it('encodes the special rules: SLA, repeat, merge, counteroffer, decisions, recurrence, 48h', () => {
    for (const id of ['offer.send_package', 'offer.confirmation_call', 'offer.channel_invite']) {
      expect(findStep(DEFAULT_PLAYBOOK, id)?.sla).toEqual({ hours: 24 });
    }
    expect(findStep(DEFAULT_PLAYBOOK, 'final.daily_care')?.repeat).toEqual({ times: 3, every: { days: 1 } });
    expect(findStep(DEFAULT_PLAYBOOK, 'final.logistics_confirm')?.mayMergeWith).toEqual(['*']);
    expect(findStep(DEFAULT_PLAYBOOK, 'delay.escalate_manager')?.conditions).toEqual({ eventReasons: ['counteroffer'] });
    expect(findStep(DEFAULT_PLAYBOOK, 'delay.escalate_executive')?.ifStillOpenAfter).toEqual({ hours: 48 });
    expect(findStep(DEFAULT_PLAYBOOK, 'salary.reissue_offer')?.conditions).toEqual({ decision: 'approved' });
    expect(findStep(DEFAULT_PLAYBOOK, 'salary.explain_total_comp')?.conditions).toEqual({ decision: 'rejected' });
    expect(findStep(DEFAULT_PLAYBOOK, 'declined.thank_you')?.alsoOn).toEqual(['reneged']);
    expect(findStep(DEFAULT_PLAYBOOK, 'pool.nurture')?.recurrence).toEqual({ everyMonths: 3, whileConsent: 'talent_pool' });
    expect(findStep(DEFAULT_PLAYBOOK, 'contract.escalate_executive')?.escalation).toBe(true);
    expect(findStep(DEFAULT_PLAYBOOK, 'contract.sign_labour_contract')?.escalation).toBeUndefined();
  });

  it('the playbook schema rejects duplicate ids and message steps without channels', () => {
    const [first] = DEFAULT_PLAYBOOK.steps;
    const result = ZPlaybook.safeParse({ ...DEFAULT_PLAYBOOK, steps: [first, first, { ...first, id: 'x.y', channels: undefined }] });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['steps.1.id', 'steps.2.channels']));
  });
});
