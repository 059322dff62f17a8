/**
 * computePlan: playbook + candidate facts + policies → ordered planned items.
 *
 * Order of work: expand applicable main-stage steps (conditions, repeats) → natural due
 * times → walk stages in order, compressing each item to max(natural, acceptance/now,
 * end of the previous stage) → apply quiet hours, the daily cap with merging, and call
 * spacing → drop pre-start steps that would only land on or after day one.
 *
 * A fresh plan (no history) reuses the stages after offer confirmation when another
 * candidate with the same start day and facts already had them computed and nothing of
 * this candidate's offer-confirmation stage can reach them (see tail-plan.ts).
 */
import type { TPlannedItem } from '../../contracts/playbook.js';
import { resolveCalendar } from '../calendar/resolve-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { createMessageBook } from '../policy/place-message.js';
import { assertTimeZone, localDateToDayNumber, parseInstant, startOfLocalDay } from '../time/local-time.js';
import { expandDrafts, type TDraft } from './expand-drafts.js';
import { buildItems, findCutoff, mergeRanked, placeStages, sortRanked, type TStageWalk } from './place-stages.js';
import type { TOffsetContext } from './resolve-offset.js';
import { findTail, FIRST_STAGE, fitsTail, placeTail, storeTail, TAIL_STAGES, tailKeyOf } from './tail-plan.js';
import type { TComputePlanInput, TPlan, TPlanWarning, TSkippedStep } from './types.js';

export interface TComputePlanOptions {
  /** Reuse later stages computed for an identical start (default true; tests compare both ways). */
  reuse?: boolean;
}

/** Compute a candidate's pending plan. Pure: `now` and the history are passed in. */
export function computePlan(input: TComputePlanInput, options: TComputePlanOptions = {}): TPlan {
  const { candidate, playbook, policy, history } = input;
  assertTimeZone(candidate.timeZone, 'candidate.timezone');
  localDateToDayNumber(candidate.startDate, 'candidate.startDate');
  const acceptedAt = parseInstant(candidate.offerAcceptedAt, 'candidate.offerAcceptedAt');
  const now = parseInstant(input.now, 'now');
  const timeZone = candidate.timeZone;
  const calendar = resolveCalendar(candidate.calendar, policy.calendar);
  const context: TOffsetContext = { timeZone, calendar, workingHours: policy.workingHours };
  const startAt = startOfLocalDay(candidate.startDate, timeZone);
  const completed = new Set(history?.completed?.map((entry) => entry.key));

  const fresh = !history || (!history.completed?.length && !history.sentMessages?.length && !history.calls?.length);
  const anchors = { acceptedAt, startAt, context };
  const reuse = options.reuse !== false && fresh;
  // A fresh plan walks its first stage alone first: the later stages may be reusable.
  const { drafts, startKey } = expandDrafts(playbook, candidate, anchors, reuse ? 'first' : 'all');
  const skipped: TSkippedStep[] = [];
  const pending = completed.size === 0 ? drafts : drafts.filter((draft) => {
    if (!completed.has(draft.key)) return true;
    skipped.push({ key: draft.key, stepId: draft.step.id, reason: 'done' });
    return false;
  });
  const walk: TStageWalk = {
    floor: acceptedAt.getTime() > now.getTime() ? acceptedAt : now,
    cutoff: startAt.getTime(), // first-stage steps are never cut
    book: createMessageBook((history?.sentMessages ?? []).map((at) => parseInstant(at, 'history.sentMessages')), timeZone),
    calls: (history?.calls ?? []).map((at) => parseInstant(at, 'history.calls')),
    stageFloor: null,
    placed: [],
    skipped,
  };
  const walkContext = { timeZone, startDate: candidate.startDate, policy };
  const firstEnd = placeStages(pending, 0, FIRST_STAGE, walk, walkContext);
  const tailKey = reuse ? tailKeyOf(startKey, candidate) : null;
  let reusable = tailKey === null ? null : findTail(playbook, policy, tailKey);
  let later: TDraft[] | null = null;
  if (tailKey !== null && reusable === undefined) {
    later = expandDrafts(playbook, candidate, anchors, 'later').drafts;
    reusable = storeTail(playbook, policy, tailKey, placeTail(policy, candidate, later, startAt));
  }
  let items: TPlannedItem[];
  if (reusable && fitsTail(reusable, walk, policy)) {
    // First-stage items precede later ones of the same second (stage rank), as in one sort.
    items = mergeRanked(sortRanked(buildItems(walk, candidate)), reusable.items);
    skipped.push(...reusable.skipped);
  } else {
    later ??= reuse ? expandDrafts(playbook, candidate, anchors, 'later').drafts : pending.slice(firstEnd);
    walk.cutoff = findCutoff(startAt, later);
    placeStages(later, 0, TAIL_STAGES, walk, walkContext);
    items = sortRanked(buildItems(walk, candidate)).map((ranked) => ranked.item);
  }
  return { candidateRef: candidate.ref, items, skipped, warnings: collectWarnings(input, items, startAt, now) };
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
