/**
 * Playbook editing through the API: list and read versions, refuse bad definitions naming
 * `steps[i].field`, preview a draft with its difference from the saved plan, save a new
 * version (audited) that new acceptances follow while running plans keep theirs, roles
 * and organisations kept apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaybookStep } from '../../src/contracts/playbook.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
let v1Steps: TPlaybookStep[];

const LIST = '/api/v1/playbooks';
const SAVE = '/api/v1/playbooks/default/versions';
const PREVIEW = '/api/v1/playbooks/default/preview';

beforeAll(async () => {
  t = await createTestApp();
  // Wednesday 2026-11-25 10:00 in Shanghai; the demo's dates count from here.
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  v1Steps = (await t.call(s.hr, 'GET', `${SAVE}/1`)).json().definition.steps;
});
afterAll(async () => t?.close());

const indexOf = (steps: TPlaybookStep[], id: string) => steps.findIndex((step) => step.id === id);

/** v2: the document pre-review two days later, an IT-account task for admin staff, no end-of-day check-in. */
function buildV2(): TPlaybookStep[] {
  const steps = structuredClone(v1Steps).filter((step) => step.id !== 'day1.checkin');
  steps[indexOf(steps, 'prep.documents_prereview')]!.offset = { days: -5 };
  steps.push({
    id: 'prep.it_account', stage: 'prep', anchor: 'start_date', offset: { days: -5, at: '15:00' }, owners: ['admin'],
    action: 'task', templateKey: 'prep.it_account', summary: 'Task: create the e-mail and VPN accounts',
  });
  return steps;
}

async function engineVersion(candidateId: string, orgId = demo.orgId): Promise<number | undefined> {
  const row = await t.deps.db.selectFrom('engine_states').select('playbook_version')
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  return row?.playbook_version;
}

async function taskSteps(candidateId: string): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('tasks').select('step_id').where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId).execute();
  return rows.map((r) => r.step_id);
}

describe('reading playbooks', () => {
  it('lists the seeded default as version 1 with the candidates following it and the editor catalog', async () => {
    const res = await t.call(s.hr, 'GET', LIST);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ key: 'default', active: true, latestVersion: 1 });
    const accepted = (await t.deps.db.selectFrom('engine_states').select('candidate_id').where('org_id', '=', demo.orgId).execute()).length;
    expect(accepted).toBeGreaterThan(0);
    expect(body.items[0].versions[0]).toMatchObject({ version: 1, createdBy: null, candidateCount: accepted, stepCount: v1Steps.length });
    expect(body.catalog.templates).toContainEqual({ key: 'offer.send_package', kind: 'message' });
    expect(body.catalog.engineSteps.map((e: { id: string }) => e.id)).toContain('delay.escalate_executive');
  });

  it('reads a version with its full definition; an unknown version is 404', async () => {
    expect(v1Steps.map((step) => step.id)).toContain('final.daily_care');
    expect((await t.call(s.org_admin, 'GET', `${SAVE}/1`)).statusCode).toBe(200);
    expect((await t.call(s.hr, 'GET', `${SAVE}/9`)).statusCode).toBe(404);
    expect((await t.call(s.hr, 'GET', '/api/v1/playbooks/nope/versions/1')).statusCode).toBe(404);
  });
});

