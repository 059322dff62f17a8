/**
 * The vocabulary every page shares: app and navigation, roles, statuses, channels, steps
 * and stages, errors and validation. Loaded with the console's entry (main.tsx).
 */
import { registerTexts } from './registry.js';

const enUS = {
  app: { name: 'Preboard', tagline: 'From offer accepted to first day' },
  lang: { label: 'Language', 'zh-CN': '中文', 'en-US': 'English' },
  nav: {
    candidates: 'Candidates', tasks: 'My tasks', outbox: 'Outbox', mainMenu: 'Main menu',
    myHires: 'My hires', pipeline: 'Pipeline', logisticsBoard: 'Logistics board', talentPool: 'Talent pool', privacy: 'Privacy',
    audit: 'Audit log', templates: 'Templates', playbooks: 'Playbooks', settings: 'Settings',
  },
  header: { signOut: 'Sign out', account: 'Account menu for {{name}}' },
  role: { hr: 'HR', hrbp: 'HRBP', manager: 'Hiring manager', admin: 'Admin / IT', executive: 'Executive', org_admin: 'Org admin' },
  status: {
    offer_sent: 'Offer sent', offer_accepted: 'Offer accepted', preboarding: 'Preboarding', started: 'Started',
    onboarded: 'Onboarded', declined: 'Declined', reneged: 'Reneged', withdrawn: 'Withdrawn', delayed: 'Delayed',
  },
  roleType: { tech: 'Technical', management: 'Management', sales: 'Sales', operations: 'Operations', campus: 'Campus', other: 'Other' },
  kind: { call: 'Call', message: 'Message', email: 'Email', meeting: 'Meeting', visit: 'Visit', note: 'Note', status: 'Status change' },
  channel: {
    phone: 'Phone', email: 'Email', sms: 'SMS', wechat: 'WeChat', wecom: 'WeCom', dingtalk: 'DingTalk', feishu: 'Feishu',
    portal: 'Portal', video: 'Video', in_person: 'In person', other: 'Other',
  },
  direction: { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal' },
  step: {
    offer: {
      send_package: 'Send the offer package', confirmation_call: 'Confirmation call', channel_invite: 'Invite to company channels',
      approve_withdrawal: 'Approve or refuse the offer withdrawal',
    },
    prep: {
      checklist: 'Send the materials checklist', relocation_support: 'Relocation support', manager_intro_call: 'Manager intro call',
      background_check_consent: 'Background check authorization', documents_prereview: 'Pre-review submitted documents',
    },
    final: { daily_care: 'Daily care message', logistics_confirm: 'Confirm arrival logistics', preonboarding_meeting: 'Pre-onboarding meeting' },
    day1: { workstation_prep: 'Prepare badge, computer and desk', reception: 'Day-one reception', checkin: 'End-of-day check-in', issue: 'Resolve a day-one issue' },
    delay: { understand_reason: 'Understand the delay', escalate_manager: 'Escalate the delay to the manager', escalate_executive: 'Escalate the delay to an executive' },
    salary: { evaluate: 'Evaluate the salary request', reissue_offer: 'Reissue the offer', explain_total_comp: 'Explain total compensation' },
    declined: { thank_you: 'Send a thank-you note', ask_reason: 'Ask for the reason' },
    pool: { nurture: 'Talent pool update' },
    checklist: { reviewed: 'Documents reviewed' },
    risk: { unresponsive_call: 'Call the unresponsive candidate' },
    privacy: { deletion_request: 'Answer a deletion request', correction_request: 'Answer a correction request' },
    contract: { sign_labour_contract: 'Sign the written labour contract', escalate_executive: 'Labour contract near its legal deadline' },
  },
  stage: {
    offer_confirmation: 'Offer confirmation', prep: 'Preparation', final_days: 'Final days', day_one: 'Day one',
    delay: 'Delay', salary: 'Salary', declined: 'Declined or reneged', talent_pool: 'Talent pool', day_one_issue: 'Day-one issues', risk: 'At risk',
    privacy: 'Privacy requests', contract: 'Labour contract',
  },
  action: { message: 'Message', call: 'Call', meeting: 'Meeting', checklist: 'Checklist', task: 'Task' },
  planState: { done: 'Done', sent: 'Sent', open: 'Open', planned: 'Planned', cancelled: 'Cancelled', outbox: 'To send by hand', failed: 'Failed' },
  error: {
    generic: 'Something went wrong',
    retry: 'Try again',
    forbidden: 'You do not have access to this page.',
    notFound: 'Page not found',
    home: 'Back to candidates',
  },
  validation: {
    required: 'Required',
    tooLong: 'At most {{max}} characters',
    format: 'Invalid format',
    invalid: 'Invalid value',
    email: 'Enter a valid email address',
    issue: {
      webhookUrl: 'Enter the robot webhook URL of the chosen provider (https).',
      secret: 'DingTalk robots need their signing secret; WeCom robots have none.',
      min: 'At least {{min}}',
      minLength: 'At least {{min}} characters',
      max: 'At most {{max}}',
      quietHours_end: 'Quiet hours cannot start and end at the same time',
      workingHours_end: 'Working hours must end after they start',
      calendarOverrides_date: 'This date already has an override',
      date: 'Enter a date between 2000 and 2100',
    },
  },
};

const zhCN: typeof enUS = {
  app: { name: 'Preboard', tagline: '从接受 Offer 到入职第一天' },
  lang: { label: '语言', 'zh-CN': '中文', 'en-US': 'English' },
  nav: {
    candidates: '候选人', tasks: '我的待办', outbox: '发件箱', mainMenu: '主菜单',
    myHires: '我的新员工', pipeline: '入职看板', logisticsBoard: '行政准备看板', talentPool: '人才库', privacy: '隐私',
    audit: '审计日志', templates: '消息模板', playbooks: '跟进方案', settings: '设置',
  },
  header: { signOut: '退出登录', account: '{{name}} 的账户菜单' },
  role: { hr: '招聘 HR', hrbp: 'HRBP', manager: '用人经理', admin: '行政 / IT', executive: '高管', org_admin: '组织管理员' },
  status: {
    offer_sent: '已发 Offer', offer_accepted: '已接受 Offer', preboarding: '入职准备中', started: '已入职',
    onboarded: '已转正', declined: '已拒绝', reneged: '已毁约', withdrawn: '已撤回', delayed: '延期中',
  },
  roleType: { tech: '技术岗', management: '管理岗', sales: '销售岗', operations: '运营岗', campus: '校招', other: '其他' },
  kind: { call: '电话', message: '消息', email: '邮件', meeting: '会议', visit: '面谈', note: '备注', status: '状态变更' },
  channel: {
    phone: '电话', email: '邮件', sms: '短信', wechat: '微信', wecom: '企业微信', dingtalk: '钉钉', feishu: '飞书',
    portal: '候选人门户', video: '视频', in_person: '当面', other: '其他',
  },
  direction: { inbound: '候选人发起', outbound: '我方发起', internal: '内部' },
  step: {
    offer: {
      send_package: '发送正式 Offer 资料包', confirmation_call: '入职意向确认电话', channel_invite: '邀请加入企业群与公众号',
      approve_withdrawal: '审批撤回 Offer 申请',
    },
    prep: {
      checklist: '发送入职材料清单', relocation_support: '异地安置支持', manager_intro_call: '直属上级沟通电话',
      background_check_consent: '背景调查授权', documents_prereview: '预审入职材料',
    },
    final: { daily_care: '入职前每日关怀', logistics_confirm: '确认报到安排', preonboarding_meeting: '入职前沟通会' },
    day1: { workstation_prep: '准备工牌、电脑和工位', reception: '首日接待', checkin: '首日结束回访', issue: '处理首日问题' },
    delay: { understand_reason: '了解延期原因', escalate_manager: '延期升级至用人经理', escalate_executive: '延期升级至高管' },
    salary: { evaluate: '评估调薪请求', reissue_offer: '重新发放 Offer', explain_total_comp: '说明整体薪酬' },
    declined: { thank_you: '发送感谢信', ask_reason: '了解拒绝原因' },
    pool: { nurture: '人才库定期问候' },
    checklist: { reviewed: '材料审核结果' },
    risk: { unresponsive_call: '失联候选人跟进电话' },
    privacy: { deletion_request: '处理删除请求', correction_request: '处理更正请求' },
    contract: { sign_labour_contract: '签订书面劳动合同', escalate_executive: '劳动合同临近法定期限' },
  },
  stage: {
    offer_confirmation: 'Offer 确认', prep: '入职准备', final_days: '入职前几天', day_one: '入职首日',
    delay: '延期处理', salary: '薪资协商', declined: '拒绝或毁约', talent_pool: '人才库', day_one_issue: '首日问题', risk: '风险跟进',
    privacy: '个人信息请求', contract: '劳动合同',
  },
  action: { message: '消息', call: '电话', meeting: '会议', checklist: '清单', task: '任务' },
  planState: { done: '已完成', sent: '已发送', open: '待处理', planned: '已计划', cancelled: '已取消', outbox: '待人工发送', failed: '发送失败' },
  error: {
    generic: '出错了',
    retry: '重试',
    forbidden: '你无权访问此页面。',
    notFound: '页面不存在',
    home: '返回候选人列表',
  },
  validation: {
    required: '必填',
    tooLong: '最多 {{max}} 个字符',
    format: '格式不正确',
    invalid: '取值无效',
    email: '请输入有效的邮箱地址',
    issue: {
      webhookUrl: '请填写所选平台的机器人 Webhook 地址（https）。',
      secret: '钉钉机器人需要签名密钥；企业微信群机器人没有签名密钥。',
      min: '不能小于 {{min}}',
      minLength: '至少 {{min}} 个字符',
      max: '不能大于 {{max}}',
      quietHours_end: '免打扰时段的开始和结束不能相同',
      workingHours_end: '下班时间必须晚于上班时间',
      calendarOverrides_date: '该日期已有例外设置',
      date: '请输入 2000 至 2100 年之间的日期',
    },
  },
};

export const commonTexts = registerTexts({ 'en-US': enUS, 'zh-CN': zhCN });
