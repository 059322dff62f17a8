/**
 * The sensitive-information consent screen of the portal (DESIGN §5): the exact wording,
 * agreeing to it, and withdrawing it — which deletes the sensitive files already uploaded.
 */
import { currentWording, renderWording, type TConsentLanguage } from '../../core/consents/wordings.js';
import type { TSensitiveConsentView } from '../../contracts/checklist.js';
import { activeConsent, giveConsent, withdrawConsent } from '../consents/consents.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict } from '../errors.js';
import { loadPortalCandidate, type PortalPrincipal } from '../portal/portal-principal.js';
import { purgeSensitiveDocuments } from './purge-documents.js';

async function companyName(deps: Deps, orgId: string): Promise<string> {
  const org = await deps.db.selectFrom('orgs').select('name').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return org.name;
}

/** What the consent screen shows, in the requested language. */
export async function getSensitiveConsent(deps: Deps, who: PortalPrincipal, language: TConsentLanguage): Promise<TSensitiveConsentView> {
  await loadPortalCandidate(deps, who);
  const [company, live] = await Promise.all([
    companyName(deps, who.orgId),
    activeConsent(deps.db, who.orgId, who.candidateId, 'sensitive_info', deps.clock.now()),
  ]);
  return {
    version: currentWording('sensitive_info').version, text: renderWording('sensitive_info', language, { company }), language,
    given: Boolean(live), givenAt: live?.givenAt ?? null,
  };
}

/** Records the candidate's agreement to the wording they were shown (version checked). */
export async function giveSensitiveConsent(deps: Deps, who: PortalPrincipal, input: { version: string; language: TConsentLanguage }, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  if (input.version !== currentWording('sensitive_info').version) {
    throw conflict('the wording has changed since this page was opened; please read it again', 'version');
  }
  await giveConsent(deps.db, {
    orgId: who.orgId, candidateId: who.candidateId, kind: 'sensitive_info', language: input.language,
    facts: { company: await companyName(deps, who.orgId) }, by: { kind: 'candidate', id: who.candidateId, ip: ctx.ip }, at: deps.clock.now(),
  }, c.full_name);
  return getSensitiveConsent(deps, who, input.language);
}

/**
 * Withdraws the consent and, in the same breath, deletes the bytes of every sensitive
 * document and returns those items to pending. Idempotent: nothing to withdraw is not an error.
 */
export async function withdrawSensitiveConsent(deps: Deps, who: PortalPrincipal, ctx: RequestContext) {
  await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  const withdrawn = await withdrawConsent(deps.db, who.orgId, who.candidateId, 'sensitive_info', { kind: 'candidate', id: who.candidateId, ip: ctx.ip }, now);
  const purgedDocuments = await deps.db.transaction().execute((trx) => purgeSensitiveDocuments(trx, {
    orgId: who.orgId, candidateId: who.candidateId, reason: 'sensitive-information consent withdrawn', at: now,
    actor: { actorKind: 'candidate', actorId: who.candidateId, ip: ctx.ip },
  }));
  return { withdrawn: Boolean(withdrawn), purgedDocuments };
}
