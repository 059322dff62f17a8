import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TTaskListQuery, TTaskView, ZCompleteTask } from '../../contracts/engine.js';
import { resolveCandidateScope, type Principal } from '../../core/access/candidate-scope.js';
import { whereInScope } from '../../adapters/db/repos/candidate-repo.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, invalid, notFound } from '../errors.js';
import { applyDomainEventIn } from './apply-event.js';
import { loadEngineConfig } from './engine-config.js';
import { LABOUR_CONTRACT_STEP, prepareContractSigning, settleContractEscalations } from './labour-contract.js';
import { findStep } from '../../core/playbooks/default-playbook.js';
import { WITHDRAWAL_APPROVAL_STEP } from '../exceptions/withdrawal-approval-task.js';

/** Roles that see every task of the candidates they may see; the others see their own kind of work. */
const SEES_ALL_TASKS = new Set(['hr', 'org_admin']);

function ownerRoleFilter(p: Principal): string | null {
  if (p.kind === 'token' || SEES_ALL_TASKS.has(p.role)) return null;
  return p.role;
}

/**
 * Tasks across candidates: HR see all of their candidates' tasks; managers, HRBPs,
 * admin staff and executives see the tasks owned by their role (admin: logistics).
 */
export async function listTasks(deps: Deps, p: Principal, q: TTaskListQuery): Promise<{ items: TTaskView[]; total: number }> {
  requirePermission(p, 'task.read');
  const now = deps.clock.now();
  const scope = p.kind === 'user' && p.role === 'admin' ? { kind: 'all' as const } : resolveCandidateScope(p);
  let base = deps.db.selectFrom('tasks as t')
    .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.candidate_id'))
    .where('t.org_id', '=', p.orgId).where('c.anonymised_at', 'is', null).where(whereInScope(scope));
  const role = ownerRoleFilter(p);
  if (role) base = base.where(sql<boolean>`${role} = ANY(t.owner_roles)`);
  if (q.status !== 'all') base = base.where('t.status', '=', q.status);
  if (q.candidateId) base = base.where('t.candidate_id', '=', q.candidateId);
  if (q.mine === 'true' && p.kind === 'user' && p.role === 'hr') base = base.where('c.hr_owner_id', '=', p.userId);
  const startOfTomorrow = new Date(now.getTime() + 24 * 3600_000);
  if (q.due === 'overdue') base = base.where('t.due_at', '<', now);
  if (q.due === 'today') base = base.where('t.due_at', '>=', now).where('t.due_at', '<', startOfTomorrow);
  if (q.due === 'upcoming') base = base.where('t.due_at', '>=', startOfTomorrow);
  const rows = await base.select([
    't.candidate_id', 'c.full_name', 't.key', 't.step_id', 't.stage', 't.kind', 't.action', 't.owner_roles', 't.channel',
    't.prepared_message', 't.detail', 't.due_at', 't.status', 't.completed_at', 't.outcome', 't.calendar_data_missing',
    't.legal_deadline',
  ]).orderBy('t.due_at').orderBy('t.key').limit(q.limit).offset(q.offset).execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      candidateId: r.candidate_id, candidateName: r.full_name, key: r.key, stepId: r.step_id, stage: r.stage, kind: r.kind,
      action: r.action, ownerRoles: r.owner_roles, channel: r.channel, preparedMessage: r.prepared_message, detail: r.detail,
      dueAt: r.due_at.toISOString(), overdue: r.status === 'open' && r.due_at.getTime() < now.getTime(), status: r.status,
      completedAt: r.completed_at?.toISOString() ?? null, outcome: r.outcome, calendarDataMissing: r.calendar_data_missing,
      legalDeadline: r.legal_deadline,
    })),
  };
}

const TOUCH_KIND: Record<string, string> = { call: 'call', meeting: 'meeting', message: 'message' };

/**
 * Completes a task: the engine hears `task_completed` (which may advance the
 * lifecycle), the task keeps the outcome, and the timeline records the touch.
 */
export async function completeTask(
  deps: Deps, p: Principal, candidateId: string, key: string, input: z.infer<typeof ZCompleteTask>, ctx: RequestContext,
): Promise<TTaskView> {
  requirePermission(p, 'task.complete');
  if (!(p.kind === 'user' && p.role === 'admin')) await loadVisibleCandidate(deps, p, candidateId);
  const visible = await listTasks(deps, p, { status: 'all', due: 'all', candidateId, mine: 'false', limit: 200, offset: 0 });
  const task = visible.items.find((t) => t.key === key);
  if (!task) throw notFound('task');
  if (task.status !== 'open') throw conflict(`the task is already ${task.status}`, 'key');
  if (task.stepId === WITHDRAWAL_APPROVAL_STEP) throw conflict('decide the withdrawal request itself: its task closes with the decision', 'key');
  const now = deps.clock.now();
  const actor = describeActor(p);
  const signsContract = task.stepId === LABOUR_CONTRACT_STEP && task.kind === 'task';
  if (input.signedOn !== undefined && !signsContract) throw invalid('signedOn', 'only the labour-contract task takes a signing date');
  const signing = signsContract ? await prepareContractSigning(deps.db, p.orgId, candidateId, input, now) : null;
  const outcome = signing?.outcome ?? input.outcome;
  await deps.db.transaction().execute(async (trx) => {
    // Tasks outside the playbook (a portal question) and reminder escalations (`…!escalated`,
    // which carry the step id of the task they chase) are done here only: completing them
    // does not complete the engine's own step.
    const { playbook } = await loadEngineConfig(trx, p.orgId, candidateId);
    if (!key.endsWith('!escalated') && findStep(playbook, task.stepId)) {
      await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'task_completed', at: now.toISOString(), step: task.stepId, key }, {
        actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `task:${candidateId}:${key}:done`,
      });
    }
    await trx.updateTable('tasks').set({
      status: 'done', completed_at: now, completed_by: p.kind === 'user' ? p.userId : null, outcome, updated_at: now,
    }).where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('key', '=', key).execute();
    if (signing) await settleContractEscalations(trx, p.orgId, candidateId, signing.signedOn, now);
    const reachedCandidate = task.action === 'call' || task.action === 'meeting' || task.preparedMessage;
    await trx.insertInto('touches').values({
      org_id: p.orgId, id: randomUUID(), candidate_id: candidateId, occurred_at: now, kind: TOUCH_KIND[task.action] ?? 'note',
      channel: input.channel ?? (task.action === 'call' ? 'phone' : task.channel ?? 'other'), direction: reachedCandidate ? 'outbound' : 'internal',
      author_kind: p.kind === 'user' ? 'user' : 'api', author_user_id: p.kind === 'user' ? p.userId : null,
      summary: signing?.summary ?? `Done: ${task.stepId}`, content: input.outcome, candidate_feedback: input.candidateFeedback, step_id: task.stepId,
    }).execute();
    await appendAudit(trx, { orgId: p.orgId, ...actor, action: 'complete', entity: 'task', entityId: `${candidateId}#${key}`, candidateId, ip: ctx.ip, at: now });
  });
  return { ...task, status: 'done', completedAt: now.toISOString(), outcome, overdue: false };
}
