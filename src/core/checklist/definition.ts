/**
 * The candidate's checklist (入职准备清单) as the portal shows it: the materials list and
 * process guide of the source document, each item with what the candidate does with it.
 * The materials come from `forms/default-checklist.ts`, the same list the `prep.checklist`
 * email names, so the email and the portal never disagree (一致性原则).
 */
import type { TRoleType } from '../../contracts/common.js';
import { DEFAULT_CHECKLIST, type TChecklistItem as TMaterial } from '../forms/default-checklist.js';
import type { TBilingualText } from '../forms/types.js';

/** Content types we accept, decided from the bytes (see `sniff-content-type.ts`). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'] as const;
export type TDocumentType = (typeof DOCUMENT_TYPES)[number];

export const MB = 1024 * 1024;
/** The largest upload any item takes; the HTTP layer stops reading past it. */
export const MAX_UPLOAD_BYTES = 10 * MB;
/** Files one item may hold at a time (a diploma and a degree certificate, front and back…). */
export const MAX_DOCUMENTS_PER_ITEM = 5;

export interface TChecklistDefinitionItem {
  /** Stable API name. */
  id: string;
  /** `upload`: may be uploaded for pre-review (or marked ready to bring); `confirm`: marked ready only. */
  kind: 'upload' | 'confirm';
  category: TMaterial['category'];
  title: TBilingualText;
  notes: TBilingualText;
  /** Why it is asked for (DESIGN §5: every field declares a purpose); shown beside it. */
  purpose: TBilingualText;
  /** Whether HR asks for the upload before day one (otherwise it is the candidate's choice). */
  prereviewRequested: boolean;
  /** Sensitive personal information (DESIGN §5): own consent before upload, HR-only reads. */
  sensitive: boolean;
  accept: readonly TDocumentType[];
  maxBytes: number;
  conditions: {
    /** Role types the item does not apply to. */
    notFor: readonly TRoleType[];
    /** Only for candidates who move to the site's city. */
    relocationOnly?: boolean;
  };
}

/** What decides which items a candidate gets. */
export interface ChecklistFacts {
  roleType: TRoleType;
  relocation: boolean;
}

const PHONE_PHOTO_TYPES: readonly TDocumentType[] = ['image/heic', 'image/heif'];

function fromMaterial(m: TMaterial): TChecklistDefinitionItem {
  const upload = m.upload !== 'none';
  const accept = m.acceptedFileTypes.filter((t): t is TDocumentType => (DOCUMENT_TYPES as readonly string[]).includes(t));
  return {
    id: m.key,
    kind: upload ? 'upload' : 'confirm',
    category: m.category,
    title: m.title,
    notes: m.notes,
    purpose: m.purpose,
    prereviewRequested: m.upload === 'required',
    sensitive: m.sensitive,
    // Phones save photos as HEIC: take them wherever JPEG is taken.
    accept: upload ? [...accept, ...(accept.includes('image/jpeg') ? PHONE_PHOTO_TYPES : [])] : [],
    maxBytes: m.category === 'photos' ? 5 * MB : MAX_UPLOAD_BYTES,
    conditions: { notFor: m.notFor },
  };
}

/** Items the source implies beyond the sample table. */
const EXTRA_ITEMS: readonly TChecklistDefinitionItem[] = [
  {
    id: 'medicalReport',
    kind: 'upload',
    category: 'other_materials',
    title: { zh: '入职体检报告', en: 'Pre-employment medical report' },
    notes: {
      zh: '请在公司指定或二级以上医院体检，报告三个月内有效；只需包含岗位要求的项目，如有疑问先问 HR。',
      en: 'From the clinic we name or any hospital of grade II or above, dated within three months; only the checks the role needs. Ask HR if unsure.',
    },
    purpose: { zh: '确认您能胜任岗位对身体条件的要求。', en: 'To confirm you can safely do the work the role involves.' },
    prereviewRequested: false,
    sensitive: true,
    accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'],
    maxBytes: MAX_UPLOAD_BYTES,
    conditions: { notFor: [] },
  },
  {
    id: 'relocationPlan',
    kind: 'confirm',
    category: 'process',
    title: { zh: '异地入职：行程与住宿', en: 'Moving for the job: travel and housing' },
    notes: {
      zh: '告诉 HR 您计划哪天到达；我们可以推荐住处，并协助申请差旅补贴。',
      en: 'Tell HR the day you plan to arrive; we can suggest places to stay and help you claim the travel allowance.',
    },
    purpose: { zh: '为您安排住宿建议和交通补贴。', en: 'To arrange housing suggestions and your travel allowance.' },
    prereviewRequested: false,
    sensitive: false,
    accept: [],
    maxBytes: 0,
    conditions: { notFor: [], relocationOnly: true },
  },
];

/** The default checklist: materials first, then the process guide (display order). */
export const CHECKLIST_ITEMS: readonly TChecklistDefinitionItem[] = (() => {
  const mapped = DEFAULT_CHECKLIST.map(fromMaterial);
  const materials = mapped.filter((i) => i.category !== 'process');
  const process = mapped.filter((i) => i.category === 'process');
  const [medical, relocation] = EXTRA_ITEMS;
  return [...materials, medical!, relocation!, ...process];
})();

/** The items that apply to a candidate, in display order. Pure. */
export function materializeChecklist(facts: ChecklistFacts, items: readonly TChecklistDefinitionItem[] = CHECKLIST_ITEMS): TChecklistDefinitionItem[] {
  return items.filter((item) => !item.conditions.notFor.includes(facts.roleType) && (!item.conditions.relocationOnly || facts.relocation));
}

/** One item by id among those that apply, or undefined. */
export function findChecklistItem(facts: ChecklistFacts, id: string): TChecklistDefinitionItem | undefined {
  return materializeChecklist(facts).find((item) => item.id === id);
}
