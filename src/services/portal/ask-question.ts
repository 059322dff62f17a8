import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { TCalendarId } from '../../contracts/playbook.js';
import type { TPortalQuestion } from '../../contracts/portal.js';
import { addBusinessDaysAt } from '../../core/calendar/index.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import type { Deps, RequestContext } from '../deps.js';
import { noteCandidateReply } from '../exceptions/candidate-reply.js';
import { readOrgPolicy } from '../engine/engine-config.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';

export const QUESTION_STEP = 'portal.question';
/** HR answers a portal question within one business day of the site calendar. */
const ANSWER_SLA_BUSINESS_DAYS = 1;

/** A one-line preview for timeline and task lists; the full text stays in `content`. */
const summarise = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

/** Task keys must stay `step#n` (the task routes accept that shape): the next free n. */
async function insertQuestionTask(trx: Kysely<Database>, row: Omit<Insertable<Database['tasks']>, 'key'>): Promise<string> {
  const existing = await trx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', row.org_id).where('candidate_id', '=', row.candidate_id).where('step_id', '=', QUESTION_STEP).executeTakeFirstOrThrow();
  for (let n = Number(existing.n); ; n += 1) {
    const key = `${QUESTION_STEP}#${n}`;
    const inserted = await trx.insertInto('tasks').values({ ...row, key })
      .onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (inserted) return key;
  }
}

/**
 * A question from the portal: an inbound touch on the timeline (stored as text, shown as
 * text), a task for HR due in one business day on the site calendar, and the engine's
 * `candidate_replied` (a candidate who writes is not unresponsive). One transaction.
 */
export async function askPortalQuestion(deps: Deps, who: PortalPrincipal, input: TPortalQuestion, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  const [site, org] = await Promise.all([
    deps.db.selectFrom('sites').select(['calendar', 'timezone']).where('org_id', '=', who.orgId).where('id', '=', c.site_id).executeTakeFirstOrThrow(),
    deps.db.selectFrom('orgs').select('settings').where('org_id', '=', who.orgId).executeTakeFirstOrThrow(),
  ]);
  const policy = readOrgPolicy(org.settings as Record<string, unknown>);
  const due = addBusinessDaysAt(now, ANSWER_SLA_BUSINESS_DAYS, {
    timeZone: site.timezone, calendar: { id: site.calendar as TCalendarId, overrides: [] }, workingHours: policy.workingHours,
  });
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('touches').values({
      org_id: who.orgId, id, candidate_id: who.candidateId, occurred_at: now, kind: 'message', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null, summary: summarise(input.text), content: input.text, step_id: QUESTION_STEP, created_at: now,
    }).execute();
    await insertQuestionTask(trx, {
      org_id: who.orgId, candidate_id: who.candidateId, step_id: QUESTION_STEP, stage: 'prep', kind: 'task', action: 'task',
      owner_roles: ['hr'], channel: 'portal', detail: input.text, due_at: due.at, calendar_data_missing: due.calendarDataMissing,
      status: 'open', completed_at: null, completed_by: null, created_at: now, updated_at: now,
    });
    await noteCandidateReply(trx, deps, who.orgId, who.candidateId, now, `portal:question:${id}`, { kind: 'candidate', id: who.candidateId });
    await appendAudit(trx, { orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: 'create', entity: 'portal_question', entityId: id, candidateId: who.candidateId, ip: ctx.ip, at: now });
  });
  return { id, at: now.toISOString(), answerDueAt: due.at.toISOString() };
}
