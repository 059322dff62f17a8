import { buildMeetingInvite, deriveMeetingUid } from '../../adapters/channels/index.js';
import { parseEngineState } from '../engine/persist-reduction.js';
import { atLocalTime, parseLocalTime, toLocalDate, toLocalMinutes } from '../../core/time/local-time.js';
import type { Deps } from '../deps.js';
import { buildFirstDayAttachment } from '../dispatch/first-day-invite.js';
import { loadMessageContext } from '../dispatch/message-context.js';
import { buildTemplateVariables } from '../dispatch/template-variables.js';
import { notFound } from '../errors.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';

export const MEETING_STEP = 'final.preonboarding_meeting';
const MEETING_MINUTES = 45;

export type CalendarKind = 'first-day' | 'preonboarding-meeting';

/**
 * A step due on a day without an hour (S − 2d is due at local midnight) is a day, not a
 * meeting time: the calendar entry then sits at 10:00 that day, when the playbook's own
 * messages go out, instead of at midnight.
 */
const DAY_ONLY_MEETING_MINUTES = 10 * 60;

function placeMeeting(due: Date, timeZone: string): Date {
  return toLocalMinutes(due, timeZone) === 0 ? atLocalTime(toLocalDate(due, timeZone), DAY_ONLY_MEETING_MINUTES, timeZone) : due;
}

/** When the pre-onboarding meeting is: the plan's step due time (task first, else the planned item). */
async function findMeetingStart(deps: Deps, who: PortalPrincipal, timeZone: string): Promise<Date | undefined> {
  const due = await findMeetingDue(deps, who);
  return due ? placeMeeting(due, timeZone) : undefined;
}

async function findMeetingDue(deps: Deps, who: PortalPrincipal): Promise<Date | undefined> {
  const task = await deps.db.selectFrom('tasks').select('due_at').where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId)
    .where('step_id', '=', MEETING_STEP).where('status', '!=', 'cancelled').orderBy('due_at', 'desc').executeTakeFirst();
  if (task) return task.due_at;
  const row = await deps.db.selectFrom('engine_states').select('state').where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).executeTakeFirst();
  if (!row) return undefined;
  const state = parseEngineState(row.state);
  const item = state.plan?.items.find((i) => i.stepId === MEETING_STEP && !state.cancelled.includes(i.key));
  return item ? new Date(item.dueAt) : undefined;
}

async function loadContext(deps: Deps, who: PortalPrincipal) {
  await loadPortalCandidate(deps, who);
  const ctx = await loadMessageContext(deps.db, who.orgId, who.candidateId);
  if (!ctx) throw notFound('candidate');
  const vars = buildTemplateVariables(ctx, { publicUrl: deps.dispatch?.publicUrl ?? 'http://localhost:3000', stepIds: ['final.logistics_confirm'] });
  return { ctx, vars, zh: vars.candidate.language === 'zh-CN' };
}

/** The calendar entries the candidate can add (the meeting only once the plan has it). */
export async function listPortalCalendars(deps: Deps, who: PortalPrincipal) {
  const { ctx, vars, zh } = await loadContext(deps, who);
  const firstDay = atLocalTime(vars.offer.startDate, parseLocalTime(vars.site.arrivalTime), ctx.site.timezone);
  const items: Array<{ kind: CalendarKind; start: string; end: string; title: string }> = [{
    kind: 'first-day', start: firstDay.toISOString(), end: new Date(firstDay.getTime() + 3600_000).toISOString(),
    title: zh ? `入职报到：${vars.org.name}` : `First day at ${vars.org.name}`,
  }];
  const meeting = await findMeetingStart(deps, who, ctx.site.timezone);
  if (meeting) {
    items.push({
      kind: 'preonboarding-meeting', start: meeting.toISOString(), end: new Date(meeting.getTime() + MEETING_MINUTES * 60_000).toISOString(),
      title: zh ? `预入职沟通会：${vars.org.name}` : `Pre-onboarding meeting: ${vars.org.name}`,
    });
  }
  return { items };
}

/**
 * The .ics text of one entry. The first day reuses the emailed invite (same UID and
 * SEQUENCE, so adding both never duplicates the event); the meeting has its own stable UID.
 */
export async function buildPortalCalendar(deps: Deps, who: PortalPrincipal, kind: CalendarKind): Promise<{ filename: string; content: string }> {
  const { ctx, vars, zh } = await loadContext(deps, who);
  const now = deps.clock.now();
  const organizer = ctx.hr?.email ? { email: ctx.hr.email, name: ctx.hr.name } : undefined;
  // Attendee needs an address; a candidate reached only by phone still gets a usable file.
  const candidateEmail = ctx.candidate.email || `candidate-${ctx.candidate.id}@portal.invalid`;
  if (!organizer) throw notFound('calendar entry (no HR contact on file)');
  if (kind === 'first-day') {
    const attachment = buildFirstDayAttachment({ ...ctx, candidate: { ...ctx.candidate, email: candidateEmail } }, vars, ['final.logistics_confirm'], now);
    if (!attachment) throw notFound('calendar entry');
    return { filename: 'first-day.ics', content: String(attachment.content) };
  }
  const start = await findMeetingStart(deps, who, ctx.site.timezone);
  if (!start) throw notFound('pre-onboarding meeting (not scheduled yet)');
  const invite = buildMeetingInvite({
    uid: deriveMeetingUid(`preonboarding-${ctx.candidate.id}`),
    sequence: Math.max(0, vars.offer.version - 1),
    start, end: new Date(start.getTime() + MEETING_MINUTES * 60_000), timeZone: ctx.site.timezone,
    summary: zh ? `预入职沟通会：${vars.org.name}` : `Pre-onboarding meeting: ${vars.org.name}`,
    description: zh
      ? `与直属上级和 HRBP 见面，聊聊工作内容、团队协作和第一个月的安排。\n联系人：${vars.contact.name} ${vars.contact.phone}`
      : `Meet your manager and HRBP: the work, how the team works together, and your first month.\nContact: ${vars.contact.name} ${vars.contact.phone}`,
    url: vars.portal.link, organizer, candidate: { email: candidateEmail, name: ctx.candidate.full_name },
    manager: ctx.manager?.email ? { email: ctx.manager.email, name: ctx.manager.name } : undefined,
    hrbp: ctx.hrbp?.email ? { email: ctx.hrbp.email, name: ctx.hrbp.name } : undefined,
    now,
  });
  return { filename: 'preonboarding-meeting.ics', content: invite.content };
}
