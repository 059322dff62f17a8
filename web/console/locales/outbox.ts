/** The outbox. Registered by the modules that show them (locales/registry.ts). */
import { registerTexts } from './registry.js';

const enUS = {
  outbox: {
    title: 'Outbox',
    subtitle: 'Every message to candidates, before and after it is sent',
    status: 'Status',
    allStatuses: 'All statuses',
    total: '{{count}} messages',
    empty: 'No messages match this filter',
    view: 'View',
    col: { candidate: 'Candidate', steps: 'Steps', channel: 'Channel', status: 'Status', sendAfter: 'Send time', attempts: 'Attempts', lastError: 'Last error', actions: 'Actions' },
    drawerTitle: 'Message to {{name}}',
    recipient: 'Recipient',
    subject: 'Subject',
    body: 'Body',
    sentAt: 'Sent at',
    notRendered: 'Rendered when the message is sent',
    none: '—',
  },
  outboxStatus: {
    scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', failed: 'Failed, retrying', dead: 'Dead letter', cancelled: 'Cancelled', outbox: 'To send by hand',
  },
};

const zhCN: typeof enUS = {
  outbox: {
    title: '发件箱',
    subtitle: '发给候选人的每一条消息，发送前后都在这里',
    status: '状态',
    allStatuses: '全部状态',
    total: '共 {{count}} 条消息',
    empty: '没有符合条件的消息',
    view: '查看',
    col: { candidate: '候选人', steps: '步骤', channel: '渠道', status: '状态', sendAfter: '发送时间', attempts: '尝试次数', lastError: '最近错误', actions: '操作' },
    drawerTitle: '发给 {{name}} 的消息',
    recipient: '收件人',
    subject: '主题',
    body: '正文',
    sentAt: '发送于',
    notRendered: '消息发送时生成',
    none: '—',
  },
  outboxStatus: {
    scheduled: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败，重试中', dead: '死信', cancelled: '已取消', outbox: '待人工发送',
  },
};

export const outboxTexts = registerTexts({ 'en-US': enUS, 'zh-CN': zhCN });
