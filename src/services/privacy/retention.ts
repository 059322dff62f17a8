/**
 * Retention (DESIGN §5): candidates whose process ended (declined, reneged, withdrawn)
 * longer ago than the organisation's retention period, and who are not in the talent
 * pool, are anonymised. A talent-pool consent past its expiry is first withdrawn by the
 * system; the person then falls under the normal rule. The same function lists what it
 * would do (the dry run) and does it, so the report and the purge cannot disagree.
 */
import { sql } from 'kysely';
import { toLocalDate, toLocalMinutes } from '../../core/time/local-time.js';
import type { TRetentionItem, TRetentionPreview } from '../../contracts/privacy.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Deps } from '../deps.js';
import { applyDomainEvent } from '../engine/apply-event.js';
import { parseEngineState } from '../engine/persist-reduction.js';
import { anonymiseCandidate } from './anonymise.js';
import { addDays, readPrivacySettings } from './privacy-settings.js';

export const ENDED_STATUSES = ['declined', 'reneged', 'withdrawn'] as const;

/** Who the retention job would act on in one organisation at `at`, and why. */
export async function previewRetention(deps: Deps, orgId: string, at: Date = deps.clock.now()): Promise<TRetentionPreview> {
  const org = await deps.db.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const { retentionDays } = readPrivacySettings(org.settings);
  // The end is when the engine recorded the exit (the last status change on the timeline);
  // a record without one falls back to its last update.
  const rows = await deps.db.selectFrom('candidates as c')
    .leftJoin('engine_states as e', (j) => j.onRef('e.org_id', '=', 'c.org_id').onRef('e.candidate_id', '=', 'c.id'))
    .select([
      'c.id', 'c.full_name', 'c.status', 'e.state',
      sql<Date>`coalesce((SELECT max(t.occurred_at) FROM touches t WHERE t.org_id = c.org_id AND t.candidate_id = c.id AND t.kind = 'status' AND t.author_kind = 'system'), c.updated_at)`.as('ended_at'),
    ])
    .where('c.org_id', '=', orgId).where('c.anonymised_at', 'is', null).where('c.status', 'in', [...ENDED_STATUSES])
    .orderBy('c.id').execute();
  if (!rows.length) return { retentionDays, at: at.toISOString(), items: [] };
  const consents = await deps.db.selectFrom('consents').select(['candidate_id', 'expires_at'])
    .where('org_id', '=', orgId).where('kind', '=', 'talent_pool').where('withdrawn_at', 'is', null)
    .where('candidate_id', 'in', rows.map((r) => r.id)).execute();
  const pool = new Map(consents.map((c) => [c.candidate_id, c.expires_at]));

  const items: TRetentionItem[] = [];
  for (const r of rows) {
    const endedAt = new Date(r.ended_at);
    const purgeDueAt = addDays(endedAt, retentionDays);
    const recorded = pool.get(r.id);
    const recordedLive = recorded !== undefined && (recorded === null || recorded.getTime() > at.getTime());
    const expiredAt = recorded && recorded.getTime() <= at.getTime() ? recorded : null;
    // The engine also tracks an opt-in given with a decline; while it runs, the person stays.
    const engineConsent = r.state ? parseEngineState(r.state).consent : null;
    const engineLive = Boolean(engineConsent && Date.parse(engineConsent.expiresAt) > at.getTime());
    const inPool = recordedLive || engineLive;
    const elapsed = purgeDueAt.getTime() <= at.getTime();
    if (inPool || (!elapsed && !expiredAt)) continue;
    items.push({
      candidateId: r.id, candidateName: r.full_name, status: r.status as TRetentionItem['status'], endedAt: endedAt.toISOString(),
      purgeDueAt: purgeDueAt.toISOString(), action: elapsed ? 'anonymise' : 'withdraw_consent',
      reasons: [...(expiredAt ? ['talent_pool_expired' as const] : []), ...(elapsed ? ['retention_elapsed' as const] : [])],
      talentPoolExpiredAt: expiredAt?.toISOString() ?? null,
    });
  }
  return { retentionDays, at: at.toISOString(), items };
}

export interface RetentionOutcome {
  preview: TRetentionPreview;
  anonymised: number;
  consentsWithdrawn: number;
}

