import type { Deps } from '../deps.js';
import { mintMessageLinks } from '../portal/message-links.js';
import { contextKey, loadMessageContexts, type MessageContext } from './message-context.js';
import { releaseClaims, type MessageRow } from './message-store.js';
import { completeSend, handBackAfterError, prepareSend, type DispatchResult, type PreparedSend } from './send-message.js';

const DEFAULT_LEASE_MS = 2 * 60_000;

/**
 * How long after its claim a batch may still START sending a message. Bounds how old the
 * record a message is rendered from can be, and how long a claimed row stays out of reach
 * of a cancellation or an edit (both act on 'scheduled' rows); a third of the lease at
 * most, so every send starts with most of its lease ahead of it.
 */
const MAX_BATCH_WINDOW_MS = 2_000;

/** How long a worker owns a message it claimed before another may retry it. */
export const readLeaseMs = (deps: Deps) => deps.dispatch?.leaseMs ?? DEFAULT_LEASE_MS;

/** Runs one message's send and record (the worker passes its one-send-at-a-time lock). */
export type RunEach = <T>(fn: () => Promise<T>) => Promise<T>;

export type ClaimedOutcome = { row: MessageRow } & (
  | { kind: 'done'; result: DispatchResult }
  /** Unexpected error: the row was handed back for a later attempt when the database allowed. */
  | { kind: 'failed'; error: unknown }
  /** Not tried: the batch's time ran out first; the row is claimable again at once. */
  | { kind: 'released' }
);

/**
 * Sends claimed messages, in order, ONE AT A TIME, each recorded before the next is sent:
 * a crash leaves at most one message sent but not recorded, as with a lone claim. What is
 * shared is the reading: the candidates' records (read after the claim, so nothing older
 * than the batch goes out) and the message links, a few statements for the batch; and
 * the next message is rendered while the current one is on the wire and being recorded.
 * The first message is always tried; a later one only while the batch is younger than
 * its window, the rest are handed back (attempt refunded) for the next claim.
 */
export async function dispatchClaimedMessages(
  deps: Deps,
  rows: readonly MessageRow[],
  opts: { claimedAt?: number; runEach?: RunEach } = {},
): Promise<ClaimedOutcome[]> {
  const claimedAt = opts.claimedAt ?? performance.now();
  const runEach: RunEach = opts.runEach ?? ((fn) => fn());
  const windowMs = Math.min(readLeaseMs(deps) / 3, MAX_BATCH_WINDOW_MS);
  let contexts: Map<string, MessageContext | undefined>;
  try {
    contexts = await prepareBatch(deps, rows, deps.clock.now());
  } catch (error) {
    for (const row of rows) await handBackAfterError(deps, row, deps.clock.now(), error);
    return rows.map((row) => ({ row, kind: 'failed', error }));
  }
  const prepare = (row: MessageRow): PreparedSend | { row: MessageRow; error: unknown } => {
    try {
      return prepareSend(deps, row, contexts.get(row.id), deps.clock.now());
    } catch (error) {
      return { row, error };
    }
  };
  const outcomes: ClaimedOutcome[] = [];
  let next = rows.length ? prepare(rows[0]!) : undefined;
  for (const [i, row] of rows.entries()) {
    const current = next!;
    const sending = runEach(async (): Promise<ClaimedOutcome | undefined> => {
      if (i > 0 && performance.now() - claimedAt > windowMs) return undefined;
      try {
        if ('error' in current) throw current.error;
        return { row, kind: 'done', result: await completeSend(deps, current) };
      } catch (error) {
        await handBackAfterError(deps, row, deps.clock.now(), error);
        return { row, kind: 'failed', error };
      }
    });
    if (i + 1 < rows.length) {
      // Let this message's send and record statement go out first; the rendering then
      // overlaps their round trips. It is pure: nothing is sent before this one is recorded.
      await new Promise((resolve) => setImmediate(resolve));
      next = prepare(rows[i + 1]!);
    }
    const outcome = await sending;
    if (!outcome) {
      const rest = rows.slice(i);
      // Should the database refuse, their lease runs out and they are claimable again then.
      await releaseClaims(deps.db, rest, deps.clock.now()).catch(() => undefined);
      return [...outcomes, ...rest.map((r) => ({ row: r, kind: 'released' as const }))];
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Each message's context: its candidate's record and its own link (undefined: the candidate is gone). */
async function prepareBatch(deps: Deps, rows: readonly MessageRow[], now: Date): Promise<Map<string, MessageContext | undefined>> {
  const records = await loadMessageContexts(deps.db, rows);
  const linked = rows.flatMap((row) => {
    const ctx = records.get(contextKey(row));
    return ctx ? [{ row, ctx }] : [];
  });
  // Email and SMS carry a magic link of their own (the same on every retry); stored copies mask it.
  const links = await mintMessageLinks(deps, linked, now);
  // Two messages of one candidate share the record, never the link.
  return new Map(linked.map(({ row, ctx }) => [row.id, { ...ctx, portalLink: links.get(row.id) }]));
}
