import type { TLanguage } from '../../contracts/common.js';
import type { TPortalContact, TPortalMe } from '../../contracts/portal.js';
import { diffLocalDays, toLocalDate } from '../../core/time/local-time.js';
import type { Deps } from '../deps.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';

/** Western names are addressed by the given name; Chinese names (no space) in full. */
export function pickFirstName(fullName: string): string {
  const name = fullName.trim();
  return /\s/.test(name) ? name.split(/\s+/)[0]! : name;
}

/**
 * The welcome page: the org, the role, the start date with the days left (counted in the
 * site's zone, where the first day happens), where and when to arrive, who meets them.
 */
export async function getPortalWelcome(deps: Deps, who: PortalPrincipal): Promise<TPortalMe> {
  const c = await loadPortalCandidate(deps, who);
  const [org, site, link] = await Promise.all([
    deps.db.selectFrom('orgs').select('name').where('org_id', '=', who.orgId).executeTakeFirstOrThrow(),
    deps.db.selectFrom('sites').select(['name', 'timezone', 'address', 'arrival_time', 'reception_info', 'parking', 'transport', 'map_url'])
      .where('org_id', '=', who.orgId).where('id', '=', c.site_id).executeTakeFirstOrThrow(),
    deps.db.selectFrom('portal_tokens').select('expires_at').where('org_id', '=', who.orgId).where('id', '=', who.linkId).executeTakeFirstOrThrow(),
  ]);
  const contacts: TPortalContact[] = [];
  if (c.hr_name) contacts.push({ role: 'hr', name: c.hr_name, phone: c.hr_phone ?? '' });
  if (c.mg_name) contacts.push({ role: 'manager', name: c.mg_name, phone: c.mg_phone ?? '' });
  return {
    orgName: org.name,
    firstName: pickFirstName(c.full_name),
    language: c.language as TLanguage,
    position: c.position_title,
    department: c.department_name,
    startDate: c.start_date,
    daysUntilStart: diffLocalDays(toLocalDate(deps.clock.now(), site.timezone), c.start_date),
    site: {
      name: site.name, timezone: site.timezone, address: site.address, arrivalTime: site.arrival_time, receptionInfo: site.reception_info,
      parking: site.parking, transport: site.transport, mapUrl: site.map_url,
    },
    contacts,
    linkExpiresAt: link.expires_at.toISOString(),
    status: c.status,
    backgroundCheck: c.background_check,
  };
}
