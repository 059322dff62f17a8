/**
 * The talent pool: people with a live talent-pool consent (DESIGN §5), with HR's tags and
 * notes. The engine writes to them about every three months while the consent is valid
 * (`pool.nurture` recurs there and stops when the consent lapses or is withdrawn), so
 * "next contact" is read from the engine. Renewing restarts the 24 months; withdrawing
 * on the person's request deletes the entry.
 */
import type { CandidateRow } from '../../adapters/db/repos/candidate-repo.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TTalentPoolEntry, TTalentPoolQuery } from '../../contracts/exception-flows.js';
import type { TLanguage } from '../../contracts/common.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { currentWording, renderWording } from '../../core/consents/wordings.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import { activeConsent, giveConsent, withdrawConsent } from '../consents/consents.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, invalid, notFound } from '../errors.js';
import { applyDomainEvent } from '../engine/apply-event.js';
import { parseEngineState } from '../engine/persist-reduction.js';

const POOL_STATUSES = new Set(['declined', 'reneged', 'withdrawn']);

/** The wording staff show before recording an opt-in (the same text the record keeps). */
export async function getPoolWording(deps: Deps, p: Principal, language: TLanguage) {
  requirePermission(p, 'event.create');
  const org = await deps.db.selectFrom('orgs').select('name').where('org_id', '=', p.orgId).executeTakeFirstOrThrow();
  const wording = currentWording('talent_pool');
  return { version: wording.version, language, text: renderWording('talent_pool', language, { company: org.name }), validMonths: wording.validMonths ?? 24 };
}

/**
 * Records the candidate's talent-pool consent as given to staff (a new one, or a renewal
 * that restarts the 24 months), creates the entry, and tells the engine so nurture runs.
 */
export async function recordPoolConsent(
  deps: Deps, p: Principal, c: CandidateRow, language: TLanguage, at: Date, ctx: RequestContext, opts: { raiseEvent: boolean },
) {
  const org = await deps.db.selectFrom('orgs').select('name').where('org_id', '=', p.orgId).executeTakeFirstOrThrow();
  const actor = describeActor(p);
  const consent = await giveConsent(deps.db, {
    orgId: p.orgId, candidateId: c.id, kind: 'talent_pool', language, facts: { company: org.name },
    details: { recordedBy: 'staff' }, by: { kind: 'user', id: actor.actorId, ip: ctx.ip }, at,
  }, c.full_name);
  await deps.db.insertInto('talent_pool_entries').values({
    org_id: p.orgId, candidate_id: c.id, created_at: at, updated_at: at, updated_by: p.kind === 'user' ? p.userId : null,
  }).onConflict((oc) => oc.columns(['org_id', 'candidate_id']).doNothing()).execute();
  if (opts.raiseEvent) {
    const running = await deps.db.selectFrom('engine_states').select('candidate_id').where('org_id', '=', p.orgId).where('candidate_id', '=', c.id).executeTakeFirst();
    if (running) {
      await applyDomainEvent(deps, p.orgId, c.id, { type: 'talent_pool_consent_given', at: at.toISOString() }, {
        actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `pool-consent:${consent.id}`,
      });
    }
  }
  return consent;
}

/** Staff record a (renewed) opt-in the person gave them, to the wording shown. */
export async function joinTalentPool(deps: Deps, p: Principal, input: { candidateId: string; language: TLanguage; wordingVersion: string }, ctx: RequestContext) {
  requirePermission(p, 'talent_pool.manage');
  const c = await loadVisibleCandidate(deps, p, input.candidateId);
  if (!POOL_STATUSES.has(c.status)) throw conflict('only people who declined, reneged or whose offer was withdrawn join the talent pool', 'candidateId');
  if (input.wordingVersion !== currentWording('talent_pool').version) {
    throw invalid('wordingVersion', 'the talent-pool wording has changed: show the person the current wording again');
  }
  await recordPoolConsent(deps, p, c, input.language, deps.clock.now(), ctx, { raiseEvent: true });
  const entry = (await listTalentPool(deps, p, { limit: 200, offset: 0, q: undefined, tag: undefined, nextWithinDays: undefined }, ctx, input.candidateId)).items[0];
  if (!entry) throw notFound('talent-pool member');
  return entry;
}

