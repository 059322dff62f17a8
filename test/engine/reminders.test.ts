import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmailAdapter } from '../../src/adapters/channels/index.js';
import type { TStaffRole } from '../../src/contracts/common.js';
import { ZCreateCandidate, type TCreateCandidate } from '../../src/contracts/candidates.js';
import { ZCompleteTask } from '../../src/contracts/engine.js';
import type { Principal } from '../../src/core/access/candidate-scope.js';
import { listPermissions } from '../../src/core/access/permissions.js';
import { createCandidate } from '../../src/services/candidates/candidates.js';
import type { Deps } from '../../src/services/deps.js';
import { completeTask, listTasks } from '../../src/services/engine/tasks.js';
import { createOrg, insertDepartment, insertSite } from '../../src/services/org/create-org.js';
import { insertUser } from '../../src/services/org/org.js';
import { chooseEscalationOwners, escalateOverdueTasks } from '../../src/services/reminders/escalate-overdue.js';
import { sendDailyDigests } from '../../src/services/reminders/send-daily-digests.js';
import { createManualClock, testVault } from '../app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../db.js';
import { startSmtpServer, type SmtpTestServer } from '../servers/smtp.js';

const PUBLIC_URL = 'https://preboard.example.com';
const FROM = 'Preboard <noreply@reminders.preboard.test>';

/*
 * One small organisation in Shanghai, every date below is Shanghai local time (UTC+8):
 *  A 张三  accepted Tue 11-24 10:00, starts 12-02: confirmation call + documents pre-review
 *          due 11-25 10:00 (HR), manager intro call 11-28 10:00, pre-onboarding meeting
 *          11-30 00:00 (HR), workstation prep 12-01 18:00 (admin).
 *  B Ada   accepted Fri 11-27 10:00, starts 12-21: confirmation call due 11-28 10:00 (HR).
 *  C 王小明 accepted 11-24 10:00, starts 2027-01-20, NO HRBP: confirmation call 11-25 10:00.
 */
const clock = createManualClock('2026-11-24T02:00:00Z');
let db: TestDatabase;
let smtp: SmtpTestServer;
let deps: Deps;
let orgId: string;
let departmentId: string;
const users = {} as Record<'hr' | 'manager' | 'hrbp' | 'admin' | 'executive' | 'idle', { id: string; email: string; role: TStaffRole }>;
const candidates = {} as Record<'a' | 'b' | 'c', string>;

function principalOf(key: keyof typeof users, departmentIds: string[] = []): Principal {
  const u = users[key];
  return { kind: 'user', orgId, userId: u.id, role: u.role, departmentIds, permissions: listPermissions(u.role) };
}

async function addCandidate(input: Partial<TCreateCandidate> & { fullName: string; startDate: string }) {
  const created = await createCandidate(deps, principalOf('hr'), ZCreateCandidate.parse({
    email: `${Math.random().toString(36).slice(2, 10)}@example.com`, phone: '13900001111', roleType: 'tech',
    departmentId, siteId: site, positionTitle: '后端工程师', salaryMonthly: 30000, salaryMonths: 14,
    hrOwnerId: users.hr.id, managerId: users.manager.id, hrbpId: users.hrbp.id, adminContactId: users.admin.id,
    offerAcceptedAt: clock.now().toISOString(), ...input,
  }), {});
  return created.id;
}
let site: string;

const mailsTo = (key: keyof typeof users) => smtp.received.filter((m) => m.envelope.to.includes(users[key].email));
const readRuns = () => db.db.selectFrom('digest_runs').selectAll().where('org_id', '=', orgId).orderBy('local_date').execute();
const readTask = (candidateId: string, key: string) => db.db.selectFrom('tasks').selectAll()
  .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('key', '=', key).executeTakeFirst();

