import type { z } from 'zod';
import type { ZOutboxQuery } from '../../contracts/engine.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { requirePermission } from '../actor.js';
import type { Deps } from '../deps.js';

/** Every outbound message with its delivery state, newest first (dead letters included). */
export async function listOutbox(deps: Deps, p: Principal, q: z.infer<typeof ZOutboxQuery>) {
  requirePermission(p, 'outbox.read');
  let base = deps.db.selectFrom('outbound_messages as m')
    .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.candidate_id'))
    .where('m.org_id', '=', p.orgId);
  if (q.status) base = base.where('m.status', '=', q.status);
  if (q.candidateId) base = base.where('m.candidate_id', '=', q.candidateId);
  const rows = await base.select([
    'm.id', 'm.candidate_id', 'c.full_name', 'm.step_ids', 'm.channel', 'm.status', 'm.send_after', 'm.attempts', 'm.last_error',
    'm.recipient', 'm.subject', 'm.body_text', 'm.sent_at',
  ]).orderBy('m.send_after', 'desc').orderBy('m.id').limit(q.limit).offset(q.offset).execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id, candidateId: r.candidate_id, candidateName: r.full_name, stepIds: r.step_ids, channel: r.channel, status: r.status,
      sendAfter: r.send_after.toISOString(), attempts: r.attempts, lastError: r.last_error, recipient: r.recipient, subject: r.subject,
      bodyText: r.body_text, sentAt: r.sent_at?.toISOString() ?? null,
    })),
  };
}
