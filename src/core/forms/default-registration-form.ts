import type { TBilingualText, TFieldType, TFormDefinition, TFormField, TRole } from './types.js';

/** Everyone who works with the new hire on day one needs the name and a phone number. */
const DAY_ONE_TEAM: TRole[] = ['hr', 'hrbp', 'manager', 'admin', 'org_admin', 'candidate'];
/** Employment terms the hiring manager plans around (no salary here). */
const EMPLOYMENT_TEAM: TRole[] = ['hr', 'hrbp', 'manager', 'org_admin', 'candidate'];
/** Personnel-file data: HR side only. */
const HR_SIDE: TRole[] = ['hr', 'hrbp', 'org_admin', 'candidate'];
/** Sensitive personal information (DESIGN §5). */
const HR_ONLY: TRole[] = ['hr', 'org_admin', 'candidate'];

const IMAGE_OR_PDF = ['image/jpeg', 'image/png', 'application/pdf'];

/** The legal basis shared by the employee-register items. */
const REGISTER_PURPOSE: TBilingualText = {
  zh: '建立职工名册（《劳动合同法》第7条、《劳动合同法实施条例》第8条规定的登记项目）。',
  en: 'Employee register required by Labour Contract Law Art. 7 and its Implementing Regulations Art. 8.',
};

interface TFieldSpec {
  zh: string;
  en: string;
  type: TFieldType;
  required: boolean;
  purpose: TBilingualText;
  roles: TRole[];
  sensitive?: boolean;
  filledBy?: 'candidate' | 'hr';
  help?: TBilingualText;
  options?: Array<[value: string, zh: string, en: string]>;
  accept?: string[];
}

function defineField(key: string, spec: TFieldSpec): TFormField {
  return {
    key,
    label: { zh: spec.zh, en: spec.en },
    ...(spec.help ? { help: spec.help } : {}),
    type: spec.type,
    required: spec.required,
    purpose: spec.purpose,
    sensitive: spec.sensitive ?? false,
    filledBy: spec.filledBy ?? 'candidate',
    roles: spec.roles,
    ...(spec.options ? { options: spec.options.map(([value, zh, en]) => ({ value, label: { zh, en } })) } : {}),
    ...(spec.accept ? { accept: spec.accept } : {}),
  };
}

