/** The pipeline board. Registered by the modules that show them (locales/registry.ts). */
import { registerTexts } from './registry.js';

const enUS = {
  pipeline: {
    title: 'Pipeline',
    subtitle: 'Every new hire by stage, from offer confirmation to the first weeks',
    filters: 'Filter the pipeline',
    search: 'Search by name or position',
    site: 'Site', allSites: 'All sites',
    owner: 'HR owner', allOwners: 'All HR owners',
    manager: 'Manager', allManagers: 'All managers',
    startWeek: 'Start week', anyWeek: 'Any start week', weekRange: '{{from}} – {{to}}',
    riskFilter: 'Risk', anyRisk: 'Any risk',
    total: '{{count}} on the board',
    emptyColumn: 'Nobody here',
    more: 'Show more ({{count}})',
    overdue: '{{count}} overdue',
    riskWhy: 'Why (score {{score}})',
    noReasons: 'No warning signs',
    advisory: 'Risk is advisory: it comes from the follow-up records only (replies, pulse answers, open requests, overdue work), never from personal traits, and it never acts on the candidate by itself.',
    stage: { offer_confirmation: 'Offer confirmation', prep: 'Preparation', final_days: 'Final days', day_one: 'Day one', started: 'Started' },
    risk: { low: 'Low risk', medium: 'Medium risk', high: 'High risk' },
    reason: {
      unanswered_messages: '{{count}} messages without a reply',
      no_reply: 'No reply for {{days}} days',
      low_pulse: 'Pulse answer {{score}}/5',
      delay_requested: 'Asked to delay the start',
      counter_offer: 'Counter-offer from another employer',
      salary_request_open: 'Salary request waiting for a decision',
      overdue_tasks: '{{count}} follow-up tasks overdue',
      logistics_unconfirmed: 'First-day logistics not confirmed, {{days}} days to start',
      checklist_not_started: 'Checklist not started, {{days}} days to start',
      short_notice: 'Short notice: {{days}} days between acceptance and start',
    },
  },
};

const zhCN: typeof enUS = {
  pipeline: {
    title: '入职看板',
    subtitle: '按阶段查看每位新人：从 Offer 确认到入职后的头几周',
    filters: '筛选看板',
    search: '按姓名或职位搜索',
    site: '工作地点', allSites: '全部地点',
    owner: '负责 HR', allOwners: '全部负责 HR',
    manager: '用人经理', allManagers: '全部用人经理',
    startWeek: '入职周', anyWeek: '全部入职周', weekRange: '{{from}} – {{to}}',
    riskFilter: '风险', anyRisk: '全部风险',
    total: '看板共 {{count}} 人',
    emptyColumn: '暂无候选人',
    more: '显示更多（{{count}}）',
    overdue: '{{count}} 项逾期',
    riskWhy: '原因（评分 {{score}}）',
    noReasons: '暂无预警信号',
    advisory: '风险仅供参考：只依据跟进记录（回复、意愿反馈、待处理申请、逾期事项）计算，从不使用个人特征，也不会自动对候选人采取任何行动。',
    stage: { offer_confirmation: 'Offer 确认', prep: '入职准备', final_days: '入职前三天', day_one: '入职当天', started: '已入职' },
    risk: { low: '低风险', medium: '中风险', high: '高风险' },
    reason: {
      unanswered_messages: '{{count}} 条消息未获回复',
      no_reply: '已 {{days}} 天未回复',
      low_pulse: '加入意愿反馈 {{score}}/5',
      delay_requested: '申请推迟入职',
      counter_offer: '收到其他公司的反向 Offer',
      salary_request_open: '薪资调整申请待决定',
      overdue_tasks: '{{count}} 项跟进任务逾期',
      logistics_unconfirmed: '距入职 {{days}} 天，报到安排尚未确认',
      checklist_not_started: '距入职 {{days}} 天，材料清单尚未开始提交',
      short_notice: '接受 Offer 到入职仅 {{days}} 天',
    },
  },
};

export const pipelineTexts = registerTexts({ 'en-US': enUS, 'zh-CN': zhCN });
