import { ZScenarioEvent, type TScenario, type TScenarioEvent } from '../../contracts/scenario.js';
import type { TDomainEvent } from '../../core/events/index.js';
import { applyDomainEvent, wakeDueCandidates } from '../engine/apply-event.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { ScenarioError } from './scenario-error.js';
import type { SimulatedCandidate, SimulatedOrg } from './set-up-org.js';
import type { VirtualClock } from './virtual-clock.js';

const WAKE_BATCH = 100;
const SYSTEM_ACTOR = { kind: 'system', id: null } as const;

interface Timed<T> {
  at: number;
  item: T;
}

export interface RunTimelineArgs {
  deps: Deps & { clock: VirtualClock };
  world: SimulatedOrg;
  scenario: TScenario;
  /** Runs after every instant (the dispatcher, when there is one). */
  afterInstant?: (at: number) => Promise<void>;
}

/**
 * Walks virtual time up to `until`: the next instant is the earliest of the next
 * scenario event, the next acceptance and the earliest engine wake time. At each
 * instant the clock is set, due candidates wake, acceptances apply, then the events
 * of that instant in file order. Effects reach the caller through `deps.observer`.
 */
export async function runTimeline({ deps, world, scenario, afterInstant }: RunTimelineArgs): Promise<void> {
  const until = Date.parse(scenario.until);
  const acceptances = sortByTime(world.candidates.map((c) => ({ at: Date.parse(c.offerAcceptedAt), item: c })));
  const events = sortByTime(scenario.events.map((event, index) => ({ at: Date.parse(event.at), item: { event, index } })));
  const byRef = new Map(world.candidates.map((c) => [c.ref, c]));
  let last = Number.NEGATIVE_INFINITY;
  for (;;) {
    const wakeAt = await findNextWakeAt(deps, world.orgId);
    const next = Math.min(acceptances[0]?.at ?? Infinity, events[0]?.at ?? Infinity, wakeAt ?? Infinity);
    if (!Number.isFinite(next) || next > until) return;
    // Every wake up to an instant runs at that instant, so time must strictly advance.
    if (next <= last) throw new Error(`simulation stalled at ${new Date(next).toISOString()}`);
    last = next;
    deps.clock.set(next);
    await wakeAllDue(deps, world.orgId);
    while (acceptances[0]?.at === next) await acceptOffer(deps, world.orgId, acceptances.shift()!.item);
    while (events[0]?.at === next) {
      const { event, index } = events.shift()!.item;
      await applyScenarioEvent(deps, world.orgId, byRef.get(event.candidate)!, event, index);
    }
    await afterInstant?.(next);
  }
}

/** Stable sort: equal instants keep file order. */
function sortByTime<T>(items: Timed<T>[]): Timed<T>[] {
  return items.map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.at - b.entry.at || a.order - b.order)
    .map(({ entry }) => entry);
}

async function findNextWakeAt(deps: Deps, orgId: string): Promise<number | null> {
  const row = await deps.db.selectFrom('engine_states').select((eb) => eb.fn.min('next_wake_at').as('next'))
    .where('org_id', '=', orgId).executeTakeFirst();
  return row?.next ? new Date(row.next).getTime() : null;
}

async function wakeAllDue(deps: Deps, orgId: string): Promise<void> {
  while ((await wakeDueCandidates(deps, { orgId, limit: WAKE_BATCH })) === WAKE_BATCH);
}

async function acceptOffer(deps: Deps, orgId: string, candidate: SimulatedCandidate): Promise<void> {
  const event: TDomainEvent = { type: 'offer_accepted', at: candidate.offerAcceptedAt };
  try {
    await applyDomainEvent(deps, orgId, candidate.id, event, { actor: SYSTEM_ACTOR, idempotencyKey: `scenario:accept:${candidate.ref}` });
  } catch (err) {
    if (err instanceof AppError && err.status < 500) throw new ScenarioError(['candidates', candidate.index, 'offerAcceptedAt'], err.message);
    throw err;
  }
}

/** Whether a field belongs to this event type's schema (set or not: a missing optional field can be at fault). */
function isEventField(type: TScenarioEvent['type'], field: string): boolean {
  const option = ZScenarioEvent.options.find((o) => o.shape.type.value === type);
  return option !== undefined && field in option.shape;
}

async function applyScenarioEvent(deps: Deps, orgId: string, candidate: SimulatedCandidate, event: TScenarioEvent, index: number) {
  const { candidate: _ref, ...domainEvent } = event;
  try {
    await applyDomainEvent(deps, orgId, candidate.id, domainEvent as TDomainEvent, { actor: SYSTEM_ACTOR, idempotencyKey: `scenario:${index}` });
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const hint = err.code === 'plan_not_started' ? ` (${candidate.ref} accepts at ${candidate.offerAcceptedAt})` : '';
    // Lifecycle errors name `status`, which is no event field: the event's type is at fault.
    const field = err.field && isEventField(event.type, err.field) ? err.field : 'type';
    throw new ScenarioError(['events', index, field], `${err.message}${hint}`);
  }
}
