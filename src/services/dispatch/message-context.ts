import type { Kysely } from 'kysely';
import { findCandidate, type CandidateRow } from '../../adapters/db/repos/candidate-repo.js';
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
  const candidate = await findCandidate(db, orgId, candidateId, { kind: 'all' });
  if (!candidate) return undefined;
  const [site, org, people, consent, templates] = await Promise.all([
    db.selectFrom('sites').select(['name', 'address', 'timezone', 'arrival_time', 'parking'])
      .where('org_id', '=', orgId).where('id', '=', candidate.site_id).executeTakeFirstOrThrow(),
    db.selectFrom('orgs').select(['name', 'settings']).where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    loadPeople(db, orgId, candidate),
    // The engine tracks the consent (given with a decline, or on its own, and renewed).
    db.selectFrom('engine_states').select('state').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst(),
    loadOrgTemplates(db, orgId, ZRoleType.catch('other').parse(candidate.role_type)),
  ]);
  const settings = (typeof org.settings === 'string' ? JSON.parse(org.settings) : org.settings) ?? {};
  return {
    candidate,
    site: { name: site.name, address: site.address, timezone: site.timezone, arrivalTime: site.arrival_time, parking: site.parking },
    org: { name: org.name, settings },
    policy: readOrgPolicy(settings),
    ...people,
    poolConsentExpiresAt: (consent ? parseEngineState(consent.state).consent?.expiresAt : null) ?? null,
    templates,
  };
}

async function loadPeople(db: Kysely<Database>, orgId: string, c: CandidateRow) {
  const ids = [c.hr_owner_id, c.manager_id, c.hrbp_id, c.admin_contact_id].filter((id): id is string => Boolean(id));
  const rows = ids.length
    ? await db.selectFrom('users').select(['id', 'name', 'phone', 'email']).where('org_id', '=', orgId).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone, email: r.email }]));
  const pick = (id: string | null) => (id ? byId.get(id) ?? null : null);
  // A candidate without an HR owner still gets messages signed by someone responsible.
  const hr = pick(c.hr_owner_id) ?? await findFallbackHr(db, orgId);
  return { hr, manager: pick(c.manager_id), hrbp: pick(c.hrbp_id), admin: pick(c.admin_contact_id) };
}

async function findFallbackHr(db: Kysely<Database>, orgId: string): Promise<ContactPerson | null> {
  const row = await db.selectFrom('users').select(['name', 'phone', 'email', 'role'])
    .where('org_id', '=', orgId).where('disabled_at', 'is', null).where('role', 'in', ['hr', 'org_admin'])
    .orderBy((eb) => eb.case().when('role', '=', 'hr').then(0).else(1).end()).orderBy('created_at').limit(1).executeTakeFirst();
  return row ? { name: row.name, phone: row.phone, email: row.email } : null;
}
