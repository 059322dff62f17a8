import type { TPlannedItem, TPlaybookStep } from '../../contracts/playbook.js';
import { formatLocalIso, formatUtcIso } from '../time/local-time.js';
import type { TCandidateFacts } from './types.js';
import { selectDelivery } from './select-delivery.js';

/** What differs between a planned main-stage item and an item an event creates. */
export interface TPlannedItemPlacement {
  key: string;
  occurrence: number;
  due: Date;
  natural: Date;
  calendarDataMissing: boolean;
  mergedStepKeys?: string[];
  mergedInto?: string | null;
  compressed?: boolean;
  sla?: Date | null;
}

/** The one shape of a planned item: step facts, delivery for the candidate's channels, times. */
export function buildPlannedItem(step: TPlaybookStep, candidate: TCandidateFacts, p: TPlannedItemPlacement): TPlannedItem {
  const delivery = selectDelivery(step, candidate.channels);
  const sla = p.sla ?? null;
  return {
    key: p.key,
    stepId: step.id,
    occurrence: p.occurrence,
    stage: step.stage,
    owners: [...step.owners],
    action: step.action,
    kind: delivery.kind,
    channel: delivery.channel,
    templateKey: step.templateKey,
    preparedMessage: delivery.preparedMessage,
    dueAt: formatUtcIso(p.due),
    dueAtLocal: formatLocalIso(p.due, candidate.timeZone),
    naturalDueAt: formatUtcIso(p.natural),
    mergedStepKeys: p.mergedStepKeys ?? [p.key],
    mergedInto: p.mergedInto ?? null,
    compressed: p.compressed ?? false,
    calendarDataMissing: p.calendarDataMissing,
    slaDueAt: sla ? formatUtcIso(sla) : null,
    slaBreached: sla !== null && p.due.getTime() > sla.getTime(),
  };
}