/** Does what `previewRetention` lists, for one organisation; each step is audited. */
export async function applyRetention(deps: Deps, orgId: string, at: Date = deps.clock.now()): Promise<RetentionOutcome> {
  const preview = await previewRetention(deps, orgId, at);
  let anonymised = 0;
  let consentsWithdrawn = 0;
  for (const item of preview.items) {
    if (item.talentPoolExpiredAt) {
      consentsWithdrawn += await expireTalentPoolConsent(deps, orgId, item.candidateId, at);
    }
    if (item.action === 'anonymise') {
      await anonymiseCandidate(deps, orgId, item.candidateId, {
        reason: `retention: ${item.status} since ${item.endedAt}, retention period ${preview.retentionDays} days`,
        actor: { kind: 'system' }, at,
      });
      anonymised += 1;
    }
  }
  if (preview.items.length) {
    await appendAudit(deps.db, {
      orgId, actorKind: 'system', actorId: null, action: 'retention_run', entity: 'org', entityId: orgId, at,
      detail: { retentionDays: preview.retentionDays, anonymised, consentsWithdrawn, candidates: preview.items.map((i) => i.candidateId) },
    });
  }
  return { preview, anonymised, consentsWithdrawn };
}

async function expireTalentPoolConsent(deps: Deps, orgId: string, candidateId: string, at: Date): Promise<number> {
  const withdrawn = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('consents').set({ withdrawn_at: at, withdrawn_by: 'system' })
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('kind', '=', 'talent_pool')
      .where('withdrawn_at', 'is', null).where('expires_at', '<=', at).returning('id').executeTakeFirst();
    if (!row) return false;
    await appendAudit(trx, {
      orgId, actorKind: 'system', actorId: null, action: 'consent_withdrawn', entity: 'consent', entityId: row.id, candidateId,
      detail: { kind: 'talent_pool', because: 'expired' }, at,
    });
    return true;
  });
  if (!withdrawn) return 0;
  // Tell the engine too, so a nurture message still planned is cancelled.
  const state = await deps.db.selectFrom('engine_states').select('state').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  if (state && parseEngineState(state.state).consent) {
    await applyDomainEvent(deps, orgId, candidateId, { type: 'talent_pool_consent_withdrawn', at: at.toISOString() }, {
      actor: { kind: 'system', id: null }, idempotencyKey: `retention:pool-expired:${candidateId}:${at.toISOString()}`,
    });
  }
  return 1;
}

export interface RetentionSweepCounts {
  orgs: number;
  anonymised: number;
  consentsWithdrawn: number;
}

/** Local time (org zone) after which the day's sweep runs: at night, before the digests. */
const SWEEP_AFTER_MINUTES = 2 * 60;

/**
 * The worker's daily sweep: once per organisation and local day, after 02:00 in its zone.
 * The `retention_runs` row is claimed before the run (insert … on conflict do nothing), so
 * concurrent workers and restarts never run it twice; a failed run is retried the next day.
 */
export async function runRetentionSweep(deps: Deps, opts: { orgId?: string } = {}): Promise<RetentionSweepCounts> {
  const now = deps.clock.now();
  const counts: RetentionSweepCounts = { orgs: 0, anonymised: 0, consentsWithdrawn: 0 };
  let orgs = deps.db.selectFrom('orgs').select(['org_id', 'timezone']);
  if (opts.orgId) orgs = orgs.where('org_id', '=', opts.orgId);
  for (const org of await orgs.execute()) {
    const local = toLocalDate(now, org.timezone);
    if (toLocalMinutes(now, org.timezone) < SWEEP_AFTER_MINUTES) continue;
    const claimed = await deps.db.insertInto('retention_runs').values({
      org_id: org.org_id, local_date: local, status: 'running', last_error: null, claimed_at: now, finished_at: null,
    }).onConflict((oc) => oc.columns(['org_id', 'local_date']).doNothing()).returning('org_id').executeTakeFirst();
    if (!claimed) continue;
    const finish = (set: { status: string; anonymised?: number; consents_withdrawn?: number; last_error?: string | null }) =>
      deps.db.updateTable('retention_runs').set({ ...set, finished_at: deps.clock.now() })
        .where('org_id', '=', org.org_id).where('local_date', '=', local).execute();
    try {
      const outcome = await applyRetention(deps, org.org_id, now);
      await finish({ status: 'done', anonymised: outcome.anonymised, consents_withdrawn: outcome.consentsWithdrawn });
      counts.orgs += 1;
      counts.anonymised += outcome.anonymised;
      counts.consentsWithdrawn += outcome.consentsWithdrawn;
    } catch (err) {
      await finish({ status: 'failed', last_error: err instanceof Error ? err.message : String(err) });
    }
  }
  return counts;
}
