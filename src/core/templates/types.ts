/** Locales every template ships in. */
export const TEMPLATE_LOCALES = ['zh-CN', 'en-US'] as const;
export type TTemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/** One language version of a template; all strings are LiquidJS source. */
export interface TTemplateContent {
  subject: string;
  /** Plain text with line breaks; channel adapters turn it into HTML or chat markup. */
  body: string;
  /**
   * Optional SMS notice: a short pointer to the portal only. Chinese SMS providers reject
   * recruitment content, so this never repeats the message itself (lint kind `sms`).
   */
  sms?: string;
}

/**
 * A playbook message or task text as data. `step` is the stable step id of DESIGN §3;
 * `variant` distinguishes several texts of one step (the three days of final.daily_care).
 */
export interface TTemplateDefinition {
  id: string;
  step: string;
  variant?: string;
  /** `message`: sent to the candidate; `call_script`/`task`: shown to staff on their task. */
  kind: 'message' | 'meeting_invite' | 'call_script' | 'task';
  audience: 'candidate' | 'staff';
  locales: Record<TTemplateLocale, TTemplateContent>;
}
