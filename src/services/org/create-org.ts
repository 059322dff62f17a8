import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { conflict } from '../errors.js';

export interface CreateOrgInput {
  slug: string;
  name: string;
  timezone?: string;
  settings?: Record<string, unknown>;
}

/** Creates an organisation (tenant). Users, sites and departments are added separately. */
export async function createOrg(deps: Deps, input: CreateOrgInput): Promise<{ orgId: string }> {
  const exists = await deps.db.selectFrom('orgs').select('org_id').where('slug', '=', input.slug).executeTakeFirst();
  if (exists) throw conflict('an organisation with this slug exists', 'slug');
  const orgId = randomUUID();
  const now = deps.clock.now();
  await deps.db.insertInto('orgs').values({
    org_id: orgId, slug: input.slug, name: input.name, timezone: input.timezone ?? 'Asia/Shanghai',
    settings: JSON.stringify(input.settings ?? {}), created_at: now,
  }).execute();
  await appendAudit(deps.db, { orgId, actorKind: 'system', actorId: null, action: 'create', entity: 'org', entityId: orgId, at: now });
  return { orgId };
}

/** Adds a department directly (seed, CLI, tests); the API path checks permissions first. */
export async function insertDepartment(deps: Deps, orgId: string, name: string): Promise<string> {
  const id = randomUUID();
  await deps.db.insertInto('departments').values({ org_id: orgId, id, name, created_at: deps.clock.now() }).execute();
  return id;
}

export interface SiteSeed {
  name: string;
  timezone: string;
  address?: string;
  calendar?: string;
  arrivalTime?: string;
  receptionInfo?: string;
  parking?: string;
  transport?: string;
  mapUrl?: string;
}

/** Adds a site directly (seed, CLI, tests). */
export async function insertSite(deps: Deps, orgId: string, s: SiteSeed): Promise<string> {
  const id = randomUUID();
  await deps.db.insertInto('sites').values({
    org_id: orgId, id, name: s.name, timezone: s.timezone, address: s.address ?? '', calendar: s.calendar ?? 'CN',
    arrival_time: s.arrivalTime ?? '09:00', reception_info: s.receptionInfo ?? '', parking: s.parking ?? '',
    transport: s.transport ?? '', map_url: s.mapUrl ?? '', created_at: deps.clock.now(),
  }).execute();
  return id;
}
