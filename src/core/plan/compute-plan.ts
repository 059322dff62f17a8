/**
 * computePlan: playbook + candidate facts + policies → ordered planned items.
 *
 * Order of work: expand applicable main-stage steps (conditions, repeats) → natural due
 * times → walk stages in order, compressing each item to max(natural, acceptance/now,
 * end of the previous stage) → apply quiet hours, the daily cap with merging, and call
 * spacing → drop pre-start steps that would only land on or after day one.
 */
import { MAIN_STAGES, type TPlannedItem, type TPlaybookStep, type TStage } from '../../contracts/playbook.js';
import { resolveCalendar } from '../calendar/resolve-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { DomainError } from '../errors.js';
import { applyCallSpacing } from '../policy/call-spacing.js';
import { compressDue } from '../policy/compression.js';
import { createMessageBook, placeMessage, type TMessageBook, type TMessageSlot } from '../policy/place-message.js';
import { buildPlannedItem } from './build-planned-item.js';
import { assertTimeZone, parseInstant, parseLocalDate, startOfLocalDay } from '../time/local-time.js';
import { matchesConditions } from './match-conditions.js';
import { resolveOffset, type TOffsetContext } from './resolve-offset.js';
import { isCandidateMessage, toStepKey } from './select-delivery.js';
import type { TComputePlanInput, TPlan, TPlanWarning, TSkippedStep } from './types.js';

interface TDraft {
  step: TPlaybookStep;
  index: number;
  occurrence: number;
  key: string;
  anchorAt: Date;
  natural: Date;
  calendarDataMissing: boolean;
}

interface TPlaced {
  draft: TDraft;
  due: Date;
  compressed: boolean;
  mergedInto: string | null;
}

const STAGE_RANK = new Map<TStage, number>(MAIN_STAGES.map((stage, rank) => [stage, rank]));
const PRE_START_CUT_STAGES: readonly TStage[] = ['prep', 'final_days'];

/** Compute a candidate's pending plan. Pure: `now` and the history are passed in. */
export function computePlan(input: TComputePlanInput): TPlan {
  const { candidate, playbook, policy } = input;
  assertTimeZone(candidate.timeZone, 'candidate.timezone');
  parseLocalDate(candidate.startDate, 'candidate.startDate');
  const acceptedAt = parseInstant(candidate.offerAcceptedAt, 'candidate.offerAcceptedAt');
  const now = parseInstant(input.now, 'now');
  const timeZone = candidate.timeZone;
  const calendar = resolveCalendar(candidate.calendar, policy.calendar);
  const context: TOffsetContext = { timeZone, calendar, workingHours: policy.workingHours };
  const startAt = startOfLocalDay(candidate.startDate, timeZone);
  const completed = new Set((input.history?.completed ?? []).map((entry) => entry.key));

  const drafts = expandDrafts(playbook.steps, input, { acceptedAt, startAt, context });
  const skipped: TSkippedStep[] = [];
  const pending = drafts.filter((draft) => {
    if (!completed.has(draft.key)) return true;
    skipped.push({ key: draft.key, stepId: draft.step.id, reason: 'done' });
    return false;
  });

  // Pre-start steps must finish before day one begins: before S, and before the first
  // day-one preparation, so the stage order survives even a last-minute acceptance.
  const dayOneNaturals = pending.filter((d) => d.step.stage === 'day_one').map((d) => d.natural.getTime());
  const cutoff = Math.min(startAt.getTime(), ...dayOneNaturals);
  const floor = acceptedAt.getTime() > now.getTime() ? acceptedAt : now;

  let book: TMessageBook = createMessageBook(
    (input.history?.sentMessages ?? []).map((at) => parseInstant(at, 'history.sentMessages')),
    timeZone,
  );
  const calls = (input.history?.calls ?? []).map((at) => parseInstant(at, 'history.calls'));
  const placed: TPlaced[] = [];
  let stageFloor: Date | null = null;

  for (const stage of MAIN_STAGES) {
    const stageDrafts = pending.filter((d) => d.step.stage === stage);
    let stageEnd: Date | null = null;
    for (const draft of stageDrafts) {
      // Day-one items are real-world appointments: only compression to "now" moves them.
      const floors = stage === 'day_one' || stageFloor === null ? [floor] : [floor, stageFloor];
      let { at: due, compressed } = compressDue(draft.natural, floors);
      let mergedInto: string | null = null;
      let nextBook = book;
      if (isCandidateMessage(draft.step)) {
        const deadline = draft.step.sla ? resolveOffset(draft.anchorAt, draft.step.sla, context).at : undefined;
        const notBefore = floors.reduce((a, b) => (b.getTime() > a.getTime() ? b : a));
        const result = placeMessage(
          book,
          {
            key: draft.key,
            stepId: draft.step.id,
            due,
            mayMergeWith: draft.step.mayMergeWith,
            capExempt: draft.step.capExempt,
            deadline,
            notBefore,
          },
          { timeZone, startDate: candidate.startDate, policy },
        );
        ({ at: due, mergedInto } = result.placement);
        nextBook = result.book;
      } else if (draft.step.action === 'call' && !draft.step.escalation) {
        due = applyCallSpacing(due, calls, policy.callSpacing.minDaysBetweenCalls);
      }
      if (PRE_START_CUT_STAGES.includes(stage) && due.getTime() >= cutoff) {
        skipped.push({ key: draft.key, stepId: draft.step.id, reason: 'window_passed' });
        continue;
      }
      book = nextBook;
      if (draft.step.action === 'call' && !draft.step.escalation) calls.push(due);
      placed.push({ draft, due, compressed, mergedInto });
      if (stageEnd === null || due.getTime() > stageEnd.getTime()) stageEnd = due;
    }
    // Merges may have moved a slot later: the stage ends at its latest final time.
    const slotTimes = indexSlotTimes(book);
    for (const item of placed) {
      if (item.draft.step.stage !== stage) continue;
      const slotAt = slotTimes.get(item.draft.key);
      if (slotAt && (stageEnd === null || slotAt.getTime() > stageEnd.getTime()) && item.draft.step.stage === stage) {
        stageEnd = slotAt;
      }
    }
    if (stageEnd !== null && stage !== 'day_one') {
      stageFloor = stageFloor === null || stageEnd.getTime() > stageFloor.getTime() ? stageEnd : stageFloor;
    }
  }

  const slotByKey = new Map<string, TMessageSlot>();
  for (const slot of book.slots) for (const key of slot.itemKeys) slotByKey.set(key, slot);
  const items = placed.map((item) => toPlannedItem(item, slotByKey, input));
  const order = new Map(drafts.map((d, i) => [d.key, i]));
  items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || rankOf(a.stage) - rankOf(b.stage) || order.get(a.key)! - order.get(b.key)!);
  return { candidateRef: candidate.ref, items, skipped, warnings: collectWarnings(input, items, startAt, now) };
}

