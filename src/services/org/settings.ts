/**
 * Organisation settings: the follow-up policy (quiet hours, caps, call spacing, working
 * hours, calendar overrides), access and privacy switches. They live in `orgs.settings`:
 * the policy under `policy` (the shape the engine reads through `readOrgPolicy`), override
 * names under `calendarOverrideNames`, the rest at the top level where the session, the
 * retention job and the request desk read them. Changes apply from the next plan
 * computation (the next event, plan view or re-plan); existing planned rows are not moved.
 */
import { ZOrgPolicy } from '../../contracts/playbook.js';
import { RETENTION_DAYS, type TOrgSettings, type TStatutoryDays, type TUpdateOrgSettings } from '../../contracts/settings.js';
import { getChinaCoverage } from '../../core/calendar/china-holidays.js';
import { listChinaSpecialDays } from '../../core/calendar/list-china-days.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { invalid, notFound } from '../errors.js';
import { readOrgPolicy } from '../engine/engine-config.js';
import { readPrivacySettings } from '../privacy/privacy-settings.js';
import { readSettingsObject } from '../reminders/reminder-settings.js';

type Raw = Record<string, unknown>;

/** The effective settings of a raw `orgs.settings` object, defaults filled in. */
export function presentOrgSettings(raw: Raw): TOrgSettings {
  const policy = readOrgPolicy(raw);
  const privacy = readPrivacySettings(raw);
  const names = (raw.calendarOverrideNames ?? {}) as Record<string, unknown>;
  return {
    quietHours: policy.quietHours,
    workingHours: policy.workingHours,
    frequencyCap: policy.frequencyCap,
    callSpacing: policy.callSpacing,
    calendarOverrides: [...policy.calendar.overrides]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o) => ({ date: o.date, working: o.working, name: typeof names[o.date] === 'string' ? names[o.date] as string : '' })),
    managerSeesSalary: raw.managerSeesSalary === true,
    retentionDays: privacy.retentionDays ?? RETENTION_DAYS.default,
    dataRequestSlaDays: privacy.dataRequestSlaDays,
  };
}

/** Writes a change into a raw settings object (a new object; the input is not touched). */
function applyChange(raw: Raw, change: TUpdateOrgSettings): Raw {
  const next: Raw = { ...raw };
  const policy: Raw = { ...((raw.policy ?? {}) as Raw) };
  if (change.quietHours) policy.quietHours = change.quietHours;
  if (change.workingHours) policy.workingHours = change.workingHours;
  if (change.frequencyCap) policy.frequencyCap = change.frequencyCap;
  if (change.callSpacing) policy.callSpacing = change.callSpacing;
  if (change.calendarOverrides) {
    const calendar = (policy.calendar ?? { id: 'CN' }) as Raw;
    policy.calendar = { ...calendar, overrides: change.calendarOverrides.map((o) => ({ date: o.date, working: o.working })) };
    next.calendarOverrideNames = Object.fromEntries(change.calendarOverrides.map((o) => [o.date, o.name]));
  }
  next.policy = policy;
  if (change.managerSeesSalary !== undefined) next.managerSeesSalary = change.managerSeesSalary;
  if (change.retentionDays !== undefined) next.retentionDays = change.retentionDays;
  if (change.dataRequestSlaDays !== undefined) next.dataRequestSlaDays = change.dataRequestSlaDays;
  return next;
}

/** Reads the organisation's settings (org admins and HR). */
export async function readOrgSettings(deps: Deps, p: Principal): Promise<TOrgSettings> {
  requirePermission(p, 'settings.read');
  const org = await deps.db.selectFrom('orgs').select('settings').where('org_id', '=', p.orgId).executeTakeFirst();
  if (!org) throw notFound('organisation');
  return presentOrgSettings(readSettingsObject(org.settings));
}

/**
 * Changes some settings (org admins). The audit entry keeps each changed setting's value
 * before and after; an unchanged value is left out, and a change that changes nothing
 * writes no entry.
 */
export async function updateOrgSettings(deps: Deps, p: Principal, change: TUpdateOrgSettings, ctx: RequestContext): Promise<TOrgSettings> {
  requirePermission(p, 'settings.manage');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('orgs').select('settings').where('org_id', '=', p.orgId).forUpdate().executeTakeFirst();
    if (!org) throw notFound('organisation');
    const raw = readSettingsObject(org.settings);
    const before = presentOrgSettings(raw);
    const next = applyChange(raw, change);
    // The engine parses the policy strictly: never store one it would refuse.
    const checked = ZOrgPolicy.safeParse(next.policy);
    if (!checked.success) throw invalid(String(checked.error.issues[0]?.path[0] ?? 'policy'), checked.error.issues[0]?.message ?? 'invalid policy');
    const after = presentOrgSettings(next);
    const changed = (Object.keys(change) as Array<keyof TOrgSettings>)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (!changed.length) return before;
    await trx.updateTable('orgs').set({ settings: JSON.stringify(next) }).where('org_id', '=', p.orgId).execute();
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'update', entity: 'settings', entityId: p.orgId,
      detail: {
        fields: changed,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
      ip: ctx.ip, at: now,
    });
    return after;
  });
}

/** The China calendar's holidays and make-up days of a year, to plan overrides against. */
export function listStatutoryDays(p: Principal, year: number): TStatutoryDays {
  requirePermission(p, 'settings.read');
  const { firstYear, lastYear } = getChinaCoverage();
  return { year, firstYear, lastYear, ...listChinaSpecialDays(year) };
}
