import type { TPlanItemView, TPlanView } from '../../contracts/engine.js';
import type { TPlannedItem } from '../../contracts/playbook.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { computePlan } from '../../core/plan/compute-plan.js';
import { requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps } from '../deps.js';
import { loadCandidateFacts } from './candidate-facts.js';
import { loadEngineConfig } from './engine-config.js';
import { parseEngineState } from './persist-reduction.js';

const MESSAGE_STATE: Record<string, TPlanItemView['state']> = {
  sent: 'sent', outbox: 'outbox', dead: 'failed', failed: 'failed', cancelled: 'cancelled', scheduled: 'planned', sending: 'planned',
};

const fromPlanned = (i: TPlannedItem, state: TPlanItemView['state']): TPlanItemView => ({
  key: i.key, stepId: i.stepId, stage: i.stage, kind: i.kind, action: i.action, owners: i.owners, channel: i.channel,
  dueAt: i.dueAt, state, at: null, mergedInto: i.mergedInto, slaBreached: i.slaBreached, calendarDataMissing: i.calendarDataMissing,
  legalDeadline: null,
});

/**
 * The candidate's whole plan: past steps (done tasks, sent messages), current open
 * tasks and future planned steps, from the same engine that runs it. Before the
 * offer is accepted it is a preview as if accepted now.
 */
export async function getPlanView(deps: Deps, p: Principal, candidateId: string): Promise<TPlanView> {
  requirePermission(p, 'plan.read');
  const candidate = await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const config = await loadEngineConfig(deps.db, p.orgId, candidateId);
  const row = await deps.db.selectFrom('engine_states').select('state').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  if (!row) {
    const facts = await loadCandidateFacts(deps.db, p.orgId, candidateId, now.toISOString());
    const preview = computePlan({ candidate: facts, playbook: config.playbook, policy: config.policy, now: now.toISOString() });
    return { status: candidate.status, started: false, items: preview.items.map((i) => fromPlanned(i, 'planned')), warnings: preview.warnings };
  }
  const state = parseEngineState(row.state);
  const [tasks, messages] = await Promise.all([
    deps.db.selectFrom('tasks').selectAll().where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).execute(),
    deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).execute(),
  ]);
  const byKey = new Map<string, TPlanItemView>();
  const pending = [...(state.plan?.items ?? []), ...state.exceptionItems];
  const plannedByKey = new Map(pending.map((i) => [i.key, i]));
  for (const t of tasks) {
    const planned = plannedByKey.get(t.key);
    byKey.set(t.key, {
      key: t.key, stepId: t.step_id, stage: t.stage, kind: t.kind, action: t.action, owners: t.owner_roles, channel: t.channel,
      dueAt: t.due_at.toISOString(), state: t.status === 'done' ? 'done' : t.status === 'cancelled' ? 'cancelled' : 'open',
      at: t.completed_at?.toISOString() ?? null, mergedInto: null, slaBreached: planned?.slaBreached ?? false, calendarDataMissing: t.calendar_data_missing,
      legalDeadline: t.legal_deadline,
    });
  }
  for (const m of messages) {
    const planned = plannedByKey.get(m.lead_key);
    byKey.set(m.lead_key, {
      key: m.lead_key, stepId: m.step_ids[0] ?? m.lead_key, stage: planned?.stage ?? '', kind: 'message', action: 'message',
      owners: planned?.owners ?? ['hr'], channel: m.channel, dueAt: m.send_after.toISOString(), state: MESSAGE_STATE[m.status] ?? 'planned',
      at: m.sent_at?.toISOString() ?? null, mergedInto: null, slaBreached: planned?.slaBreached ?? false, calendarDataMissing: false,
      legalDeadline: null,
    });
  }
  const cancelled = new Set(state.cancelled);
  for (const i of pending) {
    if (byKey.has(i.key)) continue;
    byKey.set(i.key, fromPlanned(i, cancelled.has(i.key) ? 'cancelled' : 'planned'));
  }
  const items = [...byKey.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
  return { status: state.status, started: true, items, warnings: state.plan?.warnings ?? [] };
}
