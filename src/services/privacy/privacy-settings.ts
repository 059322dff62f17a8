import { z } from 'zod';
import { readSettingsObject } from '../reminders/reminder-settings.js';

/**
 * Privacy settings an organisation may set in `orgs.settings` (DESIGN §5). A bad value
 * falls back to the default rather than stopping the retention job or the request desk.
 */
const ZPrivacySettings = z.object({
  /** Days after a declined / reneged / withdrawn process ends before the person is anonymised. */
  retentionDays: z.int().min(1).max(3650).catch(180).default(180),
  /** Days HR have to answer a data-subject request. */
  dataRequestSlaDays: z.int().min(1).max(90).catch(15).default(15),
});
export type TPrivacySettings = z.infer<typeof ZPrivacySettings>;

/** The organisation's privacy settings with defaults filled in. */
export function readPrivacySettings(settings: unknown): TPrivacySettings {
  const raw = readSettingsObject(settings);
  return ZPrivacySettings.parse({ retentionDays: raw.retentionDays, dataRequestSlaDays: raw.dataRequestSlaDays });
}

const DAY_MS = 24 * 3600 * 1000;
/** `at` plus whole days (calendar days, as the law counts them). */
export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