function rankOf(stage: TStage): number {
  return STAGE_RANK.get(stage) ?? MAIN_STAGES.length;
}

function expandDrafts(
  steps: readonly TPlaybookStep[],
  input: TComputePlanInput,
  anchors: { acceptedAt: Date; startAt: Date; context: TOffsetContext },
): TDraft[] {
  const drafts: TDraft[] = [];
  steps.forEach((step, index) => {
    if (step.anchor !== 'offer_accepted' && step.anchor !== 'start_date') return;
    if (!STAGE_RANK.has(step.stage)) {
      throw new DomainError('invalid_input', `step ${step.id} is anchored on the plan but has stage ${step.stage}`, {
        field: 'playbook.steps',
      });
    }
    if (!matchesConditions(step, { candidate: input.candidate })) return;
    const anchorAt = step.anchor === 'offer_accepted' ? anchors.acceptedAt : anchors.startAt;
    const times = step.repeat?.times ?? 1;
    for (let occurrence = 0; occurrence < times; occurrence += 1) {
      const days = (step.offset.days ?? 0) + occurrence * (step.repeat?.every.days ?? 0);
      const natural = resolveOffset(anchorAt, { ...step.offset, days }, anchors.context);
      drafts.push({
        step,
        index,
        occurrence,
        key: toStepKey(step.id, occurrence),
        anchorAt,
        natural: natural.at,
        calendarDataMissing: natural.calendarDataMissing,
      });
    }
  });
  return drafts.sort(
    (a, b) =>
      rankOf(a.step.stage) - rankOf(b.step.stage) ||
      a.natural.getTime() - b.natural.getTime() ||
      a.index - b.index ||
      a.occurrence - b.occurrence,
  );
}

/** Final send time of every item key that sits in a message slot. */
function indexSlotTimes(book: TMessageBook): Map<string, Date> {
  const times = new Map<string, Date>();
  for (const slot of book.slots) for (const key of slot.itemKeys) times.set(key, slot.at);
  return times;
}

function toPlannedItem(item: TPlaced, slots: ReadonlyMap<string, TMessageSlot>, input: TComputePlanInput): TPlannedItem {
  const { draft } = item;
  const { step } = draft;
  const slot = slots.get(draft.key);
  const due = slot?.at ?? item.due;
  const sla = step.sla
    ? resolveOffset(draft.anchorAt, step.sla, {
        timeZone: input.candidate.timeZone,
        calendar: resolveCalendar(input.candidate.calendar, input.policy.calendar),
        workingHours: input.policy.workingHours,
      }).at
    : null;
  return buildPlannedItem(step, input.candidate, {
    key: draft.key,
    occurrence: draft.occurrence,
    due,
    natural: draft.natural,
    calendarDataMissing: draft.calendarDataMissing,
    mergedStepKeys: slot && slot.key === draft.key ? [...slot.itemKeys] : [draft.key],
    mergedInto: slot && slot.key !== draft.key ? slot.key : null,
    compressed: item.compressed,
    sla,
  });
}

function collectWarnings(input: TComputePlanInput, items: readonly TPlannedItem[], startAt: Date, now: Date): TPlanWarning[] {
  const warnings: TPlanWarning[] = [];
  const calendar = resolveCalendar(input.candidate.calendar, input.policy.calendar);
  const startKind = isWorkingDay(input.candidate.startDate, calendar);
  if (startKind === 'calendar_data_missing') {
    warnings.push({
      code: 'calendar_data_missing',
      message: `no holiday data for ${input.candidate.startDate}: working days around the start date are not verified`,
    });
  } else if (startKind === 'non_working') {
    warnings.push({ code: 'start_date_not_working_day', message: `${input.candidate.startDate} is not a working day` });
  }
  if (startAt.getTime() <= now.getTime()) {
    warnings.push({ code: 'start_date_passed', message: 'the start date has already begun' });
  }
  if (items.some((item) => item.compressed)) {
    warnings.push({ code: 'compressed', message: 'some steps were compressed: their playbook time had already passed' });
  }
  if (items.some((item) => item.calendarDataMissing)) {
    warnings.push({ code: 'calendar_data_missing', message: 'some due times use provisional (Mon–Fri) business days' });
  }
  return warnings;
}
