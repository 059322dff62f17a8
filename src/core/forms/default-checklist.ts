import { z } from 'zod';
import { ZBilingual, ZRoleType } from './types.js';

/** One item of the materials checklist (入职准备清单) or of the process guide (入职流程指引). */
export const ZChecklistItem = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** `material`: something to prepare or upload; `process`: a step of the first-day process. */
  kind: z.enum(['material', 'process']),
  category: z.enum(['required_documents', 'photos', 'other_materials', 'process']),
  title: ZBilingual,
  notes: ZBilingual,
  /** Why it is needed; shown to the candidate like a form field's purpose. */
  purpose: ZBilingual,
  /** Paper the candidate brings on day one (originals are shown, copies are kept). */
  bring: z.object({ originals: z.boolean(), copies: z.number().int().min(0), quantity: z.number().int().min(0).optional() }),
  upload: z.enum(['none', 'optional', 'required']),
  sensitive: z.boolean(),
  /** MIME types for uploads; empty when `upload` is `none`. */
  acceptedFileTypes: z.array(z.string()),
  /** Role types the item does not apply to (a campus hire has no separation certificate). */
  notFor: z.array(ZRoleType).default([]),
});
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

const SCAN_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

/**
 * The default checklist, from the source's sample table: documents with copies, photos,
 * social-insurance/housing-fund transfer and the salary card, then the first-day process.
 * Times and places in notes are generic; the message template fills in the site's values.
 */
export const DEFAULT_CHECKLIST: readonly TChecklistItem[] = [
  {
    key: 'identityCard',
    kind: 'material',
    category: 'required_documents',
    title: { zh: '身份证原件及复印件', en: 'Identity card, original and copies' },
    notes: { zh: '复印件 2 份，正反面印在同一页。', en: 'Two copies, with both sides on one page.' },
    purpose: { zh: '核验身份并签订劳动合同。', en: 'To verify your identity and sign the employment contract.' },
    bring: { originals: true, copies: 2 },
    upload: 'optional',
    sensitive: true,
    acceptedFileTypes: SCAN_TYPES,
    notFor: [],
  },
  {
    key: 'diplomas',
    kind: 'material',
    category: 'required_documents',
    title: { zh: '学历、学位证书原件及复印件', en: 'Diploma and degree certificates, originals and copies' },
    notes: {
      zh: '复印件各 2 份；也可上传学信网学历验证报告，方便提前核验。',
      en: 'Two copies of each; you may also upload a CHSI verification report so we can check it in advance.',
    },
    purpose: { zh: '核实岗位学历要求并建立人事档案。', en: 'To check the education requirement and keep the personnel file.' },
    bring: { originals: true, copies: 2 },
    upload: 'required',
    sensitive: false,
    acceptedFileTypes: SCAN_TYPES,
    notFor: [],
  },
  {
    key: 'separationCertificate',
    kind: 'material',
    category: 'required_documents',
    title: { zh: '离职证明', en: 'Certificate of separation' },
    notes: {
      zh: '由上一家单位出具；如尚在办理，请告诉我们预计拿到的日期。',
      en: 'Issued by your previous employer; if it is still in progress, tell us when you expect it.',
    },
    purpose: { zh: '确认与原单位的劳动关系已经解除。', en: 'To confirm your previous employment has ended.' },
    bring: { originals: true, copies: 1 },
    upload: 'required',
    sensitive: false,
    acceptedFileTypes: SCAN_TYPES,
    notFor: ['campus'],
  },
  {
    key: 'photos',
    kind: 'material',
    category: 'photos',
    title: { zh: '一寸免冠彩色照片 4 张', en: 'Four 1-inch colour ID photos (no hat)' },
    notes: {
      zh: '背景色以公司要求为准，一般为蓝底或白底；上传电子版可用于制作工牌。',
      en: 'Background colour as the company asks, usually blue or white; a digital copy lets us prepare your badge.',
    },
    purpose: { zh: '制作工牌并存入人事档案。', en: 'For your badge and personnel file.' },
    bring: { originals: false, copies: 0, quantity: 4 },
    upload: 'optional',
    sensitive: false,
    acceptedFileTypes: PHOTO_TYPES,
    notFor: [],
  },
  {
    key: 'socialInsuranceTransfer',
    kind: 'material',
    category: 'other_materials',
    title: { zh: '社保、公积金转移材料', en: 'Social insurance and housing fund transfer papers' },
    notes: {
      zh: '如社保转移手册或参保凭证；首次参保无需提供。',
      en: 'For example a transfer booklet or contribution record; not needed if you have never been insured.',
    },
    purpose: { zh: '办理社保关系和公积金账户的转移接续。', en: 'To transfer your social-insurance record and housing-fund account.' },
    bring: { originals: true, copies: 0 },
    upload: 'optional',
    sensitive: false,
    acceptedFileTypes: SCAN_TYPES,
    notFor: [],
  },
  {
    key: 'salaryBankCard',
    kind: 'material',
    category: 'other_materials',
    title: { zh: '工资卡复印件', en: 'Copy of your salary bank card' },
    notes: {
      zh: '须为本人名下、用于发放工资的银行卡，请提前确认开户支行信息。',
      en: 'A card in your own name that your pay will go to; please confirm the branch details beforehand.',
    },
    purpose: { zh: '按时发放工资。', en: 'To pay your wages on time.' },
    bring: { originals: false, copies: 1 },
    upload: 'optional',
    sensitive: true,
    acceptedFileTypes: SCAN_TYPES,
    notFor: [],
  },
  {
    key: 'reportToHr',
    kind: 'process',
    category: 'process',
    title: { zh: '上午 9:00 到人力资源部报到', en: 'Report to HR at 9:00' },
    notes: {
      zh: '具体地点、对接人和停车信息见报到指引。',
      en: 'The exact place, your contact person and parking are in the arrival guide.',
    },
    purpose: { zh: '让接待同事按时迎接您。', en: 'So that someone is there to meet you.' },
    bring: { originals: false, copies: 0 },
    upload: 'none',
    sensitive: false,
    acceptedFileTypes: [],
    notFor: [],
  },
  {
    key: 'registrationForm',
    kind: 'process',
    category: 'process',
    title: { zh: '填写《入职登记表》', en: 'Fill in the employee registration form' },
    notes: {
      zh: '电子版会在报到前一天发给您，提前填好可以缩短现场办理时间。',
      en: 'We send the online version the day before you start; filling it in early shortens the paperwork on site.',
    },
    purpose: { zh: '建立职工名册并办理入职手续。', en: 'To create your employee record and complete joining formalities.' },
    bring: { originals: false, copies: 0 },
    upload: 'none',
    sensitive: false,
    acceptedFileTypes: [],
    notFor: [],
  },
];

/** The checklist items that apply to a role type, in display order. Pure. */
export function selectChecklistItems(roleType: z.infer<typeof ZRoleType>, items: readonly TChecklistItem[] = DEFAULT_CHECKLIST): TChecklistItem[] {
  return items.filter((item) => !item.notFor.includes(roleType));
}
