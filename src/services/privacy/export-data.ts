/**
 * Everything held about one person (PIPL access right, DESIGN §5): profile, offers,
 * timeline, messages, consents with their wording, documents' metadata, pulses, tasks,
 * requests and the audit entries about them. Document bytes are not exported (they are
 * the person's own uploads and sealed); their metadata is.
 */
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { listConsents } from '../consents/consents.js';
import { PULSE_STEP } from '../portal/record-pulse.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Rows of a file table keyed by (org_id, candidate_id), without their binary columns. */
async function listDocumentsMetadata(deps: Deps, orgId: string, candidateId: string): Promise<Record<string, unknown>[]> {
  const found = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'checklist_documents'`.execute(deps.db);
  if (!found.rows.length) return [];
  const cols = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'checklist_documents' AND data_type <> 'bytea' AND column_name NOT IN ('org_id', 'candidate_id', 'key_id')
    ORDER BY ordinal_position`.execute(deps.db);
  if (!cols.rows.some((c) => c.column_name === 'candidate_id')) return [];
  const res = await sql<Record<string, unknown>>`
    SELECT ${sql.join(cols.rows.map((c) => sql.id(c.column_name)))} FROM checklist_documents WHERE org_id = ${orgId} AND candidate_id = ${candidateId}`.execute(deps.db);
  return res.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
}

/** Records other features keep about the person: (table, columns shown). Read when the table exists. */
const OTHER_RECORDS: Array<{ key: string; table: string; columns: string[] }> = [
  { key: 'checklist', table: 'checklist_items', columns: ['item_id', 'status', 'ready_at', 'submitted_at', 'reviewed_at', 'review_reason'] },
  { key: 'logistics', table: 'logistics_confirmations', columns: ['mode', 'arrival_time', 'note', 'start_date', 'confirmed_at'] },
  { key: 'talentPool', table: 'talent_pool_entries', columns: ['tags', 'notes', 'created_at', 'updated_at'] },
  { key: 'salaryRequests', table: 'salary_requests', columns: ['requested_monthly', 'status', 'created_at', 'decided_at', 'decision_note'] },
  { key: 'offerWithdrawals', table: 'offer_withdrawals', columns: ['offer_version', 'reason', 'status', 'requested_at', 'decided_at', 'decision_note'] },
];

