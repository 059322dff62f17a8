import { applyQuietHours, isInQuietHours } from '../../core/policy/index.js';
import type { Deps } from '../deps.js';
import { noopScheduler } from '../engine/persist-reduction.js';
import { computeRetryDelayMs, DEFAULT_MAX_ATTEMPTS } from './backoff.js';
import { loadMessageContext, type MessageContext } from './message-context.js';
import { addMessageTouch, claimMessage, settleMessage, type MessageRow, type RenderedRecord } from './message-store.js';
import { renderOutboundMessage } from './render-message.js';
import { deliverMessage, type Delivery } from './deliver-message.js';
import { deliverDirectMessage, isDirectMessage } from './direct-message.js';
import { buildTemplateVariables } from './template-variables.js';
import { maskDelivery, mintMessageLink } from '../portal/message-links.js';

export type DispatchOutcome =
  /** Delivered to the provider (or stored for the portal inbox). */
  | 'sent'
  /** Rendered and kept: no adapter for the channel (embedded default has no SMTP). */
  | 'outbox'
  /** Inside quiet hours at send time: moved to the next allowed time. */
  | 'deferred'
  /** Temporary failure: will be tried again later. */
  | 'retry'
  /** Permanent failure or out of attempts: staff are told on the timeline. */
  | 'dead'
  /** The candidate is gone (anonymised or deleted). */
  | 'cancelled'
  /** Nothing to do: sent, cancelled, not due, or another worker holds it. */
  | 'skipped';

export interface DispatchResult {
  messageId: string;
  outcome: DispatchOutcome;
  /** When it will be tried again (deferred, retry). */
  nextAttemptAt?: Date;
  error?: string;
}

const DEFAULT_LEASE_MS = 2 * 60_000;

/**
 * Sends one outbound message row, at most once per claim:
 * claim with a lease (a short UPDATE, no long transaction) → re-check quiet hours → render
 * from the candidate's CURRENT record → send with the row id as idempotency key (email
 * derives its Message-ID from it) → record the result and a timeline touch.
 * Temporary failures go back to 'scheduled' with a back-off that honours the provider's
 * Retry-After and are re-enqueued; permanent ones, and the 8th failure, end 'dead' with a
 * note on the candidate's timeline. Throws only for unexpected errors (database down…),
 * after handing the row back when it can, so the job queue retries.
 */
export async function dispatchMessage(deps: Deps, orgId: string, messageId: string): Promise<DispatchResult> {
  const now = deps.clock.now();
  const row = await claimMessage(deps.db, orgId, messageId, now, deps.dispatch?.leaseMs ?? DEFAULT_LEASE_MS);
  if (!row) return { messageId, outcome: 'skipped' };
  try {
    return await dispatchClaimed(deps, row, now);
  } catch (err) {
    const error = describeError(err);
    await scheduleRetry(deps, row, now, 0, `unexpected: ${error}`).catch(() => undefined);
    throw err;
  }
}

async function dispatchClaimed(deps: Deps, row: MessageRow, now: Date): Promise<DispatchResult> {
  const ctx = await loadMessageContext(deps.db, row.org_id, row.candidate_id);
  if (!ctx) {
    await settleMessage(deps.db, row, now, { status: 'cancelled', lastError: 'candidate no longer exists' });
    return { messageId: row.id, outcome: 'cancelled' };
  }
  // Email and SMS carry a magic link of their own (the same on every retry); stored copies mask it.
  ctx.portalLink = await mintMessageLink(deps, row, ctx, now);
  // A person's answer or a sign-in code: not rendered from a template; a code the candidate waits for is never deferred.
  if (isDirectMessage(row)) return recordDelivery(deps, row, ctx, now, await deliverDirectMessage(deps, row, ctx, now));
  const quiet = { timeZone: ctx.site.timezone, quietHours: ctx.policy.quietHours };
  // The plan avoided quiet hours, but a worker that was down may only get here at night.
  if (isInQuietHours(now, quiet)) return deferMessage(deps, row, now, applyQuietHours(now, quiet));

  const vars = buildTemplateVariables(ctx, { publicUrl: deps.dispatch?.publicUrl ?? 'http://localhost:3000', stepIds: row.step_ids });
  const rendered = renderOutboundMessage({ vars, stepIds: row.step_ids, leadKey: row.lead_key, sentAt: now, timeZone: ctx.site.timezone, templates: ctx.templates });
  if (!rendered.ok && row.edited_body === null) return markDead(deps, row, now, rendered.error, undefined);
  // HR edited the prepared text while it was scheduled (issue 6): their words go out.
  const message = row.edited_body !== null
    ? { subject: row.edited_subject ?? (rendered.ok ? rendered.message.subject : ''), text: row.edited_body, smsText: rendered.ok ? rendered.message.smsText : row.edited_body }
    : (rendered as Extract<typeof rendered, { ok: true }>).message;

  const delivery = await deliverMessage(deps, { row, ctx, vars, message, now });
  return recordDelivery(deps, row, ctx, now, delivery);
}

