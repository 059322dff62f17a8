export { planForEvent, startCandidate } from './plan-for-event.js';
export { advanceClock, findNextWakeAt } from './advance-clock.js';
export { createCandidateState, listOpenItems } from './candidate-state.js';
export { listAwaitingKeys, recordDeliveries, type TDeliveryReport } from './deliveries.js';
export type { TCandidateState, TEffect, TEngineConfig, TReduction, TDomainEvent } from './types.js';
