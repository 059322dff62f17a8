import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ZAuditQuery, ZCreateDepartment, ZCreateSite, ZUpdateSite, ZCreateUser, ZUpdateUser, TSite, TUser } from '../../contracts/org.js';
import type { TStaffRole } from '../../contracts/common.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit, listAudit } from '../../adapters/db/repos/audit-repo.js';

import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, invalid, notFound } from '../errors.js';
import { hashPassword } from '../auth/passwords.js';


const presentSite = (s: { id: string; name: string; address: string; timezone: string; calendar: string; arrival_time: string; reception_info: string; parking: string; transport: string; map_url: string }): TSite => ({
  id: s.id, name: s.name, address: s.address, timezone: s.timezone, calendar: s.calendar, arrivalTime: s.arrival_time,
  receptionInfo: s.reception_info, parking: s.parking, transport: s.transport, mapUrl: s.map_url,
});

const SITE_COLUMNS = {
  name: 'name', address: 'address', timezone: 'timezone', calendar: 'calendar', arrivalTime: 'arrival_time',
  receptionInfo: 'reception_info', parking: 'parking', transport: 'transport', mapUrl: 'map_url',
} as const;

function toSiteColumns(input: Partial<z.infer<typeof ZCreateSite>>) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[SITE_COLUMNS[k as keyof typeof SITE_COLUMNS]] = v as string;
  return out;
}

export async function listDepartments(deps: Deps, p: Principal) {
  requirePermission(p, 'org.read');
  return deps.db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', p.orgId).orderBy('name').execute();
}

export async function createDepartment(deps: Deps, p: Principal, input: z.infer<typeof ZCreateDepartment>, ctx: RequestContext) {
  requirePermission(p, 'department.manage');
  const exists = await deps.db.selectFrom('departments').select('id').where('org_id', '=', p.orgId).where('name', '=', input.name).executeTakeFirst();
  if (exists) throw conflict('a department with this name exists', 'name');
  const row = { org_id: p.orgId, id: randomUUID(), name: input.name, created_at: deps.clock.now() };
  await deps.db.insertInto('departments').values(row).execute();
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'create', entity: 'department', entityId: row.id, ip: ctx.ip, at: row.created_at });
  return { id: row.id, name: row.name };
}

export async function listSites(deps: Deps, p: Principal) {
  requirePermission(p, 'org.read');
  const rows = await deps.db.selectFrom('sites').selectAll().where('org_id', '=', p.orgId).orderBy('name').execute();
  return rows.map(presentSite);
}

export async function createSite(deps: Deps, p: Principal, input: z.infer<typeof ZCreateSite>, ctx: RequestContext) {
  requirePermission(p, 'site.manage');
  const exists = await deps.db.selectFrom('sites').select('id').where('org_id', '=', p.orgId).where('name', '=', input.name).executeTakeFirst();
  if (exists) throw conflict('a site with this name exists', 'name');
  const id = randomUUID();
  const now = deps.clock.now();
  await deps.db.insertInto('sites').values({ org_id: p.orgId, id, created_at: now, ...toSiteColumns(input) } as never).execute();
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'create', entity: 'site', entityId: id, ip: ctx.ip, at: now });
  const row = await deps.db.selectFrom('sites').selectAll().where('org_id', '=', p.orgId).where('id', '=', id).executeTakeFirstOrThrow();
  return presentSite(row);
}

export async function updateSite(deps: Deps, p: Principal, id: string, input: z.infer<typeof ZUpdateSite>, ctx: RequestContext) {
  requirePermission(p, 'site.manage');
  const cols = toSiteColumns(input);
  if (input.name) {
    const clash = await deps.db.selectFrom('sites').select('id').where('org_id', '=', p.orgId).where('name', '=', input.name).where('id', '!=', id).executeTakeFirst();
    if (clash) throw conflict('a site with this name exists', 'name');
  }
  if (Object.keys(cols).length) {
    const res = await deps.db.updateTable('sites').set(cols).where('org_id', '=', p.orgId).where('id', '=', id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('site');
    await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'update', entity: 'site', entityId: id, detail: { fields: Object.keys(input) }, ip: ctx.ip, at: deps.clock.now() });
  }
  const row = await deps.db.selectFrom('sites').selectAll().where('org_id', '=', p.orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('site');
  return presentSite(row);
}

async function loadUsers(deps: Deps, orgId: string, id?: string): Promise<TUser[]> {
  let q = deps.db.selectFrom('users').select(['id', 'email', 'name', 'phone', 'role', 'locale', 'disabled_at']).where('org_id', '=', orgId);
  if (id) q = q.where('id', '=', id);
  const users = await q.orderBy('name').execute();
  const links = await deps.db.selectFrom('user_departments').select(['user_id', 'department_id']).where('org_id', '=', orgId).execute();
  return users.map((u) => ({
    id: u.id, email: u.email, name: u.name, phone: u.phone, role: u.role as TStaffRole, locale: u.locale as TUser['locale'],
    departmentIds: links.filter((l) => l.user_id === u.id).map((l) => l.department_id), disabled: u.disabled_at !== null,
  }));
}

