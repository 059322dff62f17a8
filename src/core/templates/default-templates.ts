import { CHECKLIST_TEMPLATES } from './catalog-checklist.js';
import { FINAL_DAYS_TEMPLATES } from './catalog-final-days.js';
import { FOLLOW_UP_TEMPLATES } from './catalog-follow-up.js';
import { OFFER_TEMPLATES } from './catalog-offer.js';
import { PREP_TEMPLATES } from './catalog-prep.js';
import type { TTemplateDefinition } from './types.js';

/** Every template of the default playbook (DESIGN §3), in playbook order. */
export const DEFAULT_TEMPLATES: readonly TTemplateDefinition[] = [
  ...OFFER_TEMPLATES,
  ...PREP_TEMPLATES,
  ...FINAL_DAYS_TEMPLATES,
  ...FOLLOW_UP_TEMPLATES,
  ...CHECKLIST_TEMPLATES,
];

/** The templates of one step (several for final.daily_care), or an empty list. Pure. */
export function selectStepTemplates(step: string, templates: readonly TTemplateDefinition[] = DEFAULT_TEMPLATES): TTemplateDefinition[] {
  return templates.filter((t) => t.step === step);
}

/**
 * The daily-care text for a given number of days before the start (3, 2 or 1), or
 * undefined outside that window.
 */
export function selectDailyCareTemplate(daysBeforeStart: number, templates: readonly TTemplateDefinition[] = DEFAULT_TEMPLATES): TTemplateDefinition | undefined {
  return templates.find((t) => t.step === 'final.daily_care' && t.variant === `s-${daysBeforeStart}`);
}
