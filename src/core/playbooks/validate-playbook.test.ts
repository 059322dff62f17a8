import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TPlaybook, TPlaybookStep } from '../../contracts/playbook.js';
import { DEFAULT_TEMPLATES } from '../templates/index.js';
import { checkPlaybook } from './check-playbook.js';
import { DEFAULT_PLAYBOOK } from './default-playbook.js';
import { compareSteps, diffPlans } from './diff-playbooks.js';
import { estimateOffsetMinutes, formatFieldPath, validatePlaybook, type TPlaybookProblem } from './validate-playbook.js';

const templates = DEFAULT_TEMPLATES.map((t) => ({ key: t.step, kind: t.kind }));
const SITE = '0b9a4a9e-0d7a-4a36-9d49-9a3c1f4d2b10';
const context = { templates, siteIds: [SITE] };

/** The default with one step changed by `edit` (looked up by id). */
function withStep(id: string, edit: (step: TPlaybookStep) => TPlaybookStep | TPlaybookStep[]): TPlaybook {
  const steps = DEFAULT_PLAYBOOK.steps.flatMap((step) => (step.id === id ? edit(structuredClone(step)) : [step]));
  return { ...DEFAULT_PLAYBOOK, steps };
}
const indexOf = (id: string) => DEFAULT_PLAYBOOK.steps.findIndex((step) => step.id === id);
const codes = (problems: TPlaybookProblem[]) => problems.map((p) => `${p.field} ${p.code}`);

