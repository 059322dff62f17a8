import type { CandidateRow } from '../../adapters/db/repos/candidate-repo.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

/** The candidate has left the process: the portal stays readable but offers no actions. */
export const EXITED_STATUSES: readonly string[] = ['declined', 'reneged', 'withdrawn'];

/** Refuses a candidate action once they have left the process (a polite 409 the page explains). */
export function requireOpenProcess(c: Pick<CandidateRow, 'status'>): void {
  if (!EXITED_STATUSES.includes(c.status)) return;
  // Withdrawn is the employer's decision, not something the candidate told us.
  const message = c.status === 'withdrawn'
    ? 'this offer has been withdrawn; for any question please contact HR / 此 Offer 已撤回，如有疑问请联系 HR'
    : 'you have told us you will not join; this can no longer be changed here — please contact HR / 您已告知不再入职，如需变更请联系 HR';
  throw new AppError(409, 'process_closed', message, 'status');
}

/** The organisation's settings JSON (both drivers may hand it back as text). */
export async function loadOrgSettings(deps: Deps, orgId: string): Promise<{ name: string; settings: Record<string, unknown> }> {
  const org = await deps.db.selectFrom('orgs').select(['name', 'settings']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const settings = typeof org.settings === 'string' ? JSON.parse(org.settings) : org.settings;
  return { name: org.name, settings: (settings ?? {}) as Record<string, unknown> };
}
