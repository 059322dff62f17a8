import type { TCandidate } from '../../contracts/candidates.js';
import { hasPermission, type Principal } from '../../core/access/candidate-scope.js';
import type { CandidateRow } from '../../adapters/db/repos/candidate-repo.js';

const person = (id: string | null, name: string | null, phone: string | null) =>
  id && name !== null ? { id, name, phone: phone ?? '' } : null;

/** Shapes a candidate for a principal: contact details and pay only for roles allowed to see them. */
export function presentCandidate(row: CandidateRow, p: Principal): TCandidate {
  const out: TCandidate = {
    id: row.id,
    externalRef: row.external_ref,
    fullName: row.full_name,
    language: row.language as TCandidate['language'],
    status: row.status as TCandidate['status'],
    roleType: row.role_type as TCandidate['roleType'],
    department: { id: row.department_id, name: row.department_name },
    site: { id: row.site_id, name: row.site_name, timezone: row.site_timezone },
    positionTitle: row.position_title,
    startDate: row.start_date,
    offerVersion: row.offer_version,
    relocation: row.relocation,
    backgroundCheck: row.background_check,
    channels: row.channels,
    hrOwner: person(row.hr_owner_id, row.hr_name, row.hr_phone),
    manager: person(row.manager_id, row.mg_name, row.mg_phone),
    hrbp: person(row.hrbp_id, row.bp_name, row.bp_phone),
    adminContact: person(row.admin_contact_id, row.ad_name, row.ad_phone),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (hasPermission(p, 'contact.read')) {
    out.email = row.email;
    out.phone = row.phone;
    out.notes = row.notes;
  }
  if (hasPermission(p, 'salary.read')) {
    out.salary = { monthly: row.salary_monthly, months: row.salary_months, currency: row.currency };
  }
  return out;
}
