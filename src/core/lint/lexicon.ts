import type { TLintRule } from './types.js';

/**
 * Terms per rule, matched against the normalised views (see normalize-text.ts):
 * - `zh`: Simplified Chinese phrases, matched anywhere in the compact view.
 * - `stems`: long Latin stems, matched in the compact view but only at the start of a word,
 *   so spacing tricks are caught while the stem inside an unrelated word is not.
 * - `en`: regular-expression sources matched in the spaced view between word boundaries.
 * - `except*`: phrases that make an overlapping match legitimate (生育保险 is maternity
 *   insurance, "no gender preference" is the opposite of a preference, salary deposits).
 * Everything is lower case; the normaliser folds case, width and Traditional characters.
 */
export interface TRuleLexicon {
  rule: TLintRule;
  /** `purpose` rules warn without a stated purpose and become `info` with one. */
  severity: 'error' | 'purpose';
  zh: string[];
  stems?: string[];
  en: string[];
  exceptZh?: string[];
  exceptEn?: string[];
}

export const PROTECTED_LEXICON: TRuleLexicon[] = [
  {
    rule: 'marital_status',
    severity: 'error',
    zh: ['婚姻', '婚否', '已婚', '未婚', '离婚', '离异', '丧偶', '婚育', '结婚', '婚恋', '单身', '婚史', '再婚', '有无对象', '恋爱状况'],
    stems: ['marital', 'premarital'],
    en: ['married', 'marriage (status|plans?|history)', 'relationship status', 'civil status', 'divorced', 'widowed', 'plans? to (get )?marry', 'are you single'],
    exceptZh: ['单身公寓', '单身宿舍'],
  },
  {
    rule: 'pregnancy',
    severity: 'error',
    zh: ['怀孕', '备孕', '孕期', '妊娠', '早孕', '怀胎', '生育计划', '生育打算', '生育安排', '生育意愿', '生育情况', '生育状况', '生育史', '是否生育', '已育', '未育', '婚育', '生孩子', '生小孩', '要孩子', '要小孩', '二胎', '三胎', '哺乳期'],
    stems: ['pregnan', 'childbearing'],
    en: [
      'child bearing',
      'family planning',
      'fertility',
      '(plan|plans|planning|intend|intending) to (have|start) (a |any )?(baby|babies|child|children|kids|family)',
      'expecting a (baby|child)',
      'maternity plans?',
    ],
  },
  {
    rule: 'pregnancy_test',
    severity: 'error',
    zh: ['孕检', '验孕', '妊娠试验', '妊娠检测', '怀孕检查', '早孕检查'],
    stems: ['pregnancytest'],
    en: ['pregnancy (test|tests|testing|screening|check)', 'hcg( test)?'],
  },
  {
    rule: 'hepatitis_b',
    severity: 'error',
    zh: ['乙肝', '乙型肝炎', '乙型病毒性肝炎', '两对半', '乙肝五项', '表面抗原', '大三阳', '小三阳'],
    stems: ['hbsag', 'hbeag', 'hbeab', 'hbcab', 'antihbs'],
    en: ['hepatitis ?b', 'hep ?b', 'hbv( dna| test| screening)?'],
  },
  {
    rule: 'religion',
    severity: 'error',
    zh: ['宗教', '信教', '信仰宗教', '教徒', '基督教', '天主教', '伊斯兰教', '佛教徒', '穆斯林'],
    stems: ['religio'],
    en: ['muslim', 'buddhist', 'catholic', 'hindu', 'atheists?', 'church (attendance|membership|member)', 'place of worship'],
  },
  {
    rule: 'gender_preference',
    severity: 'error',
    zh: ['男性优先', '女性优先', '男士优先', '女士优先', '男生优先', '女生优先', '限男', '限女', '只招男', '只招女', '只要男', '只要女', '只收男', '只收女', '不招女', '不招男', '不要女', '不要男', '不收女', '不收男', '性别要求', '性别限制', '性别偏好'],
    en: [
      '(male|males|female|females|men|women|man|woman) (candidates? |applicants? )?(only|preferred|priority)',
      'prefer(red|ably|s)? (a )?(male|female|man|woman|men|women)',
      'gender (preference|requirement|restriction)s?',
      'preferred (gender|sex)',
    ],
    exceptZh: ['不限男女', '男女不限', '性别不限', '不限性别', '无性别要求', '没有性别要求', '无性别限制', '没有性别限制', '男女均可', '男女皆可'],
    exceptEn: ['no gender (preference|requirement|restriction)s?', '(regardless|irrespective) of gender'],
  },
  {
    rule: 'health',
    severity: 'purpose',
    zh: ['健康状况', '健康情况', '身体状况', '身体情况', '健康证', '健康证明', '体检', '病史', '既往史', '疾病', '慢性病', '传染病', '残疾', '残障', '精神病', '心理疾病', '遗传病', '手术史', '住院史', '过敏史', '服药'],
    en: [
      'health',
      'medical (history|condition|conditions|exam|examination|check|checkup|check up|record|records|report|certificate)',
      'physical (exam|examination|check|checkup)',
      'illness(es)?',
      'diseases?',
      'disabilit(y|ies)',
      'disabled',
      'chronic',
      'allerg(y|ies)',
      'medications?',
    ],
    // 整体检查/具体检查 contain 体检 only by accident of adjacency.
    exceptZh: ['整体检', '具体检', '总体检', '主体检', '实体检'],
    exceptEn: ['health (insurance|benefits?|plan|care benefits?)', 'healthcare (insurance|benefits?)'],
  },
  {
    rule: 'ethnicity',
    severity: 'purpose',
    zh: ['民族', '种族', '族裔'],
    stems: ['ethnic'],
    en: ['race', 'racial'],
    // Place and school names (民族大道 in Nanning, 中央民族大学) are addresses, not questions.
    exceptZh: ['中华民族', '民族路', '民族大道', '民族街', '民族大学', '民族学院'],
  },
  {
    rule: 'political_affiliation',
    severity: 'purpose',
    zh: ['政治面貌', '党员', '党派', '党籍', '共青团', '入党', '政治身份'],
    en: [
      'political (affiliation|affiliations|party|parties|views|status|background|membership)',
      'party (membership|member|members)',
      'communist party',
    ],
  },
  {
    rule: 'penalty_deposit',
    severity: 'error',
    zh: ['违约金', '违约', '押金', '保证金', '担保金', '抵押金', '风险抵押', '担保人', '担保书', '提供担保', '扣押', '罚款', '罚金'],
    stems: ['liquidateddamage', 'penalt', 'forfeit'],
    en: [
      'deposits?',
      'deposited',
      '(security|training|employment|service|performance|surety|cash) bond',
      'bond (payment|amount|money)',
      '(pay|post|provide|submit) a bond',
      'surety',
      'guarantors?',
      'guarantee (deposit|money|fee|payment)',
      'personal guarantee',
      'damages clause',
      '(pay|paid|charged?) a fine',
      'withh[oe]ld (your )?(id|identity card|passport|documents?|certificates?)',
      'confiscat(e|ed|ion)',
    ],
    // Paying salary INTO the new hire's account is the opposite of taking a deposit from them.
    exceptEn: [
      'direct deposits?',
      '(salary|salaries|wages?|pay|payroll|paycheck)( will be| is| are| gets| get)? deposit(s|ed)?',
      'deposit(s|ed|ing)? (your )?(salary|salaries|wages?|pay)',
      'deposit(s|ed|ing)? (in|into|to) (your |the |a |an )?(salary |payroll |bank )*(bank|account|card)',
      '(salary|payroll) (bank )?(card|account)s? for deposits?',
    ],
  },
];

