/**
 * Walking drafts stage by stage: compression to the floors (acceptance/now, end of the
 * previous stage), quiet hours, the daily cap with merging, call spacing, and the cut of
 * pre-start steps that would only land on or after day one. Drafts come sorted by stage,
 * so each stage is one contiguous run of them.
 */
import type { TOrgPolicy, TPlannedItem, TStage } from '../../contracts/playbook.js';
import { applyCallSpacing } from '../policy/call-spacing.js';
import { compressDue } from '../policy/compression.js';
import { placeMessage, type TMessageBook, type TMessageSlot } from '../policy/place-message.js';
import { buildPlannedItem } from './build-planned-item.js';
import { rankOf, type TDraft } from './expand-drafts.js';
import { isCandidateMessage } from './select-delivery.js';
import type { TCandidateFacts, TSkippedStep } from './types.js';

export interface TPlaced {
  draft: TDraft;
  /** Position among the drafts walked (the last tie-breaker of the order). */
  order: number;
  due: Date;
  compressed: boolean;
  mergedInto: string | null;
}

/** The walk's state, carried from stage to stage (and from one walk to the next). */
export interface TStageWalk {
  floor: Date;
  /** Pre-start steps due at or after this instant (ms) are dropped. */
  cutoff: number;
  book: TMessageBook;
  calls: Date[];
  stageFloor: Date | null;
  placed: TPlaced[];
  skipped: TSkippedStep[];
}

export interface TWalkContext {
  timeZone: string;
  startDate: string;
  policy: TOrgPolicy;
}

const PRE_START_CUT_STAGES: readonly TStage[] = ['prep', 'final_days'];

/**
 * Pre-start steps must finish before day one begins: before S, and before the first
 * day-one preparation, so the stage order survives even a last-minute acceptance.
 */
export function findCutoff(startAt: Date, drafts: readonly TDraft[]): number {
  let cutoff = startAt.getTime();
  for (const draft of drafts) {
    if (draft.step.stage === 'day_one' && draft.natural.getTime() < cutoff) cutoff = draft.natural.getTime();
  }
  return cutoff;
}

/** Place the drafts of `stages`, starting at `drafts[from]`; returns the index after them. */
export function placeStages(drafts: readonly TDraft[], from: number, stages: readonly TStage[], walk: TStageWalk, context: TWalkContext): number {
  let next = from;
  for (const stage of stages) {
    // Day-one items are real-world appointments: only compression to "now" moves them.
    const floors = stage === 'day_one' || walk.stageFloor === null ? [walk.floor] : [walk.floor, walk.stageFloor];
    const notBefore = floors.length === 1 || walk.floor.getTime() >= floors[1]!.getTime() ? walk.floor : floors[1]!;
    const cutsAtStart = PRE_START_CUT_STAGES.includes(stage);
    const stageStart = walk.placed.length;
    let stageEnd: Date | null = null;
    for (; next < drafts.length && drafts[next]!.step.stage === stage; next += 1) {
      const draft = drafts[next]!;
      let { at: due, compressed } = compressDue(draft.natural, floors);
      let mergedInto: string | null = null;
      let nextBook = walk.book;
      const spacedCall = draft.step.action === 'call' && !draft.step.escalation;
      if (isCandidateMessage(draft.step)) {
        const result = placeMessage(
          walk.book,
          {
            key: draft.key,
            stepId: draft.step.id,
            due,
            mayMergeWith: draft.step.mayMergeWith,
            capExempt: draft.step.capExempt,
            deadline: draft.sla ?? undefined,
            notBefore,
          },
          context,
        );
        ({ at: due, mergedInto } = result.placement);
        nextBook = result.book;
      } else if (spacedCall) {
        due = applyCallSpacing(due, walk.calls, context.policy.callSpacing.minDaysBetweenCalls);
      }
      if (cutsAtStart && due.getTime() >= walk.cutoff) {
        walk.skipped.push({ key: draft.key, stepId: draft.step.id, reason: 'window_passed' });
        continue;
      }
      walk.book = nextBook;
      if (spacedCall) walk.calls.push(due);
      walk.placed.push({ draft, order: next, due, compressed, mergedInto });
      if (stageEnd === null || due.getTime() > stageEnd.getTime()) stageEnd = due;
    }
    // Merges may have moved a slot later: the stage ends at its latest final time.
    if (stage !== 'day_one' && walk.placed.length > stageStart) {
      const slotTimes = new Map<string, Date>();
      for (const slot of walk.book.slots) for (const key of slot.itemKeys) slotTimes.set(key, slot.at);
      for (let k = stageStart; k < walk.placed.length; k += 1) {
        const slotAt = slotTimes.get(walk.placed[k]!.draft.key);
        if (slotAt && (stageEnd === null || slotAt.getTime() > stageEnd.getTime())) stageEnd = slotAt;
      }
    }
    if (stageEnd !== null && stage !== 'day_one') {
      walk.stageFloor = walk.stageFloor === null || stageEnd.getTime() > walk.stageFloor.getTime() ? stageEnd : walk.stageFloor;
    }
  }
  return next;
}

/** A built item with what orders it: due time as published (whole seconds), stage rank, draft order. */
export interface TRankedItem {
  item: TPlannedItem;
  second: number;
  rank: number;
  order: number;
}

/** Build the walk's placed drafts into items, with their final (slot) times. */
export function buildItems(walk: TStageWalk, candidate: TCandidateFacts): TRankedItem[] {
  const slotByKey = new Map<string, TMessageSlot>();
  for (const slot of walk.book.slots) for (const key of slot.itemKeys) slotByKey.set(key, slot);
  return walk.placed.map((placed) => {
    const { draft } = placed;
    const slot = slotByKey.get(draft.key);
    const due = slot?.at ?? placed.due;
    const item = buildPlannedItem(draft.step, candidate, {
      key: draft.key,
      occurrence: draft.occurrence,
      due,
      natural: draft.natural,
      calendarDataMissing: draft.calendarDataMissing,
      mergedStepKeys: slot && slot.key === draft.key ? [...slot.itemKeys] : [draft.key],
      mergedInto: slot && slot.key !== draft.key ? slot.key : null,
      compressed: placed.compressed,
      sla: draft.sla,
    });
    return { item, second: Math.floor(due.getTime() / 1000), rank: rankOf(draft.step.stage), order: placed.order };
  });
}

function compareRanked(a: TRankedItem, b: TRankedItem): number {
  return a.second - b.second || a.rank - b.rank || a.order - b.order;
}

/** Ranked items in plan order: due second, then stage, then draft order (sorts in place). */
export function sortRanked(ranked: TRankedItem[]): TRankedItem[] {
  return ranked.sort(compareRanked);
}

/** Items in plan order from two lists already in plan order. */
export function mergeRanked(a: readonly TRankedItem[], b: readonly TRankedItem[]): TPlannedItem[] {
  const items: TPlannedItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    items.push(j >= b.length || (i < a.length && compareRanked(a[i]!, b[j]!) <= 0) ? a[i++]!.item : b[j++]!.item);
  }
  return items;
}
