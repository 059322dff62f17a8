/**
 * The unanswered-message rule counts what reached the candidate, when it did: a message
 * the dispatcher sent late counts from its send time, one that failed or waits in the
 * outbox does not count, a hand-sent one counts from when staff marked it sent. The
 * driver below plays the services: before each engine run it reports what the dispatcher
 * did by then (`recordDeliveries`), and the engine runs only at its own wake times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import type { TDomainEvent } from '../../contracts/scenario.js';
import { buildCandidate } from '../plan/plan-fixtures.js';
import type { TCandidateFacts } from '../plan/types.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { formatUtcIso } from '../time/local-time.js';
import { advanceClock, findNextWakeAt } from './advance-clock.js';
import { recordDeliveries, type TDeliveryReport } from './deliveries.js';
import { planForEvent, startCandidate } from './plan-for-event.js';
import type { TCandidateState, TEffect } from './types.js';

const config = { playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY };
const HOUR = 3600_000;
const CALL = 'risk.unresponsive_call';
/** Planned times of the first messages of buildCandidate(): offer package, channel invite, then two on 30 Nov. */
const P1 = '2026-11-25T04:00:00Z';
const P2 = '2026-11-26T02:00:00Z';
const P3 = '2026-11-30T02:00:00Z';
/** Before the start date (14 Dec): the candidate may still drop out. */
const UNTIL = '2026-12-10T00:00:00Z';

/** What the dispatcher does with a message: sent at an instant, given up on at an instant, or never settled. */
type TOutcome = { sentAt: number } | { failedAt: number } | undefined;

function report(state: TCandidateState, now: number, outcome: (key: string, plannedAt: number) => TOutcome): TDeliveryReport[] {
  return (state.awaitingSend ?? []).flatMap(({ key, at }): TDeliveryReport[] => {
    const o = outcome(key, Date.parse(at));
    if (o && 'sentAt' in o && o.sentAt <= now) return [{ key, sentAt: formatUtcIso(new Date(o.sentAt)) }];
    if (o && 'failedAt' in o && o.failedAt <= now) return [{ key, sentAt: null }];
    return [];
  });
}

