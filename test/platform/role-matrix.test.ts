import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbooks/default-playbook.js';
import { startWecomServer, type WecomTestServer } from '../servers/wecom.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
let engCandidate: string;
let salesCandidate: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  engCandidate = demo.candidateIds[0]!; // engineering, managed by `manager`
  salesCandidate = demo.candidateIds[5]!; // sales, managed by `manager2`
});
afterAll(async () => t?.close());

const ROLES: Role[] = ['hr', 'hrbp', 'manager', 'manager2', 'admin', 'executive', 'org_admin'];
/** The engineering candidate's current start date: agreeing it again changes nothing. */
let engStartDate = '';
beforeAll(async () => { engStartDate = (await t.call(s.hr, 'GET', `/api/v1/candidates/${engCandidate}`)).json().startDate; });
/** A question the engineering candidate asked in the portal, for the answer route. */
let portalQuestionId = '';
beforeAll(async () => {
  const credential = (await t.call(s.hr, 'POST', `/api/v1/candidates/${engCandidate}/portal-link`)).json().url.split('#t=')[1];
  const asked = await t.app.inject({
    method: 'POST', url: '/api/v1/portal/questions', payload: JSON.stringify({ text: 'matrix question' }),
    headers: { authorization: `Portal ${credential}`, 'content-type': 'application/json' },
  });
  portalQuestionId = asked.json().id;
});
/** Two staff robots on a local WeCom server: one to test-send to, one to remove. */
let wecomRobot: WecomTestServer | undefined;
const staffChannelIds = { test: '', remove: '' };
beforeAll(async () => {
  wecomRobot = await startWecomServer({ robotKey: 'matrix-key', robotLimitPerMinute: 1000 });
  for (const key of ['test', 'remove'] as const) {
    staffChannelIds[key] = (await t.call(s.org_admin, 'POST', '/api/v1/settings/staff-channels', {
      kind: 'wecom', name: key, webhookUrl: `${wecomRobot.url}/cgi-bin/webhook/send?key=matrix-key`, events: ['digest'],
    })).json().id;
  }
});
afterAll(async () => wecomRobot?.close());
/** The latest playbook version before each save attempt, so every allowed save starts from it. */
let playbookBase = 1;
beforeEach(async () => {
  if (!expect.getState().currentTestName?.includes('save a playbook version')) return;
  playbookBase = (await t.call(s.hr, 'GET', '/api/v1/playbooks')).json().items[0].latestVersion;
});
const playbookDraft = () => ({ name: `Matrix ${Math.random().toString(36).slice(2)}`, steps: DEFAULT_PLAYBOOK.steps });
const ok = (...roles: Role[]) => Object.fromEntries(ROLES.map((r) => [r, roles.includes(r)])) as Record<Role, boolean>;
const everyone = ok(...ROLES);

/**
 * DESIGN §1 written out by hand (not derived from the permission table), for a
 * candidate in Engineering managed by `manager`. true = allowed (2xx), false = 403/404.
 */
