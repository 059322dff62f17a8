/**
 * Data-subject requests (DESIGN §5, issue 7): export, correction, deletion. A request is
 * due within the organisation's SLA (`dataRequestSlaDays`, 15 days by default); open
 * corrections and deletions are also a task for the HR owner. HR approve or refuse with a
 * reason; an approved deletion anonymises the person; the candidate is told either way.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Principal } from '../../core/access/candidate-scope.js';
import { isCandidateInScope, resolveCandidateScope } from '../../core/access/candidate-scope.js';
import type { TDataRequest, TDataRequestKind, TDataRequestQuery, TResolveDataRequest } from '../../contracts/privacy.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { whereInScope } from '../../adapters/db/repos/candidate-repo.js';
import type { DataRequestsTable, Database } from '../../adapters/db/schema.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { anonymiseCandidate } from './anonymise.js';
import { addDays, readPrivacySettings } from './privacy-settings.js';

/** Task steps outside the playbook that chase a request (completed from the privacy page). */
export const REQUEST_STEPS: Record<'correction' | 'deletion', string> = {
  correction: 'privacy.correction_request',
  deletion: 'privacy.deletion_request',
};

type RequestRow = Selectable<DataRequestsTable>;

export function presentRequest(r: RequestRow & { candidate_name?: string; resolver_name?: string | null }, now: Date): TDataRequest {
  return {
    id: r.id, candidateId: r.candidate_id, candidateName: r.candidate_name ?? '', kind: r.kind, status: r.status,
    requestedBy: r.requested_by, detail: r.detail, requestedAt: r.requested_at.toISOString(), dueAt: r.due_at.toISOString(),
    overdue: r.status === 'open' && r.due_at.getTime() < now.getTime(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by === 'user' ? r.resolver_name ?? null : r.resolved_by, resolutionNote: r.resolution_note,
  };
}

export interface NewRequest {
  orgId: string;
  candidateId: string;
  kind: TDataRequestKind;
  detail: string;
  by: { kind: 'candidate' } | { kind: 'user'; userId: string };
  ip?: string;
  /** Export requests are answered at once: recorded as done. */
  done?: boolean;
}

/**
 * Records a request. An open deletion request already on file is returned instead of a
 * second one (asking twice is the same request).
 */
export async function createDataRequest(deps: Deps, input: NewRequest): Promise<RequestRow> {
  const now = deps.clock.now();
  const org = await deps.db.selectFrom('orgs').select('settings').where('org_id', '=', input.orgId).executeTakeFirstOrThrow();
  const { dataRequestSlaDays } = readPrivacySettings(org.settings);
  const dueAt = addDays(now, dataRequestSlaDays);
  return deps.db.transaction().execute(async (trx) => {
    if (input.kind === 'deletion') {
      const open = await trx.selectFrom('data_requests').selectAll().where('org_id', '=', input.orgId).where('candidate_id', '=', input.candidateId)
        .where('kind', '=', 'deletion').where('status', '=', 'open').executeTakeFirst();
      if (open) return open;
    }
    const id = randomUUID();
    const taskKey = !input.done && input.kind !== 'export'
      ? await insertRequestTask(trx, input, REQUEST_STEPS[input.kind], dueAt, now) : null;
    const row = await trx.insertInto('data_requests').values({
      org_id: input.orgId, id, candidate_id: input.candidateId, kind: input.kind, status: input.done ? 'done' : 'open',
      requested_by: input.by.kind, requested_by_user_id: input.by.kind === 'user' ? input.by.userId : null, detail: input.detail,
      requested_at: now, due_at: dueAt, resolved_at: input.done ? now : null, resolved_by: input.done ? input.by.kind : null,
      resolved_by_user_id: input.done && input.by.kind === 'user' ? input.by.userId : null, task_key: taskKey,
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: input.orgId, actorKind: input.by.kind, actorId: input.by.kind === 'user' ? input.by.userId : input.candidateId,
      action: 'create', entity: 'data_request', entityId: id, candidateId: input.candidateId, ip: input.ip, at: now,
      detail: { kind: input.kind, status: row.status, dueAt: dueAt.toISOString() },
    });
    return row;
  });
}

/** Task keys stay `step#n` like every task: the next free n for the step. */
async function insertRequestTask(trx: Kysely<Database>, input: NewRequest, stepId: string, dueAt: Date, now: Date): Promise<string> {
  const existing = await trx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', input.orgId).where('candidate_id', '=', input.candidateId).where('step_id', '=', stepId).executeTakeFirstOrThrow();
  for (let n = Number(existing.n); ; n += 1) {
    const key = `${stepId}#${n}`;
    const inserted = await trx.insertInto('tasks').values({
      org_id: input.orgId, candidate_id: input.candidateId, key, step_id: stepId, stage: 'privacy', kind: 'task', action: 'task',
      owner_roles: ['hr'], channel: null, detail: input.detail, due_at: dueAt, status: 'open', completed_at: null, completed_by: null,
      created_at: now, updated_at: now,
    }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (inserted) return key;
  }
}

function selectRequests(db: Kysely<Database>) {
  return db.selectFrom('data_requests as r')
    .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 'r.org_id').onRef('c.id', '=', 'r.candidate_id'))
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'r.org_id').onRef('u.id', '=', 'r.resolved_by_user_id'))
    .selectAll('r').select(['c.full_name as candidate_name', 'u.name as resolver_name']);
}

