/**
 * The stages after offer confirmation (prep, final days, day one) are anchored on the
 * start date. For candidates with the same start day, zone, calendar, facts the steps'
 * conditions read, and channels, they come out the same — unless the candidate's own
 * offer-confirmation stage reaches into them. A hiring wave shares them: they are placed
 * once, "in isolation" (no earlier stage, no history), kept with the bounds that make
 * them valid, and reused whenever this candidate's first stage stays inside those bounds:
 *
 * - acceptance/now and the end of the first stage lie at or before every reused step's
 *   natural time (so nothing is compressed, and no floor moves anything);
 * - every first-stage message goes out on a local day before the first reused message's
 *   day (placement only moves messages later, so no day's quota or merge is shared);
 * - every first-stage call is at least the call spacing before the first reused call;
 * - no reused message carries an SLA deadline (the only rule that looks backwards).
 *
 * Outside those bounds, or with any history (re-plans), the stages are placed afresh.
 * Reused items are frozen: a caller that tried to change one would fail loudly rather
 * than alter another candidate's plan.
 */
import { MAIN_STAGES, type TOrgPolicy, type TPlaybook } from '../../contracts/playbook.js';
import { createMessageBook } from '../policy/place-message.js';
import { DAY_MS, toLocalDate } from '../time/local-time.js';
import type { TDraft } from './expand-drafts.js';
import { buildItems, findCutoff, placeStages, sortRanked, type TRankedItem, type TStageWalk } from './place-stages.js';
import { isCandidateMessage } from './select-delivery.js';
import type { TCandidateFacts, TSkippedStep } from './types.js';

export const FIRST_STAGE = MAIN_STAGES.slice(0, 1);
export const TAIL_STAGES = MAIN_STAGES.slice(1);

export interface TTailPlan {
  /** In plan order. */
  items: readonly TRankedItem[];
  skipped: readonly TSkippedStep[];
  /** Earliest natural time (ms) of any reused step. */
  earliest: number;
  /** Earliest natural time (ms) of a prep or final-days step (day one ignores stage ends). */
  earliestPreStart: number;
  /** Local day of the first reused message, or null. */
  firstMessageDay: string | null;
  /** Natural time (ms) of the first reused proactive call, or null. */
  firstCall: number | null;
}

const TAILS = new WeakMap<TPlaybook, WeakMap<TOrgPolicy, Map<string, TTailPlan | null>>>();
const TAIL_MEMO_LIMIT = 4096;
/** Before any real instant: the isolated walk has no floor. */
const NO_FLOOR = new Date(-8.64e15);

function tailsOf(playbook: TPlaybook, policy: TOrgPolicy): Map<string, TTailPlan | null> {
  let byPolicy = TAILS.get(playbook);
  if (!byPolicy) TAILS.set(playbook, (byPolicy = new WeakMap()));
  let tails = byPolicy.get(policy);
  if (!tails) byPolicy.set(policy, (tails = new Map()));
  else if (tails.size >= TAIL_MEMO_LIMIT) tails.clear();
  return tails;
}

/** What the later stages depend on besides the playbook and policy: start, zone, calendar, facts, channels. */
export function tailKeyOf(startKey: string, candidate: TCandidateFacts): string {
  const { roleType, relocation, backgroundCheck, siteId, channels } = candidate;
  return `${startKey}\u0001${roleType}|${relocation}|${backgroundCheck}|${siteId ?? ''}|${channels.join(',')}`;
}

/** The later stages placed for an identical start (null: not reusable), or undefined when not placed yet. */
export function findTail(playbook: TPlaybook, policy: TOrgPolicy, key: string): TTailPlan | null | undefined {
  return TAILS.get(playbook)?.get(policy)?.get(key);
}

export function storeTail(playbook: TPlaybook, policy: TOrgPolicy, key: string, tail: TTailPlan | null): TTailPlan | null {
  tailsOf(playbook, policy).set(key, tail);
  return tail;
}

/** Place the later stages in isolation (no earlier stage, no history, no floor). */
export function placeTail(policy: TOrgPolicy, candidate: TCandidateFacts, drafts: readonly TDraft[], startAt: Date): TTailPlan | null {
  if (drafts.some((draft) => isCandidateMessage(draft.step) && draft.sla !== null)) return null;
  const { timeZone } = candidate;
  const walk: TStageWalk = { floor: NO_FLOOR, cutoff: findCutoff(startAt, drafts), book: createMessageBook([], timeZone), calls: [], stageFloor: null, placed: [], skipped: [] };
  placeStages(drafts, 0, TAIL_STAGES, walk, { timeZone, startDate: candidate.startDate, policy });
  const items = sortRanked(buildItems(walk, candidate));
  for (const { item } of items) {
    Object.freeze(item.owners);
    Object.freeze(item.mergedStepKeys);
    Object.freeze(item);
  }
  let earliest = Infinity;
  let earliestPreStart = Infinity;
  let firstMessageDay: string | null = null;
  let firstCall: number | null = null;
  for (const draft of drafts) {
    const at = draft.natural.getTime();
    earliest = Math.min(earliest, at);
    if (draft.step.stage !== 'day_one') earliestPreStart = Math.min(earliestPreStart, at);
    if (isCandidateMessage(draft.step)) {
      const day = toLocalDate(draft.natural, timeZone);
      if (firstMessageDay === null || day < firstMessageDay) firstMessageDay = day;
    } else if (draft.step.action === 'call' && !draft.step.escalation && (firstCall === null || at < firstCall)) {
      firstCall = at;
    }
  }
  return { items, skipped: Object.freeze(walk.skipped.map((entry) => Object.freeze(entry))), earliest, earliestPreStart, firstMessageDay, firstCall };
}

/** True when the candidate's first stage (already walked) cannot reach the reused stages. */
export function fitsTail(tail: TTailPlan, walk: TStageWalk, policy: TOrgPolicy): boolean {
  if (walk.floor.getTime() > tail.earliest) return false;
  if (walk.stageFloor !== null && walk.stageFloor.getTime() > tail.earliestPreStart) return false;
  const firstDay = tail.firstMessageDay;
  if (firstDay !== null && walk.book.slots.some((slot) => slot.localDate >= firstDay)) return false;
  const firstCall = tail.firstCall;
  const spacing = policy.callSpacing.minDaysBetweenCalls * DAY_MS;
  if (firstCall !== null && walk.calls.some((call) => call.getTime() + spacing > firstCall)) return false;
  return true;
}
