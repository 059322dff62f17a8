/**
 * The alert for the second approver of an employer withdrawal (DESIGN §5): requesting a
 * withdrawal opens a task for the people who may decide it — executives (every one of them
 * in the daily digest), and HR, unless the candidate's HR owner is the requester, who may
 * not decide their own request (HR and org admins see every task of their candidates on
 * My tasks anyway). It is due in one business day on the site's calendar and closes with
 * the decision, never on its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { TCalendarId } from '../../contracts/playbook.js';
import { addBusinessDaysAt } from '../../core/calendar/index.js';
import { resolveCalendar } from '../../core/calendar/resolve-calendar.js';
import { readOrgPolicy } from '../engine/engine-config.js';

/** A task outside the playbook: the console and the digest name it from this step id. */
export const WITHDRAWAL_APPROVAL_STEP = 'offer.approve_withdrawal';

/** Opens the approval task for a pending withdrawal (inside the request's transaction). */
export async function openApprovalTask(
  trx: Kysely<Database>, orgId: string, candidateId: string, input: { requestedBy: string; reason: string; now: Date },
): Promise<string> {
  // The site of the current offer gives the calendar.
  const [c, site, org] = await Promise.all([
    trx.selectFrom('candidates').select('hr_owner_id').where('org_id', '=', orgId).where('id', '=', candidateId).executeTakeFirstOrThrow(),
    trx.selectFrom('offers as o').innerJoin('sites as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.site_id'))
      .select(['s.calendar', 's.timezone']).where('o.org_id', '=', orgId).where('o.candidate_id', '=', candidateId)
      .orderBy('o.version', 'desc').limit(1).executeTakeFirstOrThrow(),
    trx.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirstOrThrow(),
  ]);
  const policy = readOrgPolicy(org.settings as Record<string, unknown>);
  const due = addBusinessDaysAt(input.now, 1, {
    timeZone: site.timezone, calendar: resolveCalendar({ id: site.calendar as TCalendarId, overrides: [] }, policy.calendar), workingHours: policy.workingHours,
  });
  const owners = c.hr_owner_id && c.hr_owner_id !== input.requestedBy ? ['hr', 'executive'] : ['executive'];
  const taken = await trx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('step_id', '=', WITHDRAWAL_APPROVAL_STEP).executeTakeFirstOrThrow();
  // Keys stay `step#n` like every task: the next free n.
  for (let n = Number(taken.n); ; n += 1) {
    const key = `${WITHDRAWAL_APPROVAL_STEP}#${n}`;
    const inserted = await trx.insertInto('tasks').values({
      org_id: orgId, candidate_id: candidateId, key, step_id: WITHDRAWAL_APPROVAL_STEP, stage: 'offer_confirmation', kind: 'task', action: 'task',
      owner_roles: owners, channel: null, detail: input.reason, due_at: due.at, calendar_data_missing: due.calendarDataMissing,
      status: 'open', completed_at: null, completed_by: null, created_at: input.now, updated_at: input.now,
    }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (inserted) return key;
  }
}

/** The decision closes the open approval task, with the decision as its outcome. */
export async function closeApprovalTasks(
  trx: Kysely<Database>, orgId: string, candidateId: string, input: { decidedBy: string; outcome: string; now: Date },
): Promise<void> {
  await trx.updateTable('tasks').set({ status: 'done', completed_at: input.now, completed_by: input.decidedBy, outcome: input.outcome, updated_at: input.now })
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('step_id', '=', WITHDRAWAL_APPROVAL_STEP).where('status', '=', 'open')
    .execute();
}
