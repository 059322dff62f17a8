import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { addBusinessDaysAt } from '../../core/calendar/business-days.js';
import { formatLocalIso, HOUR_MS } from '../../core/time/local-time.js';
import type { Deps } from '../deps.js';
import { postToStaffChannels } from '../org/staff-channel-delivery.js';
import { buildEscalationTexts, type EscalatedTask } from '../org/staff-channel-texts.js';
import { readOrgPolicy } from '../engine/engine-config.js';
import { addSystemTouch } from '../engine/persist-reduction.js';
import { readReminderSettings, readSettingsObject } from './reminder-settings.js';

/** The console's task list, for the staff-group message. */
function tasksLink(deps: Deps): string {
  return `${(deps.dispatch?.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '')}/tasks`;
}

/** A short stable id of a set of escalated task keys: the post's idempotency key. */
function hashKeys(keys: readonly string[]): string {
  return createHash('sha256').update([...keys].sort().join('\n')).digest('hex').slice(0, 32);
}

/** Suffix of an escalation's task key: `offer.confirmation_call#0!escalated`. */
export const ESCALATED_SUFFIX = '!escalated';

export interface EscalateOverdueOptions {
  /** Only this organisation (default: every organisation). */
  orgId?: string;
  /** Most escalations per organisation per call (default 500; the next tick does the rest). */
  limit?: number;
}

/**
 * Who takes over an overdue task. HR's own work goes one level up to the candidate's
 * HRBP (to an executive when the candidate has no HRBP, so it never lands on nobody);
 * work of a manager, admin, HRBP or executive goes to HR, who run the plan and chase
 * the owner (DESIGN §1).
 */
export function chooseEscalationOwners(ownerRoles: readonly string[], hasHrbp: boolean): string[] {
  if (ownerRoles.includes('hr')) return hasHrbp ? ['hrbp'] : ['executive'];
  return ['hr'];
}

/**
 * An escalation outlives its reason once the original task is closed: it is done with it
 * (or cancelled with it, after a re-plan), so digests and task lists stop showing it.
 */
async function closeSettledEscalations(deps: Deps, orgId: string, now: Date): Promise<void> {
  for (const status of ['done', 'cancelled'] as const) {
    await deps.db.updateTable('tasks as e')
      .set({ status, completed_at: status === 'done' ? now : null, outcome: `The original task was ${status}.`, updated_at: now })
      .where('e.org_id', '=', orgId).where('e.kind', '=', 'escalation').where('e.status', '=', 'open')
      .where('e.key', 'like', `%${ESCALATED_SUFFIX}`)
      .where(({ exists, selectFrom }) => exists(selectFrom('tasks as t').select('t.key')
        .whereRef('t.org_id', '=', 'e.org_id').whereRef('t.candidate_id', '=', 'e.candidate_id')
        .where(sql<boolean>`t.key || ${ESCALATED_SUFFIX} = e.key`).where('t.status', '=', status)))
      .execute();
  }
}

/**
 * Escalates open tasks overdue by more than the org's grace period
 * (`settings.reminders.escalationGraceHours`, default 24 h): each gets ONE `escalation`
 * row in `tasks`, keyed `<original key>!escalated`, owned per `chooseEscalationOwners`,
 * due one business day from now on the org's calendar, plus an internal timeline note; a
 * task's legal deadline (the labour contract) travels with its escalation.
 * The unique task key makes it idempotent across ticks and workers. Escalations and the
 * playbook's own escalation steps are not escalated again; an open escalation whose
 * original task has since been closed is closed with it.
 */
export async function escalateOverdueTasks(deps: Deps, opts: EscalateOverdueOptions = {}): Promise<{ escalated: number }> {
  const now = deps.clock.now();
  let escalated = 0;
  let orgs = deps.db.selectFrom('orgs').select(['org_id', 'timezone', 'settings']);
  if (opts.orgId) orgs = orgs.where('org_id', '=', opts.orgId);
  for (const org of await orgs.execute()) {
    await closeSettledEscalations(deps, org.org_id, now);
    const settings = readSettingsObject(org.settings);
    const cutoff = new Date(now.getTime() - readReminderSettings(settings).escalationGraceHours * HOUR_MS);
    const overdue = await deps.db.selectFrom('tasks as t')
      .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.candidate_id'))
      .where('t.org_id', '=', org.org_id).where('t.status', '=', 'open').where('t.kind', '=', 'task')
      .where('t.due_at', '<', cutoff).where('c.anonymised_at', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tasks as e').select('e.key')
        .whereRef('e.org_id', '=', 't.org_id').whereRef('e.candidate_id', '=', 't.candidate_id')
        .where('e.key', '=', sql<string>`t.key || ${ESCALATED_SUFFIX}`))))
      .select(['t.candidate_id', 't.key', 't.step_id', 't.stage', 't.action', 't.channel', 't.owner_roles', 't.due_at', 't.legal_deadline', 'c.hrbp_id'])
      .orderBy('t.due_at').limit(opts.limit ?? 500).execute();
    if (!overdue.length) continue;
    const policy = readOrgPolicy(settings);
    const due = addBusinessDaysAt(now, 1, { timeZone: org.timezone, calendar: policy.calendar, workingHours: policy.workingHours });
    const posted: Array<{ key: string; task: EscalatedTask }> = [];
    for (const task of overdue) {
      const owners = chooseEscalationOwners(task.owner_roles, task.hrbp_id !== null);
      const since = formatLocalIso(task.due_at, org.timezone);
      // A task with a legal deadline (the labour contract) says so: it is what makes it urgent.
      const deadline = task.legal_deadline ? `; legal deadline ${task.legal_deadline}` : '';
      const escalatedNow = await deps.db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('tasks').values({
          org_id: org.org_id, candidate_id: task.candidate_id, key: `${task.key}${ESCALATED_SUFFIX}`, step_id: task.step_id,
          stage: task.stage, kind: 'escalation', action: task.action, owner_roles: owners, channel: task.channel,
          prepared_message: false, detail: `Overdue since ${since} (owner: ${task.owner_roles.join(', ')})${deadline}`,
          due_at: due.at, calendar_data_missing: due.calendarDataMissing, legal_deadline: task.legal_deadline, status: 'open',
          completed_at: null, completed_by: null, created_at: now, updated_at: now,
        }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'key']).doNothing()).returning('key').executeTakeFirst();
        if (!inserted) return false; // another worker escalated it first
        await addSystemTouch(trx, org.org_id, task.candidate_id, now, 'note',
          `Escalated ${task.step_id} to ${owners.join(', ')}: overdue since ${since}${deadline}`, task.step_id);
        escalated += 1;
        return true;
      });
      if (escalatedNow) {
        posted.push({ key: `${task.candidate_id}:${task.key}`, task: { stepId: task.step_id, owners, overdueSince: since, legalDeadline: task.legal_deadline } });
      }
    }
    // One line per escalation to the staff groups, after the commits, batched into one
    // message per tick so a backlog does not trip the robots' 20-a-minute limit.
    if (posted.length) {
      await postToStaffChannels(deps, org.org_id, {
        event: 'escalation', key: `escalation:${hashKeys(posted.map((l) => l.key))}`,
        texts: buildEscalationTexts(posted.map((l) => l.task), tasksLink(deps)),
      });
    }
  }
  return { escalated };
}
