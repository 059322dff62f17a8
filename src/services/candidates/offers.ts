import type { TCreateOfferVersion, TOffer } from '../../contracts/candidates.js';
import { hasPermission, type Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict } from '../errors.js';
import { checkReferences } from './check-references.js';
import { loadVisibleCandidate } from './candidates.js';
import { applyDomainEventIn } from '../engine/apply-event.js';

type OfferRow = {
  version: number; position_title: string; site_id: string; start_date: string; role_type: string;
  salary_monthly: string | null; salary_months: string | null; currency: string; status: string;
  sent_at: Date | null; accepted_at: Date | null; reason: string; created_by: string | null; created_at: Date;
};

/** Statuses in which the offer is settled: the candidate left, or the offer was withdrawn or fulfilled. */
const CLOSED = new Set(['declined', 'reneged', 'withdrawn', 'started', 'onboarded']);

/** Offer terms compared for the audit entry; salary figures only reach org admins, who read the audit log and may see pay. */
const TERMS = ['position_title', 'site_id', 'start_date', 'role_type', 'salary_monthly', 'salary_months', 'currency'] as const;
const TERM_FIELD: Record<(typeof TERMS)[number], string> = {
  position_title: 'positionTitle', site_id: 'siteId', start_date: 'startDate', role_type: 'roleType',
  salary_monthly: 'salaryMonthly', salary_months: 'salaryMonths', currency: 'currency',
};

function presentOffer(o: OfferRow, issuerName: string | null, p: Principal): TOffer {
  return {
    version: o.version, positionTitle: o.position_title, siteId: o.site_id, startDate: o.start_date,
    roleType: o.role_type as TOffer['roleType'], status: o.status, reason: o.reason,
    sentAt: o.sent_at?.toISOString() ?? null, acceptedAt: o.accepted_at?.toISOString() ?? null, createdAt: o.created_at.toISOString(),
    issuedBy: o.created_by && issuerName !== null ? { id: o.created_by, name: issuerName } : null,
    ...(hasPermission(p, 'salary.read') ? { salary: { monthly: o.salary_monthly, months: o.salary_months, currency: o.currency } } : {}),
  };
}

/** Every offer version, newest first: the history is kept, never overwritten. */
export async function listOffers(deps: Deps, p: Principal, candidateId: string) {
  requirePermission(p, 'offer.read');
  await loadVisibleCandidate(deps, p, candidateId);
  const rows = await deps.db.selectFrom('offers as o')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'o.org_id').onRef('u.id', '=', 'o.created_by'))
    .selectAll('o').select('u.name as issuer_name')
    .where('o.org_id', '=', p.orgId).where('o.candidate_id', '=', candidateId).orderBy('o.version', 'desc').execute();
  return rows.map((o) => presentOffer(o, o.issuer_name, p));
}

/**
 * A new offer version carrying over what is not changed. The previous version is
 * superseded; an accepted offer stays accepted unless pay or role changed, which
 * needs the candidate to accept again. The audit entry keeps each changed term's old
 * and new value.
 */
export async function createOfferVersion(deps: Deps, p: Principal, candidateId: string, input: TCreateOfferVersion, ctx: RequestContext) {
  requirePermission(p, 'offer.create');
  const candidate = await loadVisibleCandidate(deps, p, candidateId);
  if (CLOSED.has(candidate.status)) throw conflict(`a ${candidate.status} candidate's offer can no longer change`);
  await checkReferences(deps.db, p.orgId, { siteId: input.siteId });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('offers').selectAll().where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
      .orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirstOrThrow();
    const salaryMonthly = input.salaryMonthly !== undefined ? input.salaryMonthly.toFixed(2) : current.salary_monthly;
    const salaryMonths = input.salaryMonths !== undefined ? input.salaryMonths.toFixed(1) : current.salary_months;
    const currency = input.currency ?? current.currency;
    // The same figure in another currency is other pay.
    const termsChanged = salaryMonthly !== current.salary_monthly || salaryMonths !== current.salary_months
      || (salaryMonthly !== null && currency !== current.currency)
      || (input.positionTitle !== undefined && input.positionTitle !== current.position_title)
      || (input.roleType !== undefined && input.roleType !== current.role_type);
    const keepsAcceptance = current.status === 'accepted' && !termsChanged;
    const next = {
      org_id: p.orgId, candidate_id: candidateId, version: current.version + 1,
      position_title: input.positionTitle ?? current.position_title, site_id: input.siteId ?? current.site_id,
      start_date: input.startDate ?? current.start_date, role_type: input.roleType ?? current.role_type,
      salary_monthly: salaryMonthly, salary_months: salaryMonths, currency,
      status: keepsAcceptance ? 'accepted' : 'sent', sent_at: now, accepted_at: keepsAcceptance ? current.accepted_at : null,
      reason: input.reason, created_by: p.kind === 'user' ? p.userId : null, created_at: now,
    };
    await trx.updateTable('offers').set({ status: 'superseded' })
      .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('version', '=', current.version).execute();
    await trx.insertInto('offers').values(next).execute();
    if (next.role_type !== current.role_type) {
      await trx.updateTable('candidates').set({ role_type: next.role_type, updated_at: now }).where('org_id', '=', p.orgId).where('id', '=', candidateId).execute();
    }
    // One record: a new start date re-plans a running follow-up plan in the same transaction.
    if (next.start_date !== current.start_date) {
      const running = await trx.selectFrom('engine_states').select('candidate_id').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
      if (running) {
        const actor = describeActor(p);
        await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'start_date_changed', at: now.toISOString(), startDate: next.start_date }, {
          actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `offer:${candidateId}:${next.version}:start`,
        });
      }
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const col of TERMS) if (next[col] !== current[col]) changes[TERM_FIELD[col]] = { from: current[col], to: next[col] };
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'create', entity: 'offer', entityId: `${candidateId}#${next.version}`,
      candidateId, detail: {
        version: next.version, changed: Object.keys(input).filter((k) => k !== 'reason'), changes,
        status: { from: current.status, to: next.status }, reason: input.reason,
      }, ip: ctx.ip, at: now,
    });
    const issuer = next.created_by
      ? await trx.selectFrom('users').select('name').where('org_id', '=', p.orgId).where('id', '=', next.created_by).executeTakeFirst()
      : undefined;
    return presentOffer(next, issuer?.name ?? null, p);
  });
}