/** The lines of a digest between a section heading and the next blank line. */
function readSection(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  const email = createSmtpEmailAdapter({ host: smtp.host, port: smtp.port, ignoreTLS: true, from: FROM, clock: () => clock.now().getTime() });
  deps = { db: db.db, clock, vault: testVault, channels: { email }, dispatch: { publicUrl: PUBLIC_URL } };
  ({ orgId } = await createOrg(deps, { slug: `rem${Math.random().toString(36).slice(2, 8)}`, name: '提醒测试 Reminders Co' }));
  departmentId = await insertDepartment(deps, orgId, '研发部');
  site = await insertSite(deps, orgId, { name: '上海', timezone: 'Asia/Shanghai' });
  const people: Array<[keyof typeof users, TStaffRole, string, 'zh-CN' | 'en-US']> = [
    ['hr', 'hr', '王芳', 'zh-CN'], ['manager', 'manager', 'Emily Chen', 'en-US'], ['hrbp', 'hrbp', '李娜', 'zh-CN'],
    ['admin', 'admin', '刘洋', 'zh-CN'], ['executive', 'executive', '陈静', 'zh-CN'], ['idle', 'hr', '赵空闲', 'zh-CN'],
  ];
  for (const [key, role, name, locale] of people) {
    const email = `${key}@${orgId.slice(0, 8)}.preboard.test`;
    const u = await insertUser(deps, orgId, {
      email, name, phone: '', role, locale, password: 'reminders-2026', departmentIds: role === 'hrbp' ? [departmentId] : [],
    }, { actorKind: 'system', actorId: null });
    users[key] = { id: u.id, email, role };
  }
  clock.set('2026-11-24T02:00:00Z');
  candidates.a = await addCandidate({ fullName: '张三', startDate: '2026-12-02' });
  candidates.c = await addCandidate({ fullName: '王小明', startDate: '2027-01-20', hrbpId: undefined });
  clock.set('2026-11-27T02:00:00Z');
  candidates.b = await addCandidate({ fullName: 'Ada Lovelace', startDate: '2026-12-21', language: 'en-US' });
});

afterAll(async () => {
  await deps?.channels?.email?.close?.();
  await smtp?.close();
  await db?.destroy();
});

