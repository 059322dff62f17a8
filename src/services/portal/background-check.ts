import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TBackgroundCheckAuthorize, TPortalBackgroundCheck } from '../../contracts/portal-extras.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { currentWording, renderWording, type TConsentLanguage } from '../../core/consents/wordings.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import { activeConsent, giveConsent, listConsents, withdrawConsent } from '../consents/consents.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict } from '../errors.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';
import { loadOrgSettings, requireOpenProcess } from './portal-guards.js';
import { raisePortalEvent } from './raise-portal-event.js';

export const BACKGROUND_CHECK_STEP = 'portal.background_check';

/** Org settings `backgroundCheck: { vendor, items[] }`; without them, a neutral default per language. */
const ZBackgroundCheckSettings = z.object({
  vendor: z.string().trim().min(1).max(200),
  items: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
});

const DEFAULTS: Record<TConsentLanguage, { vendor: string; items: string[] }> = {
  'zh-CN': {
    vendor: '公司委托的专业背景调查机构',
    items: ['身份信息核验', '学历学位核验', '近两段工作经历核实（任职时间、职位、离职原因）'],
  },
  'en-US': {
    vendor: 'the professional background-screening provider appointed by the company',
    items: ['identity verification', 'education and degree verification', 'the last two employments (dates, title, reason for leaving)'],
  },
};

/** Vendor and items for the candidate's language: the org's own, or the defaults. */
export function readBackgroundCheckFacts(settings: Record<string, unknown>, language: TConsentLanguage) {
  const parsed = ZBackgroundCheckSettings.safeParse(settings.backgroundCheck);
  return parsed.success ? parsed.data : DEFAULTS[language];
}

const languageOf = (l: string): TConsentLanguage => (l === 'en-US' ? 'en-US' : 'zh-CN');

/** Scope, vendor and items in full, the exact wording, and the current authorization. */
export async function getPortalBackgroundCheck(deps: Deps, who: PortalPrincipal): Promise<TPortalBackgroundCheck> {
  const c = await loadPortalCandidate(deps, who);
  const org = await loadOrgSettings(deps, who.orgId);
  const language = languageOf(c.language);
  const facts = readBackgroundCheckFacts(org.settings, language);
  const live = await activeConsent(deps.db, who.orgId, who.candidateId, 'background_check', deps.clock.now());
  const last = live ?? (await listConsents(deps.db, who.orgId, who.candidateId)).find((r) => r.kind === 'background_check' && r.withdrawnBy !== 'system');
  return {
    required: c.background_check,
    vendor: facts.vendor,
    items: facts.items,
    wordingVersion: currentWording('background_check').version,
    wording: renderWording('background_check', language, { company: org.name, ...facts }),
    authorization: last ? { givenAt: last.givenAt, typedName: last.typedName ?? '', wordingVersion: last.wordingVersion, withdrawnAt: last.withdrawnAt } : null,
  };
}

/**
 * Written authorization (DESIGN §5): explicit agreement and the typed full name matching
 * the name on file; stored with time, IP, wording version and exact text; the engine hears
 * `background_check_authorized`. Only for candidates whose offer includes a check.
 */
export async function authorizeBackgroundCheck(deps: Deps, who: PortalPrincipal, input: TBackgroundCheckAuthorize, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  requireOpenProcess(c);
  if (!c.background_check) throw new AppError(409, 'not_required', 'no background check is planned for you', 'backgroundCheck');
  const version = currentWording('background_check').version;
  if (input.wordingVersion !== version) throw new AppError(409, 'wording_changed', 'the authorization text has changed: please read it again', 'wordingVersion');
  const now = deps.clock.now();
  const live = await activeConsent(deps.db, who.orgId, who.candidateId, 'background_check', now);
  // A second click while the first is live changes nothing (no renewal, no second event).
  if (live) return { ok: true as const, givenAt: live.givenAt, wordingVersion: live.wordingVersion };
  const org = await loadOrgSettings(deps, who.orgId);
  const language = languageOf(c.language);
  const facts = readBackgroundCheckFacts(org.settings, language);
  const record = await giveConsent(deps.db, {
    orgId: who.orgId, candidateId: who.candidateId, kind: 'background_check', language, facts: { company: org.name, ...facts },
    typedName: input.typedName, details: { vendor: facts.vendor, items: facts.items }, by: { kind: 'candidate', id: who.candidateId, ip: ctx.ip }, at: now,
  }, c.full_name).catch((err: unknown) => {
    // The one-live-consent index refuses a concurrent second click: the first one stands.
    if (err instanceof Error && /consents_one_active_idx|duplicate key/.test(err.message)) throw conflict('already authorized', 'agree');
    throw err;
  });
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('touches').values({
      org_id: who.orgId, id: record.id, candidate_id: who.candidateId, occurred_at: now, kind: 'note', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null, summary: `背景调查已授权 Background check authorized (${record.wordingVersion})`,
      content: record.wordingText, step_id: BACKGROUND_CHECK_STEP, created_at: now,
    }).execute();
    await raisePortalEvent(trx, deps, who, { type: 'background_check_authorized', at: now.toISOString() }, `portal:background_check:${record.id}`);
  });
  return { ok: true as const, givenAt: record.givenAt, wordingVersion: record.wordingVersion };
}

/** Withdrawal stops the check (staff see it at once on the timeline and in the consent list). */
export async function withdrawBackgroundCheck(deps: Deps, who: PortalPrincipal, ctx: RequestContext) {
  await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  const record = await withdrawConsent(deps.db, who.orgId, who.candidateId, 'background_check', { kind: 'candidate', id: who.candidateId, ip: ctx.ip }, now);
  if (!record) return { ok: true as const, withdrawn: false };
  await deps.db.insertInto('touches').values({
    org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, occurred_at: now, kind: 'note', channel: 'portal', direction: 'inbound',
    author_kind: 'candidate', author_user_id: null, summary: '背景调查授权已撤回 Background-check authorization withdrawn: stop the check',
    step_id: BACKGROUND_CHECK_STEP, created_at: now,
  }).execute();
  return { ok: true as const, withdrawn: true };
}

/** Staff (HR, HRBP, org admins) see every consent record with the exact wording agreed. */
export async function listStaffConsents(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext) {
  requirePermission(p, 'consent.read');
  await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const [records, ips] = await Promise.all([
    listConsents(deps.db, p.orgId, candidateId),
    deps.db.selectFrom('consents').select(['id', 'given_ip']).where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).execute(),
  ]);
  const ipById = new Map(ips.map((r) => [r.id, r.given_ip]));
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'consent', entityId: candidateId, candidateId, ip: ctx.ip, at: now });
  return {
    items: records.map((r) => ({
      id: r.id, kind: r.kind, wordingVersion: r.wordingVersion, wordingText: r.wordingText, language: r.language, typedName: r.typedName,
      givenAt: r.givenAt, givenBy: r.givenBy, givenIp: ipById.get(r.id) ?? null, expiresAt: r.expiresAt, withdrawnAt: r.withdrawnAt, withdrawnBy: r.withdrawnBy,
      active: !r.withdrawnAt && (!r.expiresAt || Date.parse(r.expiresAt) > now.getTime()),
    })),
  };
}
