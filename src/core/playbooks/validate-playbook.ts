/**
 * Semantic checks of a playbook that already matches `ZPlaybook`: what the schema cannot
 * see but the engine relies on. Each problem names its field as `steps[3].offset`, so the
 * API can answer 400 naming it and the console can show it beside the input.
 *
 * Steps anchor only on events (`ZAnchor`: acceptance, start date or a domain event), never
 * on other steps, so no dependency graph exists and no cycle is possible; the only
 * step-to-step references are merge rules (`mayMergeWith`), checked to name real steps.
 */
import {
  MAIN_STAGES, ZDelayReason, type TOffset, type TPlaybook, type TPlaybookStep, type TStage,
} from '../../contracts/playbook.js';
import { parseLocalTime } from '../time/local-time.js';
import { DEFAULT_PLAYBOOK } from './default-playbook.js';

export type TPlaybookProblemCode =
  | 'invalid'
  | 'duplicate_id'
  | 'anchor_not_plan'
  | 'anchor_stage'
  | 'anchor_mismatch'
  | 'unknown_exception_step'
  | 'stage_mismatch'
  | 'also_on_mismatch'
  | 'not_supported'
  | 'required_by_engine'
  | 'unknown_template'
  | 'message_template_key'
  | 'duplicate_owner'
  | 'owner_action'
  | 'offset_range'
  | 'offset_before_anchor'
  | 'offset_after_start'
  | 'sla_not_positive'
  | 'sla_before_due'
  | 'channels_not_message'
  | 'duplicate_channel'
  | 'merge_unknown_step'
  | 'merge_not_message'
  | 'condition_event_only'
  | 'unknown_event_reason'
  | 'unknown_site';

/** One thing wrong with a playbook: where (`steps[3].offset`), a stable code and an English message. */
export interface TPlaybookProblem {
  field: string;
  code: TPlaybookProblemCode;
  message: string;
  /** Values the console's translated message needs (`{{id}}`, `{{min}}`…). */
  params?: Record<string, string | number>;
}

/** Template a step may use: its key (the step it belongs to) and kind. */
export interface TTemplateRef {
  key: string;
  kind: 'message' | 'meeting_invite' | 'call_script' | 'task';
}

export interface TValidatePlaybookContext {
  /** Every template the organisation has (defaults and its own). */
  templates: readonly TTemplateRef[];
  /** The organisation's site ids; when given, site conditions must name one of them. */
  siteIds?: readonly string[];
}

/** Bounds that keep an offset inside the weeks a pre-onboarding plan spans. */
export const OFFSET_BOUNDS = {
  days: 180, hours: 24 * 30, minutes: 24 * 60, businessDays: 30, workingHours: 200,
} as const;

const MINUTES_PER_DAY = 24 * 60;
const PLAN_ANCHORS = new Set(['offer_accepted', 'start_date']);
const MAIN = new Set<TStage>(MAIN_STAGES);
/** Pre-start stages: anything due on or after S is dropped by the plan (window passed). */
const BEFORE_START = new Set<TStage>(['prep', 'final_days']);
const MESSAGE_TEMPLATE_KINDS = new Set(['message', 'meeting_invite']);

/**
 * Exception steps the engine runs by id when their event arrives (DESIGN §3); a step with
 * another id on an exception stage would never run.
 */
const ENGINE_STEPS: ReadonlyMap<string, TPlaybookStep> = new Map(
  DEFAULT_PLAYBOOK.steps.filter((step) => !MAIN.has(step.stage)).map((step) => [step.id, step]),
);

/** Engine rules that read a field of one particular step. */
const ENGINE_FIELDS: Readonly<Record<'ifStillOpenAfter' | 'recurrence', string>> = {
  ifStillOpenAfter: 'delay.escalate_executive',
  recurrence: 'pool.nurture',
};

/** The exception step ids the engine runs, for editors that offer them. */
export function listEngineStepIds(): string[] {
  return [...ENGINE_STEPS.keys()];
}

