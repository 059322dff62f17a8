/**
 * computePlan: playbook + candidate facts + policies → ordered planned items.
 *
 * Order of work: expand applicable main-stage steps (conditions, repeats) → natural due
 * times → walk stages in order, compressing each item to max(natural, acceptance/now,
 * end of the previous stage) → apply quiet hours, the daily cap with merging, and call
 * spacing → drop pre-start steps that would only land on or after day one.
 */
import { MAIN_STAGES, type TPlannedItem, type TStage } from '../../contracts/playbook.js';
import { resolveCalendar } from '../calendar/resolve-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { applyCallSpacing } from '../policy/call-spacing.js';
import { compressDue } from '../policy/compression.js';
import { createMessageBook, placeMessage, type TMessageBook, type TMessageSlot } from '../policy/place-message.js';
import { buildPlannedItem } from './build-planned-item.js';
import { assertTimeZone, localDateToDayNumber, parseInstant, startOfLocalDay } from '../time/local-time.js';
import { expandDrafts, rankOf, type TDraft } from './expand-drafts.js';
import type { TOffsetContext } from './resolve-offset.js';
import { isCandidateMessage } from './select-delivery.js';
import type { TComputePlanInput, TPlan, TPlanWarning, TSkippedStep } from './types.js';

interface TPlaced {
  draft: TDraft;
  /** Position among the candidate's drafts (the last tie-breaker of the order). */
  order: number;
  due: Date;
  compressed: boolean;
  mergedInto: string | null;
}

const PRE_START_CUT_STAGES: readonly TStage[] = ['prep', 'final_days'];

/** Compute a candidate's pending plan. Pure: `now` and the history are passed in. */
export function computePlan(input: TComputePlanInput): TPlan {
  const { candidate, playbook, policy } = input;
  assertTimeZone(candidate.timeZone, 'candidate.timezone');
  localDateToDayNumber(candidate.startDate, 'candidate.startDate');
  const acceptedAt = parseInstant(candidate.offerAcceptedAt, 'candidate.offerAcceptedAt');
  const now = parseInstant(input.now, 'now');
  const timeZone = candidate.timeZone;
  const calendar = resolveCalendar(candidate.calendar, policy.calendar);
  const context: TOffsetContext = { timeZone, calendar, workingHours: policy.workingHours };
  const startAt = startOfLocalDay(candidate.startDate, timeZone);
  const completed = new Set(input.history?.completed?.map((entry) => entry.key));

  const drafts = expandDrafts(playbook, candidate, { acceptedAt, startAt, context });
  const skipped: TSkippedStep[] = [];
  const pending = completed.size === 0 ? drafts : drafts.filter((draft) => {
    if (!completed.has(draft.key)) return true;
    skipped.push({ key: draft.key, stepId: draft.step.id, reason: 'done' });
    return false;
  });

  // Pre-start steps must finish before day one begins: before S, and before the first
  // day-one preparation, so the stage order survives even a last-minute acceptance.
  let cutoff = startAt.getTime();
  for (const draft of pending) {
    if (draft.step.stage === 'day_one' && draft.natural.getTime() < cutoff) cutoff = draft.natural.getTime();
  }
  const floor = acceptedAt.getTime() > now.getTime() ? acceptedAt : now;
  const messageContext = { timeZone, startDate: candidate.startDate, policy };

  let book: TMessageBook = createMessageBook(
    (input.history?.sentMessages ?? []).map((at) => parseInstant(at, 'history.sentMessages')),
    timeZone,
  );
  const calls = (input.history?.calls ?? []).map((at) => parseInstant(at, 'history.calls'));
  const placed: TPlaced[] = [];
  let stageFloor: Date | null = null;
  let next = 0;

  // Drafts come sorted by stage, so each stage is one contiguous run of them.
  for (const stage of MAIN_STAGES) {
    // Day-one items are real-world appointments: only compression to "now" moves them.
    const floors = stage === 'day_one' || stageFloor === null ? [floor] : [floor, stageFloor];
    const notBefore = floors.length === 1 || floor.getTime() >= floors[1]!.getTime() ? floor : floors[1]!;
    const cutsAtStart = PRE_START_CUT_STAGES.includes(stage);
    const stageStart = placed.length;
    let stageEnd: Date | null = null;
    for (; next < pending.length && pending[next]!.step.stage === stage; next += 1) {
      const draft = pending[next]!;
      let { at: due, compressed } = compressDue(draft.natural, floors);
      let mergedInto: string | null = null;
      let nextBook = book;
      const spacedCall = draft.step.action === 'call' && !draft.step.escalation;
      if (isCandidateMessage(draft.step)) {
        const result = placeMessage(
          book,
          {
            key: draft.key,
            stepId: draft.step.id,
            due,
            mayMergeWith: draft.step.mayMergeWith,
            capExempt: draft.step.capExempt,
            deadline: draft.sla ?? undefined,
            notBefore,
          },
          messageContext,
        );
        ({ at: due, mergedInto } = result.placement);
        nextBook = result.book;
      } else if (spacedCall) {
        due = applyCallSpacing(due, calls, policy.callSpacing.minDaysBetweenCalls);
      }
      if (cutsAtStart && due.getTime() >= cutoff) {
        skipped.push({ key: draft.key, stepId: draft.step.id, reason: 'window_passed' });
        continue;
      }
      book = nextBook;
      if (spacedCall) calls.push(due);
      placed.push({ draft, order: next, due, compressed, mergedInto });
      if (stageEnd === null || due.getTime() > stageEnd.getTime()) stageEnd = due;
    }
    // Merges may have moved a slot later: the stage ends at its latest final time.
    if (stage !== 'day_one' && placed.length > stageStart) {
      const slotTimes = indexSlotTimes(book);
      for (let k = stageStart; k < placed.length; k += 1) {
        const slotAt = slotTimes.get(placed[k]!.draft.key);
        if (slotAt && (stageEnd === null || slotAt.getTime() > stageEnd.getTime())) stageEnd = slotAt;
      }
    }
    if (stageEnd !== null && stage !== 'day_one') {
      stageFloor = stageFloor === null || stageEnd.getTime() > stageFloor.getTime() ? stageEnd : stageFloor;
    }
  }

  const slotByKey = new Map<string, TMessageSlot>();
  for (const slot of book.slots) for (const key of slot.itemKeys) slotByKey.set(key, slot);
  // Ordered by the due time as published (whole seconds), then stage, then playbook order.
  const ranked = placed.map((item) => ({ item, second: Math.floor((slotByKey.get(item.draft.key)?.at ?? item.due).getTime() / 1000) }));
  ranked.sort((a, b) => a.second - b.second || rankOf(a.item.draft.step.stage) - rankOf(b.item.draft.step.stage) || a.item.order - b.item.order);
  const items = ranked.map(({ item }) => toPlannedItem(item, slotByKey, input));
  return { candidateRef: candidate.ref, items, skipped, warnings: collectWarnings(input, items, startAt, now) };
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
  return buildPlannedItem(step, input.candidate, {
    key: draft.key,
    occurrence: draft.occurrence,
    due,
    natural: draft.natural,
    calendarDataMissing: draft.calendarDataMissing,
    mergedStepKeys: slot && slot.key === draft.key ? [...slot.itemKeys] : [draft.key],
    mergedInto: slot && slot.key !== draft.key ? slot.key : null,
    compressed: item.compressed,
    sla: draft.sla,
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
