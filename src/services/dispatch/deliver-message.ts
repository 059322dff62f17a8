import type { PermanentResult, RetryableResult, SentResult } from '../../adapters/channels/index.js';
import type { TTemplateVariables } from '../../core/templates/index.js';
import type { Deps } from '../deps.js';
import { buildFirstDayAttachment } from './first-day-invite.js';
import type { MessageContext } from './message-context.js';
import type { MessageRow, RenderedRecord } from './message-store.js';
import type { RenderedMessage } from './render-message.js';

export interface Delivery {
  /** What the row records as sent (or kept). */
  record: RenderedRecord;
  result: SentResult | RetryableResult | PermanentResult | { status: 'outbox'; reason: string };
}

/**
 * Hands a rendered message to its channel. The row id is the idempotency key, so a resend
 * after a crash carries the same email Message-ID (and SMS OutId). Channels: email (SMTP),
 * portal (stored; the portal inbox reads the row), sms (the short notice only). Without an
 * adapter the message is kept in the outbox for staff. wecom/wechat/phone never get here:
 * the engine turns them into tasks; should one arrive, it is kept for a person too.
 */
export async function deliverMessage(
  deps: Deps,
  args: { row: MessageRow; ctx: MessageContext; vars: TTemplateVariables; message: RenderedMessage; now: Date },
): Promise<Delivery> {
  const { row, ctx, vars, message, now } = args;
  const options = { idempotencyKey: row.id };
  switch (row.channel) {
    case 'email': {
      const record = { recipient: ctx.candidate.email, subject: message.subject, bodyText: message.text };
      const email = deps.channels?.email;
      if (!email) return { record, result: { status: 'outbox', reason: 'no email server configured' } };
      const attachment = buildFirstDayAttachment(ctx, vars, row.step_ids, now);
      const result = await email.send({
        to: ctx.candidate.email, subject: message.subject, text: message.text, locale: vars.candidate.language,
        attachments: attachment ? [attachment] : undefined,
      }, options);
      return { record, result };
    }
    case 'portal':
      return { record: { recipient: 'portal', subject: message.subject, bodyText: message.text }, result: { status: 'sent', providerMessageId: null } };
    case 'sms': {
      const record = { recipient: ctx.candidate.phone, subject: message.subject, bodyText: message.smsText };
      const sms = deps.channels?.sms;
      if (!sms) return { record, result: { status: 'outbox', reason: 'no SMS provider configured' } };
      // Providers take only an approved template: sender and link are its parameters.
      const result = await sms.send({ kind: 'notice', to: ctx.candidate.phone, sender: vars.org.name.slice(0, 20), link: vars.portal.link }, options);
      return { record, result };
    }
    default:
      return {
        record: { recipient: '', subject: message.subject, bodyText: message.text },
        result: { status: 'outbox', reason: `channel ${row.channel} is sent by a person` },
      };
  }
}