/** Pool members with tags, consent dates and when each next hears from us. */
export async function listTalentPool(deps: Deps, p: Principal, q: TTalentPoolQuery, ctx: RequestContext, onlyCandidateId?: string) {
  requirePermission(p, 'talent_pool.manage');
  const now = deps.clock.now();
  let base = deps.db.selectFrom('consents as co')
    .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 'co.org_id').onRef('c.id', '=', 'co.candidate_id'))
    .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'))
    .leftJoin('talent_pool_entries as e', (j) => j.onRef('e.org_id', '=', 'c.org_id').onRef('e.candidate_id', '=', 'c.id'))
    .leftJoin('engine_states as es', (j) => j.onRef('es.org_id', '=', 'c.org_id').onRef('es.candidate_id', '=', 'c.id'))
    .where('co.org_id', '=', p.orgId).where('co.kind', '=', 'talent_pool').where('co.withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('co.expires_at', 'is', null), eb('co.expires_at', '>', now)]))
    .where('c.anonymised_at', 'is', null);
  if (onlyCandidateId) base = base.where('c.id', '=', onlyCandidateId);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([eb('c.full_name', 'ilike', like), eb('c.email', 'ilike', like), eb('e.notes', 'ilike', like)]));
  }
  const rows = await base.select([
    'c.id', 'c.full_name', 'c.email', 'c.status', 'd.name as department', 'e.tags', 'e.notes', 'co.given_at', 'co.expires_at',
    'co.wording_version', 'co.given_by', 'es.state',
  ]).select((eb) => [
    eb.selectFrom('offers as o').select('o.position_title').whereRef('o.org_id', '=', 'c.org_id').whereRef('o.candidate_id', '=', 'c.id')
      .orderBy('o.version', 'desc').limit(1).as('position_title'),
    eb.selectFrom('outbound_messages as m').select((e2) => e2.fn.max('m.sent_at').as('v')).whereRef('m.org_id', '=', 'c.org_id')
      .whereRef('m.candidate_id', '=', 'c.id').where('m.lead_key', 'like', 'pool.nurture#%').where('m.status', 'in', ['sent', 'outbox']).as('last_nurtured_at'),
  ]).orderBy('c.full_name').orderBy('c.id').limit(5000).execute();
  const allTags = new Set<string>();
  let items: TTalentPoolEntry[] = rows.map((r) => {
    for (const tag of r.tags ?? []) allTags.add(tag);
    const state = r.state ? parseEngineState(r.state) : null;
    const next = state && POOL_STATUSES.has(state.status) ? state.consent?.nextNurtureAt ?? null : null;
    const last = r.last_nurtured_at as Date | string | null;
    return {
      candidateId: r.id, fullName: r.full_name, email: r.email, positionTitle: r.position_title ?? '', department: r.department, status: r.status,
      tags: r.tags ?? [], notes: r.notes ?? '',
      consent: { givenAt: r.given_at.toISOString(), expiresAt: r.expires_at?.toISOString() ?? null, wordingVersion: r.wording_version, givenBy: r.given_by },
      nextNurtureAt: next, lastNurturedAt: last ? new Date(last).toISOString() : null,
    };
  });
  if (q.tag) items = items.filter((i) => i.tags.includes(q.tag!));
  if (q.nextWithinDays) {
    const until = now.getTime() + q.nextWithinDays * 86_400_000;
    items = items.filter((i) => i.nextNurtureAt !== null && Date.parse(i.nextNurtureAt) <= until);
  }
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'talent_pool', detail: { count: items.length }, ip: ctx.ip, at: now });
  return { items: items.slice(q.offset, q.offset + q.limit), total: items.length, tags: [...allTags].sort() };
}

/** Tags and notes of a member (refused for someone without a live consent). */
export async function updatePoolEntry(deps: Deps, p: Principal, candidateId: string, input: { tags: string[]; notes: string }, ctx: RequestContext) {
  requirePermission(p, 'talent_pool.manage');
  await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  if (!(await activeConsent(deps.db, p.orgId, candidateId, 'talent_pool', now))) throw notFound('talent-pool member');
  const tags = [...new Set(input.tags)];
  const by = p.kind === 'user' ? p.userId : null;
  await deps.db.insertInto('talent_pool_entries').values({ org_id: p.orgId, candidate_id: candidateId, tags, notes: input.notes, created_at: now, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.columns(['org_id', 'candidate_id']).doUpdateSet({ tags, notes: input.notes, updated_at: now, updated_by: by })).execute();
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'update', entity: 'talent_pool_entry', entityId: candidateId, candidateId, detail: { tags }, ip: ctx.ip, at: now });
  const entry = (await listTalentPool(deps, p, { limit: 1, offset: 0, q: undefined, tag: undefined, nextWithinDays: undefined }, ctx, candidateId)).items[0];
  if (!entry) throw notFound('talent-pool member');
  return entry;
}

/**
 * On the person's request: the consent is withdrawn, the entry deleted and the engine told
 * (no further nurture). Asking again finds nothing to withdraw and changes nothing.
 */
export async function withdrawFromPool(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext) {
  requirePermission(p, 'talent_pool.manage');
  await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const actor = describeActor(p);
  const consent = await withdrawConsent(deps.db, p.orgId, candidateId, 'talent_pool', { kind: 'user', id: actor.actorId, ip: ctx.ip }, now);
  await deps.db.deleteFrom('talent_pool_entries').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).execute();
  if (consent) {
    const running = await deps.db.selectFrom('engine_states').select('candidate_id').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
    if (running) {
      await applyDomainEvent(deps, p.orgId, candidateId, { type: 'talent_pool_consent_withdrawn', at: now.toISOString() }, {
        actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `pool-withdraw:${consent.id}`,
      });
    }
  }
  return { ok: true as const, withdrawn: consent !== undefined };
}
