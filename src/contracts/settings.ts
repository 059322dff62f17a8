/**
 * Organisation settings an org admin edits in the console (GET/PATCH /api/v1/settings).
 * Shared by the server, which validates with them, and the console forms, which validate
 * with the same schemas before sending.
 */
import { z } from 'zod';
import { zShortText } from './common.js';
import { ZLocalDate, ZLocalTime, ZQuietHours, ZWorkingHours } from './playbook.js';

export const RETENTION_DAYS = { min: 30, max: 3650, default: 180 } as const;
export const DATA_REQUEST_SLA_DAYS = { min: 1, max: 90, default: 15 } as const;

/** Earliest and latest year an override may name: keeps typos like 0226 out of the calendar. */
const OVERRIDE_YEARS = { min: 2000, max: 2100 } as const;

export const ZQuietHoursSetting = ZQuietHours.refine((q) => q.start !== q.end, {
  message: 'quiet hours must not start and end at the same time', path: ['end'],
});

/** One org-level calendar exception: an extra holiday (working=false) or extra working day. */
export const ZCalendarOverrideSetting = z.strictObject({
  date: ZLocalDate.refine((d) => {
    const year = Number(d.slice(0, 4));
    return year >= OVERRIDE_YEARS.min && year <= OVERRIDE_YEARS.max;
  }, `expected a date between ${OVERRIDE_YEARS.min} and ${OVERRIDE_YEARS.max}`),
  name: zShortText(100),
  working: z.boolean(),
});
export type TCalendarOverrideSetting = z.infer<typeof ZCalendarOverrideSetting>;

export const ZCalendarOverrideList = z.array(ZCalendarOverrideSetting).max(500).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((o, i) => {
    if (seen.has(o.date)) ctx.addIssue({ code: 'custom', message: `${o.date} is listed twice`, path: [i, 'date'] });
    seen.add(o.date);
  });
});

export const ZFrequencyCapSetting = z.strictObject({
  /** Days before the start date that count as the final week. */
  finalWindowDays: z.int().min(0).max(30),
  /** Proactive messages per candidate per day inside the final window. */
  finalWindowPerDay: z.int().min(1).max(10),
  /** Proactive messages per candidate per day before it. */
  otherwisePerDay: z.int().min(1).max(10),
});

export const ZCallSpacingSetting = z.strictObject({ minDaysBetweenCalls: z.int().min(0).max(30) });

export const ZOrgSettingsFields = z.strictObject({
  quietHours: ZQuietHoursSetting,
  workingHours: ZWorkingHours,
  frequencyCap: ZFrequencyCapSetting,
  callSpacing: ZCallSpacingSetting,
  calendarOverrides: ZCalendarOverrideList,
  /** Hiring managers see salary figures of their hires (DESIGN §1). */
  managerSeesSalary: z.boolean(),
  /** Days after a process ends before the person's data is anonymised. */
  retentionDays: z.int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max),
  /** Days HR have to answer a data-subject request. */
  dataRequestSlaDays: z.int().min(DATA_REQUEST_SLA_DAYS.min).max(DATA_REQUEST_SLA_DAYS.max),
});
export type TOrgSettings = z.infer<typeof ZOrgSettingsFields>;

/** A change: any subset of the top-level settings; nested groups are replaced whole. */
export const ZUpdateOrgSettings = ZOrgSettingsFields.partial();
export type TUpdateOrgSettings = z.infer<typeof ZUpdateOrgSettings>;

/** What the API answers: the effective settings (defaults filled in). */
export const ZOrgSettings = z.object({
  quietHours: z.object({ start: ZLocalTime, end: ZLocalTime }),
  workingHours: z.object({ start: ZLocalTime, end: ZLocalTime }),
  frequencyCap: z.object({ finalWindowDays: z.number().int(), finalWindowPerDay: z.number().int(), otherwisePerDay: z.number().int() }),
  callSpacing: z.object({ minDaysBetweenCalls: z.number().int() }),
  calendarOverrides: z.array(z.object({ date: z.string(), name: z.string(), working: z.boolean() })),
  managerSeesSalary: z.boolean(),
  retentionDays: z.number().int(),
  dataRequestSlaDays: z.number().int(),
});

export const ZStatutoryDaysQuery = z.strictObject({ year: z.coerce.number().int().min(1900).max(2200) });

/** China's statutory holidays and make-up working days of one year (read-only, from the built-in data). */
export const ZStatutoryDays = z.object({
  year: z.number().int(),
  /** False when the built-in data does not reach this year: add the days as overrides meanwhile. */
  covered: z.boolean(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  days: z.array(z.object({ date: z.string(), working: z.boolean(), nameEn: z.string(), nameZh: z.string() })),
});
export type TStatutoryDays = z.infer<typeof ZStatutoryDays>;