/** `['steps', 3, 'offset']` → `steps[3].offset`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    const name = String(part);
    return out ? `${out}.${name}` : name;
  }, '');
}

/**
 * Minutes from the anchor an offset stands for, for range checks only (business days as
 * calendar days, working hours as hours). `at` counts only from a midnight anchor (S).
 */
export function estimateOffsetMinutes(offset: TOffset, anchoredAtMidnight: boolean): number {
  const at = offset.at !== undefined && anchoredAtMidnight ? parseLocalTime(offset.at, 'offset.at') : 0;
  return (offset.days ?? 0) * MINUTES_PER_DAY + (offset.hours ?? 0) * 60 + (offset.minutes ?? 0) + at
    + (offset.businessDays ?? 0) * MINUTES_PER_DAY + (offset.workingHours ?? 0) * 60;
}

/** Every semantic problem of the playbook, in step order; an empty list means it may be saved. */
export function validatePlaybook(playbook: TPlaybook, context: TValidatePlaybookContext): TPlaybookProblem[] {
  const problems: TPlaybookProblem[] = [];
  const byId = new Map<string, TPlaybookStep>();
  const firstIndex = new Map<string, number>();
  playbook.steps.forEach((step, index) => {
    if (firstIndex.has(step.id)) {
      problems.push(problem(index, 'id', 'duplicate_id', `step id ${step.id} is already used by steps[${firstIndex.get(step.id)}]`, { id: step.id }));
    } else {
      firstIndex.set(step.id, index);
      byId.set(step.id, step);
    }
  });
  playbook.steps.forEach((step, index) => {
    problems.push(
      ...checkAnchor(step, index),
      ...checkTemplate(step, index, context.templates),
      ...checkOwners(step, index),
      ...checkOffsets(step, index),
      ...checkChannels(step, index),
      ...checkMerges(step, index, byId),
      ...checkConditions(step, index, context.siteIds),
    );
  });
  return problems;
}

function problem(
  index: number, field: string, code: TPlaybookProblemCode, message: string, params?: Record<string, string | number>,
): TPlaybookProblem {
  return { field: `steps[${index}].${field}`, code, message, ...(params ? { params } : {}) };
}

function checkAnchor(step: TPlaybookStep, index: number): TPlaybookProblem[] {
  const out: TPlaybookProblem[] = [];
  if (MAIN.has(step.stage)) {
    if (!PLAN_ANCHORS.has(step.anchor)) {
      out.push(problem(index, 'anchor', 'anchor_not_plan', `a ${step.stage} step counts from the offer acceptance or the start date, not ${step.anchor}`, { stage: step.stage }));
    } else if (step.stage === 'offer_confirmation' && step.anchor !== 'offer_accepted') {
      out.push(problem(index, 'anchor', 'anchor_stage', 'offer confirmation steps count from the offer acceptance'));
    }
    if (ENGINE_STEPS.has(step.id)) {
      out.push(problem(index, 'stage', 'stage_mismatch', `${step.id} is an exception step of stage ${ENGINE_STEPS.get(step.id)!.stage}`, { expected: ENGINE_STEPS.get(step.id)!.stage }));
    }
    for (const field of ['alsoOn', 'ifStillOpenAfter', 'recurrence'] as const) {
      if (step[field] !== undefined) out.push(problem(index, field, 'not_supported', `${field} applies to exception steps only`));
    }
    return out;
  }
  const engine = ENGINE_STEPS.get(step.id);
  if (!engine) {
    out.push(problem(index, 'id', 'unknown_exception_step', `the engine runs no exception step ${step.id}; exception steps are ${listEngineStepIds().join(', ')}`, { id: step.id }));
    return out;
  }
  if (step.stage !== engine.stage) out.push(problem(index, 'stage', 'stage_mismatch', `${step.id} belongs to stage ${engine.stage}`, { expected: engine.stage }));
  if (step.anchor !== engine.anchor) out.push(problem(index, 'anchor', 'anchor_mismatch', `${step.id} runs on ${engine.anchor}`, { expected: engine.anchor }));
  const allowed = new Set([engine.anchor, ...(engine.alsoOn ?? [])]);
  (step.alsoOn ?? []).forEach((event, j) => {
    if (!allowed.has(event)) out.push(problem(index, `alsoOn[${j}]`, 'also_on_mismatch', `${step.id} does not run on ${event}`, { event }));
  });
  if (step.repeat) out.push(problem(index, 'repeat', 'not_supported', 'exception steps happen once per event; repeat applies to plan steps only'));
  for (const field of ['ifStillOpenAfter', 'recurrence'] as const) {
    const owner = ENGINE_FIELDS[field];
    if (step[field] !== undefined && step.id !== owner) out.push(problem(index, field, 'not_supported', `${field} applies to ${owner} only`));
    if (step[field] === undefined && step.id === owner) out.push(problem(index, field, 'required_by_engine', `${step.id} needs ${field}: the engine times it from there`));
  }
  return out;
}

