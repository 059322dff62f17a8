import type { TPlaybookStep } from '../../contracts/playbook.js';
import type { TCandidateFacts } from './types.js';

/** Facts a step's conditions are checked against; event fields only for exception steps. */
export interface TConditionFacts {
  candidate: Pick<TCandidateFacts, 'relocation' | 'backgroundCheck' | 'roleType' | 'siteId'>;
  eventReason?: string;
  decision?: 'approved' | 'rejected';
}

/** True when every condition the step lists holds (absent conditions always hold). */
export function matchesConditions(step: TPlaybookStep, facts: TConditionFacts): boolean {
  const c = step.conditions;
  if (!c) return true;
  const { candidate } = facts;
  if (c.relocation !== undefined && c.relocation !== candidate.relocation) return false;
  if (c.backgroundCheck !== undefined && c.backgroundCheck !== candidate.backgroundCheck) return false;
  if (c.roleTypes && !c.roleTypes.includes(candidate.roleType)) return false;
  if (c.siteIds && (candidate.siteId === undefined || !c.siteIds.includes(candidate.siteId))) return false;
  if (c.eventReasons && (facts.eventReason === undefined || !c.eventReasons.includes(facts.eventReason))) return false;
  if (c.decision && c.decision !== facts.decision) return false;
  return true;
}