describe('validatePlaybook', () => {
  it('accepts the seeded default', () => {
    expect(validatePlaybook(DEFAULT_PLAYBOOK, context)).toEqual([]);
  });

  it('reports each rule at its field', () => {
    const i = indexOf;
    const cases: Array<[TPlaybook, string]> = [
      [withStep('prep.checklist', (s) => ({ ...s, anchor: 'delay_requested' })), `steps[${i('prep.checklist')}].anchor anchor_not_plan`],
      [withStep('offer.confirmation_call', (s) => ({ ...s, anchor: 'start_date', offset: { days: -20 } })), `steps[${i('offer.confirmation_call')}].anchor anchor_stage`],
      [withStep('salary.evaluate', (s) => ({ ...s, anchor: 'delay_requested' })), `steps[${i('salary.evaluate')}].anchor anchor_mismatch`],
      [withStep('salary.evaluate', (s) => ({ ...s, id: 'salary.celebrate' })), `steps[${i('salary.evaluate')}].id unknown_exception_step`],
      [withStep('prep.documents_prereview', (s) => ({ ...s, id: 'delay.understand_reason' })), `steps[${i('prep.documents_prereview')}].stage stage_mismatch`],
      [withStep('delay.escalate_executive', ({ ifStillOpenAfter: _gone, ...s }) => s), `steps[${i('delay.escalate_executive')}].ifStillOpenAfter required_by_engine`],
      [withStep('day1.issue', (s) => ({ ...s, recurrence: { everyMonths: 1, whileConsent: 'talent_pool' } })), `steps[${i('day1.issue')}].recurrence not_supported`],
      [withStep('declined.thank_you', (s) => ({ ...s, alsoOn: ['arrived'] })), `steps[${i('declined.thank_you')}].alsoOn[0] also_on_mismatch`],
      [withStep('prep.checklist', (s) => ({ ...s, templateKey: 'offer.send_package' })), `steps[${i('prep.checklist')}].templateKey message_template_key`],
      [withStep('prep.documents_prereview', (s) => ({ ...s, templateKey: 'nowhere' })), `steps[${i('prep.documents_prereview')}].templateKey unknown_template`],
      [withStep('day1.checkin', (s) => ({ ...s, owners: ['hr', 'hr'] })), `steps[${i('day1.checkin')}].owners[1] duplicate_owner`],
      [withStep('offer.channel_invite', (s) => ({ ...s, owners: ['admin'] })), `steps[${i('offer.channel_invite')}].owners owner_action`],
      [withStep('prep.checklist', (s) => ({ ...s, offset: { days: -400 } })), `steps[${i('prep.checklist')}].offset.days offset_range`],
      [withStep('offer.send_package', (s) => ({ ...s, offset: { hours: -3 } })), `steps[${i('offer.send_package')}].offset offset_before_anchor`],
      [withStep('final.preonboarding_meeting', (s) => ({ ...s, offset: { days: 0, at: '08:00' } })), `steps[${i('final.preonboarding_meeting')}].offset offset_after_start`],
      [withStep('final.daily_care', (s) => ({ ...s, offset: { days: -2, at: '10:00' } })), `steps[${i('final.daily_care')}].repeat offset_after_start`],
      [withStep('offer.send_package', (s) => ({ ...s, sla: { hours: 0 } })), `steps[${i('offer.send_package')}].sla sla_not_positive`],
      [withStep('prep.checklist', (s) => ({ ...s, sla: { days: -15 } })), `steps[${i('prep.checklist')}].sla sla_before_due`],
      [withStep('prep.manager_intro_call', (s) => ({ ...s, channels: ['email'] })), `steps[${i('prep.manager_intro_call')}].channels channels_not_message`],
      [withStep('prep.checklist', (s) => ({ ...s, channels: ['email', 'email'] })), `steps[${i('prep.checklist')}].channels[1] duplicate_channel`],
      [withStep('prep.checklist', (s) => ({ ...s, mayMergeWith: ['prep.gone'] })), `steps[${i('prep.checklist')}].mayMergeWith[0] merge_unknown_step`],
      [withStep('prep.checklist', (s) => ({ ...s, mayMergeWith: ['day1.reception'] })), `steps[${i('prep.checklist')}].mayMergeWith[0] merge_not_message`],
      [withStep('prep.checklist', (s) => ({ ...s, conditions: { eventReasons: ['health'] } })), `steps[${i('prep.checklist')}].conditions.eventReasons condition_event_only`],
      [withStep('delay.escalate_manager', (s) => ({ ...s, conditions: { eventReasons: ['lottery'] } })), `steps[${i('delay.escalate_manager')}].conditions.eventReasons[0] unknown_event_reason`],
      [withStep('salary.evaluate', (s) => ({ ...s, conditions: { decision: 'approved' } })), `steps[${i('salary.evaluate')}].conditions.decision condition_event_only`],
      [withStep('prep.checklist', (s) => ({ ...s, conditions: { siteIds: ['elsewhere'] } })), `steps[${i('prep.checklist')}].conditions.siteIds[0] unknown_site`],
    ];
    for (const [playbook, expected] of cases) expect(codes(validatePlaybook(playbook, context)), expected).toContain(expected);
  });

  it('lets staff steps go without a template and accepts a known site', () => {
    const added: TPlaybookStep = {
      id: 'prep.it_account', stage: 'prep', anchor: 'start_date', offset: { days: -5 }, owners: ['admin'], action: 'task',
      templateKey: 'prep.it_account', conditions: { siteIds: [SITE] },
    };
    expect(validatePlaybook({ ...DEFAULT_PLAYBOOK, steps: [...DEFAULT_PLAYBOOK.steps, added] }, context)).toEqual([]);
  });

  it('reports a duplicated id at the later step', () => {
    const steps = structuredClone(DEFAULT_PLAYBOOK.steps);
    steps[6]!.id = steps[2]!.id;
    expect(validatePlaybook({ ...DEFAULT_PLAYBOOK, steps }, context)).toContainEqual(expect.objectContaining({ field: 'steps[6].id', code: 'duplicate_id' }));
  });
});

describe('checkPlaybook', () => {
  it('names schema problems the same way as semantic ones', () => {
    const steps = structuredClone(DEFAULT_PLAYBOOK.steps) as unknown as Array<Record<string, unknown>>;
    steps[3]!.offset = { days: 'x' };
    steps[1]!.colour = 'red';
    const result = checkPlaybook({ ...DEFAULT_PLAYBOOK, steps }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['steps[1].colour', 'steps[3].offset.days']);
  });

  it('answers the parsed playbook when all is well', () => {
    const result = checkPlaybook(JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)), context);
    expect(result).toEqual({ ok: true, playbook: DEFAULT_PLAYBOOK });
  });
});

