export { computePlan } from './compute-plan.js';
export { replan } from './replan.js';
export type { TReplanResult } from './replan.js';
export { resolveOffset } from './resolve-offset.js';
export type { TOffsetContext } from './resolve-offset.js';
export { matchesConditions } from './match-conditions.js';
export type { TConditionFacts } from './match-conditions.js';
export { selectDelivery, toStepKey } from './select-delivery.js';
export type { TDelivery } from './select-delivery.js';
export type {
  TCandidateFacts,
  TComputePlanInput,
  TPlan,
  TPlanHistory,
  TPlanWarning,
  TPlanWarningCode,
  TSkippedStep,
} from './types.js';