function checkTemplate(step: TPlaybookStep, index: number, templates: readonly TTemplateRef[]): TPlaybookProblem[] {
  const own = templates.filter((t) => t.key === step.templateKey);
  if (step.action === 'message') {
    // Outbound messages are rendered from the template of their own step.
    if (step.templateKey !== step.id) {
      return [problem(index, 'templateKey', 'message_template_key', `a message step uses the template of its own step: ${step.id}`, { id: step.id })];
    }
    if (!own.some((t) => MESSAGE_TEMPLATE_KINDS.has(t.kind))) {
      return [problem(index, 'templateKey', 'unknown_template', `no message template for ${step.templateKey}: create it in the templates first`, { key: step.templateKey })];
    }
    return [];
  }
  // Staff steps may go without a text of their own (the summary says what to do).
  if (step.templateKey !== step.id && own.length === 0) {
    return [problem(index, 'templateKey', 'unknown_template', `no template ${step.templateKey}`, { key: step.templateKey })];
  }
  return [];
}

function checkOwners(step: TPlaybookStep, index: number): TPlaybookProblem[] {
  const out: TPlaybookProblem[] = [];
  step.owners.forEach((role, j) => {
    if (step.owners.indexOf(role) !== j) out.push(problem(index, `owners[${j}]`, 'duplicate_owner', `${role} is listed twice`, { role }));
  });
  // DESIGN §1: admin staff handle logistics tasks only; they do not talk to candidates.
  if (step.owners.includes('admin') && step.action !== 'task' && step.action !== 'checklist') {
    out.push(problem(index, 'owners', 'owner_action', 'admin staff own logistics tasks only, not candidate messages, calls or meetings'));
  }
  return out;
}

function checkOffsetRange(offset: TOffset, index: number, field: string): TPlaybookProblem[] {
  const out: TPlaybookProblem[] = [];
  for (const unit of ['days', 'hours', 'minutes', 'businessDays', 'workingHours'] as const) {
    const value = offset[unit];
    const max = OFFSET_BOUNDS[unit];
    if (value !== undefined && Math.abs(value) > max) {
      out.push(problem(index, `${field}.${unit}`, 'offset_range', `${unit} must lie between -${max} and ${max}`, { min: -max, max }));
    }
  }
  return out;
}