const registerFields: TFormField[] = [
  defineField('fullName', { zh: '姓名', en: 'Full name', type: 'text', required: true, purpose: REGISTER_PURPOSE, roles: DAY_ONE_TEAM,
    help: { zh: '与身份证件一致。', en: 'As shown on your identity document.' } }),
  defineField('gender', { zh: '性别', en: 'Gender', type: 'select', required: true, roles: HR_SIDE,
    purpose: { zh: '职工名册法定登记项目（《劳动合同法实施条例》第8条）及社会保险登记。', en: 'Statutory employee-register item (Implementing Regulations Art. 8) and social-insurance registration.' },
    options: [['male', '男', 'Male'], ['female', '女', 'Female']] }),
  defineField('dateOfBirth', { zh: '出生日期', en: 'Date of birth', type: 'date', required: true, roles: HR_ONLY,
    purpose: { zh: '核实法定最低就业年龄（《劳动法》第15条）并办理社会保险登记。', en: 'To verify the legal minimum working age (Labour Law Art. 15) and register social insurance.' } }),
  defineField('idType', { zh: '证件类型', en: 'Identity document type', type: 'select', required: true, purpose: REGISTER_PURPOSE, roles: HR_ONLY,
    options: [
      ['resident_id', '居民身份证', 'PRC resident identity card'],
      ['hmt_residence_permit', '港澳台居民居住证', 'Residence permit for Hong Kong, Macao and Taiwan residents'],
      ['foreign_permanent_resident_id', '外国人永久居留身份证', 'Foreign permanent resident ID card'],
      ['passport', '护照', 'Passport'],
    ] }),
  defineField('idNumber', { zh: '证件号码', en: 'Identity document number', type: 'id_number', required: true, sensitive: true, roles: HR_ONLY,
    purpose: { zh: '职工名册登记（公民身份号码）、签订劳动合同、办理社会保险和个税申报。', en: 'Employee register (citizen ID number), the employment contract, social insurance and individual income tax filing.' } }),
  defineField('idDocumentImage', { zh: '身份证件正反面照片', en: 'Identity document photo (both sides)', type: 'file', required: false, sensitive: true, roles: HR_ONLY, accept: IMAGE_OR_PDF,
    purpose: { zh: '入职前预审身份信息，减少报到当天的等待；仅 HR 可见，按保留期限删除。', en: 'To pre-check your identity before day one so you do not wait at reception; HR-only and deleted on schedule.' } }),
  defineField('householdRegistrationAddress', { zh: '户籍地址', en: 'Household registration (hukou) address', type: 'address', required: true, purpose: REGISTER_PURPOSE, roles: HR_ONLY }),
  defineField('currentAddress', { zh: '现住址', en: 'Current address', type: 'address', required: true, roles: HR_ONLY,
    purpose: { zh: '职工名册登记项目，并作为书面通知的送达地址。', en: 'Employee-register item and the address for written notices.' } }),
  defineField('mobilePhone', { zh: '手机号码', en: 'Mobile phone', type: 'phone', required: true, roles: DAY_ONE_TEAM,
    purpose: { zh: '职工名册登记的联系方式，也用于报到当天联系您。', en: 'Contact details for the employee register and for reaching you on your first day.' } }),
  defineField('email', { zh: '电子邮箱', en: 'Email', type: 'email', required: true, roles: HR_SIDE,
    purpose: { zh: '接收正式录用文件、日程邀请和入职资料。', en: 'To receive your formal documents, calendar invitations and joining information.' } }),
];

const employmentFields: TFormField[] = [
  defineField('employmentForm', { zh: '用工形式', en: 'Form of employment', type: 'select', required: true, purpose: REGISTER_PURPOSE, roles: EMPLOYMENT_TEAM, filledBy: 'hr',
    options: [['full_time', '全日制', 'Full-time'], ['part_time', '非全日制', 'Part-time'], ['internship', '实习', 'Internship']] }),
  defineField('employmentStartDate', { zh: '用工起始时间', en: 'Employment start date', type: 'date', required: true, purpose: REGISTER_PURPOSE, roles: EMPLOYMENT_TEAM, filledBy: 'hr' }),
  defineField('position', { zh: '工作岗位', en: 'Position', type: 'text', required: true, roles: EMPLOYMENT_TEAM, filledBy: 'hr',
    purpose: { zh: '劳动合同必备条款（《劳动合同法》第17条）。', en: 'Required term of the employment contract (Labour Contract Law Art. 17).' } }),
  defineField('department', { zh: '所属部门', en: 'Department', type: 'text', required: true, roles: EMPLOYMENT_TEAM, filledBy: 'hr',
    purpose: { zh: '确定汇报关系和入职接待安排。', en: 'To set up your reporting line and first-day reception.' } }),
  defineField('workLocation', { zh: '工作地点', en: 'Place of work', type: 'text', required: true, roles: EMPLOYMENT_TEAM, filledBy: 'hr',
    purpose: { zh: '劳动合同必备条款（《劳动合同法》第17条），并确定社会保险缴纳地。', en: 'Required contract term (Labour Contract Law Art. 17); also decides where social insurance is paid.' } }),
  defineField('contractTerm', { zh: '劳动合同期限', en: 'Contract term', type: 'select', required: true, purpose: REGISTER_PURPOSE, roles: HR_SIDE, filledBy: 'hr',
    options: [
      ['fixed', '固定期限', 'Fixed term'],
      ['open_ended', '无固定期限', 'Open-ended'],
      ['task_based', '以完成一定工作任务为期限', 'Until a defined task is completed'],
    ] }),
  defineField('contractEndDate', { zh: '合同终止日期', en: 'Contract end date', type: 'date', required: false, roles: HR_SIDE, filledBy: 'hr',
    help: { zh: '固定期限合同填写。', en: 'Fixed-term contracts only.' },
    purpose: { zh: '记录固定期限合同的期满日期（《劳动合同法》第17条）。', en: 'Records when a fixed-term contract ends (Labour Contract Law Art. 17).' } }),
  defineField('probationMonths', { zh: '试用期（月）', en: 'Probation (months)', type: 'number', required: false, roles: EMPLOYMENT_TEAM, filledBy: 'hr',
    purpose: { zh: '记录与合同期限相符的试用期（《劳动合同法》第19条）。', en: 'Records a probation period that fits the contract term (Labour Contract Law Art. 19).' } }),
];

