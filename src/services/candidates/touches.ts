import { randomUUID } from 'node:crypto';
import type { TCreateTouch, TTouch } from '../../contracts/candidates.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { invalid } from '../errors.js';
import { noteCandidateReply } from '../exceptions/candidate-reply.js';
import { loadVisibleCandidate } from './candidates.js';

/** The candidate's timeline, newest first; reading it is audited. */
export async function listTimeline(deps: Deps, p: Principal, candidateId: string, page: { limit: number; offset: number }, ctx: RequestContext) {
  requirePermission(p, 'timeline.read');
  await loadVisibleCandidate(deps, p, candidateId);
  const base = deps.db.selectFrom('touches as t')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.author_user_id'))
    .where('t.org_id', '=', p.orgId).where('t.candidate_id', '=', candidateId);
  const rows = await base.select(['t.id', 't.occurred_at', 't.kind', 't.channel', 't.direction', 't.author_kind', 't.author_user_id', 'u.name as author_name', 't.summary', 't.content', 't.candidate_feedback', 't.step_id'])
    .orderBy('t.occurred_at', 'desc').orderBy('t.id').limit(page.limit).offset(page.offset).execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'timeline', entityId: candidateId, candidateId, ip: ctx.ip, at: deps.clock.now() });
  const items: TTouch[] = rows.map((r) => ({
    id: r.id, occurredAt: r.occurred_at.toISOString(), kind: r.kind, channel: r.channel, direction: r.direction,
    authorKind: r.author_kind, author: r.author_user_id && r.author_name ? { id: r.author_user_id, name: r.author_name } : null,
    summary: r.summary, content: r.content, candidateFeedback: r.candidate_feedback, stepId: r.step_id,
  }));
  return { items, total: Number(total.n) };
}

/** Records a touch (call, message, meeting…) on the candidate's timeline. */
export async function recordTouch(deps: Deps, p: Principal, candidateId: string, input: TCreateTouch, ctx: RequestContext): Promise<TTouch> {
  requirePermission(p, 'touch.create');
  await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  // A touch is a record of what happened: it cannot be dated in the future (a small skew is tolerated).
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw invalid('occurredAt', 'cannot be in the future');
  const actor = describeActor(p);
  const row = {
    org_id: p.orgId, id: randomUUID(), candidate_id: candidateId, occurred_at: occurredAt, kind: input.kind,
    channel: input.channel, direction: input.direction, author_kind: p.kind === 'user' ? 'user' : 'api',
    author_user_id: p.kind === 'user' ? p.userId : null, summary: input.summary, content: input.content,
    candidate_feedback: input.candidateFeedback, step_id: input.stepId ?? null, created_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('touches').values(row).execute();
    // The candidate answered (WeChat, a call they returned…): not unresponsive.
    if (input.direction === 'inbound') {
      await noteCandidateReply(trx, deps, p.orgId, candidateId, occurredAt, `touch:${row.id}:reply`, { kind: actor.actorKind, id: actor.actorId });
    }
    await appendAudit(trx, { orgId: p.orgId, ...actor, action: 'create', entity: 'touch', entityId: row.id, candidateId, ip: ctx.ip, at: now });
  });
  const author = p.kind === 'user'
    ? await deps.db.selectFrom('users').select(['id', 'name']).where('org_id', '=', p.orgId).where('id', '=', p.userId).executeTakeFirst()
    : undefined;
  return {
    id: row.id, occurredAt: occurredAt.toISOString(), kind: row.kind, channel: row.channel, direction: row.direction,
    authorKind: row.author_kind, author: author ?? null, summary: row.summary, content: row.content,
    candidateFeedback: row.candidate_feedback, stepId: row.step_id,
  };
}