/** Values that make a form field sensitive personal information (DESIGN §5). */
export const SENSITIVE_LEXICON: TRuleLexicon = {
  rule: 'sensitive_unflagged',
  severity: 'purpose',
  zh: ['身份证照片', '身份证复印件', '身份证扫描', '身份证正反面', '证件照片', '银行卡', '银行账号', '银行账户', '工资卡', '开户行', '健康证', '体检报告', '犯罪记录', '无犯罪'],
  en: [
    'id (card )?(photo|image|scan|copy|copies)',
    'identity card (photo|image|scan|copy|copies)',
    'passport (photo|image|scan|copy|copies)',
    'bank (card|account)s?',
    'health certificates?',
    'medical (report|certificate)s?',
    'criminal (record|records|background)',
    'police clearance',
  ],
};

/** Recruitment vocabulary that Chinese SMS providers reject in message templates. */
export const SMS_RECRUITMENT_LEXICON: TRuleLexicon = {
  rule: 'sms_recruitment_content',
  severity: 'error',
  zh: ['招聘', '入职', '录用', '录取', '面试', '应聘', '岗位', '职位', '薪资', '薪酬', '工资', '月薪', '年薪', '候选人', '求职', '简历', '猎头', '报到', '试用期', '上岗', '招人', '聘用'],
  stems: ['recruit', 'onboard', 'interview'],
  en: ['offers?', 'hir(e|ed|es|ing)', 'jobs?', 'salar(y|ies)', 'wages?', 'candidates?', 'positions?', 'employment', 'employer', 'resumes?', 'vacanc(y|ies)', 'first day', 'start date', 'headhunt\\w*'],
};
