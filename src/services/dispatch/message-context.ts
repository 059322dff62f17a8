import type { Kysely } from 'kysely';
import { findCandidates, type CandidateRow } from '../../adapters/db/repos/candidate-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import { ZRoleType } from '../../contracts/common.js';
import type { TOrgPolicy } from '../../contracts/playbook.js';
import type { TTemplateDefinition } from '../../core/templates/index.js';
import { readOrgPolicy } from '../engine/engine-config.js';
import { parseEngineState } from '../engine/persist-reduction.js';
import { loadOrgTemplates } from '../templates/org-templates.js';
import type { MessageLink } from '../portal/message-links.js';

/** A staff member as messages name them. */
export interface ContactPerson {
  name: string;
  phone: string;
  email: string;
}

/**
 * Everything a message about one candidate may say, read at SEND time from the one
 * record (DESIGN §1): the current offer (highest version), its site, the assigned people
 * and the organisation. Nothing is copied when the message is planned, so nothing is stale.
 */
export interface MessageContext {
  candidate: CandidateRow;
  site: { name: string; address: string; timezone: string; arrivalTime: string; parking: string };
  org: { name: string; settings: Record<string, unknown> };
  policy: TOrgPolicy;
  hr: ContactPerson | null;
  manager: ContactPerson | null;
  hrbp: ContactPerson | null;
  admin: ContactPerson | null;
  /** When the candidate's talent-pool consent runs out (ISO), while they have one. */
  poolConsentExpiresAt: string | null;
  /** The templates as the organisation worded them for this candidate's role type (latest versions). */
  templates: TTemplateDefinition[];
  /**
   * The magic link minted for the message being sent (`mintMessageLink`); templates print
   * it where they say `{{ portal.link }}`. Absent when rendering for staff (previews) or for
   * a channel that gets the bare portal address.
   */
  portalLink?: MessageLink;
}

/** Loads the context, or undefined when the candidate is gone (deleted or anonymised). */
export async function loadMessageContext(db: Kysely<Database>, orgId: string, candidateId: string): Promise<MessageContext | undefined> {
  return (await loadMessageContexts(db, [{ org_id: orgId, candidate_id: candidateId }])).get(contextKey({ org_id: orgId, candidate_id: candidateId }));
}

/** How `loadMessageContexts` keys its answer. */
export const contextKey = (k: { org_id: string; candidate_id: string }) => `${k.org_id}/${k.candidate_id}`;

/**
 * The contexts of several candidates read together (a dispatch batch): a handful of
 * statements per organisation instead of a handful per message. Candidates that are gone
 * have no entry.
 */
export async function loadMessageContexts(
  db: Kysely<Database>,
  keys: ReadonlyArray<{ org_id: string; candidate_id: string }>,
): Promise<Map<string, MessageContext>> {
  const byOrg = new Map<string, Set<string>>();
  for (const k of keys) byOrg.set(k.org_id, (byOrg.get(k.org_id) ?? new Set()).add(k.candidate_id));
  const perOrg = await Promise.all([...byOrg].map(([orgId, ids]) => loadOrgContexts(db, orgId, [...ids])));
  return new Map(perOrg.flat().map((ctx) => [contextKey({ org_id: ctx.candidate.org_id, candidate_id: ctx.candidate.id }), ctx]));
}

async function loadOrgContexts(db: Kysely<Database>, orgId: string, candidateIds: string[]): Promise<MessageContext[]> {
  const candidates = await findCandidates(db, orgId, candidateIds, { kind: 'all' });
  if (candidates.length === 0) return [];
  const found = candidates.map((c) => c.id);
  const roleTypes = [...new Set(candidates.map(readRoleType))];
  const [sites, org, people, consents, templates] = await Promise.all([
    db.selectFrom('sites').select(['id', 'name', 'address', 'timezone', 'arrival_time', 'parking'])
      .where('org_id', '=', orgId).where('id', 'in', [...new Set(candidates.map((c) => c.site_id))]).execute(),
    db.selectFrom('orgs').select(['name', 'settings']).where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    loadPeople(db, orgId, candidates),
    // The engine tracks the consent (given with a decline, or on its own, and renewed).
    db.selectFrom('engine_states').select(['candidate_id', 'state']).where('org_id', '=', orgId).where('candidate_id', 'in', found).execute(),
    Promise.all(roleTypes.map(async (roleType) => [roleType, await loadOrgTemplates(db, orgId, roleType)] as const)),
  ]);
  const settings = (typeof org.settings === 'string' ? JSON.parse(org.settings) : org.settings) ?? {};
  const policy = readOrgPolicy(settings);
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const consentByCandidate = new Map(consents.map((r) => [r.candidate_id, parseEngineState(r.state).consent?.expiresAt ?? null]));
  const templatesByRole = new Map(templates);
  return candidates.map((candidate) => {
    const site = siteById.get(candidate.site_id);
    if (!site) throw new Error(`site ${candidate.site_id} of candidate ${candidate.id} not found`);
    return {
      candidate,
      site: { name: site.name, address: site.address, timezone: site.timezone, arrivalTime: site.arrival_time, parking: site.parking },
      org: { name: org.name, settings },
      policy,
      ...people(candidate),
      poolConsentExpiresAt: consentByCandidate.get(candidate.id) ?? null,
      templates: templatesByRole.get(readRoleType(candidate))!,
    };
  });
}

const readRoleType = (c: CandidateRow) => ZRoleType.catch('other').parse(c.role_type);

/** The assigned people of every candidate in one read; the fallback HR only when someone lacks an HR owner. */
async function loadPeople(db: Kysely<Database>, orgId: string, candidates: CandidateRow[]) {
  const ids = [...new Set(candidates.flatMap((c) => [c.hr_owner_id, c.manager_id, c.hrbp_id, c.admin_contact_id]).filter((id): id is string => Boolean(id)))];
  const rows = ids.length
    ? await db.selectFrom('users').select(['id', 'name', 'phone', 'email']).where('org_id', '=', orgId).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone, email: r.email }]));
  const pick = (id: string | null) => (id ? byId.get(id) ?? null : null);
  // A candidate without an HR owner still gets messages signed by someone responsible.
  const fallbackHr = candidates.some((c) => !pick(c.hr_owner_id)) ? await findFallbackHr(db, orgId) : null;
  return (c: CandidateRow) => ({ hr: pick(c.hr_owner_id) ?? fallbackHr, manager: pick(c.manager_id), hrbp: pick(c.hrbp_id), admin: pick(c.admin_contact_id) });
}

async function findFallbackHr(db: Kysely<Database>, orgId: string): Promise<ContactPerson | null> {
  const row = await db.selectFrom('users').select(['name', 'phone', 'email', 'role'])
    .where('org_id', '=', orgId).where('disabled_at', 'is', null).where('role', 'in', ['hr', 'org_admin'])
    .orderBy((eb) => eb.case().when('role', '=', 'hr').then(0).else(1).end()).orderBy('created_at').limit(1).executeTakeFirst();
  return row ? { name: row.name, phone: row.phone, email: row.email } : null;
}
