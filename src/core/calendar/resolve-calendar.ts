import type { TBusinessCalendar } from '../../contracts/playbook.js';

/**
 * The calendar a candidate's dates count on: the site's calendar (statutory data of its
 * id) with the organisation's overrides (extra holidays / working days from the settings)
 * applied on top. Read at every plan computation, so an override added or removed in the
 * settings counts from the next computation on; overrides the candidate's own calendar
 * carries win over the organisation's for the same date (the last override wins).
 */
export function resolveCalendar(candidate: TBusinessCalendar | undefined, org: TBusinessCalendar): TBusinessCalendar {
  if (!candidate) return org;
  if (!org.overrides.length) return candidate;
  return { id: candidate.id, overrides: [...org.overrides, ...(candidate.overrides ?? [])] };
}