describe('helpers', () => {
  it('formats paths and estimates offsets', () => {
    expect(formatFieldPath(['steps', 3, 'conditions', 'siteIds', 0])).toBe('steps[3].conditions.siteIds[0]');
    expect(formatFieldPath(['name'])).toBe('name');
    expect(estimateOffsetMinutes({ days: -1, at: '18:00' }, true)).toBe(-360);
    expect(estimateOffsetMinutes({ days: -1, at: '18:00' }, false)).toBe(-1440);
    expect(estimateOffsetMinutes({ businessDays: 1, hours: 2 }, false)).toBe(1560);
  });

  it('compares versions step by step, ignoring key order', () => {
    const next = withStep('prep.checklist', (s) => ({ ...s, offset: { at: '10:00', days: -13 } }));
    const reordered = withStep('prep.checklist', (s) => Object.fromEntries(Object.entries(s).reverse()) as TPlaybookStep);
    expect(compareSteps(DEFAULT_PLAYBOOK, next)).toEqual({ added: [], removed: [], changed: ['prep.checklist'] });
    expect(compareSteps(DEFAULT_PLAYBOOK, reordered)).toEqual({ added: [], removed: [], changed: [] });
    expect(compareSteps(null, DEFAULT_PLAYBOOK).added).toHaveLength(DEFAULT_PLAYBOOK.steps.length);
  });

  it('diffs two plans by item key', () => {
    const base = { stepId: 's', occurrence: 0 } as const;
    const a = [{ ...base, key: 'a#0', dueAt: '2026-01-01T00:00:00Z' }, { ...base, key: 'b#0', dueAt: '2026-01-02T00:00:00Z' }];
    const b = [{ ...base, key: 'a#0', dueAt: '2026-01-03T00:00:00Z' }, { ...base, key: 'c#0', dueAt: '2026-01-02T00:00:00Z' }];
    const diff = diffPlans(a as never, b as never);
    expect(diff.added.map((i) => i.key)).toEqual(['c#0']);
    expect(diff.removed.map((i) => i.key)).toEqual(['b#0']);
    expect(diff.moved).toEqual([{ key: 'a#0', stepId: 's', from: '2026-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' }]);
  });
});

/** Valid variations of the default: a subset of steps, shuffled, with pre-start steps moved within their window. */
const derivedPlaybook = fc
  .tuple(
    fc.shuffledSubarray(DEFAULT_PLAYBOOK.steps.map((_, i) => i), { minLength: 1 }),
    fc.array(fc.integer({ min: -30, max: -3 }), { minLength: DEFAULT_PLAYBOOK.steps.length, maxLength: DEFAULT_PLAYBOOK.steps.length }),
    fc.array(fc.subarray(['tech', 'sales', 'campus'] as const, { minLength: 1 }), { minLength: DEFAULT_PLAYBOOK.steps.length, maxLength: DEFAULT_PLAYBOOK.steps.length }),
    fc.boolean(),
  )
  .map(([order, days, roleTypes, restrict]): TPlaybook => ({
    ...DEFAULT_PLAYBOOK,
    steps: order.map((i) => {
      const step = structuredClone(DEFAULT_PLAYBOOK.steps[i]!);
      if (step.anchor === 'start_date' && (step.stage === 'prep' || step.stage === 'final_days')) step.offset = { ...step.offset, days: days[i]! };
      if (restrict && step.anchor === 'start_date') step.conditions = { ...step.conditions, roleTypes: [...roleTypes[i]!] };
      return step;
    }),
  }));

describe('validatePlaybook properties', () => {
  it('any valid default-derived playbook validates, whatever the step order', () => {
    fc.assert(fc.property(derivedPlaybook, (playbook) => {
      expect(validatePlaybook(playbook, context)).toEqual([]);
      expect(checkPlaybook(playbook, context).ok).toBe(true);
    }), { numRuns: 300 });
  });

  it('any duplicated id is reported at the later of the two steps', () => {
    const withDuplicate = derivedPlaybook
      .filter((p) => p.steps.length >= 2)
      .chain((p) => fc.tuple(fc.constant(p), fc.integer({ min: 0, max: p.steps.length - 1 }), fc.integer({ min: 0, max: p.steps.length - 1 })))
      .filter(([, a, b]) => a !== b);
    fc.assert(fc.property(withDuplicate, ([playbook, from, to]) => {
      const steps = structuredClone(playbook.steps);
      steps[to]!.id = steps[from]!.id;
      const problems = validatePlaybook({ ...playbook, steps }, context);
      expect(problems).toContainEqual(expect.objectContaining({ field: `steps[${Math.max(from, to)}].id`, code: 'duplicate_id' }));
      expect(checkPlaybook({ ...playbook, steps }, context).ok).toBe(false);
    }), { numRuns: 300 });
  });
});