async function recordDelivery(deps: Deps, row: MessageRow, ctx: MessageContext, now: Date, delivery: Delivery): Promise<DispatchResult> {
  const { record, result } = maskDelivery(delivery, ctx.portalLink);
  if (result.status === 'sent' || result.status === 'outbox') {
    const outbox = result.status === 'outbox';
    const settled = await deps.db.transaction().execute(async (trx) => {
      const ok = await settleMessage(trx, row, now, {
        status: result.status, rendered: record, providerMessageId: outbox ? null : result.providerMessageId, lastError: outbox ? result.reason : null,
      });
      if (!ok) return false;
      await addMessageTouch(trx, row, now, outbox
        ? { kind: 'note', channel: row.channel, direction: 'internal', summary: `In the outbox, not sent (${result.reason}): ${record.subject}`, content: record.bodyText }
        : { kind: row.channel === 'email' ? 'email' : 'message', channel: row.channel, direction: 'outbound', summary: record.subject, content: record.bodyText });
      return true;
    });
    // A lost claim means another worker took over after our lease ran out: its result stands.
    return { messageId: row.id, outcome: settled ? result.status : 'skipped' };
  }
  const maxAttempts = deps.dispatch?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const error = `${result.code}: ${result.message}`;
  if (result.status === 'permanent' || row.attempts >= maxAttempts) {
    return markDead(deps, row, now, result.status === 'permanent' ? error : `gave up after ${row.attempts} attempts; last error ${error}`, record);
  }
  return scheduleRetry(deps, row, now, result.retryAfterMs, error, ctx);
}

/** Puts the row back with a later time and enqueues it there, in one transaction. */
async function scheduleRetry(deps: Deps, row: MessageRow, now: Date, retryAfterMs: number, error: string, ctx?: MessageContext): Promise<DispatchResult> {
  let at = new Date(now.getTime() + computeRetryDelayMs(row.attempts, retryAfterMs));
  if (ctx) at = applyQuietHours(at, { timeZone: ctx.site.timezone, quietHours: ctx.policy.quietHours });
  await requeue(deps, row, now, at, { lastError: error });
  return { messageId: row.id, outcome: 'retry', nextAttemptAt: at, error };
}

async function deferMessage(deps: Deps, row: MessageRow, now: Date, at: Date): Promise<DispatchResult> {
  await requeue(deps, row, now, at, { refundAttempt: true });
  return { messageId: row.id, outcome: 'deferred', nextAttemptAt: at };
}

async function requeue(deps: Deps, row: MessageRow, now: Date, at: Date, change: { lastError?: string; refundAttempt?: boolean }) {
  const scheduler = deps.scheduler ?? noopScheduler;
  await deps.db.transaction().execute(async (trx) => {
    if (await settleMessage(trx, row, now, { status: 'scheduled', sendAfter: at, ...change })) {
      await scheduler.messageScheduled(trx, row.org_id, row.id, at);
    }
  });
}

async function markDead(deps: Deps, row: MessageRow, now: Date, error: string, record: RenderedRecord | undefined): Promise<DispatchResult> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await settleMessage(trx, row, now, { status: 'dead', lastError: error, rendered: record }))) return;
    // Staff see it where they look: on the candidate's timeline (and in the dead-letter list).
    await addMessageTouch(trx, row, now, {
      kind: 'note', channel: row.channel, direction: 'internal',
      summary: `Delivery failed (${row.channel}): ${record?.subject || row.lead_key}`, content: error,
    });
  });
  return { messageId: row.id, outcome: 'dead', error };
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
