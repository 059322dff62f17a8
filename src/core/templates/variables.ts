import { z } from 'zod';
import { ZLanguage, ZRoleType } from '../../contracts/common.js';

/** Editor metadata attached to every leaf: labels for the variable picker. */
interface TVariableMeta {
  zh: string;
  en: string;
}

function describe<T extends z.ZodType>(schema: T, zh: string, en: string): T {
  return schema.meta({ zh, en } satisfies TVariableMeta);
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, 'expected ISO 8601 with offset');
const clockTime = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM');

/**
 * The ONE record every template reads (DESIGN §1 一致性原则). Services build it from the
 * candidate record; templates never see anything else. Dates stay ISO strings so rendering
 * is pure — the `format_date`/`format_datetime` filters print them without reading a clock
 * or the process time zone. Optional sections are present only when the step needs them;
 * using one that is absent fails the render (strict variables).
 */
export const ZTemplateVariables = z
  .object({
    candidate: z.object({
      name: describe(z.string().min(1), '候选人姓名', 'Candidate name'),
      roleType: describe(ZRoleType, '岗位类型', 'Role type'),
      language: describe(ZLanguage, '沟通语言', 'Language'),
    }),
    offer: z.object({
      position: describe(z.string().min(1), '岗位名称', 'Position'),
      department: describe(z.string().min(1), '部门', 'Department'),
      startDate: describe(isoDate, '入职日期', 'Start date'),
      probationMonths: describe(z.number().int().min(0).max(6), '试用期（月）', 'Probation (months)'),
      version: describe(z.number().int().positive(), 'Offer 版本', 'Offer version'),
      respondBy: describe(isoDate, '回复截止日期', 'Reply-by date').optional(),
    }),
    compensation: z
      .object({
        monthlyBase: describe(z.number().nonnegative(), '月度基本工资', 'Monthly base pay'),
        monthsPerYear: describe(z.number().positive(), '年发薪月数', 'Months paid per year'),
        bonusNote: describe(z.string(), '绩效奖金说明', 'Performance bonus note'),
        allowancesNote: describe(z.string(), '补贴说明', 'Allowances note'),
        annualBonusNote: describe(z.string(), '年终奖说明', 'Annual bonus note'),
      })
      .optional(),
    site: z.object({
      name: describe(z.string().min(1), '办公地点名称', 'Site name'),
      address: describe(z.string().min(1), '详细地址', 'Address'),
      arrivalTime: describe(clockTime, '报到时间', 'Arrival time'),
      parking: describe(z.string(), '停车信息', 'Parking'),
    }),
    contact: z.object({
      name: describe(z.string().min(1), '当天对接人', 'Day-one contact'),
      phone: describe(z.string().min(1), '对接人电话', 'Contact phone'),
      desk: describe(z.string(), '工位号', 'Desk number'),
    }),
    hr: z.object({
      name: describe(z.string().min(1), 'HR 姓名', 'HR name'),
      phone: describe(z.string().min(1), 'HR 电话', 'HR phone'),
      email: describe(z.email(), 'HR 邮箱', 'HR email'),
    }),
    manager: z.object({
      name: describe(z.string().min(1), '直属上级', 'Hiring manager'),
      title: describe(z.string(), '上级职务', 'Manager title'),
    }),
    hrbp: z.object({ name: describe(z.string().min(1), 'HRBP 姓名', 'HRBP name') }).optional(),
    org: z.object({
      name: describe(z.string().min(1), '公司名称', 'Company name'),
      imPlatform: describe(z.enum(['wecom', 'dingtalk', 'feishu']), '协作平台', 'Collaboration platform'),
      officialAccount: describe(z.string(), '公众号/视频号', 'Official account'),
    }),
    portal: z.object({ link: describe(z.url(), '候选人门户链接', 'Portal link') }),
    invite: z.object({ link: describe(z.url(), '入群邀请链接', 'Group invitation link') }).optional(),
    meeting: z
      .object({
        at: describe(isoDateTime, '会议时间', 'Meeting time'),
        durationMinutes: describe(z.number().int().positive(), '会议时长（分钟）', 'Duration (minutes)'),
        link: describe(z.url(), '会议链接', 'Meeting link'),
      })
      .optional(),
    backgroundCheck: z
      .object({
        vendor: describe(z.string().min(1), '背调机构', 'Vendor'),
        scope: describe(z.string().min(1), '背调范围', 'Scope'),
        items: describe(z.array(z.string().min(1)), '核实项目', 'Items checked'),
      })
      .optional(),
    checklist: z
      .object({
        dueDate: describe(isoDate, '材料提交日期', 'Materials due'),
        items: describe(z.array(z.object({ title: z.string(), note: z.string() })), '材料清单', 'Checklist items'),
      })
      .optional(),
    pool: z
      .object({
        highlights: describe(z.string(), '公司动态', 'Company news'),
        openingsLink: describe(z.url(), '职位链接', 'Openings link'),
        optOutLink: describe(z.url(), '退出人才库链接', 'Opt-out link'),
        consentExpiresOn: describe(isoDate, '授权到期日', 'Consent expires'),
      })
      .optional(),
  })
  .strict();
