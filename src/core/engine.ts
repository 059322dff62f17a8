/**
 * Public surface of the follow-up engine (plan, policies, calendar, lifecycle, events).
 * Other core modules (lint, access, …) have their own entry points.
 */
export * from './calendar/index.js';
export * from './policy/index.js';
export * from './plan/index.js';
export * from './events/index.js';
export { canTransition, transitionStatus, TERMINAL_STATUSES } from './lifecycle/transition-status.js';
export { DEFAULT_PLAYBOOK, findStep } from './playbooks/default-playbook.js';
export { DomainError, isDomainError } from './errors.js';
export type { TDomainErrorCode } from './errors.js';
