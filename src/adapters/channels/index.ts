/** Channel adapters: the only module the composition root (src/deps.ts) needs to import. */
export * from './types.js';
export * from './rate-limit.js';
export { createSmtpEmailAdapter, readSmtpOptionsFromUrl, deriveMessageId, type SmtpEmailOptions } from './email.js';
export { buildMeetingInvite, deriveMeetingUid, type MeetingInvite, type MeetingPerson, type BuiltInvite } from './ics.js';
export { createWecomRobotAdapter, createWecomAppAdapter, type WecomRobotOptions, type WecomAppOptions } from './wecom.js';
export { createDingtalkRobotAdapter, type DingtalkRobotOptions } from './dingtalk.js';
export { createFeishuBotAdapter, type FeishuBotOptions } from './feishu.js';
export { createAliyunSmsAdapter, type AliyunSmsOptions, type SmsAdapter, type SmsMessage } from './sms.js';
