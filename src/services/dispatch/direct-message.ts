import { renderTemplate } from '../../core/templates/index.js';
import { SMS_NEW_MESSAGE } from '../../core/templates/sms-notices.js';
import type { Deps } from '../deps.js';
import { deliverMessage, type Delivery } from './deliver-message.js';
import type { MessageContext } from './message-context.js';
import type { MessageRow } from './message-store.js';
import { buildTemplateVariables } from './template-variables.js';

/** A staff answer to a portal question: subject and body are written by a person and stored on the row. */
export const ANSWER_STEP = 'portal.answer';
/** A one-time code for a candidate who lost the portal link. */
export const LOGIN_CODE_STEP = 'portal.login_code';

const DIRECT_STEPS = new Set([ANSWER_STEP, LOGIN_CODE_STEP]);

/**
 * Messages that are not rendered from a playbook template: a person's answer (stored
 * text) and a login code (sealed, read from `portal_codes`). They still go through the
 * outbox — a row first, sent once with the row id as idempotency key, recorded.
 */
export function isDirectMessage(row: Pick<MessageRow, 'step_ids'>): boolean {
  return row.step_ids.length === 1 && DIRECT_STEPS.has(row.step_ids[0]!);
}

/** What a sealed login code is bound to (AES-GCM associated data). */
export const codeContext = (row: Pick<MessageRow, 'org_id' | 'candidate_id'>) => `${row.org_id}/${row.candidate_id}/portal-code`;

/** The code id a login-code row carries in its lead key (`portal.login_code#<id>`). */
const codeIdOf = (row: MessageRow) => row.lead_key.slice(LOGIN_CODE_STEP.length + 1);

/** Seals a login code for the dispatcher (the database keeps only its hash otherwise). */
export function sealLoginCode(deps: Deps, at: { org_id: string; candidate_id: string }, code: string): string {
  return deps.vault.sealText(code, codeContext(at));
}

const CODE_TEXT = {
  'zh-CN': {
    subject: '入职门户登录验证码',
    body: (org: string, code: string) => `您好，您正在重新获取 ${org} 入职门户的链接。\n\n验证码：${code}\n\n验证码 10 分钟内有效，请勿告诉他人。如果不是您本人操作，请忽略本邮件。`,
  },
  'en-US': {
    subject: 'Your onboarding portal sign-in code',
    body: (org: string, code: string) => `Hello, you asked for a new link to the ${org} onboarding portal.\n\nYour code: ${code}\n\nIt is valid for 10 minutes. Do not share it with anyone. If this was not you, ignore this email.`,
  },
} as const;

/** What the outbox and the timeline keep for a login code: never the code. */
const REDACTED = { 'zh-CN': '（验证码已发送，此处不显示）', 'en-US': '(sign-in code sent; not shown here)' } as const;

/** Delivers a direct message through the same channel adapters as every other message. */
export async function deliverDirectMessage(deps: Deps, row: MessageRow, ctx: MessageContext, now: Date): Promise<Delivery> {
  const vars = buildTemplateVariables(ctx, { publicUrl: deps.dispatch?.publicUrl ?? 'http://localhost:3000', stepIds: row.step_ids });
  const language = vars.candidate.language;
  if (row.step_ids[0] === ANSWER_STEP) {
    const sms = renderTemplate(SMS_NEW_MESSAGE[language === 'zh-CN' ? 'zh' : 'en'], vars);
    const text = `${row.body_text}\n\n${language === 'zh-CN' ? '在入职门户查看：' : 'Read it in your portal:'} ${vars.portal.link}`;
    return deliverMessage(deps, { row, ctx, vars, now, message: { subject: row.subject, text, smsText: sms.ok ? sms.output.trim() : vars.portal.link } });
  }
  const stored = await deps.db.selectFrom('portal_codes').select(['code_sealed', 'expires_at', 'used_at'])
    .where('org_id', '=', row.org_id).where('id', '=', codeIdOf(row)).executeTakeFirst();
  const words = CODE_TEXT[language];
  const record = { recipient: row.channel === 'sms' ? ctx.candidate.phone : ctx.candidate.email, subject: words.subject, bodyText: REDACTED[language] };
  if (!stored || stored.used_at || stored.expires_at.getTime() <= now.getTime()) {
    return { record, result: { status: 'permanent', code: 'code_expired', message: 'the sign-in code expired or was used before it could be sent' } };
  }
  const code = deps.vault.openText(stored.code_sealed, codeContext(row));
  const options = { idempotencyKey: row.id };
  if (row.channel === 'sms') {
    const sms = deps.channels?.sms;
    if (!sms) return { record, result: { status: 'outbox', reason: 'no SMS provider configured' } };
    return { record, result: await sms.send({ kind: 'login-code', to: ctx.candidate.phone, code }, options) };
  }
  const email = deps.channels?.email;
  if (!email) return { record, result: { status: 'outbox', reason: 'no email server configured' } };
  const result = await email.send({ to: ctx.candidate.email, subject: words.subject, text: words.body(vars.org.name, code), locale: language }, options);
  return { record, result };
}
