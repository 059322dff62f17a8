import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface AuditEntry {
  orgId: string;
  actorKind: 'user' | 'token' | 'candidate' | 'system';
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  candidateId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  at?: Date;
}

/** Appends to the audit log. There is deliberately no update or delete here (a trigger forbids both). */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await appendAudits(db, [entry]);
}

/** Appends several entries in one statement (a batch of system actions, such as the message links of one dispatch batch). */
export async function appendAudits(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map((entry) => ({
    org_id: entry.orgId,
    id: randomUUID(),
    at: entry.at ?? new Date(),
    actor_kind: entry.actorKind,
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    candidate_id: entry.candidateId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
    ip: entry.ip ?? null,
  }))).execute();
}

export interface AuditFilter {
  candidateId?: string;
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** At or after (ISO instant). */
  from?: string;
  /** Strictly before (ISO instant). */
  before?: string;
  /** Strictly after this entry in the newest-first order. */
  after?: { at: Date; id: string };
  limit: number;
}

/** Newest first (ties by id, descending, so a keyset cursor never skips or repeats). */
export async function listAudit(db: Kysely<Database>, orgId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_log as a')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.actor_id'))
    .leftJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 'a.org_id').onRef('c.id', '=', 'a.candidate_id'))
    .select([
      'a.id', 'a.at', 'a.actor_kind', 'a.actor_id', 'a.action', 'a.entity', 'a.entity_id', 'a.candidate_id', 'a.detail', 'a.ip',
      'u.name as actor_name', 'c.full_name as candidate_name',
    ])
    .where('a.org_id', '=', orgId);
  if (f.candidateId) q = q.where('a.candidate_id', '=', f.candidateId);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.from) q = q.where('a.at', '>=', new Date(f.from));
  if (f.before) q = q.where('a.at', '<', new Date(f.before));
  const after = f.after;
  if (after) q = q.where((eb) => eb.or([eb('a.at', '<', after.at), eb.and([eb('a.at', '=', after.at), eb('a.id', '<', after.id)])]));
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(f.limit).execute();
}
