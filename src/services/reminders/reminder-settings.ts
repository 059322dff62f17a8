import { z } from 'zod';
import { ZLocalTime } from '../../contracts/playbook.js';

/**
 * Staff-reminder settings an organisation may set in `orgs.settings.reminders`. A bad
 * value falls back to the default instead of stopping every organisation's reminders.
 */
export const ZReminderSettings = z.object({
  /** Local time (org zone) from which the day's digest may go out. */
  digestTime: ZLocalTime.catch('08:30').default('08:30'),
  /** Days after today that the digest lists as "coming up". */
  digestHorizonDays: z.int().min(0).max(14).catch(3).default(3),
  /** How long a task may be overdue before it is escalated (DESIGN §3 SLA). */
  escalationGraceHours: z.number().min(0).max(24 * 30).catch(24).default(24),
});
export type TReminderSettings = z.infer<typeof ZReminderSettings>;

/** The organisation's reminder settings with defaults filled in. */
export function readReminderSettings(settings: unknown): TReminderSettings {
  return ZReminderSettings.catch(() => ZReminderSettings.parse({})).parse(readSettingsObject(settings).reminders ?? {});
}

/** `orgs.settings` as an object (PGlite and pg both give jsonb back parsed; be lenient). */
export function readSettingsObject(settings: unknown): Record<string, unknown> {
  if (typeof settings === 'string') return JSON.parse(settings) as Record<string, unknown>;
  return (settings ?? {}) as Record<string, unknown>;
}
