import { randomUUID } from 'node:crypto';
import type { TAnswerQuestion } from '../../contracts/portal-extras.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { applyQuietHours } from '../../core/policy/index.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { ANSWER_STEP } from '../dispatch/direct-message.js';
import { readOrgPolicy } from '../engine/engine-config.js';
import { noopScheduler } from '../engine/persist-reduction.js';
import { notFound } from '../errors.js';
import { QUESTION_STEP } from './ask-question.js';
import { loadOrgSettings } from './portal-guards.js';

const summarise = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

/** Where the candidate hears of an answer: email when we have it, otherwise SMS (a pointer to the portal). */
function pickNoticeChannel(c: { email: string; phone: string; channels: string[] }): 'email' | 'sms' | null {
  if (c.email && c.channels.includes('email')) return 'email';
  if (c.phone && c.channels.includes('sms')) return 'sms';
  if (c.email) return 'email';
  return null;
}

/**
 * Staff answer a portal question: an outbound portal touch linked to the question (the
 * candidate reads it in the portal), the question's HR task completed with the answer as
 * outcome, and a notice to the candidate as an outbox row (exempt from the daily cap: it
 * answers their own question; quiet hours still apply). A follow-up answer adds another
 * answer and notice; the task is completed once.
 */
export async function answerPortalQuestion(deps: Deps, p: Principal, candidateId: string, questionId: string, input: TAnswerQuestion, ctx: RequestContext) {
  requirePermission(p, 'question.answer');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  const question = await deps.db.selectFrom('touches').select(['id', 'content', 'occurred_at'])
    .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('id', '=', questionId)
    .where('step_id', '=', QUESTION_STEP).where('direction', '=', 'inbound').executeTakeFirst();
  if (!question) throw notFound('question');
  const now = deps.clock.now();
  const actor = describeActor(p);
  const org = await loadOrgSettings(deps, p.orgId);
  const policy = readOrgPolicy(org.settings);
  const channel = pickNoticeChannel(c);
  const id = randomUUID();
  const zh = c.language !== 'en-US';
  const result = await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('touches').values({
      org_id: p.orgId, id, candidate_id: candidateId, occurred_at: now, kind: 'message', channel: 'portal', direction: 'outbound',
      author_kind: p.kind === 'user' ? 'user' : 'api', author_user_id: p.kind === 'user' ? p.userId : null,
      summary: summarise(input.text), content: input.text, step_id: ANSWER_STEP, created_at: now,
    }).execute();
    await trx.insertInto('portal_answers').values({
      org_id: p.orgId, answer_touch_id: id, question_touch_id: questionId, candidate_id: candidateId,
      answered_by: p.kind === 'user' ? p.userId : null, created_at: now,
    }).execute();
    // The question's task was created with the question, in the same instant and with its text.
    const task = await trx.selectFrom('tasks').select('key').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
      .where('step_id', '=', QUESTION_STEP).where('status', '=', 'open').where('created_at', '=', question.occurred_at)
      .where('detail', '=', question.content).orderBy('key').executeTakeFirst();
    if (task) {
      await trx.updateTable('tasks').set({
        status: 'done', completed_at: now, completed_by: p.kind === 'user' ? p.userId : null, outcome: summarise(input.text), updated_at: now,
      }).where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('key', '=', task.key).where('status', '=', 'open').execute();
    }
    const notified: string[] = [];
    if (channel) {
      const messageId = randomUUID();
      const sendAfter = applyQuietHours(now, { timeZone: c.site_timezone, quietHours: policy.quietHours });
      const leadKey = `${ANSWER_STEP}#${id}`;
      await trx.insertInto('outbound_messages').values({
        org_id: p.orgId, id: messageId, candidate_id: candidateId, lead_key: leadKey, step_keys: [leadKey], step_ids: [ANSWER_STEP],
        channel, status: 'scheduled', send_after: sendAfter, lease_until: null, last_error: null,
        subject: zh ? 'HR 回复了您的问题' : 'HR answered your question', body_text: input.text, created_at: now, updated_at: now,
      }).execute();
      await (deps.scheduler ?? noopScheduler).messageScheduled(trx, p.orgId, messageId, sendAfter);
      notified.push(channel);
    }
    await appendAudit(trx, {
      orgId: p.orgId, ...actor, action: 'answer', entity: 'portal_question', entityId: questionId, candidateId,
      detail: { answerId: id, taskCompleted: Boolean(task), notified }, ip: ctx.ip, at: now,
    });
    return { taskCompleted: Boolean(task), notified };
  });
  return { id, questionId, at: now.toISOString(), ...result };
}

/** The candidate's portal questions with the answers given, newest first (what the timeline shows, paired). */
export async function listStaffQuestions(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext) {
  requirePermission(p, 'timeline.read');
  await loadVisibleCandidate(deps, p, candidateId);
  const [questions, answers] = await Promise.all([
    deps.db.selectFrom('touches').select(['id', 'content', 'summary', 'occurred_at'])
      .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('step_id', '=', QUESTION_STEP).where('direction', '=', 'inbound')
      .orderBy('occurred_at', 'desc').limit(100).execute(),
    deps.db.selectFrom('portal_answers as pa')
      .innerJoin('touches as t', (j) => j.onRef('t.org_id', '=', 'pa.org_id').onRef('t.id', '=', 'pa.answer_touch_id'))
      .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'pa.org_id').onRef('u.id', '=', 'pa.answered_by'))
      .select(['pa.question_touch_id', 't.id', 't.content', 't.occurred_at', 'u.name as author'])
      .where('pa.org_id', '=', p.orgId).where('pa.candidate_id', '=', candidateId).orderBy('t.occurred_at').execute(),
  ]);
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'portal_question', entityId: candidateId, candidateId, ip: ctx.ip, at: deps.clock.now() });
  return {
    items: questions.map((q) => ({
      id: q.id, text: q.content || q.summary, at: q.occurred_at.toISOString(),
      answers: answers.filter((a) => a.question_touch_id === q.id).map((a) => ({ id: a.id, text: a.content, at: a.occurred_at.toISOString(), author: a.author ?? null })),
    })),
  };
}