export async function listUsers(deps: Deps, p: Principal) {
  requirePermission(p, 'user.read');
  return loadUsers(deps, p.orgId);
}

async function checkDepartments(deps: Deps, orgId: string, ids: string[]) {
  if (!ids.length) return;
  const found = await deps.db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw invalid('departmentIds', 'unknown department in this organisation');
}

/** Adds a staff user; also used by `preboard user add`. */
export async function createUser(deps: Deps, p: Principal, input: z.infer<typeof ZCreateUser>, ctx: RequestContext) {
  requirePermission(p, 'user.manage');
  return insertUser(deps, p.orgId, input, { ...describeActor(p), ip: ctx.ip });
}

/** The write behind createUser, for callers that act as the system (seed, CLI). */
export async function insertUser(
  deps: Deps, orgId: string, input: z.infer<typeof ZCreateUser>,
  actor: { actorKind: 'user' | 'token' | 'system'; actorId: string | null; ip?: string },
): Promise<TUser> {
  const exists = await deps.db.selectFrom('users').select('id').where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase())).executeTakeFirst();
  if (exists) throw conflict('a user with this email exists', 'email');
  await checkDepartments(deps, orgId, input.departmentIds);
  const id = randomUUID();
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values({
      org_id: orgId, id, email: input.email.toLowerCase(), name: input.name, phone: input.phone, role: input.role,
      locale: input.locale, password_hash: passwordHash, disabled_at: null, created_at: now,
    }).execute();
    for (const d of new Set(input.departmentIds)) await trx.insertInto('user_departments').values({ org_id: orgId, user_id: id, department_id: d }).execute();
    await appendAudit(trx, { orgId, actorKind: actor.actorKind, actorId: actor.actorId, action: 'create', entity: 'user', entityId: id, detail: { role: input.role }, ip: actor.ip, at: now });
  });
  return (await loadUsers(deps, orgId, id))[0]!;
}

export async function updateUser(deps: Deps, p: Principal, id: string, input: z.infer<typeof ZUpdateUser>, ctx: RequestContext) {
  requirePermission(p, 'user.manage');
  const existing = await loadUsers(deps, p.orgId, id);
  if (!existing.length) throw notFound('user');
  if (p.kind === 'user' && p.userId === id && (input.disabled || (input.role && input.role !== 'org_admin'))) {
    throw invalid(input.disabled ? 'disabled' : 'role', 'you cannot lock yourself out');
  }
  if (input.departmentIds) await checkDepartments(deps, p.orgId, input.departmentIds);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.role !== undefined) set.role = input.role;
    if (input.locale !== undefined) set.locale = input.locale;
    if (input.disabled !== undefined) set.disabled_at = input.disabled ? now : null;
    if (Object.keys(set).length) await trx.updateTable('users').set(set).where('org_id', '=', p.orgId).where('id', '=', id).execute();
    if (input.departmentIds) {
      await trx.deleteFrom('user_departments').where('org_id', '=', p.orgId).where('user_id', '=', id).execute();
      for (const d of new Set(input.departmentIds)) await trx.insertInto('user_departments').values({ org_id: p.orgId, user_id: id, department_id: d }).execute();
    }
    // A disabled user or a changed role must not keep old sessions.
    if (input.disabled || input.role) {
      await trx.updateTable('sessions').set({ revoked_at: now }).where('org_id', '=', p.orgId).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    await appendAudit(trx, { orgId: p.orgId, ...describeActor(p), action: 'update', entity: 'user', entityId: id, detail: { fields: Object.keys(input) }, ip: ctx.ip, at: now });
  });
  return (await loadUsers(deps, p.orgId, id))[0]!;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(at.getTime())) throw invalid('cursor', 'expected the nextCursor of a previous page');
  return { at, id };
}

/** One page of the audit log, newest first, with the cursor of the next page. */
export async function readAuditLog(deps: Deps, p: Principal, query: z.infer<typeof ZAuditQuery>) {
  requirePermission(p, 'audit.read');
  if (query.from && query.to && new Date(query.from) >= new Date(query.to)) throw invalid('to', 'must be after from');
  const bounds = [query.before, query.to].filter((b): b is string => b !== undefined).sort((a, b) => new Date(a).getTime() - new Date(b).getTime());
  const rows = await listAudit(deps.db, p.orgId, {
    candidateId: query.candidateId, actorId: query.actorId, action: query.action, entity: query.entity, entityId: query.entityId,
    from: query.from, before: bounds[0], after: query.cursor ? decodeCursor(query.cursor) : undefined, limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id, at: r.at.toISOString(), actorKind: r.actor_kind, actorId: r.actor_id, actorName: r.actor_name, action: r.action,
      entity: r.entity, entityId: r.entity_id, candidateId: r.candidate_id, candidateName: r.candidate_name, detail: r.detail, ip: r.ip,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}