/** Requests in the principal's candidate scope, open ones by due time first. */
export async function listDataRequests(deps: Deps, p: Principal, q: TDataRequestQuery) {
  requirePermission(p, 'privacy.manage');
  let base = selectRequests(deps.db).where('r.org_id', '=', p.orgId).where(whereInScope(resolveCandidateScope(p)));
  if (q.status !== 'all') base = base.where('r.status', '=', q.status);
  if (q.kind) base = base.where('r.kind', '=', q.kind);
  const rows = await base.orderBy('r.due_at', q.status === 'open' ? 'asc' : 'desc').orderBy('r.id').limit(q.limit).offset(q.offset).execute();
  const total = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const now = deps.clock.now();
  return { items: rows.map((r) => presentRequest(r, now)), total: Number(total.n) };
}

/** The candidate's own requests, newest first. */
export async function listOwnRequests(deps: Deps, orgId: string, candidateId: string) {
  const rows = await deps.db.selectFrom('data_requests').selectAll().where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
    .orderBy('requested_at', 'desc').orderBy('id').limit(100).execute();
  const now = deps.clock.now();
  return rows.map((r) => {
    const { candidateName: _n, resolvedBy: _b, ...rest } = presentRequest(r, now);
    return rest;
  });
}

/**
 * HR resolve an open request. Approving a deletion anonymises the person (after telling
 * them, while their address is still on file); refusing needs a reason, which the
 * candidate sees in their portal inbox and on the request.
 */
export async function resolveDataRequest(deps: Deps, p: Principal, requestId: string, input: TResolveDataRequest, ctx: RequestContext): Promise<TDataRequest> {
  requirePermission(p, 'privacy.manage');
  const row = await deps.db.selectFrom('data_requests as r')
    .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 'r.org_id').onRef('c.id', '=', 'r.candidate_id'))
    .selectAll('r').select(['c.department_id', 'c.manager_id', 'c.email', 'c.language', 'c.anonymised_at'])
    .where('r.org_id', '=', p.orgId).where('r.id', '=', requestId).executeTakeFirst();
  if (!row || !isCandidateInScope(resolveCandidateScope(p), { departmentId: row.department_id, managerId: row.manager_id })) throw notFound('data request');
  if (row.status !== 'open') throw conflict(`the request is already ${row.status}`, 'id');
  const now = deps.clock.now();
  const actor = describeActor(p);
  const userId = p.kind === 'user' ? p.userId : null;
  const status = input.decision === 'approve' ? 'done' : 'refused';
  const note = input.decision === 'approve' ? input.note : input.reason;
  const language = row.language === 'en-US' ? 'en-US' : 'zh-CN';
  const told = buildOutcomeText(row.kind, status, note, language);

  if (status === 'done' && row.kind === 'deletion' && row.email && !row.anonymised_at) {
    // Told first: once anonymised there is no address left to write to.
    await deps.channels?.email?.send({ to: row.email, subject: told.subject, text: told.text, locale: language }, { idempotencyKey: `data-request-${requestId}` })
      .catch(() => undefined);
  }
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('data_requests').set({
      status, resolved_at: now, resolved_by: p.kind === 'user' ? 'user' : 'system', resolved_by_user_id: userId, resolution_note: note,
    }).where('org_id', '=', p.orgId).where('id', '=', requestId).where('status', '=', 'open').executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw conflict('the request was resolved meanwhile', 'id');
    if (row.task_key) {
      await trx.updateTable('tasks').set({ status: 'done', completed_at: now, completed_by: userId, outcome: `${status}: ${note}`.slice(0, 2000), updated_at: now })
        .where('org_id', '=', p.orgId).where('candidate_id', '=', row.candidate_id).where('key', '=', row.task_key).where('status', '=', 'open').execute();
    }
    if (!(status === 'done' && row.kind === 'deletion')) {
      // The portal inbox shows staff answers on the portal channel.
      await trx.insertInto('touches').values({
        org_id: p.orgId, id: randomUUID(), candidate_id: row.candidate_id, occurred_at: now, kind: 'message', channel: 'portal',
        direction: 'outbound', author_kind: p.kind === 'user' ? 'user' : 'api', author_user_id: userId, summary: told.subject, content: told.text,
        step_id: REQUEST_STEPS[row.kind === 'export' ? 'correction' : row.kind], created_at: now,
      }).execute();
    }
    await appendAudit(trx, {
      orgId: p.orgId, ...actor, action: 'resolve', entity: 'data_request', entityId: requestId, candidateId: row.candidate_id,
      detail: { kind: row.kind, status }, ip: ctx.ip, at: now,
    });
  });
  if (status === 'done' && row.kind === 'deletion') {
    await anonymiseCandidate(deps, p.orgId, row.candidate_id, {
      reason: `deletion request ${requestId}`, actor: { kind: 'user', id: userId ?? undefined }, at: now,
    });
  }
  const after = await selectRequests(deps.db).where('r.org_id', '=', p.orgId).where('r.id', '=', requestId).executeTakeFirstOrThrow();
  return presentRequest(after, now);
}

