import { buildMeetingInvite, deriveMeetingUid, type ChannelAttachment } from '../../adapters/channels/index.js';
import type { TTemplateVariables } from '../../core/templates/index.js';
import { atLocalTime, parseLocalTime } from '../../core/time/local-time.js';
import type { MessageContext } from './message-context.js';

/** Steps whose email carries the first-day calendar entry (arrival time and place). */
const STEPS_WITH_FIRST_DAY = new Set(['final.logistics_confirm']);

/**
 * The first day as a calendar invite: arrival time at the site on the CURRENT start
 * date. The UID is fixed per candidate and SEQUENCE follows the offer version, so a
 * new start date replaces the event in the candidate's calendar instead of adding one.
 */
export function buildFirstDayAttachment(ctx: MessageContext, vars: TTemplateVariables, stepIds: readonly string[], now: Date): ChannelAttachment | undefined {
  if (!stepIds.some((s) => STEPS_WITH_FIRST_DAY.has(s)) || !ctx.candidate.email || !ctx.hr?.email) return undefined;
  const start = atLocalTime(vars.offer.startDate, parseLocalTime(vars.site.arrivalTime), ctx.site.timezone);
  const zh = vars.candidate.language === 'zh-CN';
  const invite = buildMeetingInvite({
    uid: deriveMeetingUid(`first-day-${ctx.candidate.id}`),
    sequence: Math.max(0, vars.offer.version - 1),
    start,
    end: new Date(start.getTime() + 60 * 60_000),
    timeZone: ctx.site.timezone,
    summary: zh ? `入职报到：${vars.org.name}` : `First day at ${vars.org.name}`,
    description: zh
      ? `报到地点：${vars.site.name}，${vars.site.address}\n当天对接人：${vars.contact.name} ${vars.contact.phone}`
      : `Where: ${vars.site.name}, ${vars.site.address}\nYour contact on the day: ${vars.contact.name} ${vars.contact.phone}`,
    location: `${vars.site.name}, ${vars.site.address}`,
    url: vars.portal.link,
    organizer: { email: ctx.hr.email, name: ctx.hr.name },
    candidate: { email: ctx.candidate.email, name: ctx.candidate.full_name },
    now,
  });
  return { ...invite.attachment, filename: 'first-day.ics' };
}
