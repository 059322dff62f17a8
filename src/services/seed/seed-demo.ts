import type { TStaffRole } from '../../contracts/common.js';
import type { TCreateCandidate } from '../../contracts/candidates.js';
import { listPermissions } from '../../core/access/permissions.js';
import { toLocalDate } from '../../core/time/local-time.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { createCandidate } from '../candidates/candidates.js';
import { recordTouch } from '../candidates/touches.js';
import type { Deps } from '../deps.js';
import { createOrg, insertDepartment, insertSite } from '../org/create-org.js';
import { insertUser } from '../org/org.js';

export interface DemoOrg {
  orgId: string;
  slug: string;
  departments: { engineering: string; sales: string; operations: string };
  sites: { shanghai: string; beijing: string; singapore: string };
  users: Record<'hr' | 'hrbp' | 'manager' | 'manager2' | 'admin' | 'executive' | 'org_admin', { id: string; email: string }>;
  password: string;
  candidateIds: string[];
}

const DAY = 86_400_000;
/** Start dates are local dates at the demo's sites (Shanghai time), not UTC dates. */
const isoDate = (d: Date) => toLocalDate(d, 'Asia/Shanghai');

/**
 * A demo organisation: three departments, three sites, one user per role (plus a
 * second manager), and a dozen candidates spread over the lifecycle.
 */
