import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TPayBand, TPayBandInput } from '../../contracts/exception-flows.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { describeActor, requirePermission } from '../actor.js';
import { checkReferences } from '../candidates/check-references.js';
import type { Deps, RequestContext } from '../deps.js';
import { invalid, notFound } from '../errors.js';

type BandRow = {
  id: string; department_id: string; department_name: string; match_kind: 'position_title' | 'role_type'; match_value: string;
  min_monthly: string; mid_monthly: string; max_monthly: string; currency: string; updated_at: Date;
};

const present = (r: BandRow): TPayBand => ({
  id: r.id, departmentId: r.department_id, departmentName: r.department_name, matchKind: r.match_kind, matchValue: r.match_value,
  minMonthly: r.min_monthly, midMonthly: r.mid_monthly, maxMonthly: r.max_monthly, currency: r.currency, updatedAt: r.updated_at.toISOString(),
});

function selectBands(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('pay_bands as b')
    .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'b.org_id').onRef('d.id', '=', 'b.department_id'))
    .select(['b.id', 'b.department_id', 'd.name as department_name', 'b.match_kind', 'b.match_value', 'b.min_monthly', 'b.mid_monthly', 'b.max_monthly', 'b.currency', 'b.updated_at'])
    .where('b.org_id', '=', orgId);
}

/** The organisation's pay bands (HR and org admins). */
export async function listPayBands(deps: Deps, p: Principal): Promise<TPayBand[]> {
  requirePermission(p, 'payband.manage');
  const rows = await selectBands(deps.db, p.orgId).orderBy('d.name').orderBy('b.match_kind').orderBy('b.match_value').execute();
  return rows.map(present);
}

/** Sets the band of a department for a position title or role type (replacing the one there was). */
export async function setPayBand(deps: Deps, p: Principal, input: TPayBandInput, ctx: RequestContext): Promise<TPayBand> {
  requirePermission(p, 'payband.manage');
  if (input.minMonthly > input.midMonthly) throw invalid('midMonthly', 'the midpoint must not be below the minimum');
  if (input.midMonthly > input.maxMonthly) throw invalid('maxMonthly', 'the maximum must not be below the midpoint');
  await checkReferences(deps.db, p.orgId, { departmentId: input.departmentId });
  const now = deps.clock.now();
  const values = {
    min_monthly: input.minMonthly.toFixed(2), mid_monthly: input.midMonthly.toFixed(2), max_monthly: input.maxMonthly.toFixed(2),
    currency: input.currency, updated_by: p.kind === 'user' ? p.userId : null, updated_at: now,
  };
  const row = await deps.db.transaction().execute(async (trx) => {
    const saved = await trx.insertInto('pay_bands').values({
      org_id: p.orgId, id: randomUUID(), department_id: input.departmentId, match_kind: input.matchKind, match_value: input.matchValue, ...values,
    }).onConflict((oc) => oc.columns(['org_id', 'department_id', 'match_kind', 'match_value']).doUpdateSet(values)).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'set', entity: 'pay_band', entityId: saved.id,
      detail: { departmentId: input.departmentId, matchKind: input.matchKind, matchValue: input.matchValue }, ip: ctx.ip, at: now,
    });
    return selectBands(trx, p.orgId).where('b.id', '=', saved.id).executeTakeFirstOrThrow();
  });
  return present(row);
}

export async function deletePayBand(deps: Deps, p: Principal, bandId: string, ctx: RequestContext): Promise<{ ok: true }> {
  requirePermission(p, 'payband.manage');
  const gone = await deps.db.deleteFrom('pay_bands').where('org_id', '=', p.orgId).where('id', '=', bandId).returning('id').executeTakeFirst();
  if (!gone) throw notFound('pay band');
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'delete', entity: 'pay_band', entityId: bandId, ip: ctx.ip, at: deps.clock.now() });
  return { ok: true };
}

/** The band for a position: an exact title band of the department wins over its role-type band. */
export async function findPayBand(db: Kysely<Database>, orgId: string, position: { departmentId: string; positionTitle: string; roleType: string }): Promise<TPayBand | null> {
  const rows = await selectBands(db, orgId).where('b.department_id', '=', position.departmentId)
    .where((eb) => eb.or([
      eb.and([eb('b.match_kind', '=', 'position_title'), eb(eb.fn('lower', ['b.match_value']), '=', position.positionTitle.trim().toLowerCase())]),
      eb.and([eb('b.match_kind', '=', 'role_type'), eb('b.match_value', '=', position.roleType)]),
    ])).execute();
  const best = rows.find((r) => r.match_kind === 'position_title') ?? rows[0];
  return best ? present(best) : null;
}