const payrollFields: TFormField[] = [
  defineField('salaryBankName', { zh: '工资卡开户行（含支行）', en: 'Salary account bank and branch', type: 'text', required: true, sensitive: true, roles: HR_ONLY,
    help: { zh: '请使用本人名下的银行卡，并提前确认开户支行。', en: 'Use an account in your own name and confirm the branch beforehand.' },
    purpose: { zh: '按时足额发放工资（《劳动法》第50条）。', en: 'To pay your wages on time and in full (Labour Law Art. 50).' } }),
  defineField('salaryBankAccount', { zh: '工资卡账号', en: 'Salary bank account number', type: 'bank_account', required: true, sensitive: true, roles: HR_ONLY,
    purpose: { zh: '按时足额发放工资（《劳动法》第50条）。', en: 'To pay your wages on time and in full (Labour Law Art. 50).' } }),
  defineField('socialInsuranceStatus', { zh: '社会保险参保情况', en: 'Social insurance status', type: 'select', required: true, roles: HR_SIDE,
    options: [['first_time', '首次参保', 'First time insured'], ['transfer', '已在其他单位或城市参保，需要转移', 'Insured before; needs transfer']],
    purpose: { zh: '用工之日起30日内办理社会保险登记（《社会保险法》第58条）。', en: 'Social-insurance registration within 30 days of hiring (Social Insurance Law Art. 58).' } }),
  defineField('previousInsuranceCity', { zh: '原参保城市', en: 'City of previous social insurance', type: 'text', required: false, roles: HR_SIDE,
    purpose: { zh: '办理社会保险关系转移接续。', en: 'To transfer your social-insurance record.' } }),
  defineField('housingFundAccount', { zh: '住房公积金个人账号', en: 'Housing provident fund account number', type: 'text', required: false, roles: HR_ONLY,
    help: { zh: '首次缴存可不填。', en: 'Leave empty if you have never contributed.' },
    purpose: { zh: '录用之日起30日内办理公积金缴存登记或账户转移（《住房公积金管理条例》第15条）。', en: 'Housing-fund registration or account transfer within 30 days of hiring (Housing Provident Fund Regulations Art. 15).' } }),
];

const EMERGENCY_PURPOSE: TBilingualText = {
  zh: '仅在您工作期间发生紧急情况时联系。',
  en: 'Used only to reach someone if you have an emergency at work.',
};

