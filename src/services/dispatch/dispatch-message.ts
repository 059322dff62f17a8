import type { Deps } from '../deps.js';
import { dispatchClaimedMessages, readLeaseMs } from './dispatch-batch.js';
import { claimMessage } from './message-store.js';
import type { DispatchResult } from './send-message.js';

export type { DispatchOutcome, DispatchResult } from './send-message.js';

/**
 * Sends one outbound message row (its queue job), at most once per claim: claim with a
 * lease (a short UPDATE, no long transaction), then read the candidate's CURRENT record,
 * render, send with the row id as idempotency key and record, as a batch of one
 * (`dispatchClaimedMessages`, `sendClaimedMessage`). Throws only for unexpected errors
 * (database down…), after handing the row back when it can, so the job queue retries.
 */
export async function dispatchMessage(deps: Deps, orgId: string, messageId: string): Promise<DispatchResult> {
  const row = await claimMessage(deps.db, orgId, messageId, deps.clock.now(), readLeaseMs(deps));
  if (!row) return { messageId, outcome: 'skipped' };
  const [outcome] = await dispatchClaimedMessages(deps, [row]);
  if (outcome!.kind === 'failed') throw outcome!.error;
  // A batch always tries its first message, so a lone claim is never handed back untried.
  return outcome!.kind === 'done' ? outcome!.result : { messageId, outcome: 'skipped' };
}
