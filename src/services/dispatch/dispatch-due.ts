import type { Deps } from '../deps.js';
import { dispatchMessage, type DispatchOutcome } from './dispatch-message.js';
import { findDueMessages } from './message-store.js';

export interface DispatchDueResult {
  /** Rows tried, by outcome. */
  counts: Record<DispatchOutcome | 'error', number>;
  /** Unexpected errors (the row is retried after its lease runs out). */
  errors: Array<{ messageId: string; error: string }>;
}

const PAGE = 50;

/**
 * The catch-up pass: sends every message whose time has come, including those a worker
 * abandoned mid-send (lease expired) and everything that fell due while no worker ran.
 * Also what the simulator calls with its virtual clock. One message at a time, each
 * claimed on its own, so it can run beside queue workers and other processes.
 */
export async function dispatchDueMessages(
  deps: Deps,
  opts: {
    limit?: number;
    orgId?: string;
    /** Runs each message's dispatch (the worker passes its one-send-at-a-time lock). */
    runEach?: <T>(fn: () => Promise<T>) => Promise<T>;
  } = {},
): Promise<DispatchDueResult> {
  const runEach = opts.runEach ?? ((fn) => fn());
  const limit = opts.limit ?? 1000;
  const counts: DispatchDueResult['counts'] = { sent: 0, outbox: 0, deferred: 0, retry: 0, dead: 0, cancelled: 0, skipped: 0, error: 0 };
  const errors: DispatchDueResult['errors'] = [];
  // Each row is tried once per pass, so a row that keeps failing cannot spin the loop.
  const tried = new Set<string>();
  while (tried.size < limit) {
    const due = await findDueMessages(deps.db, deps.clock.now(), { limit: Math.min(PAGE, limit - tried.size), orgId: opts.orgId, exclude: tried });
    if (due.length === 0) break;
    for (const { org_id: orgId, id } of due) {
      tried.add(id);
      try {
        counts[(await runEach(() => dispatchMessage(deps, orgId, id))).outcome] += 1;
      } catch (err) {
        counts.error += 1;
        errors.push({ messageId: id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return { counts, errors };
}
