import type { Deps } from '../deps.js';
import { dispatchClaimedMessages, readLeaseMs, type RunEach } from './dispatch-batch.js';
import { claimDueMessages } from './message-store.js';
import type { DispatchOutcome } from './send-message.js';

export interface DispatchDueResult {
  /** Rows tried, by outcome. */
  counts: Record<DispatchOutcome | 'error', number>;
  /** Unexpected errors (the row is retried after its back-off, or after its lease runs out). */
  errors: Array<{ messageId: string; error: string }>;
}

/** Messages claimed together; small, so a crash strands few claimed rows until their lease ends. */
const BATCH = 50;

/**
 * The catch-up pass: sends every message whose time has come, including those a worker
 * abandoned mid-send (lease expired) and everything that fell due while no worker ran.
 * Also what the simulator calls with its virtual clock. Claims a batch of due rows in one
 * statement (other workers skip them) and sends them one at a time, each recorded before
 * the next goes out (`dispatchClaimedMessages`), so it runs beside queue workers and other
 * processes.
 */
export async function dispatchDueMessages(
  deps: Deps,
  opts: {
    limit?: number;
    orgId?: string;
    /** Runs each message's send and record (the worker passes its one-send-at-a-time lock). */
    runEach?: RunEach;
  } = {},
): Promise<DispatchDueResult> {
  const limit = opts.limit ?? 1000;
  const counts: DispatchDueResult['counts'] = { sent: 0, outbox: 0, deferred: 0, retry: 0, dead: 0, cancelled: 0, skipped: 0, error: 0 };
  const errors: DispatchDueResult['errors'] = [];
  // Each row is tried once per pass, so a row that keeps failing cannot spin the loop.
  const tried = new Set<string>();
  let size = BATCH;
  while (tried.size < limit) {
    const claimedAt = performance.now();
    const rows = await claimDueMessages(deps.db, deps.clock.now(), {
      limit: Math.min(size, limit - tried.size), leaseMs: readLeaseMs(deps), orgId: opts.orgId, exclude: tried,
    });
    if (rows.length === 0) break;
    const outcomes = await dispatchClaimedMessages(deps, rows, { claimedAt, runEach: opts.runEach });
    let done = 0;
    for (const o of outcomes) {
      if (o.kind === 'released') continue;
      done += 1;
      tried.add(o.row.id);
      if (o.kind === 'done') counts[o.result.outcome] += 1;
      else {
        counts.error += 1;
        errors.push({ messageId: o.row.id, error: o.error instanceof Error ? o.error.message : String(o.error) });
      }
    }
    // Slow sends (a distant mail server): claim only what the window held, and grow back once it keeps up.
    size = done < rows.length ? done : Math.min(BATCH, size * 2);
  }
  return { counts, errors };
}
