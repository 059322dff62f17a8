import type { CandidateRow } from '../../adapters/db/repos/candidate-repo.js';
import { findCandidate } from '../../adapters/db/repos/candidate-repo.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

/** Magic-link credentials: `pl1.<orgId>.<secret>`. */
export const PORTAL_PREFIX = 'pl1.';

/**
 * A candidate signed in through a magic link. Deliberately not a staff `Principal`:
 * staff routes never see it, and it names exactly one candidate.
 */
export interface PortalPrincipal {
  kind: 'candidate';
  orgId: string;
  candidateId: string;
  linkId: string;
}

/** Expired, revoked, unknown or malformed: one polite answer that tells nothing more. */
export const invalidPortalLink = () => new AppError(
  401, 'invalid_portal_link',
  'This link has expired or is no longer valid. Please ask your HR contact for a new one. / 链接已失效，请联系您的 HR 重新发送。',
);

/** The one candidate a portal principal may reach (the org id keys the lookup). */
export async function loadPortalCandidate(deps: Deps, who: PortalPrincipal): Promise<CandidateRow> {
  const row = await findCandidate(deps.db, who.orgId, who.candidateId, { kind: 'all' });
  if (!row) throw invalidPortalLink();
  return row;
}
