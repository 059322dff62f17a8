import { SMS_NEW_MESSAGE } from './sms-notices.js';
import type { TTemplateDefinition } from './types.js';

/**
 * checklist.reviewed — HR reviewed an uploaded item. The email says only that a result is
 * waiting: which item and why it was sent back are shown in the portal, so neither the
 * reason nor a document name travels by email.
 */
const reviewed: TTemplateDefinition = {
  id: 'checklist.reviewed',
  step: 'checklist.reviewed',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '您的入职材料有了审核结果',
      body: `{{ candidate.name }}，您好！

HR 已经看过您上传的入职材料。每一项的结果都在候选人页面的「清单」里；如果有需要补充或重新上传的，页面上会写明原因：{{ portal.link }}

有任何问题，回复这封邮件或打 {{ hr.phone }} 都可以。

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.zh,
    },
    'en-US': {
      subject: 'Your onboarding documents have been reviewed',
      body: `Hi {{ candidate.name }},

HR have looked at the documents you uploaded. The result of each item is in the Checklist on your candidate page; if something needs another upload, the page says why: {{ portal.link }}

Questions? Reply to this email or call {{ hr.phone }}.

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.en,
    },
  },
};

export const CHECKLIST_TEMPLATES: readonly TTemplateDefinition[] = [reviewed];
