/** The portal's words in zh-CN and en-US (a small dictionary keeps the bundle light). */
export type Lang = 'zh-CN' | 'en-US';

const zh = {
  navLabel: '门户导航',
  langLabel: '语言', langOther: 'English', langOtherCode: 'en-US',
  hello: (name: string) => `${name}，欢迎加入！`,
  joining: (position: string, department: string) => `您将以「${position}」身份加入${department}。`,
  startDate: '入职日期',
  countdown: (n: number) => (n > 1 ? `还有 ${n} 天` : n === 1 ? '明天就是入职日' : n === 0 ? '今天就是入职日！' : '欢迎加入团队！'),
  arrival: '报到时间与地点', arriveAt: '报到时间', address: '地址', reception: '前台与接待', parking: '停车', transport: '交通', openMap: '打开地图',
  people: '迎接您的人', roleHr: '招聘 HR', roleManager: '直属上级', call: (name: string) => `致电 ${name}`,
  messagesTitle: '消息', noMessages: '暂时还没有消息。', fromUs: '我们发送', answer: 'HR 回复', yourQuestion: '您的提问',
  channel: { email: '邮件', sms: '短信', portal: '门户', wechat: '微信', wecom: '企业微信', phone: '电话' } as Record<string, string>,
  askTitle: '向 HR 提问', askIntro: '任何关于入职的问题都可以问，HR 会在一个工作日内回复您。', askLabel: '您的问题',
  askSend: '发送问题', askSent: '已收到您的问题，HR 会尽快回复。', askEmpty: '请先写下您的问题。', chars: (n: number, max: number) => `${n} / ${max}`,
  pulseTitle: '您对加入我们感觉如何？', pulseLegend: '选择 1 到 5', pulseScores: ['很担心', '有些担心', '一般', '挺期待', '非常期待'],
  pulseComment: '想说点什么吗？（可选）', pulseSend: '提交', pulseSent: '谢谢您的反馈！', pulsePick: '请先选择一个分数。',
  expiredTitle: '链接已失效', expired: '这个链接已过期或已失效。请联系您的 HR 重新发送。',
  noLinkTitle: '请使用邀请链接', noLink: '请使用邮件或短信中的链接打开入职门户。',
  failed: '网络出了点问题，请稍后再试。', retry: '重试', sending: '发送中…',
};

const en: typeof zh = {
  navLabel: 'Portal sections',
  langLabel: 'Language', langOther: '中文', langOtherCode: 'zh-CN',
  hello: (name) => `Welcome, ${name}!`,
  joining: (position, department) => `You are joining ${department} as ${position}.`,
  startDate: 'Start date',
  countdown: (n) => (n > 1 ? `${n} days to go` : n === 1 ? 'Your first day is tomorrow' : n === 0 ? 'Today is your first day!' : 'Welcome to the team!'),
  arrival: 'Where and when to arrive', arriveAt: 'Arrive at', address: 'Address', reception: 'Reception', parking: 'Parking', transport: 'Getting there', openMap: 'Open map',
  people: 'Who will meet you', roleHr: 'HR', roleManager: 'Your manager', call: (name) => `Call ${name}`,
  messagesTitle: 'Messages', noMessages: 'No messages yet.', fromUs: 'From us', answer: 'HR answer', yourQuestion: 'Your question',
  channel: { email: 'Email', sms: 'SMS', portal: 'Portal', wechat: 'WeChat', wecom: 'WeCom', phone: 'Phone' },
  askTitle: 'Ask HR a question', askIntro: 'Ask anything about joining; HR will answer within one business day.', askLabel: 'Your question',
  askSend: 'Send question', askSent: 'We have your question; HR will answer soon.', askEmpty: 'Please write your question first.', chars: (n, max) => `${n} / ${max}`,
  pulseTitle: 'How do you feel about joining?', pulseLegend: 'Pick 1 to 5', pulseScores: ['Worried', 'A bit unsure', 'Okay', 'Looking forward', 'Can’t wait'],
  pulseComment: 'Anything you want to tell us? (optional)', pulseSend: 'Send', pulseSent: 'Thank you for telling us!', pulsePick: 'Please pick a score first.',
  expiredTitle: 'This link no longer works', expired: 'This link has expired or is no longer valid. Please ask your HR contact for a new one.',
  noLinkTitle: 'Please use your invitation link', noLink: 'Please open the portal with the link in your email or text message.',
  failed: 'Something went wrong with the connection. Please try again.', retry: 'Try again', sending: 'Sending…',
};

export type Dict = typeof zh;
export const DICTS: Record<Lang, Dict> = { 'zh-CN': zh, 'en-US': en };