/** HR record a request the person made to them; an export is produced at once. */
export async function createStaffDataRequest(
  deps: Deps, p: Principal, candidateId: string, input: { kind: TDataRequestKind; detail: string }, ctx: RequestContext,
): Promise<TDataRequest> {
  requirePermission(p, 'privacy.manage');
  const c = await deps.db.selectFrom('candidates').select(['department_id', 'manager_id', 'anonymised_at', 'full_name'])
    .where('org_id', '=', p.orgId).where('id', '=', candidateId).executeTakeFirst();
  if (!c || c.anonymised_at || !isCandidateInScope(resolveCandidateScope(p), { departmentId: c.department_id, managerId: c.manager_id })) throw notFound('candidate');
  const row = await createDataRequest(deps, {
    orgId: p.orgId, candidateId, kind: input.kind, detail: input.detail, ip: ctx.ip,
    by: p.kind === 'user' ? { kind: 'user', userId: p.userId } : { kind: 'candidate' }, done: input.kind === 'export',
  });
  return presentRequest({ ...row, candidate_name: c.full_name, resolver_name: null }, deps.clock.now());
}

const KIND_WORDS = {
  'zh-CN': { export: '数据导出', correction: '信息更正', deletion: '删除个人信息' },
  'en-US': { export: 'data export', correction: 'correction', deletion: 'deletion' },
} as const;

/** What the candidate is told about the outcome, in their language. */
function buildOutcomeText(kind: TDataRequestKind, status: 'done' | 'refused', note: string, language: 'zh-CN' | 'en-US') {
  const what = KIND_WORDS[language][kind];
  if (language === 'zh-CN') {
    const subject = status === 'done' ? `您的${what}请求已处理` : `您的${what}请求未能执行`;
    const body = status === 'done'
      ? (kind === 'deletion' ? '我们已按您的请求删除（匿名化）您的个人信息。此后您的门户链接将失效。' : '我们已处理您的请求。')
      : '很抱歉，我们无法执行您的请求。';
    return { subject, text: [body, note ? `说明：${note}` : ''].filter(Boolean).join('\n') };
  }
  const subject = status === 'done' ? `Your ${what} request is done` : `We could not carry out your ${what} request`;
  const body = status === 'done'
    ? (kind === 'deletion' ? 'We have deleted (anonymised) your personal data as you asked. Your portal link no longer works.' : 'We have handled your request.')
    : 'We are sorry: we cannot carry out your request.';
  return { subject, text: [body, note ? `Reason: ${note}` : ''].filter(Boolean).join('\n') };
}
