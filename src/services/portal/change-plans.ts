import { randomUUID } from 'node:crypto';
import type { TDeclineRequest, TDelayRequest, TPortalChanges } from '../../contracts/portal-extras.js';
import type { TDelayReason } from '../../contracts/playbook.js';
import { currentWording, renderWording } from '../../core/consents/wordings.js';
import { toLocalDate } from '../../core/time/local-time.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { activeConsent, giveConsent } from '../consents/consents.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, invalid } from '../errors.js';
import { parseEngineState } from '../engine/persist-reduction.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';
import { EXITED_STATUSES, loadOrgSettings, requireOpenProcess } from './portal-guards.js';
import { raisePortalEvent } from './raise-portal-event.js';

export const CHANGE_STEP = 'portal.change';
/** Once started, a later start date or not joining is a conversation with HR, not a form. */
const STARTED = ['started', 'onboarded'];

const languageOf = (l: string) => (l === 'en-US' ? 'en-US' as const : 'zh-CN' as const);

/** What the "Something changed" page needs: whether it applies, an open delay, the talent-pool wording. */
export async function getPortalChanges(deps: Deps, who: PortalPrincipal): Promise<TPortalChanges> {
  const c = await loadPortalCandidate(deps, who);
  const org = await loadOrgSettings(deps, who.orgId);
  const state = await deps.db.selectFrom('engine_states').select('state').where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).executeTakeFirst();
  const open = state ? parseEngineState(state.state).openDelay : null;
  return {
    status: c.status,
    canChange: !EXITED_STATUSES.includes(c.status) && !STARTED.includes(c.status),
    accepted: c.status !== 'offer_sent',
    startDate: c.start_date,
    openDelay: open?.proposedStartDate ? { reason: open.reason, proposedStartDate: open.proposedStartDate, requestedAt: open.requestedAt } : null,
    talentPool: {
      wordingVersion: currentWording('talent_pool').version,
      wording: renderWording('talent_pool', languageOf(c.language), { company: org.name }),
    },
  };
}

function requireChangeable(status: string) {
  if (STARTED.includes(status)) throw new AppError(409, 'already_started', 'you have already started: please talk to HR directly', 'status');
}

const REASON_LABEL: Record<TDelayReason, string> = {
  counteroffer: '原单位挽留 counteroffer', handover: '工作交接 handover', personal: '个人原因 personal', health: '健康原因 health', other: '其他 other',
};

/**
 * A later start date: `delay_requested` with the reason from the list and the proposed
 * date (after the current one, on a real date), a touch with the candidate's note.
 * `requestId` makes a double click one request.
 */
export async function requestPortalDelay(deps: Deps, who: PortalPrincipal, input: TDelayRequest, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  requireOpenProcess(c);
  requireChangeable(c.status);
  if (c.status === 'offer_sent') throw new AppError(409, 'offer_not_accepted', 'the offer is not accepted yet: please ask HR about the start date', 'status');
  const now = deps.clock.now();
  if (input.proposedStartDate <= c.start_date) throw invalid('proposedStartDate', `must be after your current start date ${c.start_date}`);
  if (input.proposedStartDate <= toLocalDate(now, c.site_timezone)) throw invalid('proposedStartDate', 'must be in the future');
  const recorded = await deps.db.transaction().execute(async (trx) => {
    const applied = await raisePortalEvent(trx, deps, who, {
      type: 'delay_requested', at: now.toISOString(), reason: input.reason, proposedStartDate: input.proposedStartDate,
    }, `portal:delay:${who.candidateId}:${input.requestId}`);
    if (!applied) return false;
    await trx.insertInto('touches').values({
      org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, occurred_at: now, kind: 'message', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null,
      summary: `申请推迟入职 Later start requested: ${REASON_LABEL[input.reason]} → ${input.proposedStartDate}`,
      content: input.note, candidate_feedback: input.note, step_id: CHANGE_STEP, created_at: now,
    }).execute();
    await appendAudit(trx, {
      orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: 'request_delay', entity: 'candidate', entityId: who.candidateId,
      candidateId: who.candidateId, detail: { reason: input.reason, proposedStartDate: input.proposedStartDate }, ip: ctx.ip, at: now,
    });
    return true;
  });
  const after = await loadPortalCandidate(deps, who);
  return { ok: true as const, status: after.status, recorded };
}

/**
 * Not joining: `offer_declined` before acceptance, `reneged` after (DESIGN §2). The
 * reason comes from the fixed list (no sensitive questions). The talent-pool opt-in is
 * separate and optional, with its own wording and version, stored as a consent record.
 */
export async function declinePortalOffer(deps: Deps, who: PortalPrincipal, input: TDeclineRequest, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  const key = `portal:decline:${who.candidateId}:${input.requestId}`;
  if (EXITED_STATUSES.includes(c.status)) {
    // The same form sent again (a double click) is answered as done; anything else is closed.
    const seen = await deps.db.selectFrom('domain_events').select('id').where('org_id', '=', who.orgId).where('idempotency_key', '=', key).executeTakeFirst();
    if (seen) return { ok: true as const, status: c.status, recorded: false };
    requireOpenProcess(c);
  }
  requireChangeable(c.status);
  const pool = input.talentPool;
  if (pool && input.talentPoolWordingVersion !== currentWording('talent_pool').version) {
    throw new AppError(409, 'wording_changed', 'the talent-pool text has changed: please read it again', 'talentPoolWordingVersion');
  }
  const type = c.status === 'offer_sent' ? 'offer_declined' as const : 'reneged' as const;
  const recorded = await deps.db.transaction().execute(async (trx) => {
    const applied = await raisePortalEvent(trx, deps, who, { type, at: now.toISOString(), reason: input.reason, talentPoolConsent: pool }, key);
    if (!applied) return false;
    await trx.insertInto('touches').values({
      org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, occurred_at: now, kind: 'message', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null,
      summary: `${type === 'offer_declined' ? '谢绝 offer Offer declined' : '决定不入职 Will not join (reneged)'}: ${input.reason}${pool ? ' · 同意加入人才库 talent pool: yes' : ''}`,
      content: input.note, candidate_feedback: input.note, step_id: CHANGE_STEP, created_at: now,
    }).execute();
    await appendAudit(trx, {
      orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: type, entity: 'candidate', entityId: who.candidateId,
      candidateId: who.candidateId, detail: { reason: input.reason, talentPool: pool }, ip: ctx.ip, at: now,
    });
    return true;
  });
  if (recorded && pool && !(await activeConsent(deps.db, who.orgId, who.candidateId, 'talent_pool', now))) {
    const org = await loadOrgSettings(deps, who.orgId);
    await giveConsent(deps.db, {
      orgId: who.orgId, candidateId: who.candidateId, kind: 'talent_pool', language: languageOf(c.language), facts: { company: org.name },
      details: { via: type }, by: { kind: 'candidate', id: who.candidateId, ip: ctx.ip }, at: now,
    }, c.full_name);
  }
  const after = await loadPortalCandidate(deps, who);
  return { ok: true as const, status: after.status, recorded };
}