describe(`staff reminders (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('sends no digest before 08:30 in the organisation\'s zone', async () => {
    clock.set('2026-11-28T00:29:00Z'); // 08:29 in Shanghai
    expect(await sendDailyDigests(deps)).toEqual({ sent: 0, failed: 0, skippedNoSmtp: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await readRuns()).toEqual([]);
  });

  it('sends each owner one digest in their language, even when two workers run at once', async () => {
    clock.set('2026-11-28T00:31:00Z'); // Sat 08:31 in Shanghai
    const [first, second] = await Promise.all([sendDailyDigests(deps), sendDailyDigests(deps)]);
    expect(first.sent + second.sent).toBe(3);
    expect(first.failed + second.failed).toBe(0);
    expect(mailsTo('hr')).toHaveLength(1);
    expect(mailsTo('manager')).toHaveLength(1);
    expect(mailsTo('admin')).toHaveLength(1);
    // No open task assigned to them: no digest, no row.
    for (const key of ['hrbp', 'executive', 'idle'] as const) expect(mailsTo(key), key).toHaveLength(0);
    const runs = await readRuns();
    expect(runs.map((r) => r.user_id).sort()).toEqual([users.hr.id, users.manager.id, users.admin.id].sort());
    expect(runs.every((r) => r.status === 'sent' && r.local_date === '2026-11-28' && r.provider_message_id)).toBe(true);

    // HR, in Chinese: overdue first, then today's, then the coming days.
    const hr = mailsTo('hr')[0]!.parsed;
    expect(hr.subject).toBe('【Preboard】2026-11-28 待办：逾期 3 项，今日到期 1 项');
    expect(hr.headers.get('content-language')).toBe('zh-CN');
    const hrText = hr.text ?? '';
    expect(hrText).toContain('王芳，您好');
    expect(readSection(hrText, '已逾期')).toEqual([
      '- 张三 · 入职意向确认电话 · 截止 2026年11月25日（星期三）10:00',
      '- 张三 · 预审入职材料 · 截止 2026年11月25日（星期三）10:00',
      '- 王小明 · 入职意向确认电话 · 截止 2026年11月25日（星期三）10:00',
    ]);
    expect(readSection(hrText, '今日到期')).toEqual(['- Ada Lovelace · 入职意向确认电话 · 截止 2026年11月28日（星期六）10:00']);
    expect(readSection(hrText, '未来 3 天')).toEqual(['- 张三 · 入职前沟通会 · 截止 2026年11月30日（星期一）00:00']);
    expect(hrText.indexOf('已逾期')).toBeLessThan(hrText.indexOf('今日到期'));
    expect(hrText.indexOf('今日到期')).toBeLessThan(hrText.indexOf('未来 3 天'));
    expect(hrText).toContain(`${PUBLIC_URL}/tasks`);
    // Not the manager's or the admin's work.
    expect(hrText).not.toContain('直属上级沟通电话');
    expect(hrText).not.toContain('准备工牌');

    // The manager, in English: the intro call, due today.
    const manager = mailsTo('manager')[0]!.parsed;
    expect(manager.subject).toBe('Preboard daily digest 2026-11-28: 0 overdue, 1 due today');
    expect(manager.headers.get('content-language')).toBe('en-US');
    expect(readSection(manager.text ?? '', 'Due today')).toEqual(['- 张三 · Manager intro call · due Saturday 28 November 2026, 10:00']);
    expect(manager.text).not.toContain('Confirmation call');
    expect(manager.text).toContain(`${PUBLIC_URL}/tasks`);

    // Admin: the workstation, three days ahead.
    const admin = mailsTo('admin')[0]!.parsed;
    expect(admin.subject).toMatch(/^【Preboard】2026-11-28 待办：逾期 0 项/);
    expect(readSection(admin.text ?? '', '未来 3 天')).toEqual(['- 张三 · 准备工牌、电脑和工位 · 截止 2026年12月1日（星期二）18:00']);
    expect(admin.text).not.toContain('入职意向确认电话');
  });

  it('sends nothing more later the same day', async () => {
    clock.set('2026-11-28T07:00:00Z'); // 15:00
    expect(await sendDailyDigests(deps)).toEqual({ sent: 0, failed: 0, skippedNoSmtp: 0 });
    expect(smtp.received).toHaveLength(3);
  });

  it('escalates an overdue task once, to the role above its owner, and not a done one', async () => {
    clock.set('2026-11-28T07:00:00Z'); // Sat 15:00, three days after the HR tasks were due
    await completeTask(deps, principalOf('hr'), candidates.a, 'prep.documents_prereview#0', ZCompleteTask.parse({ outcome: 'ok' }), {});
    const [one, two] = await Promise.all([escalateOverdueTasks(deps, { orgId }), escalateOverdueTasks(deps, { orgId })]);
    expect(one.escalated + two.escalated).toBe(2);

    const a = await readTask(candidates.a, 'offer.confirmation_call#0!escalated');
    expect(a).toMatchObject({ kind: 'escalation', status: 'open', step_id: 'offer.confirmation_call', owner_roles: ['hrbp'] });
    // One business day: Saturday rolls to Monday 09:00, due Tuesday 09:00 Shanghai.
    expect(a!.due_at.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    // Without an HRBP, HR's overdue work goes to an executive rather than to nobody.
    expect(await readTask(candidates.c, 'offer.confirmation_call#0!escalated')).toMatchObject({ owner_roles: ['executive'] });
    expect(await readTask(candidates.a, 'prep.documents_prereview#0!escalated')).toBeUndefined();
    // Due today, not overdue past the 24 h grace.
    expect(await readTask(candidates.a, 'prep.manager_intro_call#0!escalated')).toBeUndefined();
    expect(await readTask(candidates.b, 'offer.confirmation_call#0!escalated')).toBeUndefined();

    expect(await escalateOverdueTasks(deps, { orgId })).toEqual({ escalated: 0 });
    const notes = await db.db.selectFrom('touches').selectAll().where('org_id', '=', orgId).where('candidate_id', '=', candidates.a)
      .where('summary', 'like', 'Escalated%').execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ direction: 'internal', author_kind: 'system', step_id: 'offer.confirmation_call' });
    expect(notes[0]!.summary).toBe('Escalated offer.confirmation_call to hrbp: overdue since 2026-11-25T10:00:00+08:00');

    const forHrbp = await listTasks(deps, principalOf('hrbp', [departmentId]), { status: 'open', due: 'all', mine: 'false', limit: 200, offset: 0 });
    expect(forHrbp.items.filter((t) => t.kind === 'escalation').map((t) => `${t.candidateName}:${t.key}`))
      .toEqual(['张三:offer.confirmation_call#0!escalated']);
    const forExec = await listTasks(deps, principalOf('executive'), { status: 'open', due: 'all', mine: 'false', limit: 200, offset: 0 });
    expect(forExec.items.map((t) => `${t.candidateName}:${t.key}`)).toEqual(['王小明:offer.confirmation_call#0!escalated']);
  });

  it('escalates a manager\'s overdue task to HR, whom the manager list does not show', async () => {
    clock.set('2026-11-29T03:00:00Z'); // Sun 11:00: the intro call and B's call are 25 h overdue
    // HR finally makes A's confirmation call: its escalation is settled with it.
    await completeTask(deps, principalOf('hr'), candidates.a, 'offer.confirmation_call#0', ZCompleteTask.parse({ outcome: 'confirmed' }), {});
    expect(await escalateOverdueTasks(deps, { orgId })).toEqual({ escalated: 2 });
    expect(await readTask(candidates.a, 'offer.confirmation_call#0!escalated')).toMatchObject({ status: 'done', outcome: 'The original task was done.' });
    expect(await readTask(candidates.a, 'prep.manager_intro_call#0!escalated')).toMatchObject({ kind: 'escalation', owner_roles: ['hr'] });
    expect(await readTask(candidates.b, 'offer.confirmation_call#0!escalated')).toMatchObject({ owner_roles: ['hrbp'] });
    const query = { status: 'open', due: 'all', mine: 'false', limit: 200, offset: 0 } as const;
    const forHr = await listTasks(deps, principalOf('hr'), query);
    expect(forHr.items.map((t) => t.key)).toContain('prep.manager_intro_call#0!escalated');
    const forManager = await listTasks(deps, principalOf('manager'), query);
    expect(forManager.items.map((t) => t.key)).toContain('prep.manager_intro_call#0');
    expect(forManager.items.some((t) => t.kind === 'escalation')).toBe(false);
    const forHrbp = await listTasks(deps, principalOf('hrbp', [departmentId]), query);
    expect(forHrbp.items.map((t) => t.key)).not.toContain('prep.manager_intro_call#0!escalated');
  });

  it('sends a new digest the next day, with the open escalations for the HRBP and the executive', async () => {
    const before = smtp.received.length;
    clock.set('2026-11-30T00:31:00Z'); // Mon 08:31
    const counts = await sendDailyDigests(deps);
    expect(counts).toEqual({ sent: 5, failed: 0, skippedNoSmtp: 0 });
    expect(smtp.received.length - before).toBe(5);
    for (const key of ['hr', 'manager', 'admin'] as const) expect(mailsTo(key), key).toHaveLength(2);
    // Their first: escalations are the only work assigned to them.
    for (const key of ['hrbp', 'executive'] as const) expect(mailsTo(key), key).toHaveLength(1);
    expect(mailsTo('idle')).toHaveLength(0);

    const hrbp = mailsTo('hrbp')[0]!.parsed;
    expect(hrbp.subject).toMatch(/^【Preboard】2026-11-30 待办/);
    // Raised on Sunday: Monday 09:00 + 1 business day. A's escalation was settled with its task.
    expect(readSection(hrbp.text ?? '', '未来 3 天')).toEqual(['- [升级] Ada Lovelace · 入职意向确认电话 · 截止 2026年12月1日（星期二）09:00']);
    expect(hrbp.text).not.toContain('张三');
    const executive = mailsTo('executive')[0]!.parsed.text ?? '';
    expect(executive).toContain('[升级] 王小明 · 入职意向确认电话');
    expect(executive).not.toContain('张三');
    // HR's digest now also carries the manager's escalated intro call.
    expect(mailsTo('hr')[1]!.parsed.text).toContain('[升级] 张三 · 直属上级沟通电话');
    const runs = (await readRuns()).filter((r) => r.local_date === '2026-11-30');
    expect(runs).toHaveLength(5);
  });

  it('without SMTP keeps the day\'s row as skipped_no_smtp and sends nothing that day', async () => {
    const before = smtp.received.length;
    clock.set('2026-12-01T00:45:00Z'); // Tue 08:45
    const noSmtp: Deps = { db: db.db, clock, vault: testVault, dispatch: { publicUrl: PUBLIC_URL } };
    const counts = await sendDailyDigests(noSmtp);
    expect(counts.sent).toBe(0);
    expect(counts.skippedNoSmtp).toBeGreaterThanOrEqual(3);
    const runs = (await readRuns()).filter((r) => r.local_date === '2026-12-01');
    expect(runs.length).toBe(counts.skippedNoSmtp);
    expect(runs.every((r) => r.status === 'skipped_no_smtp' && r.finished_at !== null)).toBe(true);
    // The day is claimed: a worker that has SMTP does not send it again.
    expect((await sendDailyDigests(deps)).sent).toBe(0);
    expect(smtp.received.length).toBe(before);
  });

  it('picks the escalation owner by rule', () => {
    expect(chooseEscalationOwners(['hr'], true)).toEqual(['hrbp']);
    expect(chooseEscalationOwners(['hr', 'manager'], true)).toEqual(['hrbp']);
    expect(chooseEscalationOwners(['hr'], false)).toEqual(['executive']);
    expect(chooseEscalationOwners(['manager'], true)).toEqual(['hr']);
    expect(chooseEscalationOwners(['admin'], false)).toEqual(['hr']);
  });
});
