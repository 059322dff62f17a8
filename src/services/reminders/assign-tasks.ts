import type { Deps } from '../deps.js';

/** Candidate columns that name the person behind each owner role (executive: every executive). */
const ASSIGNEE_COLUMN = {
  hr: 'hr_owner_id',
  manager: 'manager_id',
  hrbp: 'hrbp_id',
  admin: 'admin_contact_id',
} as const;

export interface AssignedTask {
  candidateId: string;
  candidateName: string;
  key: string;
  stepId: string;
  kind: string;
  dueAt: Date;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/**
 * Open tasks due before `dueBefore`, grouped by the active staff user each is assigned to:
 * a task's owner role `hr` is the candidate's HR owner, `manager` its manager, `hrbp` its
 * HRBP, `admin` its admin contact, and `executive` every active executive of the org.
 * A task with several owner roles reaches each of those people once.
 */
export async function listAssignedTasks(
  deps: Deps, orgId: string, dueBefore: Date,
): Promise<Map<string, { user: StaffUser; tasks: AssignedTask[] }>> {
  const [rows, users] = await Promise.all([
    deps.db.selectFrom('tasks as t')
      .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.candidate_id'))
      .where('t.org_id', '=', orgId).where('t.status', '=', 'open').where('t.due_at', '<', dueBefore).where('c.anonymised_at', 'is', null)
      .select(['t.candidate_id', 'c.full_name', 't.key', 't.step_id', 't.kind', 't.owner_roles', 't.due_at',
        'c.hr_owner_id', 'c.manager_id', 'c.hrbp_id', 'c.admin_contact_id'])
      .orderBy('t.due_at').orderBy('c.full_name').orderBy('t.key').execute(),
    deps.db.selectFrom('users').select(['id', 'email', 'name', 'locale', 'role'])
      .where('org_id', '=', orgId).where('disabled_at', 'is', null).execute(),
  ]);
  const active = new Map(users.map((u) => [u.id, u]));
  const executives = users.filter((u) => u.role === 'executive').map((u) => u.id);
  const byUser = new Map<string, { user: StaffUser; tasks: AssignedTask[] }>();
  for (const row of rows) {
    const assignees = new Set<string>();
    for (const role of row.owner_roles) {
      if (role === 'executive') executives.forEach((id) => assignees.add(id));
      const column = ASSIGNEE_COLUMN[role as keyof typeof ASSIGNEE_COLUMN];
      const id = column ? row[column] : null;
      if (id) assignees.add(id);
    }
    for (const id of assignees) {
      const user = active.get(id);
      if (!user) continue; // disabled or gone: nobody to remind
      let entry = byUser.get(id);
      if (!entry) byUser.set(id, entry = { user: { id: user.id, email: user.email, name: user.name, locale: user.locale }, tasks: [] });
      entry.tasks.push({
        candidateId: row.candidate_id, candidateName: row.full_name, key: row.key, stepId: row.step_id, kind: row.kind, dueAt: row.due_at,
      });
    }
  }
  return byUser;
}