const contactAndBackgroundFields: TFormField[] = [
  defineField('emergencyContactName', { zh: '紧急联系人姓名', en: 'Emergency contact name', type: 'text', required: true, purpose: EMERGENCY_PURPOSE, roles: HR_SIDE }),
  defineField('emergencyContactRelation', { zh: '紧急联系人与本人关系', en: 'Relationship to you', type: 'select', required: true, purpose: EMERGENCY_PURPOSE, roles: HR_SIDE,
    options: [['parent', '父母', 'Parent'], ['spouse_partner', '配偶/伴侣', 'Spouse or partner'], ['sibling', '兄弟姐妹', 'Sibling'], ['friend', '朋友', 'Friend'], ['other', '其他', 'Other']] }),
  defineField('emergencyContactPhone', { zh: '紧急联系人电话', en: 'Emergency contact phone', type: 'phone', required: true, purpose: EMERGENCY_PURPOSE, roles: HR_SIDE }),
  defineField('highestEducation', { zh: '最高学历', en: 'Highest education', type: 'select', required: true, roles: HR_SIDE,
    options: [['secondary', '高中/中专', 'Secondary school'], ['associate', '大专', 'Associate degree'], ['bachelor', '本科', 'Bachelor'], ['master', '硕士研究生', 'Master'], ['doctorate', '博士研究生', 'Doctorate'], ['other', '其他', 'Other']],
    purpose: { zh: '核实岗位的学历要求并建立人事档案。', en: 'To check the role’s education requirement and keep the personnel file.' } }),
  defineField('graduationSchool', { zh: '毕业院校', en: 'School or university', type: 'text', required: true, roles: HR_SIDE,
    purpose: { zh: '学历核验（如学信网）并建立人事档案。', en: 'Education verification (e.g. CHSI) and the personnel file.' } }),
  defineField('major', { zh: '所学专业', en: 'Field of study', type: 'text', required: false, roles: HR_SIDE,
    purpose: { zh: '安排培训与岗位匹配。', en: 'To plan training that fits your role.' } }),
  defineField('graduationDate', { zh: '毕业时间', en: 'Graduation date', type: 'date', required: true, roles: HR_SIDE,
    purpose: { zh: '学历核验；应届生据此办理报到证明等手续。', en: 'Education verification; for new graduates, the graduate registration paperwork.' } }),
  defineField('previousEmployer', { zh: '上一家工作单位', en: 'Previous employer', type: 'text', required: false, roles: HR_SIDE,
    help: { zh: '应届毕业生可不填。', en: 'New graduates can leave this empty.' },
    purpose: { zh: '确认与原单位的劳动关系已经解除（《劳动合同法》第91条）。', en: 'To confirm your previous employment has ended (Labour Contract Law Art. 91).' } }),
  defineField('separationCertificate', { zh: '离职证明', en: 'Certificate of separation from previous employer', type: 'file', required: false, roles: HR_SIDE, accept: IMAGE_OR_PDF,
    help: { zh: '原单位出具的解除或终止劳动合同证明；应届毕业生无需提供。', en: 'Issued by your previous employer when the contract ended; new graduates do not need one.' },
    purpose: { zh: '确认与原单位的劳动关系已经解除（《劳动合同法》第50条、第91条）。', en: 'Proof that the previous employment has ended (Labour Contract Law Arts. 50, 91).' } }),
];

/**
 * The default 入职登记表: the statutory employee-register set plus payroll, social-insurance,
 * emergency-contact and education essentials. Every field states a purpose; the set passes
 * the compliance lint (tested). Org admins edit copies, never this constant.
 */
export const DEFAULT_REGISTRATION_FORM: TFormDefinition = {
  id: 'registration.default',
  version: 1,
  title: { zh: '入职登记表', en: 'Employee registration form' },
  fields: [...registerFields, ...employmentFields, ...payrollFields, ...contactAndBackgroundFields],
};

/**
 * Fields an org admin may ADD for specific roles, each with the purpose that justifies it.
 * They stay out of the default because most roles have no lawful need for them.
 */
export const OPTIONAL_REGISTRATION_FIELDS: readonly TFormField[] = [
  defineField('healthCertificate', { zh: '健康证', en: 'Health certificate', type: 'file', required: false, sensitive: true, roles: HR_ONLY, accept: IMAGE_OR_PDF,
    purpose: { zh: '食品、公共场所等从业人员须持有效健康证上岗（《食品安全法》第45条）；仅用于该类岗位。', en: 'Food-service and public-venue staff must hold a valid health certificate (Food Safety Law Art. 45); for those roles only.' } }),
  defineField('noCriminalRecordCertificate', { zh: '无犯罪记录证明', en: 'Criminal record certificate', type: 'file', required: false, sensitive: true, roles: HR_ONLY, accept: IMAGE_OR_PDF,
    purpose: { zh: '仅用于法律法规要求背景审查的岗位（如教育、安保、金融）。', en: 'Only for roles where the law requires a background check (e.g. education, security, finance).' } }),
];