/** Runs the engine at its wake times and the events' times up to `until`, reporting deliveries before each run. */
function drive(opts: { outcome: (key: string, plannedAt: number) => TOutcome; events?: TDomainEvent[]; candidate?: Partial<TCandidateFacts>; until?: string }) {
  let { state, effects } = startCandidate(buildCandidate(opts.candidate), config);
  const all: TEffect[] = [...effects];
  /** Each call with the instant the engine ran when it raised it: a call raised late carries an earlier `at`. */
  const raised: string[] = [];
  const events = [...(opts.events ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const until = Date.parse(opts.until ?? UNTIL);
  let runs = 0;
  for (;;) {
    const wake = findNextWakeAt(state, config);
    const times = [wake === null ? Infinity : Date.parse(wake), events.length ? Date.parse(events[0]!.at) : Infinity];
    const now = Math.min(...times, until);
    state = recordDeliveries(state, report(state, now, opts.outcome));
    if (events.length && Date.parse(events[0]!.at) === now) ({ state, effects } = planForEvent(state, events.shift()!, config));
    else ({ state, effects } = advanceClock(state, formatUtcIso(new Date(now)), config));
    all.push(...effects);
    for (const e of effects) if ('step' in e && e.step === CALL) raised.push(formatUtcIso(new Date(now)));
    runs += 1;
    if (now === until) break;
    if (runs > 500) throw new Error('the engine keeps waking');
  }
  const calls = all.filter((e) => 'step' in e && e.step === CALL).map((e) => e.at);
  // The engine woke for the call itself: raised at its time, not found later.
  expect(raised).toEqual(calls);
  return { state, effects: all, runs, calls };
}

const onTime = (_key: string, plannedAt: number): TOutcome => ({ sentAt: plannedAt });

describe('two messages sent without a reply in 72 hours', () => {
  it('sent on time: the call comes 72 h after the second message, once; a reply prevents it', () => {
    const silent = drive({ outcome: onTime });
    expect(silent.calls).toEqual(['2026-11-29T02:00:00Z']);
    const replied = drive({ outcome: onTime, events: [{ type: 'candidate_replied', at: '2026-11-27T09:00:00+08:00' }] });
    // The reply breaks the first silence; the two messages of 30 Nov start another one.
    expect(replied.calls).toEqual(['2026-12-03T02:00:00Z']);
  });

  it('a message retried for a day counts from when it was actually sent', () => {
    const late = drive({ outcome: (key, planned) => ({ sentAt: key.startsWith('offer.channel_invite') ? planned + 30 * HOUR : planned }) });
    expect(late.calls).toEqual([formatUtcIso(new Date(Date.parse(P2) + 102 * HOUR))]);
  });

  it('a dead letter or a message kept in the outbox never counts', () => {
    const dead = drive({ outcome: (key, planned) => (key.startsWith('offer.channel_invite') ? { failedAt: planned + 10 * HOUR } : { sentAt: planned }) });
    // The offer package and the first message of 30 Nov are the two.
    expect(dead.calls).toEqual([formatUtcIso(new Date(Date.parse(P3) + 72 * HOUR))]);
    const outbox = drive({ outcome: (key, planned) => (key.startsWith('offer.send_package') ? { sentAt: planned } : undefined) });
    expect(outbox.calls).toEqual([]);
    // Waiting on unsettled messages costs a look every 72 h, not a busy loop.
    expect(outbox.runs).toBeLessThan(20);
    expect(outbox.state.confirmedSends).toEqual([{ key: 'offer.send_package#0', at: P1 }]);
  });

  it('reporting the same delivery twice is one send', () => {
    const { state } = drive({ outcome: onTime, until: '2026-11-26T03:00:00Z' });
    const again = recordDeliveries(state, [{ key: 'offer.channel_invite#0', sentAt: '2026-11-26T05:00:00Z' }]);
    expect(again).toBe(state);
    expect(state.confirmedSends?.map((s) => s.at)).toEqual([P1, P2]);
    expect(state.awaitingSend).toEqual([]);
  });

  it('hand-sent messages count from when staff mark them sent, not from their due time', () => {
    const candidate = { channels: ['wechat', 'email'] as TCandidateFacts['channels'] };
    const marked = drive({
      candidate,
      outcome: () => undefined,
      until: '2026-12-20T00:00:00Z',
      events: [
        { type: 'task_completed', at: '2026-12-11T15:00:00+08:00', step: 'final.daily_care', key: 'final.daily_care#0' },
        { type: 'task_completed', at: '2026-12-13T09:30:00+08:00', step: 'final.daily_care', key: 'final.daily_care#2' },
      ],
    });
    expect(marked.calls).toEqual(['2026-12-16T01:30:00Z']);
    // Open prepared tasks are not messages sent: nothing is counted for them.
    expect(drive({ candidate, outcome: () => undefined, until: '2026-12-20T00:00:00Z' }).calls).toEqual([]);
  });
});

/** The rule stated directly on the send times: the call 72 h after the 2nd send of each silence. */
function expectedCalls(sends: number[], reply: number | null, until: number): string[] {
  const sorted = [...sends].sort((a, b) => a - b);
  const calls: number[] = [];
  const before = reply === null ? sorted : sorted.filter((s) => s < reply);
  if (before.length >= 2 && before[1]! + 72 * HOUR <= Math.min(reply ?? Infinity, until)) calls.push(before[1]! + 72 * HOUR);
  const after = reply === null ? [] : sorted.filter((s) => s > reply);
  if (after.length >= 2 && after[1]! + 72 * HOUR <= until) calls.push(after[1]! + 72 * HOUR);
  return calls.map((c) => formatUtcIso(new Date(c)));
}

describe('the rule under any delivery delays and failures (property)', () => {
  const arbOutcome = fc.oneof(
    fc.record({ delayHours: fc.integer({ min: 0, max: 150 }) }),
    fc.record({ failAfterHours: fc.integer({ min: 0, max: 150 }) }),
    fc.constant(null),
  );
  it('raises the call exactly 72 h after the second message actually sent since the last reply', () => {
    fc.assert(fc.property(
      fc.array(arbOutcome, { minLength: 4, maxLength: 4 }),
      fc.option(fc.integer({ min: 1, max: 14 * 24 }), { nil: null }),
      (outcomes, replyHours) => {
        const order = ['offer.send_package#0', 'offer.channel_invite#0', 'prep.checklist#0', 'prep.background_check_consent#0'];
        const outcome = (key: string, planned: number): TOutcome => {
          const o = outcomes[order.indexOf(key)];
          if (!o) return undefined;
          return 'delayHours' in o ? { sentAt: planned + o.delayHours * HOUR } : { failedAt: planned + o.failAfterHours * HOUR };
        };
        const reply = replyHours === null ? null : Date.parse(P1) + replyHours * HOUR + 7 * 60_000;
        const events: TDomainEvent[] = reply === null ? [] : [{ type: 'candidate_replied', at: formatUtcIso(new Date(reply)) }];
        const run = drive({ outcome, events });
        const planned = [P1, P2, P3, P3].map((p) => Date.parse(p));
        const sends = outcomes.flatMap((o, i) => (o && 'delayHours' in o ? [planned[i]! + o.delayHours * HOUR] : []));
        expect(run.calls).toEqual(expectedCalls(sends, reply, Date.parse(UNTIL)));
      },
    ), { numRuns: 150 });
  });
});
