import type { TBilingual, TLintRule, TLintSeverity } from './types.js';

/**
 * Lint messages in both UI languages. Keys follow `lint.<rule>`; a justified purpose-dependent
 * finding uses `lint.<rule>.justified`. The web i18n bundles can import these verbatim.
 */
export const LINT_MESSAGES: Record<string, TBilingual> = {
  'lint.marital_status': {
    zh: '不得询问婚姻状况：与录用无关，属于就业歧视风险（《妇女权益保障法》第43条、《就业促进法》第30条精神）。',
    en: 'Do not ask about marital status: it is irrelevant to employment and a discrimination risk (Women’s Rights Protection Law Art. 43).',
  },
  'lint.pregnancy': {
    zh: '不得询问怀孕、生育状况或生育计划（《妇女权益保障法》第43条）。',
    en: 'Do not ask about pregnancy, children or childbearing plans (Women’s Rights Protection Law Art. 43).',
  },
  'lint.pregnancy_test': {
    zh: '不得要求妊娠检测或将其列入入职体检项目（《妇女权益保障法》第43条）。',
    en: 'Pregnancy tests must not be required or included in a pre-employment check (Women’s Rights Protection Law Art. 43).',
  },
  'lint.hepatitis_b': {
    zh: '不得询问或检测乙肝项目（乙肝五项/两对半等），不得以病原携带为由拒绝录用（《就业促进法》第30条）。',
    en: 'Do not ask about or test for hepatitis B markers; carrier status is no ground to refuse employment (Employment Promotion Law Art. 30).',
  },
  'lint.religion': {
    zh: '不得询问宗教信仰（《就业促进法》第3条禁止因宗教信仰歧视）。',
    en: 'Do not ask about religion (Employment Promotion Law Art. 3 forbids discrimination by religious belief).',
  },
  'lint.gender_preference': {
    zh: '不得设定性别限制或性别优先（《妇女权益保障法》第43条、《就业促进法》第27条）。',
    en: 'Do not state a gender restriction or preference (Women’s Rights Protection Law Art. 43, Employment Promotion Law Art. 27).',
  },
  'lint.health': {
    zh: '健康相关信息须说明收集目的（如食品岗位健康证），否则不应收集。',
    en: 'Health information needs a stated purpose (e.g. a food-safety health certificate for food-service roles); otherwise do not collect it.',
  },
  'lint.health.justified': {
    zh: '健康相关信息：已说明目的，请确认仅用于该目的并按敏感信息处理。',
    en: 'Health information with a stated purpose: use it only for that purpose and treat it as sensitive.',
  },
  'lint.ethnicity': {
    zh: '民族/种族信息须说明收集目的（如法定登记要求），否则不应收集。',
    en: 'Ethnicity needs a stated purpose (e.g. a statutory registration requirement); otherwise do not collect it.',
  },
  'lint.ethnicity.justified': {
    zh: '民族/种族信息：已说明目的，请确认仅用于该目的。',
    en: 'Ethnicity with a stated purpose: use it only for that purpose.',
  },
  'lint.political_affiliation': {
    zh: '政治面貌须说明收集目的（如党组织关系转接），否则不应收集。',
    en: 'Political affiliation needs a stated purpose (e.g. transferring party membership records); otherwise do not collect it.',
  },
  'lint.political_affiliation.justified': {
    zh: '政治面貌：已说明目的，请确认仅用于该目的。',
    en: 'Political affiliation with a stated purpose: use it only for that purpose.',
  },
  'lint.penalty_deposit': {
    zh: '入职前文件不得包含违约金、押金、保证金或担保条款，也不得扣押证件（《劳动合同法》第9条、第25条）。',
    en: 'Pre-onboarding documents must not contain penalty clauses, deposits, bonds or guarantees, nor withhold ID documents (Labour Contract Law Arts. 9, 25).',
  },
  'lint.purpose_missing': {
    zh: '每个字段都必须说明收集目的。',
    en: 'Every field must state why it is collected.',
  },
  'lint.sensitive_unflagged': {
    zh: '该字段涉及敏感个人信息（证件影像、银行卡、健康证明、犯罪记录），须标记为敏感：单独同意、加密存储、仅 HR 可见。',
    en: 'This field holds sensitive personal information (ID images, bank card, health certificate, criminal record): mark it sensitive — separate consent, encryption, HR-only access.',
  },
  'lint.sms_recruitment_content': {
    zh: '短信服务商禁止在短信模板中出现招聘类内容：短信只发提醒和链接。',
    en: 'SMS providers reject recruitment content in templates: an SMS may only carry a short notice and a link.',
  },
};

/** Picks the message key for a rule at a given severity. */
export function selectMessageKey(rule: TLintRule, severity: TLintSeverity): string {
  const justified = `lint.${rule}.justified`;
  return severity === 'info' && justified in LINT_MESSAGES ? justified : `lint.${rule}`;
}