export type TTemplateVariables = z.infer<typeof ZTemplateVariables>;

/** A sample record for previews and tests (Chinese org, tech hire). */
export const SAMPLE_TEMPLATE_VARIABLES: TTemplateVariables = {
  candidate: { name: '张三', roleType: 'tech', language: 'zh-CN' },
  offer: { position: '后端工程师', department: '平台研发部', startDate: '2026-12-14', probationMonths: 3, version: 1, respondBy: '2026-11-28' },
  compensation: {
    monthlyBase: 30000,
    monthsPerYear: 14,
    bonusNote: '季度绩效奖金，目标为月薪的 10%',
    allowancesNote: '餐补每月 600 元，交通补贴每月 300 元',
    annualBonusNote: '年终奖按公司与个人绩效发放，另含 2 个月固定年薪',
  },
  site: { name: '星河科技上海总部', address: '上海市浦东新区张江路 88 号 A 座 5 楼', arrivalTime: '09:00', parking: 'B2 访客车位，前台登记车牌即可' },
  contact: { name: '李四', phone: '138 0000 0000', desk: 'A5-021' },
  hr: { name: '王敏', phone: '021-5555 0100', email: 'wangmin@example.com' },
  manager: { name: '赵磊', title: '平台研发总监' },
  hrbp: { name: '陈晨' },
  org: { name: '星河科技', imPlatform: 'wecom', officialAccount: '星河科技招聘' },
  portal: { link: 'https://preboard.example.com/p/abc123' },
  invite: { link: 'https://preboard.example.com/p/abc123/invite' },
  meeting: { at: '2026-12-12T15:00:00+08:00', durationMinutes: 30, link: 'https://meet.example.com/x1y2' },
  backgroundCheck: { vendor: '某某背调服务有限公司', scope: '最近两段工作经历及最高学历', items: ['学历学位核验', '最近两段工作经历核实'] },
  checklist: {
    dueDate: '2026-12-07',
    items: [
      { title: '身份证原件及复印件', note: '复印件 2 份' },
      { title: '一寸彩色照片 4 张', note: '蓝底或白底' },
    ],
  },
  pool: {
    highlights: '我们在杭州新设了研发中心，并发布了新一代数据平台。',
    openingsLink: 'https://example.com/careers',
    optOutLink: 'https://preboard.example.com/p/abc123/pool/opt-out',
    consentExpiresOn: '2028-11-30',
  },
};

/** One entry of the template editor's variable picker. */
export interface TTemplateVariableInfo {
  /** Liquid path, e.g. `offer.startDate`. */
  path: string;
  label: TVariableMeta;
  optional: boolean;
}

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  return schema instanceof z.ZodOptional ? { inner: schema.unwrap() as z.ZodType, optional: true } : { inner: schema, optional: false };
}

function collectLeaves(schema: z.ZodType, prefix: string, parentOptional: boolean, out: TTemplateVariableInfo[]): void {
  const { inner, optional } = unwrap(schema);
  if (inner instanceof z.ZodObject && !(inner.meta() as TVariableMeta | undefined)) {
    for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      collectLeaves(child, prefix ? `${prefix}.${key}` : key, parentOptional || optional, out);
    }
    return;
  }
  const meta = inner.meta() as TVariableMeta | undefined;
  out.push({ path: prefix, label: meta ?? { zh: prefix, en: prefix }, optional: parentOptional || optional });
}

/** Lists every variable a template may use, for the editor's picker. Pure. */
export function listTemplateVariables(): TTemplateVariableInfo[] {
  const out: TTemplateVariableInfo[] = [];
  collectLeaves(ZTemplateVariables, '', false, out);
  return out;
}

/**
 * Whether a variable path (as segments, e.g. `['checklist','items',0,'title']`) exists in
 * the record schema. Used by the static template check to report typos in any branch.
 */
export function isKnownVariablePath(segments: Array<string | number>): boolean {
  let schema: z.ZodType = ZTemplateVariables;
  for (const segment of segments) {
    schema = unwrap(schema).inner;
    if (schema instanceof z.ZodObject) {
      const shape = schema.shape as Record<string, z.ZodType>;
      // Own keys only: `constructor` or `__proto__` must not pass as a known variable.
      if (!Object.hasOwn(shape, String(segment))) return false;
      schema = shape[String(segment)];
    } else if (schema instanceof z.ZodArray) {
      if (segment === 'size' || segment === 'first' || segment === 'last') return true;
      if (typeof segment !== 'number') return false;
      schema = schema.element as z.ZodType;
    } else {
      // Liquid's `size` works on strings too; anything else on a scalar is a typo.
      return segment === 'size';
    }
  }
  return true;
}
