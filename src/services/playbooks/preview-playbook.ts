/**
 * The plan an unsaved playbook gives one candidate — a real one the user may see, or a
 * made-up sample — computed by the same pure engine that runs plans, beside the plan the
 * latest saved version gives the same candidate. Nothing is stored.
 */
import { findLatestPlaybookVersion, findPlaybookVersion } from '../../adapters/db/repos/playbook-repo.js';
import { ZPlaybook, type TPlannedItem, type TPlaybook } from '../../contracts/playbook.js';
import { ZPreviewSubject, type TPlaybookPreview, type TPreviewPlaybook, type TPreviewItem } from '../../contracts/playbooks.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { computePlan } from '../../core/plan/compute-plan.js';
import type { TCandidateFacts } from '../../core/plan/types.js';
import { diffPlans } from '../../core/playbooks/diff-playbooks.js';
import { addLocalDays, formatUtcIso, toLocalDate } from '../../core/time/local-time.js';
import { requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps } from '../deps.js';
import { loadCandidateFacts } from '../engine/candidate-facts.js';
import { ACTIVE_PLAYBOOK_KEY, ensureDefaultPlaybook, readOrgPolicy } from '../engine/engine-config.js';
import { invalid, notFound } from '../errors.js';
import { checkDraft } from './check-draft.js';

type TSubject = TPlaybookPreview['candidate'];

/** Computes the draft's plan and its difference from the latest saved version's plan. */
export async function previewPlaybook(deps: Deps, p: Principal, key: string, input: TPreviewPlaybook): Promise<TPlaybookPreview> {
  requirePermission(p, 'playbook.read');
  if (key === ACTIVE_PLAYBOOK_KEY) await ensureDefaultPlaybook(deps.db, p.orgId);
  const latest = await findLatestPlaybookVersion(deps.db, p.orgId, key);
  if (latest === undefined) throw notFound('playbook');
  const draft = await checkDraft(deps.db, p.orgId, { key, version: latest + 1, name: input.name, steps: input.steps });
  const current = ZPlaybook.parse((await findPlaybookVersion(deps.db, p.orgId, key, latest))!.definition);
  const { facts, subject } = await loadSubject(deps, p, input.candidate);
  const org = await deps.db.selectFrom('orgs').select('settings').where('org_id', '=', p.orgId).executeTakeFirstOrThrow();
  const policy = readOrgPolicy(org.settings as Record<string, unknown> | null);
  // The whole plan from acceptance on, as if this playbook had run from the start.
  const plan = (playbook: TPlaybook) => computePlan({ candidate: facts, playbook, policy, now: facts.offerAcceptedAt });
  const next = plan(draft);
  const before = plan(current);
  const diff = diffPlans(before.items, next.items);
  const moved = new Map(diff.moved.map((m) => [m.key, m.from]));
  const added = new Set(diff.added.map((i) => i.key));
  return {
    candidate: subject,
    comparedToVersion: latest,
    items: next.items.map((item) => presentItem(item, added.has(item.key) ? 'added' : moved.has(item.key) ? 'moved' : 'same', moved.get(item.key) ?? null)),
    messages: next.items
      .filter((item) => item.action === 'message' && item.mergedInto === null)
      .map((item) => ({
        key: item.key, dueAt: item.dueAt, dueAtLocal: item.dueAtLocal, channel: item.channel,
        stepIds: item.mergedStepKeys.map((k) => k.split('#')[0]!),
      })),
    skipped: next.skipped.map((s) => ({ key: s.key, stepId: s.stepId, reason: s.reason })),
    warnings: next.warnings.map((w) => ({ code: w.code, message: w.message })),
    diff: {
      added: diff.added.map((i) => ({ key: i.key, stepId: i.stepId, dueAt: i.dueAt })),
      removed: diff.removed.map((i) => ({ key: i.key, stepId: i.stepId, dueAt: i.dueAt })),
      moved: diff.moved,
    },
  };
}

function presentItem(item: TPlannedItem, change: TPreviewItem['change'], previousDueAt: string | null): TPreviewItem {
  return {
    key: item.key, stepId: item.stepId, occurrence: item.occurrence, stage: item.stage, owners: item.owners, action: item.action,
    kind: item.kind, channel: item.channel, dueAt: item.dueAt, dueAtLocal: item.dueAtLocal, mergedStepKeys: item.mergedStepKeys,
    mergedInto: item.mergedInto, compressed: item.compressed, slaDueAt: item.slaDueAt, slaBreached: item.slaBreached,
    calendarDataMissing: item.calendarDataMissing, change, previousDueAt,
  };
}

/** The candidate facts the preview runs on: a visible candidate's record, or the sample. */
async function loadSubject(
  deps: Deps, p: Principal, raw: TPreviewPlaybook['candidate'],
): Promise<{ facts: TCandidateFacts; subject: TSubject }> {
  const input = ZPreviewSubject.parse(raw ?? { kind: 'sample' });
  const now = deps.clock.now();
  if (input.kind === 'candidate') {
    requirePermission(p, 'plan.read');
    const row = await loadVisibleCandidate(deps, p, input.candidateId);
    const offer = await deps.db.selectFrom('offers').select((eb) => eb.fn.max('accepted_at').as('accepted'))
      .where('org_id', '=', p.orgId).where('candidate_id', '=', input.candidateId).executeTakeFirst();
    const acceptedAt = offer?.accepted ? formatUtcIso(new Date(offer.accepted)) : formatUtcIso(now);
    const facts = await loadCandidateFacts(deps.db, p.orgId, input.candidateId, acceptedAt);
    return { facts, subject: describe(facts, 'candidate', input.candidateId, row.full_name) };
  }
  let site = deps.db.selectFrom('sites').select(['id', 'timezone', 'calendar']).where('org_id', '=', p.orgId);
  site = input.siteId ? site.where('id', '=', input.siteId) : site.orderBy('created_at').orderBy('name');
  const found = await site.limit(1).executeTakeFirst();
  if (input.siteId && !found) throw invalid('candidate.siteId', 'no such site in this organisation');
  const timeZone = found?.timezone ?? 'Asia/Shanghai';
  const facts: TCandidateFacts = {
    ref: 'sample',
    startDate: addLocalDays(toLocalDate(now, timeZone), input.startInDays),
    offerAcceptedAt: formatUtcIso(now),
    timeZone,
    roleType: input.roleType,
    relocation: input.relocation,
    backgroundCheck: input.backgroundCheck,
    channels: ['email', 'portal'],
    language: 'zh-CN',
    ...(found ? { siteId: found.id, calendar: { id: found.calendar === 'WEEKEND' ? 'WEEKEND' : 'CN', overrides: [] } } : {}),
  };
  return { facts, subject: describe(facts, 'sample', null, null) };
}

function describe(facts: TCandidateFacts, kind: TSubject['kind'], candidateId: string | null, name: string | null): TSubject {
  return {
    kind, candidateId, name, roleType: facts.roleType, relocation: facts.relocation, backgroundCheck: facts.backgroundCheck,
    startDate: facts.startDate, offerAcceptedAt: facts.offerAcceptedAt, timeZone: facts.timeZone,
  };
}
