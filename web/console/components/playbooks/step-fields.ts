/**
 * The step form's values and their translation to and from a playbook step. Fields the
 * form does not show (alsoOn, ifStillOpenAfter, recurrence: engine rules of particular
 * exception steps) are kept from the step being edited.
 */
import type {
  TAnchor, TCandidateChannel, TOffset, TOwnerRole, TPlaybookStep, TRoleType, TStage, TStepAction,
} from '../../../../src/contracts/playbook.js';

type Tri = 'any' | 'yes' | 'no';
type NumberInput = number | null | undefined;

export interface OffsetFields {
  days?: NumberInput;
  hours?: NumberInput;
  minutes?: NumberInput;
  at?: string;
  businessDays?: NumberInput;
  workingHours?: NumberInput;
}

export interface StepFields {
  id: string;
  stage: TStage;
  anchor: TAnchor;
  action: TStepAction;
  owners: TOwnerRole[];
  channels?: TCandidateChannel[];
  templateKey?: string;
  summary?: string;
  offset: OffsetFields;
  sla: OffsetFields;
  repeatTimes?: NumberInput;
  repeatEveryDays?: NumberInput;
  relocation?: Tri;
  backgroundCheck?: Tri;
  roleTypes?: TRoleType[];
  siteIds?: string[];
  eventReasons?: string[];
  decision?: 'any' | 'approved' | 'rejected';
  mayMergeWith?: string[];
  escalation: boolean;
  capExempt: boolean;
}

/** Every form field, for clearing errors and placing the server's. */
export const FORM_FIELDS: ReadonlyArray<Array<string>> = [
  ['id'], ['stage'], ['anchor'], ['action'], ['owners'], ['channels'], ['templateKey'], ['summary'],
  ...['days', 'hours', 'minutes', 'at', 'businessDays', 'workingHours'].map((u) => ['offset', u]),
  ...['days', 'hours', 'businessDays'].map((u) => ['sla', u]),
  ['repeatTimes'], ['repeatEveryDays'], ['relocation'], ['backgroundCheck'], ['roleTypes'], ['siteIds'], ['eventReasons'], ['decision'],
  ['mayMergeWith'],
];

const fromTri = (v: boolean | undefined): Tri => (v === undefined ? 'any' : v ? 'yes' : 'no');
const toTri = (v: Tri | undefined): boolean | undefined => (v === undefined || v === 'any' ? undefined : v === 'yes');
const isSet = (v: NumberInput): v is number => typeof v === 'number' && Number.isFinite(v);
const nonEmpty = <T,>(list: T[] | undefined): T[] | undefined => (list && list.length ? list : undefined);

/** An offset from its fields, leaving out units left empty; undefined when every unit is empty. */
function toOffset(f: OffsetFields): TOffset | undefined {
  const out: TOffset = {};
  for (const unit of ['days', 'hours', 'minutes', 'businessDays', 'workingHours'] as const) if (isSet(f[unit])) out[unit] = f[unit];
  if (f.at) out.at = f.at;
  return Object.keys(out).length ? out : undefined;
}

/** The form's starting values for a step. */
export function toFields(step: TPlaybookStep): StepFields {
  const c = step.conditions ?? {};
  return {
    id: step.id, stage: step.stage, anchor: step.anchor, action: step.action, owners: [...step.owners],
    channels: step.channels ? [...step.channels] : undefined,
    templateKey: step.templateKey === step.id ? '' : step.templateKey,
    summary: step.summary ?? '',
    offset: { ...step.offset }, sla: { ...(step.sla ?? {}) },
    repeatTimes: step.repeat?.times, repeatEveryDays: step.repeat?.every.days,
    relocation: fromTri(c.relocation), backgroundCheck: fromTri(c.backgroundCheck),
    roleTypes: c.roleTypes ? [...c.roleTypes] : undefined, siteIds: c.siteIds ? [...c.siteIds] : undefined,
    eventReasons: c.eventReasons ? [...c.eventReasons] : undefined, decision: c.decision ?? 'any',
    mayMergeWith: step.mayMergeWith ? [...step.mayMergeWith] : undefined,
    escalation: step.escalation ?? false, capExempt: step.capExempt ?? false,
  };
}

/** The step the form describes (checked afterwards with ZPlaybookStep). */
export function toStep(f: StepFields, original: TPlaybookStep): TPlaybookStep {
  const id = f.id.trim();
  const conditions = {
    ...(toTri(f.relocation) !== undefined ? { relocation: toTri(f.relocation) } : {}),
    ...(toTri(f.backgroundCheck) !== undefined ? { backgroundCheck: toTri(f.backgroundCheck) } : {}),
    ...(nonEmpty(f.roleTypes) ? { roleTypes: f.roleTypes } : {}),
    ...(nonEmpty(f.siteIds) ? { siteIds: f.siteIds } : {}),
    ...(nonEmpty(f.eventReasons) ? { eventReasons: f.eventReasons } : {}),
    // Hidden fields are absent from the form's values: absent means no condition.
    ...(f.decision && f.decision !== 'any' ? { decision: f.decision } : {}),
  };
  const message = f.action === 'message';
  const sla = toOffset(f.sla);
  const repeat = isSet(f.repeatTimes) || isSet(f.repeatEveryDays)
    ? { times: f.repeatTimes ?? 0, every: { days: f.repeatEveryDays ?? 0 } } as TPlaybookStep['repeat']
    : undefined;
  return {
    id, stage: f.stage, anchor: f.anchor,
    ...(original.alsoOn ? { alsoOn: original.alsoOn } : {}),
    ...(original.ifStillOpenAfter ? { ifStillOpenAfter: original.ifStillOpenAfter } : {}),
    offset: toOffset(f.offset) ?? {},
    owners: f.owners ?? [],
    action: f.action,
    ...(message && nonEmpty(f.channels) ? { channels: f.channels } : {}),
    templateKey: f.templateKey?.trim() || id,
    ...(f.summary?.trim() ? { summary: f.summary.trim() } : {}),
    ...(Object.keys(conditions).length ? { conditions } : {}),
    ...(sla ? { sla } : {}),
    ...(repeat ? { repeat } : {}),
    ...(original.recurrence ? { recurrence: original.recurrence } : {}),
    ...(message && nonEmpty(f.mayMergeWith) ? { mayMergeWith: f.mayMergeWith } : {}),
    ...(f.escalation ? { escalation: true } : {}),
    ...(message && f.capExempt ? { capExempt: true } : {}),
  };
}

/** Where a problem about `path` (inside one step) shows in the form; null when the form has no such field. */
export function toFormName(path: ReadonlyArray<string | number>): string[] | null {
  const [head, next] = path;
  if (head === undefined) return null;
  if (head === 'conditions') return typeof next === 'string' ? [next] : null;
  if (head === 'repeat') return next === 'every' ? ['repeatEveryDays'] : ['repeatTimes'];
  if (head === 'offset') return ['offset', typeof next === 'string' ? next : 'days'];
  if (head === 'sla') return ['sla', next === 'days' || next === 'businessDays' ? next : 'hours'];
  const name = [String(head)];
  return FORM_FIELDS.some((f) => f.length === 1 && f[0] === name[0]) ? name : null;
}
