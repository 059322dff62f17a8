/**
 * Placing candidate messages under quiet hours and the frequency cap. The "message book"
 * is an immutable record of the day-messages already planned or sent; `placeMessage`
 * returns a new book plus where the message went (its own slot, or merged into one).
 */
import type { TOrgPolicy } from '../../contracts/playbook.js';
import { DomainError } from '../errors.js';
import { addLocalDays, toLocalDate } from '../time/local-time.js';
import { getDailyMessageLimit, isInFinalWindow } from './frequency-cap.js';
import { applyQuietHours, findLastAllowedMoment, getFirstAllowedMoment } from './quiet-hours.js';
import { createQuotaUsage, getRemainingQuota, recordQuotaUsage, type TQuotaUsage } from './quota-usage.js';

export interface TMessageSlot {
  /** Key of the lead item (the first step placed in the slot). */
  key: string;
  at: Date;
  localDate: string;
  stepIds: string[];
  itemKeys: string[];
  /** Per step: which steps it may merge with (undefined = any). */
  mergeRules: (readonly string[] | undefined)[];
  /** Earliest member deadline (ms): a merge may not move the slot past it. */
  deadline: number | null;
}

export interface TMessageBook {
  usage: TQuotaUsage;
  slots: readonly TMessageSlot[];
}

export interface TMessageRequest {
  key: string;
  stepId: string;
  due: Date;
  mayMergeWith?: readonly string[];
  /** Answers to the candidate's own request: quiet hours apply, the cap does not. */
  capExempt?: boolean;
  /** SLA deadline: when waiting for quiet hours to end would miss it, send earlier. */
  deadline?: Date;
  /** Never earlier than this (acceptance / now / end of the previous stage). */
  notBefore?: Date;
}

export interface TMessageContext {
  timeZone: string;
  startDate: string;
  policy: TOrgPolicy;
}

export interface TMessagePlacement {
  at: Date;
  /** Lead key of the slot this message joined, or null for its own slot. */
  mergedInto: string | null;
}

/** A book seeded with messages already sent (their local days count against the cap). */
export function createMessageBook(sentAt: readonly Date[] = [], timeZone = 'UTC'): TMessageBook {
  return { usage: createQuotaUsage(sentAt.map((at) => toLocalDate(at, timeZone))), slots: [] };
}

function allows(rules: readonly string[] | undefined, stepId: string): boolean {
  return rules === undefined || rules.includes('*') || rules.includes(stepId);
}

function canJoin(slot: TMessageSlot, request: TMessageRequest, at: Date): boolean {
  const mergedAt = Math.max(slot.at.getTime(), at.getTime());
  if (slot.deadline !== null && mergedAt > slot.deadline) return false;
  return slot.stepIds.every(
    (stepId, index) => allows(slot.mergeRules[index], request.stepId) && allows(request.mayMergeWith, stepId),
  );
}

/** A year of days: the cap always frees a slot long before this. */
const MAX_DAYS_SEARCHED = 366;

type TResult = { book: TMessageBook; placement: TMessagePlacement };

/**
 * Place one message. Quiet hours first; then, in the final window, join the day's
 * message when merge rules allow (the merged message goes at the later of the two times,
 * so no content leaves before its due time); else take a free slot under the day's
 * limit; else move to the next day's first allowed moment (keeping the overflow ahead of
 * that day's own messages). When that misses the request's deadline, the message is sent
 * at the last allowed moment before the deadline instead, if that day has room.
 */
export function placeMessage(book: TMessageBook, request: TMessageRequest, context: TMessageContext): TResult {
  const quiet = { timeZone: context.timeZone, quietHours: context.policy.quietHours };
  let at = applyQuietHours(request.due, quiet);
  let first: TResult | null = null;
  for (let i = 0; i < MAX_DAYS_SEARCHED && first === null; i += 1) {
    first = tryDay(book, request, at, context);
    if (first === null) at = getFirstAllowedMoment(addLocalDays(toLocalDate(at, context.timeZone), 1), quiet);
  }
  if (first === null) throw new DomainError('invalid_input', 'no day with free message quota within a year', { field: 'frequencyCap' });
  const { deadline, notBefore } = request;
  if (!deadline || first.placement.at.getTime() <= deadline.getTime()) return first;
  const back = findLastAllowedMoment(deadline, quiet);
  if (notBefore && back.getTime() < notBefore.getTime()) return first;
  return tryDay(book, request, back, context) ?? first;
}

/** Place on the local day of `at` (merge, or a free slot), or null when the day is full. */
function tryDay(book: TMessageBook, request: TMessageRequest, at: Date, context: TMessageContext): TResult | null {
  const localDate = toLocalDate(at, context.timeZone);
  if (request.capExempt) return addSlot(book, request, at, localDate, false);
  if (isInFinalWindow(localDate, context.startDate, context.policy)) {
    const slot = book.slots.find((s) => s.localDate === localDate && canJoin(s, request, at));
    if (slot) return joinSlot(book, slot, request, at);
  }
  const limit = getDailyMessageLimit(localDate, context.startDate, context.policy);
  if (getRemainingQuota(book.usage, localDate, limit) > 0) return addSlot(book, request, at, localDate, true);
  return null;
}

function addSlot(
  book: TMessageBook,
  request: TMessageRequest,
  at: Date,
  localDate: string,
  counts: boolean,
): TResult {
  const slot: TMessageSlot = {
    key: request.key,
    at,
    localDate,
    stepIds: [request.stepId],
    itemKeys: [request.key],
    mergeRules: [request.mayMergeWith],
    deadline: request.deadline?.getTime() ?? null,
  };
  return {
    book: { usage: counts ? recordQuotaUsage(book.usage, localDate) : book.usage, slots: [...book.slots, slot] },
    placement: { at, mergedInto: null },
  };
}

function joinSlot(
  book: TMessageBook,
  slot: TMessageSlot,
  request: TMessageRequest,
  at: Date,
): TResult {
  const mergedAt = at.getTime() > slot.at.getTime() ? at : slot.at;
  const joined: TMessageSlot = {
    ...slot,
    at: mergedAt,
    stepIds: [...slot.stepIds, request.stepId],
    itemKeys: [...slot.itemKeys, request.key],
    mergeRules: [...slot.mergeRules, request.mayMergeWith],
    deadline: minDeadline(slot.deadline, request.deadline?.getTime() ?? null),
  };
  return {
    book: { usage: book.usage, slots: book.slots.map((s) => (s === slot ? joined : s)) },
    placement: { at: mergedAt, mergedInto: slot.key },
  };
}

function minDeadline(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
