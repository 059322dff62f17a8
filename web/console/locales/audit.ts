/** The audit log. Registered by the modules that show them (locales/registry.ts). */
import { registerTexts } from './registry.js';

const enUS = {
  audit: {
    title: 'Audit log',
    subtitle: 'Every change and every read of personal data, newest first',
    filters: 'Audit log filters',
    anyActor: 'Any person',
    anyAction: 'Any action',
    anyEntity: 'Any record type',
    anyCandidate: 'Any candidate',
    from: 'From date',
    to: 'To date',
    clear: 'Clear filters',
    empty: 'No entries match these filters',
    previous: 'Newer',
    pageSize: 'Entries per page',
    perPage: '{{count}} / page',
    next: 'Older',
    view: 'Details',
    openCandidate: 'Open candidate',
    col: { at: 'Time', actor: 'Who', action: 'Action', entity: 'Record', candidate: 'Candidate', details: 'Details' },
    actorKindLabel: 'Acting as',
    actorKind: { user: 'Staff user', token: 'API token', candidate: 'Candidate (portal)', system: 'Preboard (automatic)' },
    entityId: 'Record id',
    ip: 'IP address',
    detail: 'Details (JSON)',
  },
};

const zhCN: typeof enUS = {
  audit: {
    title: '审计日志',
    subtitle: '所有修改及个人数据的每次查看，按时间倒序',
    filters: '审计日志筛选',
    anyActor: '所有人员',
    anyAction: '所有操作',
    anyEntity: '所有记录类型',
    anyCandidate: '所有候选人',
    from: '开始日期',
    to: '结束日期',
    clear: '清除筛选',
    empty: '没有符合条件的记录',
    previous: '较新',
    pageSize: '每页条数',
    perPage: '{{count}} 条/页',
    next: '较早',
    view: '详情',
    openCandidate: '查看候选人',
    col: { at: '时间', actor: '操作人', action: '操作', entity: '记录', candidate: '候选人', details: '详情' },
    actorKindLabel: '身份',
    actorKind: { user: '员工用户', token: 'API 令牌', candidate: '候选人（门户）', system: 'Preboard（自动）' },
    entityId: '记录 ID',
    ip: 'IP 地址',
    detail: '详情（JSON）',
  },
};

export const auditTexts = registerTexts({ 'en-US': enUS, 'zh-CN': zhCN });
