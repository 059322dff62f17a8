export { applyQuietHours, isInQuietHours, getFirstAllowedMoment, findLastAllowedMoment } from './quiet-hours.js';
export type { TQuietHoursContext } from './quiet-hours.js';
export { createQuotaUsage, getQuotaUsed, getRemainingQuota, recordQuotaUsage } from './quota-usage.js';
export type { TQuotaUsage } from './quota-usage.js';
export { getDailyMessageLimit, isInFinalWindow } from './frequency-cap.js';
export { applyCallSpacing } from './call-spacing.js';
export { compressDue } from './compression.js';
export { createMessageBook, placeMessage } from './place-message.js';
export type { TMessageBook, TMessageContext, TMessagePlacement, TMessageRequest, TMessageSlot } from './place-message.js';
