/**
 * The consent wordings (DESIGN §5) a candidate is shown, versioned. A new text gets a new
 * version; the record keeps the version, the exact text and its hash. Pure: the caller
 * renders with the facts it has (company name, background-check vendor and items).
 */
export type TConsentKind = 'sensitive_info' | 'background_check' | 'talent_pool';
export type TConsentLanguage = 'zh-CN' | 'en-US';

export interface ConsentWording {
  kind: TConsentKind;
  version: string;
  /** Months until the consent lapses unless renewed; undefined = until withdrawn. */
  validMonths?: number;
  /** Whether the candidate must type their full name to agree. */
  typedName: boolean;
  text: Record<TConsentLanguage, string>;
}

export interface WordingFacts {
  company: string;
  /** Background check: the vendor and the items checked. */
  vendor?: string;
  items?: readonly string[];
}

const WORDINGS: Record<TConsentKind, ConsentWording> = {
  sensitive_info: {
    kind: 'sensitive_info',
    version: 'sensitive_info/2026-11',
    typedName: false,
    text: {
      'zh-CN': [
        '{{company}} 需要处理您的敏感个人信息（身份证件、银行卡、体检报告等入职材料），仅用于办理入职、建立员工名册、发放工资和缴纳社会保险。',
        '这些材料加密保存，只有负责您入职的人事人员可以查看，每次查看都会被记录。',
        '您可以随时撤回本同意；撤回后我们将停止处理并删除已上传的敏感材料，但您可能需要在入职当天现场提交纸质材料。',
      ].join('\n'),
      'en-US': [
        '{{company}} needs to process sensitive personal information (identity documents, bank card, medical report and similar onboarding materials), only to complete your onboarding, keep the employee register, pay salary and social insurance.',
        'These files are stored encrypted; only the HR staff handling your onboarding can open them, and every view is recorded.',
        'You can withdraw this consent at any time; we will then stop processing and delete the sensitive files you uploaded, and you may need to bring paper copies on your first day.',
      ].join('\n'),
    },
  },
  background_check: {
    kind: 'background_check',
    version: 'background_check/2026-11',
    typedName: true,
    text: {
      'zh-CN': [
        '本人授权 {{company}} 委托 {{vendor}} 对以下事项进行背景调查：{{items}}。',
        '调查仅限于上述事项，结果只用于本次录用，不会用于其他目的，也不会提供给第三方。',
        '本人可以随时撤回授权；撤回前已完成的调查不受影响。未经本授权，不会开始任何背景调查。',
      ].join('\n'),
      'en-US': [
        'I authorise {{company}} to have {{vendor}} carry out a background check covering: {{items}}.',
        'The check is limited to these items; its result is used only for this hiring decision, for no other purpose, and is not passed to third parties.',
        'I can withdraw this authorization at any time; checks completed before withdrawal are not affected. No check starts without this authorization.',
      ].join('\n'),
    },
  },
  talent_pool: {
    kind: 'talent_pool',
    version: 'talent_pool/2026-11',
    validMonths: 24,
    typedName: false,
    text: {
      'zh-CN': [
        '我同意 {{company}} 在人才库中保留我的姓名、联系方式和应聘记录，以便今后向我介绍合适的职位和公司动态（大约每三个月一次）。',
        '本同意自同意或续期之日起 24 个月有效。我可以随时撤回，撤回后我的人才库记录将被删除。',
      ].join('\n'),
      'en-US': [
        'I agree that {{company}} keeps my name, contact details and application history in its talent pool, to tell me about suitable roles and company news (about every three months).',
        'This consent lasts 24 months from when it is given or renewed. I can withdraw it at any time, and my talent-pool entry will then be deleted.',
      ].join('\n'),
    },
  },
};

export const CONSENT_KINDS = Object.keys(WORDINGS) as TConsentKind[];

export function currentWording(kind: TConsentKind): ConsentWording {
  return WORDINGS[kind];
}

/** The exact text shown for a consent, in one language, with the facts filled in. */
export function renderWording(kind: TConsentKind, language: TConsentLanguage, facts: WordingFacts): string {
  const items = facts.items?.length ? facts.items.join(language === 'zh-CN' ? '、' : ', ') : '—';
  return WORDINGS[kind].text[language]
    .replaceAll('{{company}}', facts.company)
    .replaceAll('{{vendor}}', facts.vendor ?? '—')
    .replaceAll('{{items}}', items);
}

/** When a consent given at `givenAt` lapses (calendar months, end of month clamped); undefined = never. */
export function consentExpiry(kind: TConsentKind, givenAt: Date): Date | undefined {
  const months = WORDINGS[kind].validMonths;
  if (months === undefined) return undefined;
  const d = new Date(givenAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
