import {
  renderTemplate,
  selectDailyCareTemplate,
  selectStepTemplates,
  type TTemplateDefinition,
  type TTemplateError,
  type TTemplateVariables,
} from '../../core/templates/index.js';
import { SMS_NEW_MESSAGE } from '../../core/templates/sms-notices.js';
import { diffLocalDays, toLocalDate } from '../../core/time/local-time.js';

export interface RenderedMessage {
  subject: string;
  /** Plain text: the section of every merged step, in order. */
  text: string;
  /** The short SMS notice (a pointer to the portal, never the message itself); empty when `smsNotice` was false. */
  smsText: string;
}

export type RenderOutcome = { ok: true; message: RenderedMessage } | { ok: false; error: string };

const SECTION_DIVIDER = '\n\n————————\n\n';

/**
 * Renders one outbound message in the candidate's language. A merged message (several
 * steps due the same day, DESIGN §3 frequency cap) carries one subject — the lead step's —
 * and the body of every step. Pure: `sentAt` and the time zone choose the daily-care text.
 */
export function renderOutboundMessage(args: {
  vars: TTemplateVariables;
  stepIds: readonly string[];
  leadKey: string;
  sentAt: Date;
  timeZone: string;
  /** The organisation's templates (latest saved wording); the built-in ones when absent. */
  templates?: readonly TTemplateDefinition[];
  /** Also render the SMS notice (default true); the dispatcher skips it for a message that does not go out by SMS. */
  smsNotice?: boolean;
}): RenderOutcome {
  const { vars } = args;
  const language = vars.candidate.language;
  const leadStep = args.leadKey.split('#')[0]!;
  const ordered = [leadStep, ...args.stepIds.filter((s) => s !== leadStep)];
  const sections: Array<{ subject: string; body: string; sms?: string }> = [];
  for (const step of ordered) {
    const template = selectTemplate(step, args);
    if (!template) return { ok: false, error: `no message template for step ${step}` };
    const content = template.locales[language];
    const subject = renderTemplate(content.subject, vars);
    if (!subject.ok) return { ok: false, error: describeRenderError(template.id, subject.error) };
    const body = renderTemplate(content.body, vars);
    if (!body.ok) return { ok: false, error: describeRenderError(template.id, body.error) };
    sections.push({ subject: subject.output.trim(), body: body.output.trim(), sms: content.sms });
  }
  const message = { subject: sections[0]!.subject, text: sections.map((s) => s.body).join(SECTION_DIVIDER), smsText: '' };
  if (args.smsNotice === false) return { ok: true, message };
  const sms = renderTemplate(sections[0]?.sms ?? SMS_NEW_MESSAGE[language === 'zh-CN' ? 'zh' : 'en'], vars);
  if (!sms.ok) return { ok: false, error: `sms notice: ${sms.error.message}` };
  return { ok: true, message: { ...message, smsText: sms.output.trim() } };
}

/** Staff read this on the timeline: say which data is missing, not just what Liquid said. */
function describeRenderError(templateId: string, error: TTemplateError): string {
  const section = error.code === 'unknown_variable' ? error.variable?.split('.')[0] : undefined;
  return section && OPTIONAL_SECTIONS[section]
    ? `template ${templateId} needs ${OPTIONAL_SECTIONS[section]}, which this candidate's record does not have (${error.message})`
    : `template ${templateId}: ${error.message}`;
}

const OPTIONAL_SECTIONS: Record<string, string> = {
  compensation: 'the salary of the current offer',
  pool: 'a valid talent-pool consent',
  meeting: 'a scheduled meeting',
  invite: 'a group invitation link (org settings messaging.inviteLink)',
  hrbp: 'an HRBP',
};

function selectTemplate(
  step: string,
  args: { vars: TTemplateVariables; leadKey: string; sentAt: Date; timeZone: string; templates?: readonly TTemplateDefinition[] },
): TTemplateDefinition | undefined {
  if (step === 'final.daily_care') return selectDailyCareTemplate(countDaysBeforeStart(args), args.templates);
  return selectStepTemplates(step, args.templates).find((t) => t.kind === 'message' || t.kind === 'meeting_invite');
}

/**
 * Which daily-care note to send: the days left until the CURRENT start date on the day it
 * goes out. Outside S−3…S−1 (a late retry) the occurrence in the key decides
 * (`final.daily_care#0` is the S−3 note).
 */
function countDaysBeforeStart(args: { vars: TTemplateVariables; leadKey: string; sentAt: Date; timeZone: string }): number {
  const days = diffLocalDays(toLocalDate(args.sentAt, args.timeZone), args.vars.offer.startDate);
  if (days >= 1 && days <= 3) return days;
  const occurrence = Number(/#(\d+)$/.exec(args.leadKey)?.[1] ?? 0);
  return Math.min(3, Math.max(1, 3 - occurrence));
}
