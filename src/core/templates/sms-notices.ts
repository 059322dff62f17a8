/**
 * SMS notices: a greeting and the portal link, nothing else. Chinese SMS providers reject
 * templates with recruitment content, and the real message is in the portal and email anyway.
 */
export const SMS_NEW_MESSAGE = {
  zh: '【{{ org.name }}】{{ candidate.name }}您好，您有一条新消息，请点击查看：{{ portal.link }}',
  en: '{{ org.name }}: Hi {{ candidate.name }}, you have a new message. Read it here: {{ portal.link }}',
} as const;

export const SMS_NEW_EVENT = {
  zh: '【{{ org.name }}】{{ candidate.name }}您好，您收到一个新的日程邀请，详情请查看：{{ portal.link }}',
  en: '{{ org.name }}: Hi {{ candidate.name }}, you have a new calendar invitation. Details: {{ portal.link }}',
} as const;

export const SMS_ACTION_NEEDED = {
  zh: '【{{ org.name }}】{{ candidate.name }}您好，有一份文件等您查看和确认：{{ portal.link }}',
  en: '{{ org.name }}: Hi {{ candidate.name }}, a document is waiting for you to review: {{ portal.link }}',
} as const;