export async function seedDemo(deps: Deps, opts: { slug?: string; name?: string; password?: string; emailDomain?: string } = {}): Promise<DemoOrg> {
  const slug = opts.slug ?? 'demo';
  const password = opts.password ?? 'preboard-demo-2026';
  const domain = opts.emailDomain ?? `${slug}.preboard.test`;
  const { orgId } = await createOrg(deps, { slug, name: opts.name ?? '示例科技 Demo Tech' });
  const departments = {
    engineering: await insertDepartment(deps, orgId, '研发部 Engineering'),
    sales: await insertDepartment(deps, orgId, '销售部 Sales'),
    operations: await insertDepartment(deps, orgId, '运营部 Operations'),
  };
  const sites = {
    shanghai: await insertSite(deps, orgId, {
      name: '上海总部 Shanghai HQ', timezone: 'Asia/Shanghai', address: '上海市浦东新区张江路 100 号 8 楼',
      receptionInfo: '一楼大堂前台，报到找 HR 王老师 / Lobby reception, ask for HR', parking: '地下车库 B2，访客车位 20 个',
      transport: '地铁 2 号线张江高科站 3 号口步行 5 分钟', mapUrl: 'https://map.example.com/?q=zhangjiang',
    }),
    beijing: await insertSite(deps, orgId, { name: '北京分公司 Beijing', timezone: 'Asia/Shanghai', address: '北京市海淀区中关村大街 1 号', transport: '地铁 4 号线中关村站' }),
    singapore: await insertSite(deps, orgId, { name: 'Singapore Office', timezone: 'Asia/Singapore', calendar: 'WEEKEND', address: '1 Raffles Place, Singapore' }),
  };
  const mk = async (key: keyof DemoOrg['users'], role: TStaffRole, name: string, departmentIds: string[] = [], locale: 'zh-CN' | 'en-US' = 'zh-CN') => {
    const email = `${key.replace('_', '-')}@${domain}`;
    const u = await insertUser(deps, orgId, { email, name, phone: '13800000000', role, locale, password, departmentIds }, { actorKind: 'system', actorId: null });
    return { id: u.id, email };
  };
  const users = {
    hr: await mk('hr', 'hr', '王芳 Wang Fang'),
    hrbp: await mk('hrbp', 'hrbp', '李娜 Li Na', [departments.engineering]),
    manager: await mk('manager', 'manager', '张伟 Zhang Wei'),
    manager2: await mk('manager2', 'manager', 'Emily Chen', [], 'en-US'),
    admin: await mk('admin', 'admin', '刘洋 Liu Yang'),
    executive: await mk('executive', 'executive', '陈静 Chen Jing'),
    org_admin: await mk('org_admin', 'org_admin', '赵磊 Zhao Lei'),
  };
  const hr: Principal = { kind: 'user', orgId, userId: users.hr.id, role: 'hr', departmentIds: [], permissions: listPermissions('hr') };
  const now = deps.clock.now();
  const base = { hrOwnerId: users.hr.id, hrbpId: users.hrbp.id, adminContactId: users.admin.id, currency: 'CNY', channels: ['email', 'sms'] } as const;
  const people: Array<Partial<TCreateCandidate> & { fullName: string; positionTitle: string; days: number; accepted?: number; dept: keyof typeof departments }> = [
    { fullName: '张三', positionTitle: '高级后端工程师', roleType: 'tech', dept: 'engineering', days: 19, accepted: 0, backgroundCheck: true },
    { fullName: '李四', positionTitle: '前端工程师', roleType: 'tech', dept: 'engineering', days: 12, accepted: 3 },
    { fullName: '王五', positionTitle: '测试开发工程师', roleType: 'tech', dept: 'engineering', days: 6, accepted: 10, relocation: true },
    { fullName: '赵六', positionTitle: '数据工程师', roleType: 'tech', dept: 'engineering', days: 2, accepted: 20 },
    { fullName: '孙七', positionTitle: '研发经理', roleType: 'management', dept: 'engineering', days: 25, accepted: 1, backgroundCheck: true },
    { fullName: '周八', positionTitle: '大客户销售', roleType: 'sales', dept: 'sales', days: 9, accepted: 5 },
    { fullName: 'Olivia Martin', positionTitle: 'Regional Sales Lead', roleType: 'sales', dept: 'sales', days: 16, accepted: 2, language: 'en-US', siteId: sites.singapore },
    { fullName: '吴九', positionTitle: '运营专员', roleType: 'operations', dept: 'operations', days: 30 },
    { fullName: '郑十', positionTitle: '管培生', roleType: 'campus', dept: 'operations', days: 45, accepted: 4 },
    { fullName: '钱十一', positionTitle: '算法工程师', roleType: 'tech', dept: 'engineering', days: 0, accepted: 21 },
    { fullName: '冯十二', positionTitle: '销售运营', roleType: 'operations', dept: 'sales', days: 14 },
    { fullName: 'Lucas Wang', positionTitle: 'Site Reliability Engineer', roleType: 'tech', dept: 'engineering', days: 8, accepted: 6, language: 'en-US' },
  ];
  const candidateIds: string[] = [];
  for (const [i, c] of people.entries()) {
    const created = await createCandidate(deps, hr, {
      ...base,
      fullName: c.fullName, positionTitle: c.positionTitle, roleType: c.roleType ?? 'other',
      email: `candidate${i + 1}@example.com`, phone: `1390000${String(1000 + i)}`, language: c.language ?? 'zh-CN',
      departmentId: departments[c.dept], siteId: c.siteId ?? (i % 4 === 3 ? sites.beijing : sites.shanghai),
      managerId: c.dept === 'engineering' ? users.manager.id : users.manager2.id,
      startDate: isoDate(new Date(now.getTime() + c.days * DAY)), salaryMonthly: 20_000 + i * 2_500, salaryMonths: 14,
      relocation: c.relocation ?? false, backgroundCheck: c.backgroundCheck ?? false,
      offerAcceptedAt: c.accepted === undefined ? undefined : new Date(now.getTime() - c.accepted * DAY).toISOString(),
      notes: '', channels: [...base.channels],
    }, {});
    candidateIds.push(created.id);
    if (c.accepted !== undefined && c.accepted > 0) {
      await recordTouch(deps, hr, created.id, {
        occurredAt: new Date(now.getTime() - Math.max(c.accepted - 1, 0) * DAY - 3_600_000).toISOString(),
        kind: 'call', channel: 'phone', direction: 'outbound', summary: '确认入职意向 / Confirmed intent to join',
        content: '候选人确认按期入职，询问了试用期考核标准和社保缴纳比例。', candidateFeedback: '很期待加入团队',
        stepId: 'offer.confirmation_call',
      }, {});
    }
  }
  return { orgId, slug, departments, sites, users, password, candidateIds };
}
