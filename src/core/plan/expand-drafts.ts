/**
 * Expanding a playbook into a candidate's drafts: applicable main-stage steps, their
 * repeats, natural due times and SLA deadlines, in stage order.
 *
 * Start-date anchored steps are most of a playbook, and every candidate who starts on the
 * same day in the same zone and calendar shares their times: those are resolved once per
 * (playbook, zone, start date, calendar, working hours) and kept in a bounded memo, so a
 * hiring wave's plans cost little more than their acceptance-anchored steps. The memo
 * holds only pure results of those inputs (the playbook object is its key, never its id:
 * an edited draft is a different object), so it cannot change an answer.
 */
import { MAIN_STAGES, type TBusinessCalendar, type TPlaybook, type TPlaybookStep, type TStage } from '../../contracts/playbook.js';
import { DomainError } from '../errors.js';
import { matchesConditions } from './match-conditions.js';
import { resolveOffset, type TOffsetContext } from './resolve-offset.js';
import { toStepKey } from './select-delivery.js';
import type { TCandidateFacts } from './types.js';

export interface TDraft {
  step: TPlaybookStep;
  index: number;
  occurrence: number;
  key: string;
  natural: Date;
  calendarDataMissing: boolean;
  /** SLA deadline resolved from the step's anchor, when the step has one. */
  sla: Date | null;
}

const STAGE_RANK = new Map<TStage, number>(MAIN_STAGES.map((stage, rank) => [stage, rank]));

export function rankOf(stage: TStage): number {
  return STAGE_RANK.get(stage) ?? MAIN_STAGES.length;
}

interface TCompiledStep {
  step: TPlaybookStep;
  index: number;
  rank: number;
  keys: string[];
}

/** Times of one step's occurrences from one anchor. */
interface TStepTimes {
  naturals: { at: Date; calendarDataMissing: boolean }[];
  sla: Date | null;
}

interface TCompiledPlaybook {
  steps: TCompiledStep[];
  /** Whether any first-stage step is anchored on the start date. */
  firstStartAnchored: boolean;
  startTimes: Map<string, TStepTimes[]>;
}

const COMPILED = new WeakMap<TPlaybook, TCompiledPlaybook>();
const START_MEMO_LIMIT = 4096;

function compile(playbook: TPlaybook): TCompiledPlaybook {
  const known = COMPILED.get(playbook);
  if (known) return known;
  const steps: TCompiledStep[] = [];
  playbook.steps.forEach((step, index) => {
    if (step.anchor !== 'offer_accepted' && step.anchor !== 'start_date') return;
    const rank = STAGE_RANK.get(step.stage);
    if (rank === undefined) {
      throw new DomainError('invalid_input', `step ${step.id} is anchored on the plan but has stage ${step.stage}`, {
        field: 'playbook.steps',
      });
    }
    const times = step.repeat?.times ?? 1;
    steps.push({ step, index, rank, keys: Array.from({ length: times }, (_, occurrence) => toStepKey(step.id, occurrence)) });
  });
  const firstStartAnchored = steps.some((c) => c.rank === 0 && c.step.anchor === 'start_date');
  const compiled = { steps, firstStartAnchored, startTimes: new Map<string, TStepTimes[]>() };
  COMPILED.set(playbook, compiled);
  return compiled;
}

function resolveStepTimes(step: TPlaybookStep, anchorAt: Date, occurrences: number, context: TOffsetContext): TStepTimes {
  const naturals = [];
  for (let occurrence = 0; occurrence < occurrences; occurrence += 1) {
    const days = (step.offset.days ?? 0) + occurrence * (step.repeat?.every.days ?? 0);
    naturals.push(resolveOffset(anchorAt, occurrence === 0 ? step.offset : { ...step.offset, days }, context));
  }
  return { naturals, sla: step.sla ? resolveOffset(anchorAt, step.sla, context).at : null };
}

function calendarKey(calendar: TBusinessCalendar): string {
  let key = calendar.id;
  for (const override of calendar.overrides ?? []) key += `|${override.date}${override.working ? '+' : '-'}`;
  return key;
}

function startTimesFor(compiled: TCompiledPlaybook, key: string, startAt: Date, context: TOffsetContext): TStepTimes[] {
  const known = compiled.startTimes.get(key);
  if (known) return known;
  const times = compiled.steps.map((c) => (c.step.anchor === 'start_date' ? resolveStepTimes(c.step, startAt, c.keys.length, context) : null));
  if (compiled.startTimes.size >= START_MEMO_LIMIT) compiled.startTimes.clear();
  const entry = times as TStepTimes[];
  compiled.startTimes.set(key, entry);
  return entry;
}

/**
 * The candidate's applicable drafts, sorted by stage, natural time, playbook order,
 * occurrence; and the key of everything the start-date anchored times depend on.
 */
export function expandDrafts(
  playbook: TPlaybook,
  candidate: TCandidateFacts,
  anchors: { acceptedAt: Date; startAt: Date; context: TOffsetContext },
  /** Only the first stage (rank 0), only the later ones, or all. */
  part: 'first' | 'later' | 'all' = 'all',
): { drafts: TDraft[]; startKey: string } {
  const compiled = compile(playbook);
  const { timeZone, workingHours, calendar } = anchors.context;
  const startKey = `${timeZone}\u0000${candidate.startDate}\u0000${workingHours.start}-${workingHours.end}\u0000${calendarKey(calendar)}`;
  // The first stage is usually all acceptance-anchored: then it needs no start times.
  const needsStart = part !== 'first' || compiled.firstStartAnchored;
  const startTimes = needsStart ? startTimesFor(compiled, startKey, anchors.startAt, anchors.context) : [];
  const drafts: (TDraft & { rank: number })[] = [];
  compiled.steps.forEach((c, i) => {
    if ((part === 'first' && c.rank !== 0) || (part === 'later' && c.rank === 0)) return;
    if (!matchesConditions(c.step, { candidate })) return;
    const times = c.step.anchor === 'start_date' ? startTimes[i]! : resolveStepTimes(c.step, anchors.acceptedAt, c.keys.length, anchors.context);
    c.keys.forEach((key, occurrence) => {
      const natural = times.naturals[occurrence]!;
      drafts.push({
        step: c.step, index: c.index, rank: c.rank, occurrence, key,
        natural: natural.at, calendarDataMissing: natural.calendarDataMissing, sla: times.sla,
      });
    });
  });
  drafts.sort((a, b) => a.rank - b.rank || a.natural.getTime() - b.natural.getTime() || a.index - b.index || a.occurrence - b.occurrence);
  return { drafts, startKey };
}