describe('bad definitions', () => {
  const cases: Array<[string, (steps: TPlaybookStep[]) => unknown[], string]> = [
    ['a preparation step after the start date', (steps) => { steps[indexOf(steps, 'prep.checklist')]!.offset = { days: 2 }; return steps; }, 'offset'],
    ['a wrong type deep inside a step', (steps) => { (steps[2]!.offset as Record<string, unknown>).days = 'soon'; return steps; }, 'offset.days'],
    ['an unknown field in a step', (steps) => { (steps[1] as unknown as Record<string, unknown>).colour = 'red'; return steps; }, 'colour'],
    ['a duplicated step id', (steps) => { steps[5]!.id = steps[4]!.id; return steps; }, 'id'],
    ['an SLA that ends before the step is due', (steps) => { steps[0]!.sla = { hours: 1 }; return steps; }, 'sla'],
    ['admin staff owning a call', (steps) => { steps[indexOf(steps, 'prep.manager_intro_call')]!.owners = ['admin']; return steps; }, 'owners'],
    ['an exception step the engine never runs', (steps) => [...steps, { ...steps[indexOf(steps, 'delay.understand_reason')]!, id: 'delay.send_flowers' }], 'id'],
    ['a message step without a template', (steps) => [...steps, { ...steps[indexOf(steps, 'prep.checklist')]!, id: 'prep.welcome_letter', templateKey: 'prep.welcome_letter' }], 'templateKey'],
    ['a site of another organisation', (steps) => { steps[0]!.conditions = { siteIds: [other.demo.sites.shanghai] }; return steps; }, 'conditions.siteIds[0]'],
  ];
  for (const [name, mutate, field] of cases) {
    it(`refuses ${name}, naming steps[i].${field}`, async () => {
      const steps = mutate(structuredClone(v1Steps)) as TPlaybookStep[];
      const res = await t.call(s.hr, 'POST', SAVE, { baseVersion: 1, name: 'Bad', steps });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('invalid_input');
      expect(error.field).toMatch(new RegExp(`^steps\\[\\d+\\]\\.${field.replace(/[[\].]/g, '\\$&')}$`));
      expect(error.message).toContain(error.field);
      expect(error.details.problems[0].field).toBe(error.field);
      const preview = await t.call(s.hr, 'POST', PREVIEW, { name: 'Bad', steps });
      expect(preview.statusCode).toBe(400);
      expect(preview.json().error.field).toBe(error.field);
    });
  }

  it('names the index of the offending step', async () => {
    const steps = structuredClone(v1Steps);
    const at = indexOf(steps, 'final.preonboarding_meeting');
    steps[at]!.offset = { days: 0, at: '10:00' };
    const res = await t.call(s.hr, 'POST', SAVE, { baseVersion: 1, name: 'Bad', steps });
    expect(res.json().error.field).toBe(`steps[${at}].offset`);
  });

  it('refuses an empty name and no steps, and stores nothing', async () => {
    expect((await t.call(s.hr, 'POST', SAVE, { baseVersion: 1, name: ' ', steps: v1Steps })).json().error.field).toBe('name');
    expect((await t.call(s.hr, 'POST', SAVE, { baseVersion: 1, name: 'x', steps: [] })).json().error.field).toBe('steps');
    expect((await t.call(s.hr, 'GET', LIST)).json().items[0].latestVersion).toBe(1);
  });
});

