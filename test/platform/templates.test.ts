/**
 * Editable message templates through the API: the list merges built-in texts with the
 * organisation's versions, saving appends an audited version, Liquid mistakes answer 400
 * and compliance errors 422 (both naming the field), the preview renders unsaved text
 * against a candidate or a sample, roles and organisations are kept apart, and the
 * dispatcher sends the organisation's latest wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmailAdapter } from '../../src/adapters/channels/index.js';
import type { Deps } from '../../src/services/deps.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import { onPostgres } from '../db.js';
import { createAcceptedCandidate } from '../engine/fixtures/dispatch-world.js';
import { startSmtpServer } from '../servers/smtp.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };

beforeAll(async () => {
  t = await createTestApp();
  // Wednesday 2026-11-25 10:00 in Shanghai: outside quiet hours.
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
});
afterAll(async () => t?.close());

const HOUR = 3_600_000;
const list = (who: Session | undefined, query = '') => t.call(who, 'GET', `/api/v1/templates${query}`);
const detail = (who: Session, id: string, query: string) => t.call(who, 'GET', `/api/v1/templates/${id}?${query}`);
const save = (who: Session | undefined, id: string, body: unknown) => t.call(who, 'POST', `/api/v1/templates/${id}/versions`, body);
const preview = (who: Session | undefined, id: string, body: unknown) => t.call(who, 'POST', `/api/v1/templates/${id}/preview`, body);

async function countAudits(orgId: string, action: string) {
  const rows = await t.deps.db.selectFrom('audit_log').select(['detail', 'actor_id']).where('org_id', '=', orgId)
    .where('entity', '=', 'template_version').where('action', '=', action).execute();
  return rows;
}

describe(`message templates API (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists every built-in template in both languages, nothing customised yet, with filters', async () => {
    const res = await list(s.hr);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.steps).toContain('offer.send_package');
    const offer = body.items.filter((i: { templateId: string }) => i.templateId === 'offer.send_package');
    expect(offer.map((i: { locale: string }) => i.locale).sort()).toEqual(['en-US', 'zh-CN']);
    expect(offer[0]).toMatchObject({ step: 'offer.send_package', roleType: null, source: 'default', customised: false, version: 0, kind: 'message' });
    const daily = (await list(s.hr, '?step=final.daily_care&locale=en-US')).json().items;
    expect(daily.map((i: { templateId: string }) => i.templateId)).toEqual(['final.daily_care.s-3', 'final.daily_care.s-2', 'final.daily_care.s-1']);
    expect(daily.every((i: { locale: string }) => i.locale === 'en-US')).toBe(true);
    expect((await list(s.hr, '?customised=true')).json().items).toEqual([]);
    expect((await list(s.hr, '?locale=fr-FR')).statusCode).toBe(400);
  });

  it('saves a version, keeps history, audits it and shows it as customised', async () => {
    const res = await save(s.hr, 'final.daily_care.s-3', {
      locale: 'zh-CN', subject: '三天后见，{{ candidate.name }}', body: '{{ candidate.name }}，您好！\n\n三天后在{{ site.name }}见。\n\n{{ hr.name }}', baseVersion: 0,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ templateId: 'final.daily_care.s-3', version: 1, customised: true, source: 'all_roles', findings: [] });
    expect(res.json().subject).toBe('三天后见，{{ candidate.name }}');
    expect(res.json().defaultText.subject).toBe('还有三天，我们就见面了');

    const second = await save(s.org_admin, 'final.daily_care.s-3', { locale: 'zh-CN', subject: '三天后见', body: '{{ candidate.name }}，三天后见。', baseVersion: 1 });
    expect(second.statusCode, second.body).toBe(201);
    const read = (await detail(s.hr, 'final.daily_care.s-3', 'locale=zh-CN')).json();
    expect(read.version).toBe(2);
    expect(read.body).toBe('{{ candidate.name }}，三天后见。');
    expect(read.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(read.versions[1]).toMatchObject({ subject: '三天后见，{{ candidate.name }}', restoresDefault: false, createdBy: { id: demo.users.hr.id } });
    expect(read.variables.map((v: { path: string }) => v.path)).toContain('offer.startDate');
    // The other language and the list.
    expect((await detail(s.hr, 'final.daily_care.s-3', 'locale=en-US')).json()).toMatchObject({ customised: false, version: 0, subject: 'Three days to go' });
    const customised = (await list(s.hr, '?customised=true')).json().items;
    expect(customised).toHaveLength(1);
    expect(customised[0]).toMatchObject({ templateId: 'final.daily_care.s-3', locale: 'zh-CN', version: 2, updatedBy: { id: demo.users.org_admin.id } });

    const audits = await countAudits(demo.orgId, 'create');
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.actor_id).sort()).toEqual([demo.users.hr.id, demo.users.org_admin.id].sort());
    expect(audits.map((a) => (a.detail as { version: number }).version).sort()).toEqual([1, 2]);

    // An editor that started from an older version is told, not overwritten.
    const stale = await save(s.hr, 'final.daily_care.s-3', { locale: 'zh-CN', subject: 'x', body: 'y', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('baseVersion');
  });

  it('returns lint warnings with a successful save', async () => {
    const res = await save(s.hr, 'prep.checklist', { locale: 'zh-CN', subject: '入职材料', body: '{{ candidate.name }}，请在报到当天带上体检报告。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().findings).toEqual([expect.objectContaining({ rule: 'health', severity: 'warning', field: 'body', line: 1, excerpt: '体检' })]);
    const audit = (await countAudits(demo.orgId, 'create')).find((a) => (a.detail as { templateId: string }).templateId === 'prep.checklist');
    expect((audit!.detail as { warnings: string[] }).warnings).toEqual(['health']);
  });

  it('refuses a forbidden question with 422 naming the field and listing the findings', async () => {
    const before = (await detail(s.hr, 'offer.channel_invite', 'locale=zh-CN')).json().version;
    const res = await save(s.hr, 'offer.channel_invite', {
      locale: 'zh-CN', subject: '欢迎加入', body: '{{ candidate.name }}，您好！\n\n入群前请告诉我们您的婚姻状况。',
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'compliance_refused', field: 'body' });
    expect(error.message).toContain('line 3');
    expect(error.details.findings).toEqual([expect.objectContaining({ rule: 'marital_status', severity: 'error', field: 'body', line: 3, excerpt: '婚姻' })]);
    const subject = await save(s.hr, 'offer.channel_invite', { locale: 'en-US', subject: 'Are you married?', body: 'Hello {{ candidate.name }}' });
    expect(subject.statusCode).toBe(422);
    expect(subject.json().error.field).toBe('subject');
    expect((await detail(s.hr, 'offer.channel_invite', 'locale=zh-CN')).json().version).toBe(before);
  });

  it('answers Liquid mistakes with 400 naming the field and the line, never 500', async () => {
    const syntax = await save(s.hr, 'offer.channel_invite', { locale: 'zh-CN', subject: '欢迎', body: '您好！\n{% if candidate.name %}\n没有结束' });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error).toMatchObject({ code: 'template_syntax', field: 'body' });
    expect(syntax.json().error.message).toMatch(/^body line 2: /);
    const tag = await save(s.hr, 'offer.channel_invite', { locale: 'zh-CN', subject: '{% include "/etc/passwd" %}', body: '您好' });
    expect(tag.statusCode).toBe(400);
    expect(tag.json().error.field).toBe('subject');
    const unknown = await save(s.hr, 'offer.channel_invite', { locale: 'zh-CN', subject: '欢迎', body: '{{ candidate.nmae }}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_variable', field: 'body' });
    const filter = await save(s.hr, 'offer.channel_invite', { locale: 'zh-CN', subject: '欢迎', body: "{{ offer.startDate | format_date: 'fr' }}" });
    expect(filter.statusCode).toBe(400);
    expect(filter.json().error).toMatchObject({ code: 'template_render', field: 'body' });
    const empty = await save(s.hr, 'offer.channel_invite', { locale: 'zh-CN', subject: ' ', body: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('subject');
    expect((await save(s.hr, 'no.such_template', { locale: 'zh-CN', subject: 'a', body: 'b' })).statusCode).toBe(404);
  });

  it('previews unsaved text against a sample or a chosen candidate, with findings and problems', async () => {
    const sample = await preview(s.hr, 'offer.send_package', { locale: 'zh-CN', subject: 'Offer：{{ offer.position }}', body: '{{ candidate.name }}，{{ offer.startDate | format_date: "zh" }}入职。' });
    expect(sample.statusCode, sample.body).toBe(200);
    expect(sample.json()).toMatchObject({ subject: 'Offer：后端工程师', body: '张三，2026年12月14日（星期一）入职。', findings: [], problems: [], candidate: null });

    const hire = await createAcceptedCandidate(t.deps, demo, { fullName: '预览候选人', language: 'en-US', startDate: '2026-12-28' });
    const real = await preview(s.hr, 'offer.send_package', {
      locale: 'zh-CN', subject: '给 {{ candidate.name }}', body: '请问您的婚姻状况？\n{{ offer.startDate }}\n{% if x %}', candidateId: hire.id,
    });
    expect(real.statusCode, real.body).toBe(200);
    const body = real.json();
    expect(body.subject).toBe('给 预览候选人');
    expect(body.body).toBeNull();
    expect(body.candidate).toEqual({ id: hire.id, name: '预览候选人' });
    expect(body.findings).toEqual([expect.objectContaining({ rule: 'marital_status', field: 'body', line: 1 })]);
    expect(body.problems).toEqual([expect.objectContaining({ field: 'body', code: 'parse_error', line: 3 })]);
    const fine = await preview(s.hr, 'offer.send_package', { locale: 'en-US', subject: 'Hi', body: 'Starts {{ offer.startDate }}', candidateId: hire.id });
    expect(fine.json().body).toBe('Starts 2026-12-28');
    // A candidate record without the optional section the text uses: named, not a crash.
    const missing = await preview(s.hr, 'offer.send_package', { locale: 'en-US', subject: 'Hi', body: '{{ meeting.link }}', candidateId: hire.id });
    expect(missing.json().problems).toEqual([expect.objectContaining({ field: 'body', code: 'missing_data', variable: 'meeting' })]);
    const reads = await t.deps.db.selectFrom('audit_log').select('candidate_id').where('org_id', '=', demo.orgId).where('entity', '=', 'template_preview').execute();
    expect(reads.map((r) => r.candidate_id)).toContain(hire.id);

    expect((await preview(s.hr, 'offer.send_package', { locale: 'zh-CN', subject: 'a', body: 'b', candidateId: other.demo.candidateIds[0] })).statusCode).toBe(404);
    expect((await preview(other.sessions.hr, 'offer.send_package', { locale: 'zh-CN', subject: 'a', body: 'b', candidateId: hire.id })).statusCode).toBe(404);
  });

  it('lets only HR and org admins in', async () => {
    for (const role of ['hrbp', 'manager', 'manager2', 'admin', 'executive'] as Role[]) {
      expect((await list(s[role])).statusCode, role).toBe(403);
      expect((await detail(s[role], 'offer.send_package', 'locale=zh-CN')).statusCode, role).toBe(403);
      expect((await save(s[role], 'offer.send_package', { locale: 'zh-CN', subject: 'a', body: 'b' })).statusCode, role).toBe(403);
      expect((await preview(s[role], 'offer.send_package', { locale: 'zh-CN', subject: 'a', body: 'b' })).statusCode, role).toBe(403);
    }
    expect((await list(s.org_admin)).statusCode).toBe(200);
    expect((await list(undefined)).statusCode).toBe(401);
    expect((await save(undefined, 'offer.send_package', { locale: 'zh-CN', subject: 'a', body: 'b' })).statusCode).toBe(401);
  });

  it('keeps each organisation’s wording to itself', async () => {
    const theirs = (await detail(other.sessions.hr, 'final.daily_care.s-3', 'locale=zh-CN')).json();
    expect(theirs).toMatchObject({ customised: false, version: 0, versions: [], subject: '还有三天，我们就见面了' });
    expect((await list(other.sessions.hr, '?customised=true')).json().items).toEqual([]);
  });

  it('goes back to the built-in text as a version of its own, once', async () => {
    const res = await t.call(s.hr, 'POST', '/api/v1/templates/prep.checklist/restore-default', { locale: 'zh-CN' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applied: true, customised: false, source: 'default', version: 2 });
    expect(res.json().versions[0]).toMatchObject({ version: 2, restoresDefault: true, subject: null, body: null });
    expect(res.json().subject).toBe(res.json().defaultText.subject);
    const again = await t.call(s.hr, 'POST', '/api/v1/templates/prep.checklist/restore-default', { locale: 'zh-CN' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ applied: false, version: 2 });
    expect(await countAudits(demo.orgId, 'restore_default')).toHaveLength(1);
  });

  it('words a template for one role type on top of the all-roles wording', async () => {
    const res = await save(s.hr, 'final.daily_care.s-3', { locale: 'zh-CN', roleType: 'sales', subject: '销售团队等你', body: '{{ candidate.name }}，销售团队三天后见。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ roleType: 'sales', source: 'role_type', version: 1 });
    const forSales = (await list(s.hr, '?roleType=sales&step=final.daily_care&locale=zh-CN')).json().items[0];
    const forTech = (await list(s.hr, '?roleType=tech&step=final.daily_care&locale=zh-CN')).json().items[0];
    expect(forSales).toMatchObject({ source: 'role_type', customised: true, subject: '销售团队等你' });
    expect(forTech).toMatchObject({ source: 'all_roles', customised: false, subject: '三天后见' });
    const overview = (await list(s.hr, '?customised=true')).json().items.map((i: { templateId: string; roleType: string | null }) => `${i.templateId}/${i.roleType}`);
    expect(overview).toEqual(['final.daily_care.s-3/null', 'final.daily_care.s-3/sales']);
  });
});

describe('prepared messages HR read before they go', () => {
  it('show the organisation’s wording of the thank-you note', async () => {
    const saved = await save(s.hr, 'declined.thank_you', { locale: 'zh-CN', subject: '感谢您的考虑，{{ candidate.name }}', body: '{{ candidate.name }}，祝一切顺利。' });
    expect(saved.statusCode, saved.body).toBe(201);
    const hire = await createAcceptedCandidate(t.deps, demo, { fullName: '谢谢您', language: 'zh-CN' });
    const declined = await t.call(s.hr, 'POST', `/api/v1/candidates/${hire.id}/decline`, { type: 'offer_declined', reason: 'salary' });
    expect(declined.statusCode, declined.body).toBe(201);
    const prepared = await t.call(s.hr, 'GET', `/api/v1/candidates/${hire.id}/prepared-messages`);
    const thanks = prepared.json().items.find((m: { stepId: string }) => m.stepId === 'declined.thank_you');
    expect(thanks).toMatchObject({ subject: '感谢您的考虑，谢谢您', body: '谢谢您，祝一切顺利。', renderError: null });
  });
});

describe('the dispatcher sends the organisation’s latest wording', () => {
  it('renders a customised template, its latest version and a role type’s own wording at send time', async () => {
    const smtp = await startSmtpServer();
    try {
      const email = createSmtpEmailAdapter({ host: smtp.host, port: smtp.port, ignoreTLS: true, from: 'HR <hr@demo.preboard.test>', clock: () => t.clock.now().getTime() });
      const deps: Deps = { ...t.deps, channels: { email }, dispatch: { publicUrl: 'https://preboard.example.com' } };
      t.clock.set('2026-11-25T02:00:00Z');
      const tech = await createAcceptedCandidate(deps, demo, { fullName: '李定制', language: 'zh-CN', roleType: 'tech' });
      const sales = await createAcceptedCandidate(deps, demo, { fullName: '王销售', language: 'zh-CN', roleType: 'sales', departmentId: demo.departments.sales });
      const english = await createAcceptedCandidate(deps, demo, { fullName: 'Ada Default', language: 'en-US', roleType: 'tech' });
      // Saved after the plan was made: the message reads the version in force when it goes.
      const first = await save(s.hr, 'offer.send_package', { locale: 'zh-CN', subject: '旧版：{{ candidate.name }}', body: '旧版正文' });
      expect(first.statusCode, first.body).toBe(201);
      const latest = await save(s.hr, 'offer.send_package', {
        locale: 'zh-CN', subject: '{{ org.name }} 的 Offer：{{ candidate.name }}', body: '{{ candidate.name }}，您好！\n定制正文，入职日期 {{ offer.startDate }}。', baseVersion: 1,
      });
      expect(latest.statusCode, latest.body).toBe(201);
      const forSales = await save(s.hr, 'offer.send_package', { locale: 'zh-CN', roleType: 'sales', subject: '销售版 Offer：{{ candidate.name }}', body: '销售团队欢迎您。' });
      expect(forSales.statusCode, forSales.body).toBe(201);

      t.clock.advance(2 * HOUR);
      while ((await wakeDueCandidates(deps, { orgId: demo.orgId, limit: 100 })) === 100) { /* more */ }
      const { counts } = await dispatchDueMessages(deps, { orgId: demo.orgId });
      expect(counts.error).toBe(0);

      const mailTo = (address: string) => smtp.received.find((m) => m.envelope.to.includes(address));
      const techMail = mailTo(tech.email!);
      expect(techMail, 'the tech hire got no offer package').toBeDefined();
      expect(techMail!.parsed.subject).toMatch(/ 的 Offer：李定制$/);
      expect(techMail!.parsed.text).toContain('定制正文，入职日期 2026-12-28。');
      expect(techMail!.parsed.text).not.toContain('旧版');
      expect(mailTo(sales.email!)!.parsed.subject).toBe('销售版 Offer：王销售');
      expect(mailTo(sales.email!)!.parsed.text).toContain('销售团队欢迎您。');
      // Not customised in English: the built-in text goes out.
      expect(mailTo(english.email!)!.parsed.subject).toMatch(/^Your offer from /);
      const row = await t.deps.db.selectFrom('outbound_messages').select(['subject', 'status']).where('org_id', '=', demo.orgId)
        .where('candidate_id', '=', tech.id).where('lead_key', '=', 'offer.send_package#0').executeTakeFirstOrThrow();
      expect(row).toEqual({ subject: techMail!.parsed.subject, status: 'sent' });
    } finally {
      await smtp.close();
    }
  });
});
