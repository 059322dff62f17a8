import { applyQuietHours, isInQuietHours } from '../../core/policy/index.js';
import type { TTemplateVariables } from '../../core/templates/index.js';
import type { Deps } from '../deps.js';
import { noopScheduler } from '../engine/persist-reduction.js';
import { maskDelivery } from '../portal/message-links.js';
import { computeRetryDelayMs, DEFAULT_MAX_ATTEMPTS } from './backoff.js';
import { deliverMessage, type Delivery } from './deliver-message.js';
import { deliverDirectMessage, isDirectMessage } from './direct-message.js';
import type { MessageContext } from './message-context.js';
import { settleMessage, settleMessageWithTouch, type MessageRow, type RenderedRecord } from './message-store.js';
import { renderOutboundMessage, type RenderedMessage } from './render-message.js';
import { buildTemplateVariables } from './template-variables.js';

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

/**
 * How a claimed message will be sent, decided from its context alone (no I/O): quiet
 * hours re-checked, the text rendered from the candidate's record. `now` is the send time
 * the rendering and the record use.
 */
export interface PreparedSend {
  row: MessageRow;
  ctx: MessageContext | undefined;
  now: Date;
  plan:
    /** The candidate is gone. */
    | { kind: 'cancel' }
    /** A person's answer or a sign-in code: not rendered from a template, never deferred (someone waits for it). */
    | { kind: 'direct' }
    /** Inside quiet hours: moved to the next allowed time. */
    | { kind: 'defer'; at: Date }
    /** The template cannot render from this record: nothing half-made goes out. */
    | { kind: 'dead'; error: string }
    | { kind: 'deliver'; vars: TTemplateVariables; message: RenderedMessage };
}

/** The pure half of sending a claimed message (see `completeSend`). */
export function prepareSend(deps: Deps, row: MessageRow, ctx: MessageContext | undefined, now: Date): PreparedSend {
  const prepared = (plan: PreparedSend['plan']): PreparedSend => ({ row, ctx, now, plan });
  if (!ctx) return prepared({ kind: 'cancel' });
  if (isDirectMessage(row)) return prepared({ kind: 'direct' });
  const quiet = { timeZone: ctx.site.timezone, quietHours: ctx.policy.quietHours };
  // The plan avoided quiet hours, but a worker that was down may only get here at night.
  if (isInQuietHours(now, quiet)) return prepared({ kind: 'defer', at: applyQuietHours(now, quiet) });

  const vars = buildTemplateVariables(ctx, { publicUrl: deps.dispatch?.publicUrl ?? 'http://localhost:3000', stepIds: row.step_ids });
  const rendered = renderOutboundMessage({
    vars, stepIds: row.step_ids, leadKey: row.lead_key, sentAt: now, timeZone: ctx.site.timezone, templates: ctx.templates, smsNotice: row.channel === 'sms',
  });
  if (!rendered.ok && row.edited_body === null) return prepared({ kind: 'dead', error: rendered.error });
  // HR edited the prepared text while it was scheduled (issue 6): their words go out.
  const message = row.edited_body !== null
    ? { subject: row.edited_subject ?? (rendered.ok ? rendered.message.subject : ''), text: row.edited_body, smsText: rendered.ok ? rendered.message.smsText : row.edited_body }
    : (rendered as Extract<typeof rendered, { ok: true }>).message;
  return prepared({ kind: 'deliver', vars, message });
}

/**
 * Sends one CLAIMED message as prepared: send with the row id as idempotency key (email
 * derives its Message-ID from it), then record the result and its timeline touch in one
 * statement, before anything else is sent.
 * Temporary failures go back to 'scheduled' with a back-off that honours the provider's
 * Retry-After and are re-enqueued; permanent ones, and the last allowed failure, end
 * 'dead' with a note on the candidate's timeline.
 * Throws only for unexpected errors (database down…); see `handBackAfterError`.
 */
export async function completeSend(deps: Deps, { row, ctx, now, plan }: PreparedSend): Promise<DispatchResult> {
  switch (plan.kind) {
    case 'cancel':
      await settleMessage(deps.db, row, now, { status: 'cancelled', lastError: 'candidate no longer exists' });
      return { messageId: row.id, outcome: 'cancelled' };
    case 'direct':
      return recordDelivery(deps, row, ctx!, now, await deliverDirectMessage(deps, row, ctx!, now));
    case 'defer':
      await requeue(deps, row, now, plan.at, { refundAttempt: true });
      return { messageId: row.id, outcome: 'deferred', nextAttemptAt: plan.at };
    case 'dead':
      return markDead(deps, row, now, plan.error, undefined);
    case 'deliver':
      return recordDelivery(deps, row, ctx!, now, await deliverMessage(deps, { row, ctx: ctx!, vars: plan.vars, message: plan.message, now }));
  }
}

/**
 * After an unexpected error with a claimed message: hand the row back for a later
 * attempt (the back-off applies) when the database lets us; otherwise its lease runs out.
 */
export async function handBackAfterError(deps: Deps, row: MessageRow, now: Date, err: unknown): Promise<void> {
  await scheduleRetry(deps, row, now, 0, `unexpected: ${err instanceof Error ? err.message : String(err)}`).catch(() => undefined);
}

async function recordDelivery(deps: Deps, row: MessageRow, ctx: MessageContext, now: Date, delivery: Delivery): Promise<DispatchResult> {
  const { record, result } = maskDelivery(delivery, ctx.portalLink);
  if (result.status === 'sent' || result.status === 'outbox') {
    const outbox = result.status === 'outbox';
    const settled = await settleMessageWithTouch(deps.db, row, now, {
      status: result.status, rendered: record, providerMessageId: outbox ? null : result.providerMessageId, lastError: outbox ? result.reason : null,
    }, outbox
      ? { kind: 'note', channel: row.channel, direction: 'internal', summary: `In the outbox, not sent (${result.reason}): ${record.subject}`, content: record.bodyText }
      : { kind: row.channel === 'email' ? 'email' : 'message', channel: row.channel, direction: 'outbound', summary: record.subject, content: record.bodyText });
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

async function requeue(deps: Deps, row: MessageRow, now: Date, at: Date, change: { lastError?: string; refundAttempt?: boolean }) {
  const scheduler = deps.scheduler ?? noopScheduler;
  await deps.db.transaction().execute(async (trx) => {
    if (await settleMessage(trx, row, now, { status: 'scheduled', sendAfter: at, ...change })) {
      await scheduler.messageScheduled(trx, row.org_id, row.id, at);
    }
  });
}

async function markDead(deps: Deps, row: MessageRow, now: Date, error: string, record: RenderedRecord | undefined): Promise<DispatchResult> {
  // Staff see it where they look: on the candidate's timeline (and in the dead-letter list).
  await settleMessageWithTouch(deps.db, row, now, { status: 'dead', lastError: error, rendered: record }, {
    kind: 'note', channel: row.channel, direction: 'internal',
    summary: `Delivery failed (${row.channel}): ${record?.subject || row.lead_key}`, content: error,
  });
  return { messageId: row.id, outcome: 'dead', error };
}