describe('preview, save and what follows', () => {
  it('previews the draft on the sample candidate with the difference from version 1', async () => {
    const res = await t.call(s.hr, 'POST', PREVIEW, { name: 'v2', steps: buildV2() });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    // Sample: accepted now, starting in 21 days, tech role.
    expect(preview.candidate).toMatchObject({ kind: 'sample', roleType: 'tech', startDate: '2026-12-16', relocation: false });
    expect(preview.comparedToVersion).toBe(1);
    expect(preview.diff.added.map((i: { key: string }) => i.key)).toEqual(['prep.it_account#0']);
    expect(preview.diff.removed.map((i: { key: string }) => i.key)).toEqual(['day1.checkin#0']);
    const moved = preview.diff.moved.find((m: { key: string }) => m.key === 'prep.documents_prereview#0');
    expect(Date.parse(moved.to) - Date.parse(moved.from)).toBe(2 * 86_400_000);
    const itAccount = preview.items.find((i: { key: string }) => i.key === 'prep.it_account#0');
    expect(itAccount).toMatchObject({ change: 'added', owners: ['admin'], dueAtLocal: '2026-12-11T15:00:00+08:00' });
    expect(preview.items.find((i: { key: string }) => i.key === 'prep.documents_prereview#0')).toMatchObject({ change: 'moved', previousDueAt: moved.from });
    // S−3's care message carries the logistics confirmation (one message that day).
    expect(preview.messages.some((m: { stepIds: string[] }) => m.stepIds.join() === 'final.daily_care,final.logistics_confirm')).toBe(true);
  });

  it('previews on a chosen candidate HR may see; another org’s candidate is 404, a sample site of another org 400', async () => {
    const mine = await t.call(s.hr, 'POST', PREVIEW, { name: 'v2', steps: buildV2(), candidate: { kind: 'candidate', candidateId: demo.candidateIds[4] } });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().candidate).toMatchObject({ kind: 'candidate', candidateId: demo.candidateIds[4], name: '孙七', roleType: 'management' });
    const foreign = await t.call(s.hr, 'POST', PREVIEW, { name: 'v2', steps: buildV2(), candidate: { kind: 'candidate', candidateId: other.demo.candidateIds[4] } });
    expect(foreign.statusCode).toBe(404);
    const site = await t.call(s.hr, 'POST', PREVIEW, { name: 'v2', steps: buildV2(), candidate: { kind: 'sample', siteId: other.demo.sites.shanghai } });
    expect(site.statusCode).toBe(400);
    expect(site.json().error.field).toBe('candidate.siteId');
  });

  it('saves version 2, audited; a stale base version is 409 and an unchanged one 400', async () => {
    const res = await t.call(s.hr, 'POST', SAVE, { baseVersion: 1, name: '标准入职跟进 v2', steps: buildV2() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      key: 'default', version: 2, name: '标准入职跟进 v2', createdBy: { id: demo.users.hr.id }, candidateCount: 0,
      changes: { added: ['prep.it_account'], removed: ['day1.checkin'], changed: ['prep.documents_prereview'] },
    });
    expect(res.json().definition.version).toBe(2);
    const stale = await t.call(s.org_admin, 'POST', SAVE, { baseVersion: 1, name: 'late', steps: v1Steps });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('baseVersion');
    const same = await t.call(s.hr, 'POST', SAVE, { baseVersion: 2, name: '标准入职跟进 v2', steps: buildV2() });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('unchanged');

    const audit = (await t.call(s.org_admin, 'GET', '/api/v1/audit?entity=playbook')).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'create', entity: 'playbook', entityId: 'default@2', actorId: demo.users.hr.id,
      detail: { version: 2, baseVersion: 1, added: ['prep.it_account'], removed: ['day1.checkin'] },
    });
  });

  it('a new acceptance follows version 2 while a running plan keeps version 1, even when it is re-planned', async () => {
    const existing = demo.candidateIds[4]!;
    expect(await engineVersion(existing)).toBe(1);
    const created = await t.call(s.hr, 'POST', '/api/v1/candidates', {
      fullName: '新同学', roleType: 'tech', departmentId: demo.departments.engineering, siteId: demo.sites.shanghai,
      positionTitle: '后端工程师', startDate: '2026-12-21', offerAcceptedAt: '2026-11-25T02:00:00Z', channels: ['email'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const fresh = created.json().id as string;
    expect(await engineVersion(fresh)).toBe(2);
    expect(await taskSteps(fresh)).toContain('prep.it_account');
    expect(await taskSteps(fresh)).not.toContain('day1.checkin');

    const moved = await t.call(s.hr, 'POST', `/api/v1/candidates/${existing}/start-date`, { startDate: '2026-12-28', reason: 'handover' });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(await engineVersion(existing)).toBe(1);
    const tasks = await taskSteps(existing);
    expect(tasks).toContain('day1.checkin');
    expect(tasks).not.toContain('prep.it_account');
    const plan = (await t.call(s.hr, 'GET', `/api/v1/candidates/${existing}/plan`)).json();
    expect(plan.items.some((i: { stepId: string }) => i.stepId === 'prep.it_account')).toBe(false);

    const versions = (await t.call(s.hr, 'GET', LIST)).json().items[0].versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].candidateCount).toBe(1);
  });
});

describe('who may do what', () => {
  const steps = () => buildV2();
  for (const role of ['hrbp', 'manager', 'manager2', 'admin', 'executive'] as Role[]) {
    it(`${role} may not read, preview or save playbooks`, async () => {
      expect((await t.call(s[role], 'GET', LIST)).statusCode).toBe(403);
      expect((await t.call(s[role], 'GET', `${SAVE}/1`)).statusCode).toBe(403);
      expect((await t.call(s[role], 'POST', PREVIEW, { name: 'x', steps: steps() })).statusCode).toBe(403);
      expect((await t.call(s[role], 'POST', SAVE, { baseVersion: 2, name: 'x', steps: steps() })).statusCode).toBe(403);
    });
  }

  it('anonymous callers are 401', async () => {
    expect((await t.call(undefined, 'GET', LIST)).statusCode).toBe(401);
    expect((await t.call(undefined, 'POST', SAVE, { baseVersion: 2, name: 'x', steps: steps() })).statusCode).toBe(401);
  });

  it('another organisation sees only its own versions and cannot read ours', async () => {
    const theirs = (await t.call(other.sessions.org_admin, 'GET', LIST)).json();
    expect(theirs.items[0].latestVersion).toBe(1);
    expect(theirs.items[0].versions[0].candidateCount).toBe(other.demo.candidateIds.length - 2);
    expect((await t.call(other.sessions.hr, 'GET', `${SAVE}/2`)).statusCode).toBe(404);
    // Their base is their own version 1: our version 2 does not make theirs stale.
    const saved = await t.call(other.sessions.org_admin, 'POST', SAVE, { baseVersion: 1, name: 'Theirs', steps: buildV2() });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().version).toBe(2);
    expect((await t.call(s.hr, 'GET', LIST)).json().items[0].versions[0].name).toBe('标准入职跟进 v2');
  });
});
