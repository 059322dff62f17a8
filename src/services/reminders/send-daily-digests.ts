import { addLocalDays, parseLocalTime, startOfLocalDay, toLocalDate, toLocalMinutes } from '../../core/time/local-time.js';
import type { SendResult } from '../../adapters/channels/index.js';
import type { Deps } from '../deps.js';
import { postToStaffChannels } from '../org/staff-channel-delivery.js';
import { buildDigestSummaryTexts, type DigestOwnerCounts } from '../org/staff-channel-texts.js';
import { listAssignedTasks, type AssignedTask } from './assign-tasks.js';
import { buildDigestEmail, toDigestLocale, type DigestSections } from './digest-texts.js';
import { readReminderSettings } from './reminder-settings.js';

export interface SendDailyDigestsOptions {
  /** Only this organisation (default: every organisation). */
  orgId?: string;
}

export interface DigestCounts {
  sent: number;
  failed: number;
  /** Claimed and recorded, but no SMTP is configured. */
  skippedNoSmtp: number;
}

/**
 * Sends each active staff user with open tasks their daily digest: one email in their
 * language listing overdue tasks, then today's, then the next few days, with a link to
 * the console. Runs on every worker tick; in an organisation it acts only once the local
 * time has passed `settings.reminders.digestTime` (08:30).
 *
 * At most one digest per user per local day: the `digest_runs` row is claimed (insert …
 * on conflict do nothing) BEFORE the email goes out, so concurrent workers and restarts
 * never send it twice. The price is at-most-once: a crash between claim and send, or a
 * failed send, loses that day's digest (the row says `sending`/`failed`); the tasks are
 * still in the console and tomorrow's digest lists them again.
 */
export async function sendDailyDigests(deps: Deps, opts: SendDailyDigestsOptions = {}): Promise<DigestCounts> {
  const now = deps.clock.now();
  const counts: DigestCounts = { sent: 0, failed: 0, skippedNoSmtp: 0 };
  let orgs = deps.db.selectFrom('orgs').select(['org_id', 'timezone', 'settings']);
  if (opts.orgId) orgs = orgs.where('org_id', '=', opts.orgId);
  for (const org of await orgs.execute()) {
    const settings = readReminderSettings(org.settings);
    if (toLocalMinutes(now, org.timezone) < parseLocalTime(settings.digestTime)) continue;
    const localDate = toLocalDate(now, org.timezone);
    await sendOrgDigests(deps, { orgId: org.org_id, timeZone: org.timezone, localDate, horizonDays: settings.digestHorizonDays, now }, counts);
  }
  return counts;
}

interface OrgDay {
  orgId: string;
  timeZone: string;
  localDate: string;
  horizonDays: number;
  now: Date;
}

async function sendOrgDigests(deps: Deps, day: OrgDay, counts: DigestCounts): Promise<void> {
  const done = await deps.db.selectFrom('digest_runs').select('user_id')
    .where('org_id', '=', day.orgId).where('local_date', '=', day.localDate).execute();
  const skip = new Set(done.map((r) => r.user_id));
  const horizonEnd = startOfLocalDay(addLocalDays(day.localDate, day.horizonDays + 1), day.timeZone);
  const assigned = await listAssignedTasks(deps, day.orgId, horizonEnd);
  const tasksUrl = `${(deps.dispatch?.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '')}/tasks`;
  const owners: DigestOwnerCounts[] = [];
  let claimedAny = false;
  for (const { user, tasks } of assigned.values()) {
    const sections = splitSections(tasks, day);
    owners.push({ name: user.name, overdue: sections.overdue.length, today: sections.today.length });
    if (skip.has(user.id)) continue;
    const locale = toDigestLocale(user.locale);
    const email = buildDigestEmail({
      locale, recipientName: user.name, localDate: day.localDate, timeZone: day.timeZone, horizonDays: day.horizonDays, sections, tasksUrl,
    });
    const claimed = await deps.db.insertInto('digest_runs').values({
      org_id: day.orgId, user_id: user.id, local_date: day.localDate, status: 'sending', task_count: tasks.length,
      overdue_count: sections.overdue.length, subject: email.subject, provider_message_id: null, last_error: null,
      claimed_at: day.now, finished_at: null,
    }).onConflict((oc) => oc.columns(['org_id', 'user_id', 'local_date']).doNothing()).returning('user_id').executeTakeFirst();
    if (!claimed) continue; // another worker has it
    claimedAny = true;
    const finish = (set: { status: string; provider_message_id?: string | null; last_error?: string | null }) =>
      deps.db.updateTable('digest_runs').set({ ...set, finished_at: deps.clock.now() })
        .where('org_id', '=', day.orgId).where('user_id', '=', user.id).where('local_date', '=', day.localDate).execute();
    const adapter = deps.channels?.email;
    if (!adapter) {
      await finish({ status: 'skipped_no_smtp' });
      counts.skippedNoSmtp += 1;
      continue;
    }
    let result: SendResult;
    try {
      result = await adapter.send(
        { to: user.email, subject: email.subject, text: email.text, locale },
        { idempotencyKey: `digest-${day.orgId}-${user.id}-${day.localDate}` },
      );
    } catch (err) {
      // Adapters classify provider failures; a throw is a bug, recorded rather than fatal to the others.
      result = { status: 'permanent', code: 'adapter_error', message: err instanceof Error ? err.message : String(err) };
    }
    if (result.status === 'sent') {
      await finish({ status: 'sent', provider_message_id: result.providerMessageId });
      counts.sent += 1;
    } else {
      await finish({ status: 'failed', last_error: `${result.code}: ${result.message}` });
      counts.failed += 1;
    }
  }
  // The group summary follows the run that claimed the day's digests; the post key (the
  // org's digest day) keeps a retried or later run from posting it again. Never throws.
  if (claimedAny) {
    await postToStaffChannels(deps, day.orgId, {
      event: 'digest', key: `digest:${day.localDate}`, texts: buildDigestSummaryTexts(day.localDate, owners, tasksUrl),
    });
  }
}

/** Overdue (due before now), due later today, and due within the horizon, each by due time. */
function splitSections(tasks: AssignedTask[], day: OrgDay): DigestSections {
  const sections: DigestSections = { overdue: [], today: [], upcoming: [] };
  const nowMs = day.now.getTime();
  for (const task of tasks) {
    const item = { candidateName: task.candidateName, stepId: task.stepId, kind: task.kind, dueAt: task.dueAt };
    if (task.dueAt.getTime() < nowMs) sections.overdue.push(item);
    else if (toLocalDate(task.dueAt, day.timeZone) === day.localDate) sections.today.push(item);
    else sections.upcoming.push(item);
  }
  return sections;
}
