import type { TEffect } from '../../core/events/index.js';

type TItemEffect = Extract<TEffect, { kind: 'task' | 'message' | 'escalation' }>;

/**
 * One timeline line of DESIGN §7 as JSON, keys in contract order: at, candidate, kind,
 * then step, stage, owner(s), channel, prepared, dueAt, calendarDataMissing, legalDeadline,
 * steps for planned items,
 * `status` for status lines and `step` for cancelled ones. Times carry the candidate's
 * UTC offset.
 */
export function formatTimelineLine(effect: TEffect, ref: string): string {
  const line: Record<string, unknown> = { at: effect.atLocal, candidate: ref, kind: effect.kind };
  switch (effect.kind) {
    case 'status':
      line.status = effect.status;
      break;
    case 'cancelled':
      line.step = effect.step;
      break;
    default:
      Object.assign(line, describeItem(effect));
  }
  return JSON.stringify(line);
}

function describeItem(effect: TItemEffect): Record<string, unknown> {
  const fields: Record<string, unknown> = { step: effect.step, stage: effect.stage, owner: effect.owners[0] };
  if (effect.owners.length > 1) fields.owners = effect.owners;
  const prepared = effect.kind === 'task' && effect.preparedMessage;
  if ((effect.kind === 'message' || prepared) && effect.channel) fields.channel = effect.channel;
  if (prepared) fields.prepared = true;
  if (effect.kind !== 'message') {
    fields.dueAt = effect.dueAtLocal;
    if (effect.calendarDataMissing) fields.calendarDataMissing = true;
    // Only labour-contract lines carry it: every other line stays as it was.
    if (effect.legalDeadline) fields.legalDeadline = effect.legalDeadline;
  }
  // Occurrences of one step (daily care on two days, merged) are one step id.
  const steps = effect.kind === 'message' ? [...new Set(effect.mergedSteps)] : [];
  if (steps.length > 1) fields.steps = steps;
  return fields;
}
