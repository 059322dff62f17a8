import type { TDomainEvent } from '../../core/events/index.js';
import type { TEventInput } from '../../contracts/engine.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { invalid } from '../errors.js';
import { applyDomainEvent } from './apply-event.js';

/** Events the API takes from staff and integrations; the rest are raised by the product itself. */
const API_EVENTS = new Set([
  'offer_accepted', 'offer_declined', 'reneged', 'start_date_changed', 'delay_requested', 'salary_adjustment_requested',
  'salary_adjustment_decided', 'candidate_replied', 'arrived', 'day_one_issue_reported', 'day_one_issue_resolved',
  'talent_pool_consent_given', 'talent_pool_consent_withdrawn', 'logistics_confirmed', 'background_check_authorized',
]);

/** Records a domain event for a candidate (HR or an integration) and runs the engine on it. */
export async function recordEvent(deps: Deps, p: Principal, candidateId: string, input: TEventInput, idempotencyKey: string | undefined, ctx: RequestContext) {
  requirePermission(p, 'event.create');
  await loadVisibleCandidate(deps, p, candidateId);
  if (!API_EVENTS.has(input.type)) throw invalid('type', `${input.type} is raised by Preboard itself, not through the API`);
  const now = deps.clock.now();
  const at = input.at ?? now.toISOString();
  if (Date.parse(at) > now.getTime() + 5 * 60_000) throw invalid('at', 'cannot be in the future');
  const actor = describeActor(p);
  const result = await applyDomainEvent(deps, p.orgId, candidateId, { ...input, at } as TDomainEvent, {
    actor: { kind: actor.actorKind, id: actor.actorId },
    idempotencyKey: idempotencyKey ? `api:${idempotencyKey}` : undefined,
  });
  if (result.applied) {
    await appendAudit(deps.db, { orgId: p.orgId, ...actor, action: 'event', entity: 'candidate', entityId: candidateId, candidateId, detail: { type: input.type, eventId: result.eventId }, ip: ctx.ip, at: now });
  }
  const status = await deps.db.selectFrom('candidates').select('status').where('org_id', '=', p.orgId).where('id', '=', candidateId).executeTakeFirstOrThrow();
  return { ...result, status: status.status };
}