const MATRIX: Array<{ name: string; method: string; url: () => string; body?: () => unknown; allowed: Record<Role, boolean> }> = [
  { name: 'list candidates', method: 'GET', url: () => '/api/v1/candidates', allowed: everyone },
  { name: 'read candidate', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}`, allowed: ok('hr', 'hrbp', 'manager', 'admin', 'executive', 'org_admin') },
  {
    name: 'create candidate', method: 'POST', url: () => '/api/v1/candidates', allowed: ok('hr', 'org_admin'),
    body: () => ({ fullName: 'Matrix', roleType: 'other', departmentId: demo.departments.engineering, siteId: demo.sites.shanghai, positionTitle: 'P', startDate: '2027-02-01' }),
  },
  { name: 'edit candidate', method: 'PATCH', url: () => `/api/v1/candidates/${engCandidate}`, body: () => ({ notes: 'n' }), allowed: ok('hr', 'org_admin') },
  { name: 'offer history', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/offers`, allowed: ok('hr', 'hrbp', 'manager', 'executive', 'org_admin') },
  { name: 'new offer version', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/offers`, body: () => ({ reason: 'matrix' }), allowed: ok('hr', 'org_admin') },
  { name: 'read timeline', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/timeline`, allowed: ok('hr', 'hrbp', 'manager', 'executive', 'org_admin') },
  {
    name: 'record touch', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/touches`, allowed: ok('hr', 'hrbp', 'manager', 'org_admin'),
    body: () => ({ kind: 'note', channel: 'other', direction: 'internal', summary: 'matrix' }),
  },
  { name: 'list departments', method: 'GET', url: () => '/api/v1/departments', allowed: everyone },
  { name: 'create department', method: 'POST', url: () => '/api/v1/departments', body: () => ({ name: `D${Math.random()}` }), allowed: ok('org_admin') },
  { name: 'list sites', method: 'GET', url: () => '/api/v1/sites', allowed: everyone },
  { name: 'create site', method: 'POST', url: () => '/api/v1/sites', body: () => ({ name: `S${Math.random()}`, timezone: 'Asia/Shanghai' }), allowed: ok('org_admin') },
  { name: 'edit site', method: 'PATCH', url: () => `/api/v1/sites/${demo.sites.beijing}`, body: () => ({ parking: 'B1' }), allowed: ok('org_admin') },
  { name: 'list users', method: 'GET', url: () => '/api/v1/users', allowed: ok('hr', 'hrbp', 'executive', 'org_admin') },
  {
    name: 'create user', method: 'POST', url: () => '/api/v1/users', allowed: ok('org_admin'),
    body: () => ({ email: `u${Math.random().toString(36).slice(2)}@example.com`, name: 'New', role: 'hr', password: 'long-enough-password' }),
  },
  { name: 'edit user', method: 'PATCH', url: () => `/api/v1/users/${demo.users.executive.id}`, body: () => ({ phone: '123' }), allowed: ok('org_admin') },
  { name: 'list API tokens', method: 'GET', url: () => '/api/v1/api-tokens', allowed: ok('org_admin') },
  { name: 'create API token', method: 'POST', url: () => '/api/v1/api-tokens', body: () => ({ name: 'ats', scopes: ['candidates:read'] }), allowed: ok('org_admin') },
  { name: 'read audit log', method: 'GET', url: () => '/api/v1/audit', allowed: ok('org_admin') },
  { name: 'read settings', method: 'GET', url: () => '/api/v1/settings', allowed: ok('hr', 'org_admin') },
  { name: 'read statutory holidays', method: 'GET', url: () => '/api/v1/settings/statutory-days?year=2026', allowed: ok('hr', 'org_admin') },
  { name: 'list staff channels', method: 'GET', url: () => '/api/v1/settings/staff-channels', allowed: ok('org_admin') },
  {
    name: 'add a staff channel', method: 'POST', url: () => '/api/v1/settings/staff-channels', allowed: ok('org_admin'),
    body: () => ({ kind: 'feishu', name: 'matrix', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/matrix', events: ['escalation'] }),
  },
  { name: 'test a staff channel', method: 'POST', url: () => `/api/v1/settings/staff-channels/${staffChannelIds.test}/test`, allowed: ok('org_admin') },
  { name: 'remove a staff channel', method: 'DELETE', url: () => `/api/v1/settings/staff-channels/${staffChannelIds.remove}`, allowed: ok('org_admin') },
  { name: 'change settings', method: 'PATCH', url: () => '/api/v1/settings', body: () => ({ dataRequestSlaDays: 15 }), allowed: ok('org_admin') },
  { name: 'who am I', method: 'GET', url: () => '/api/v1/auth/me', allowed: everyone },
  { name: 'record an event', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/events`, body: () => ({ type: 'candidate_replied' }), allowed: ok('hr', 'org_admin') },
  { name: 'see the plan', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/plan`, allowed: ok('hr', 'hrbp', 'manager', 'executive', 'org_admin') },
  { name: 'list tasks', method: 'GET', url: () => '/api/v1/tasks', allowed: everyone },
  { name: 'pipeline board', method: 'GET', url: () => '/api/v1/pipeline', allowed: everyone },
  { name: 'my incoming hires', method: 'GET', url: () => '/api/v1/me/hires', allowed: ok('manager', 'manager2') },
  { name: 'logistics board', method: 'GET', url: () => '/api/v1/logistics-board', allowed: ok('hr', 'admin', 'org_admin') },
  { name: 'read the outbox', method: 'GET', url: () => '/api/v1/outbox', allowed: ok('hr', 'org_admin') },
  { name: 'issue a portal link', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/portal-link`, allowed: ok('hr', 'org_admin') },
  { name: 'revoke portal links', method: 'DELETE', url: () => `/api/v1/candidates/${engCandidate}/portal-link`, allowed: ok('hr', 'org_admin') },
  { name: 'read arrival logistics', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/logistics`, allowed: ok('hr', 'hrbp', 'manager', 'admin', 'org_admin') },
  { name: 'read consents', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/consents`, allowed: ok('hr', 'hrbp', 'org_admin') },
  { name: 'list portal questions', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/questions`, allowed: ok('hr', 'hrbp', 'manager', 'executive', 'org_admin') },
  {
    name: 'answer a portal question', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/questions/${portalQuestionId}/answer`,
    body: () => ({ text: 'matrix answer' }), allowed: ok('hr', 'hrbp', 'org_admin'),
  },
  { name: 'list data-subject requests', method: 'GET', url: () => '/api/v1/privacy/requests', allowed: ok('hr', 'org_admin') },
  { name: 'record a data-subject request', method: 'POST', url: () => `/api/v1/privacy/candidates/${engCandidate}/requests`, body: () => ({ kind: 'export' }), allowed: ok('hr', 'org_admin') },
  { name: 'export a candidate’s data', method: 'GET', url: () => `/api/v1/privacy/candidates/${engCandidate}/export`, allowed: ok('hr', 'org_admin') },
  { name: 'retention dry run', method: 'GET', url: () => '/api/v1/privacy/retention-preview', allowed: ok('org_admin') },
  { name: 'salary evaluation', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/salary-evaluation`, allowed: ok('hr', 'hrbp', 'manager', 'org_admin') },
  { name: 'list pay bands', method: 'GET', url: () => '/api/v1/pay-bands', allowed: ok('hr', 'org_admin') },
  {
    name: 'set a pay band', method: 'PUT', url: () => '/api/v1/pay-bands', allowed: ok('hr', 'org_admin'),
    body: () => ({ departmentId: demo.departments.engineering, matchKind: 'role_type', matchValue: 'tech', minMonthly: 20000, midMonthly: 30000, maxMonthly: 40000 }),
  },
  { name: 'prepared messages', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/prepared-messages`, allowed: ok('hr', 'org_admin') },
  { name: 'agree the start date', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/start-date`, body: () => ({ startDate: engStartDate, reason: 'matrix' }), allowed: ok('hr', 'org_admin') },
  { name: 'talent-pool wording', method: 'GET', url: () => '/api/v1/talent-pool/wording', allowed: ok('hr', 'org_admin') },
  { name: 'list the talent pool', method: 'GET', url: () => '/api/v1/talent-pool', allowed: ok('hr', 'org_admin') },
  { name: 'list offer withdrawals', method: 'GET', url: () => '/api/v1/offer-withdrawals', allowed: ok('hr', 'executive', 'org_admin') },
  { name: 'read the checklist', method: 'GET', url: () => `/api/v1/candidates/${engCandidate}/checklist`, allowed: ok('hr', 'hrbp', 'manager', 'executive', 'org_admin') },
  {
    name: 'send a checklist item back', method: 'POST', url: () => `/api/v1/candidates/${engCandidate}/checklist/photos/review`, allowed: ok('hr', 'org_admin'),
    body: () => ({ decision: 'rejected', reason: 'matrix' }),
  },
  { name: 'list templates', method: 'GET', url: () => '/api/v1/templates', allowed: ok('hr', 'org_admin') },
  { name: 'read a template', method: 'GET', url: () => '/api/v1/templates/offer.send_package?locale=zh-CN', allowed: ok('hr', 'org_admin') },
  {
    name: 'save a template version', method: 'POST', url: () => '/api/v1/templates/offer.channel_invite/versions', allowed: ok('hr', 'org_admin'),
    body: () => ({ locale: 'en-US', subject: 'Join us', body: 'Hi {{ candidate.name }}' }),
  },
  { name: 'restore a built-in template', method: 'POST', url: () => '/api/v1/templates/offer.channel_invite/restore-default', body: () => ({ locale: 'en-US' }), allowed: ok('hr', 'org_admin') },
  {
    name: 'preview a template', method: 'POST', url: () => '/api/v1/templates/offer.send_package/preview', allowed: ok('hr', 'org_admin'),
    body: () => ({ locale: 'zh-CN', subject: '{{ candidate.name }}', body: '{{ offer.startDate }}', candidateId: engCandidate }),
  },
  { name: 'list playbooks', method: 'GET', url: () => '/api/v1/playbooks', allowed: ok('hr', 'org_admin') },
  { name: 'read a playbook version', method: 'GET', url: () => '/api/v1/playbooks/default/versions/1', allowed: ok('hr', 'org_admin') },
  { name: 'preview a playbook', method: 'POST', url: () => '/api/v1/playbooks/default/preview', body: playbookDraft, allowed: ok('hr', 'org_admin') },
  {
    name: 'save a playbook version', method: 'POST', url: () => '/api/v1/playbooks/default/versions', allowed: ok('hr', 'org_admin'),
    body: () => ({ baseVersion: playbookBase, ...playbookDraft() }),
  },
];

describe('role × route matrix (DESIGN §1)', () => {
  for (const route of MATRIX) {
    for (const role of ROLES) {
      it(`${role} ${route.allowed[role] ? 'may' : 'may not'} ${route.name}`, async () => {
        const res = await t.call(s[role], route.method, route.url(), route.body?.());
        if (route.allowed[role]) expect(res.statusCode, res.body).toBeLessThan(300);
        else expect([403, 404], res.body).toContain(res.statusCode);
      });
    }
    it(`anonymous may not ${route.name}`, async () => {
      const res = await t.call(undefined, route.method, route.url(), route.body?.());
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    });
  }
});

describe('what each role sees', () => {
  it('a manager sees only their own incoming hires', async () => {
    const list = (await t.call(s.manager, 'GET', '/api/v1/candidates?limit=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c: { manager: { id: string } }) => c.manager.id === demo.users.manager.id)).toBe(true);
    expect((await t.call(s.manager, 'GET', `/api/v1/candidates/${salesCandidate}`)).statusCode).toBe(404);
    expect((await t.call(s.manager2, 'GET', `/api/v1/candidates/${engCandidate}`)).statusCode).toBe(404);
  });

  it('an HRBP sees only assigned departments', async () => {
    const list = (await t.call(s.hrbp, 'GET', '/api/v1/candidates?limit=200')).json();
    expect(list.items.every((c: { department: { id: string } }) => c.department.id === demo.departments.engineering)).toBe(true);
    expect((await t.call(s.hrbp, 'GET', `/api/v1/candidates/${salesCandidate}`)).statusCode).toBe(404);
  });

  it('salary is shown only to roles allowed to see pay', async () => {
    const read = async (role: Role) => (await t.call(s[role], 'GET', `/api/v1/candidates/${engCandidate}`)).json();
    expect((await read('hr')).salary).toBeDefined();
    expect((await read('org_admin')).salary).toBeDefined();
    for (const role of ['manager', 'admin', 'executive'] as Role[]) expect((await read(role)).salary, role).toBeUndefined();
    const offers = (await t.call(s.manager, 'GET', `/api/v1/candidates/${engCandidate}/offers`)).json();
    expect(offers.items.every((o: { salary?: unknown }) => o.salary === undefined)).toBe(true);
  });

  it('admin staff see logistics facts, not contact details or pay', async () => {
    const c = (await t.call(s.admin, 'GET', `/api/v1/candidates/${engCandidate}`)).json();
    expect(c.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.site.name).toBeTruthy();
    expect(c.email).toBeUndefined();
    expect(c.phone).toBeUndefined();
    expect(c.salary).toBeUndefined();
  });
});

describe('organisations are isolated', () => {
  it('no route of one org reaches another org’s candidate', async () => {
    const foreign = other.sessions.hr;
    for (const url of [`/api/v1/candidates/${engCandidate}`, `/api/v1/candidates/${engCandidate}/timeline`, `/api/v1/candidates/${engCandidate}/offers`]) {
      expect((await t.call(foreign, 'GET', url)).statusCode, url).toBe(404);
    }
    for (const method of ['POST', 'DELETE']) {
      expect((await t.call(foreign, method, `/api/v1/candidates/${engCandidate}/portal-link`)).statusCode, method).toBe(404);
    }
    const touch = await t.call(foreign, 'POST', `/api/v1/candidates/${engCandidate}/touches`, { kind: 'note', channel: 'other', direction: 'internal', summary: 'x' });
    expect(touch.statusCode).toBe(404);
    const patch = await t.call(other.sessions.org_admin, 'PATCH', `/api/v1/sites/${demo.sites.beijing}`, { parking: 'x' });
    expect(patch.statusCode).toBe(404);
    const edit = await t.call(other.sessions.org_admin, 'PATCH', `/api/v1/users/${demo.users.hr.id}`, { phone: '1' });
    expect(edit.statusCode).toBe(404);
  });

  it('lists never contain another org’s rows', async () => {
    const mine = new Set(demo.candidateIds);
    const theirs = (await t.call(other.sessions.hr, 'GET', '/api/v1/candidates?limit=200')).json().items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.some((c: { id: string }) => mine.has(c.id))).toBe(false);
    const users = (await t.call(other.sessions.org_admin, 'GET', '/api/v1/users')).json().items;
    expect(users.some((u: { id: string }) => u.id === demo.users.hr.id)).toBe(false);
  });

  it('a candidate cannot be created against another org’s department or site', async () => {
    const res = await t.call(other.sessions.hr, 'POST', '/api/v1/candidates', {
      fullName: 'X', roleType: 'other', departmentId: demo.departments.engineering, siteId: other.demo.sites.shanghai, positionTitle: 'P', startDate: '2027-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('departmentId');
  });
});