function checkOffsets(step: TPlaybookStep, index: number): TPlaybookProblem[] {
  const ranges = [
    ...checkOffsetRange(step.offset, index, 'offset'),
    ...(step.sla ? checkOffsetRange(step.sla, index, 'sla') : []),
    ...(step.ifStillOpenAfter ? checkOffsetRange(step.ifStillOpenAfter, index, 'ifStillOpenAfter') : []),
  ];
  if (ranges.length) return ranges;
  const out: TPlaybookProblem[] = [];
  const fromStart = step.anchor === 'start_date';
  const due = estimateOffsetMinutes(step.offset, fromStart);
  const lastDue = due + ((step.repeat?.times ?? 1) - 1) * (step.repeat?.every.days ?? 0) * MINUTES_PER_DAY;
  if (!fromStart && due < 0) {
    out.push(problem(index, 'offset', 'offset_before_anchor', `the step cannot be due before ${step.anchor} happens`, { anchor: step.anchor }));
  }
  if (fromStart && BEFORE_START.has(step.stage) && lastDue >= 0) {
    out.push(problem(index, step.repeat && due < 0 ? 'repeat' : 'offset', 'offset_after_start', `a ${step.stage} step must be due before the start date`, { stage: step.stage }));
  }
  if (step.sla) {
    const sla = estimateOffsetMinutes(step.sla, fromStart);
    if (!fromStart && sla <= 0) out.push(problem(index, 'sla', 'sla_not_positive', 'the SLA must be a positive time after the anchor'));
    else if (sla < due) out.push(problem(index, 'sla', 'sla_before_due', 'the SLA ends before the step is due: it would always be breached'));
  }
  return out;
}

function checkChannels(step: TPlaybookStep, index: number): TPlaybookProblem[] {
  if (!step.channels) return [];
  if (step.action !== 'message') return [problem(index, 'channels', 'channels_not_message', 'only message steps have channels')];
  const out: TPlaybookProblem[] = [];
  step.channels.forEach((channel, j) => {
    if (step.channels!.indexOf(channel) !== j) out.push(problem(index, `channels[${j}]`, 'duplicate_channel', `${channel} is listed twice`, { channel }));
  });
  return out;
}

function checkMerges(step: TPlaybookStep, index: number, byId: ReadonlyMap<string, TPlaybookStep>): TPlaybookProblem[] {
  if (!step.mayMergeWith) return [];
  if (step.action !== 'message') return [problem(index, 'mayMergeWith', 'merge_not_message', 'only message steps share a message')];
  const out: TPlaybookProblem[] = [];
  step.mayMergeWith.forEach((id, j) => {
    if (id === '*') return;
    const other = byId.get(id);
    if (!other || id === step.id) out.push(problem(index, `mayMergeWith[${j}]`, 'merge_unknown_step', `no other step ${id} to share a message with`, { id }));
    else if (other.action !== 'message') out.push(problem(index, `mayMergeWith[${j}]`, 'merge_not_message', `${id} is not a message step`, { id }));
  });
  return out;
}

function checkConditions(step: TPlaybookStep, index: number, siteIds: readonly string[] | undefined): TPlaybookProblem[] {
  const c = step.conditions;
  if (!c) return [];
  const out: TPlaybookProblem[] = [];
  // The engine hands the event's reason to delay steps and the decision to salary decisions only.
  if (c.eventReasons) {
    if (step.anchor !== 'delay_requested') {
      out.push(problem(index, 'conditions.eventReasons', 'condition_event_only', 'a reason condition applies to steps on delay_requested only', { event: 'delay_requested' }));
    } else {
      c.eventReasons.forEach((reason, j) => {
        if (!ZDelayReason.safeParse(reason).success) out.push(problem(index, `conditions.eventReasons[${j}]`, 'unknown_event_reason', `unknown delay reason ${reason}`, { reason }));
      });
    }
  }
  if (c.decision && step.anchor !== 'salary_adjustment_decided') {
    out.push(problem(index, 'conditions.decision', 'condition_event_only', 'a decision condition applies to steps on salary_adjustment_decided only', { event: 'salary_adjustment_decided' }));
  }
  if (c.siteIds && siteIds) {
    c.siteIds.forEach((id, j) => {
      if (!siteIds.includes(id)) out.push(problem(index, `conditions.siteIds[${j}]`, 'unknown_site', `no site ${id} in this organisation`, { id }));
    });
  }
  return out;
}