async function listOtherRecords(deps: Deps, orgId: string, candidateId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const found = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name IN (${sql.join(OTHER_RECORDS.map((r) => r.table))})`.execute(deps.db);
  const have = new Set(found.rows.map((r) => `${r.table_name}.${r.column_name}`));
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const r of OTHER_RECORDS) {
    const cols = r.columns.filter((c) => have.has(`${r.table}.${c}`));
    if (!cols.length || !have.has(`${r.table}.candidate_id`)) continue;
    const res = await sql<Record<string, unknown>>`SELECT ${sql.join(cols.map((c) => sql.id(c)))} FROM ${sql.id(r.table)} WHERE org_id = ${orgId} AND candidate_id = ${candidateId}`.execute(deps.db);
    out[r.key] = res.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
  }
  return out;
}

export interface CandidateExport {
  exportedAt: string;
  organisation: string;
  profile: Record<string, unknown>;
  offers: Record<string, unknown>[];
  timeline: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  documents: Record<string, unknown>[];
  pulses: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  requests: Record<string, unknown>[];
  auditEntries: Record<string, unknown>[];
  /** What other features keep (checklist, logistics, talent pool …), by kind. */
  otherRecords: Record<string, Record<string, unknown>[]>;
}

/** Collects the export; the caller records the request and the read. */
export async function collectCandidateData(deps: Deps, orgId: string, candidateId: string): Promise<CandidateExport> {
  const db = deps.db;
  const c = await db.selectFrom('candidates as c')
    .innerJoin('orgs as o', 'o.org_id', 'c.org_id')
    .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'))
    .select(['c.full_name', 'c.email', 'c.phone', 'c.language', 'c.status', 'c.role_type', 'c.relocation', 'c.background_check', 'c.channels',
      'c.external_ref', 'c.created_at', 'c.updated_at', 'd.name as department', 'o.name as org_name'])
    .where('c.org_id', '=', orgId).where('c.id', '=', candidateId).executeTakeFirstOrThrow();
  const [offers, touches, messages, consents, documents, tasks, requests, audit, otherRecords] = await Promise.all([
    db.selectFrom('offers as o').leftJoin('sites as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.site_id'))
      .select(['o.version', 'o.position_title', 'o.start_date', 'o.role_type', 'o.salary_monthly', 'o.salary_months', 'o.currency', 'o.status',
        'o.sent_at', 'o.accepted_at', 'o.reason', 'o.created_at', 's.name as site'])
      .where('o.org_id', '=', orgId).where('o.candidate_id', '=', candidateId).orderBy('o.version').execute(),
    db.selectFrom('touches').select(['occurred_at', 'kind', 'channel', 'direction', 'author_kind', 'summary', 'content', 'candidate_feedback', 'step_id'])
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).orderBy('occurred_at').orderBy('id').execute(),
    db.selectFrom('outbound_messages').select(['channel', 'status', 'send_after', 'sent_at', 'recipient', 'subject', 'body_text', 'step_ids'])
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).orderBy('send_after').orderBy('id').execute(),
    listConsents(db, orgId, candidateId),
    listDocumentsMetadata(deps, orgId, candidateId),
    db.selectFrom('tasks').select(['step_id', 'kind', 'action', 'owner_roles', 'due_at', 'status', 'completed_at', 'detail', 'outcome'])
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).orderBy('due_at').orderBy('key').execute(),
    db.selectFrom('data_requests').select(['kind', 'status', 'requested_by', 'detail', 'requested_at', 'due_at', 'resolved_at', 'resolution_note'])
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).orderBy('requested_at').execute(),
    db.selectFrom('audit_log').select(['at', 'actor_kind', 'action', 'entity'])
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).orderBy('at').orderBy('id').execute(),
    listOtherRecords(deps, orgId, candidateId),
  ]);
  return {
    exportedAt: deps.clock.now().toISOString(),
    organisation: c.org_name,
    profile: {
      fullName: c.full_name, email: c.email, phone: c.phone, language: c.language, status: c.status, roleType: c.role_type,
      department: c.department, relocation: c.relocation, backgroundCheck: c.background_check, channels: c.channels,
      externalRef: c.external_ref, createdAt: iso(c.created_at), updatedAt: iso(c.updated_at),
    },
    offers: offers.map((o) => ({
      version: o.version, positionTitle: o.position_title, site: o.site, startDate: o.start_date, roleType: o.role_type,
      salaryMonthly: o.salary_monthly, salaryMonths: o.salary_months, currency: o.currency, status: o.status,
      sentAt: iso(o.sent_at), acceptedAt: iso(o.accepted_at), reason: o.reason, createdAt: iso(o.created_at),
    })),
    timeline: touches.filter((t) => t.step_id !== PULSE_STEP).map((t) => ({
      at: iso(t.occurred_at), kind: t.kind, channel: t.channel, direction: t.direction, author: t.author_kind,
      summary: t.summary, content: t.content, feedback: t.candidate_feedback, step: t.step_id,
    })),
    messages: messages.map((m) => ({
      channel: m.channel, status: m.status, sendAfter: iso(m.send_after), sentAt: iso(m.sent_at), recipient: m.recipient,
      subject: m.subject, body: m.body_text, steps: m.step_ids,
    })),
    consents: consents.map((k) => ({
      kind: k.kind, wordingVersion: k.wordingVersion, wording: k.wordingText, language: k.language, typedName: k.typedName,
      givenAt: k.givenAt, expiresAt: k.expiresAt, withdrawnAt: k.withdrawnAt, withdrawnBy: k.withdrawnBy,
    })),
    documents,
    pulses: touches.filter((t) => t.step_id === PULSE_STEP).map((t) => ({ at: iso(t.occurred_at), summary: t.summary, comment: t.content })),
    tasks: tasks.map((t) => ({
      step: t.step_id, kind: t.kind, action: t.action, owners: t.owner_roles, dueAt: iso(t.due_at), status: t.status,
      completedAt: iso(t.completed_at), detail: t.detail, outcome: t.outcome,
    })),
    requests: requests.map((r) => ({
      kind: r.kind, status: r.status, requestedBy: r.requested_by, detail: r.detail, requestedAt: iso(r.requested_at),
      dueAt: iso(r.due_at), resolvedAt: iso(r.resolved_at), resolution: r.resolution_note,
    })),
    auditEntries: audit.map((a) => ({ at: iso(a.at), actor: a.actor_kind, action: a.action, entity: a.entity })),
    otherRecords,
  };
}
