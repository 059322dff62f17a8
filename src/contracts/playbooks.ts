/**
 * Playbook editing (GET/POST /api/v1/playbooks…): versions, saving a new version and the
 * preview of the plan an unsaved definition gives a candidate. Steps are sent as raw JSON
 * and checked by the service (`ZPlaybook` plus semantic checks), so every problem names
 * its field as `steps[3].offset`; the console checks each step with `ZPlaybookStep` first.
 */
import { z } from 'zod';
import { ZUuid, zShortText } from './common.js';
import {
  ZCandidateChannel, ZOwnerRole, ZPlaybook, ZPlaybookStep, ZRoleType, ZStage, ZStepAction,
} from './playbook.js';

export const PLAYBOOK_LIMITS = { maxSteps: 100, nameMax: 200, sampleStartInDays: { min: 0, max: 365, default: 21 } } as const;

export const ZPlaybookKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected a playbook key like default');
export const ZPlaybookKeyParams = z.strictObject({ key: ZPlaybookKey });
export const ZPlaybookVersionParams = z.strictObject({ key: ZPlaybookKey, version: z.coerce.number().int().min(1).max(1_000_000) });

/** What the editor holds and sends: the name and the steps (key and version are the server's). */
export const ZPlaybookDraft = z.strictObject({
  name: zShortText(PLAYBOOK_LIMITS.nameMax),
  steps: z.array(ZPlaybookStep).min(1).max(PLAYBOOK_LIMITS.maxSteps),
});
export type TPlaybookDraft = z.infer<typeof ZPlaybookDraft>;

const ZRawSteps = z.array(z.unknown()).max(PLAYBOOK_LIMITS.maxSteps)
  .meta({ description: 'The steps, each a PlaybookStep as in the version answer; checked as a whole, problems name `steps[i].field`' });

/** Save a new version: the full definition, and the version the edit started from. */
export const ZSavePlaybookVersion = z.strictObject({
  /** The latest version when the edit began; another version saved since answers 409. */
  baseVersion: z.int().min(1).max(1_000_000),
  name: z.string().max(1000),
  steps: ZRawSteps,
});
export type TSavePlaybookVersion = z.infer<typeof ZSavePlaybookVersion>;

/** A made-up candidate for the preview: offer accepted now, start in three weeks, tech role by default. */
export const ZSampleCandidate = z.strictObject({
  kind: z.literal('sample'),
  roleType: ZRoleType.default('tech'),
  relocation: z.boolean().default(false),
  backgroundCheck: z.boolean().default(true),
  startInDays: z.int().min(PLAYBOOK_LIMITS.sampleStartInDays.min).max(PLAYBOOK_LIMITS.sampleStartInDays.max).default(PLAYBOOK_LIMITS.sampleStartInDays.default),
  /** Site whose zone and calendar apply; the organisation's first site when absent. */
  siteId: ZUuid.optional(),
});

export const ZPreviewSubject = z.discriminatedUnion('kind', [
  ZSampleCandidate,
  z.strictObject({ kind: z.literal('candidate'), candidateId: ZUuid }),
]);
export type TPreviewSubject = z.input<typeof ZPreviewSubject>;

export const ZPreviewPlaybook = z.strictObject({
  name: z.string().max(1000),
  steps: ZRawSteps,
  candidate: ZPreviewSubject.optional(),
});
export type TPreviewPlaybook = z.infer<typeof ZPreviewPlaybook>;

/** One field-level problem of a definition (also in the 400 answer's `error.details.problems`). */
export const ZPlaybookProblem = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type TPlaybookProblem = z.infer<typeof ZPlaybookProblem>;

export const ZStepChanges = z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) });
export type TStepChanges = z.infer<typeof ZStepChanges>;

export const ZPlaybookVersionInfo = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  stepCount: z.number().int(),
  createdAt: z.string(),
  /** Null for the seeded default. */
  createdBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  /** Candidates whose running plan follows this version. */
  candidateCount: z.number().int(),
  /** Against the version before it (all added for the first). */
  changes: ZStepChanges,
});
export type TPlaybookVersionInfo = z.infer<typeof ZPlaybookVersionInfo>;

export const ZPlaybookVersion = ZPlaybookVersionInfo.extend({ definition: ZPlaybook });
export type TPlaybookVersion = z.infer<typeof ZPlaybookVersion>;

export const ZPlaybookSummary = z.object({
  key: z.string(),
  /** New acceptances follow the latest version of the active playbook. */
  active: z.boolean(),
  latestVersion: z.number().int(),
  versions: z.array(ZPlaybookVersionInfo),
});

/** What the editor offers in its lists: templates that exist and the exception steps the engine runs. */
export const ZPlaybookCatalog = z.object({
  templates: z.array(z.object({ key: z.string(), kind: z.string() })),
  engineSteps: z.array(z.object({ id: z.string(), stage: ZStage, anchor: z.string() })),
});
export type TPlaybookCatalog = z.infer<typeof ZPlaybookCatalog>;

export const ZPlaybookList = z.object({ items: z.array(ZPlaybookSummary), catalog: ZPlaybookCatalog });
export type TPlaybookList = z.infer<typeof ZPlaybookList>;

export const ZPreviewItem = z.object({
  key: z.string(),
  stepId: z.string(),
  occurrence: z.number().int(),
  stage: ZStage,
  owners: z.array(ZOwnerRole),
  action: ZStepAction,
  kind: z.string(),
  channel: ZCandidateChannel.nullable(),
  dueAt: z.string(),
  /** Due time in the candidate's zone, ISO with offset. */
  dueAtLocal: z.string(),
  /** Steps carried by this item's message (itself first) when steps merged. */
  mergedStepKeys: z.array(z.string()),
  mergedInto: z.string().nullable(),
  compressed: z.boolean(),
  slaDueAt: z.string().nullable(),
  slaBreached: z.boolean(),
  calendarDataMissing: z.boolean(),
  /** Against the current version's plan for the same candidate. */
  change: z.enum(['added', 'moved', 'same']),
  /** Where a moved item was due before. */
  previousDueAt: z.string().nullable(),
});
export type TPreviewItem = z.infer<typeof ZPreviewItem>;

export const ZPlaybookPreview = z.object({
  candidate: z.object({
    kind: z.enum(['sample', 'candidate']),
    candidateId: ZUuid.nullable(),
    name: z.string().nullable(),
    roleType: ZRoleType,
    relocation: z.boolean(),
    backgroundCheck: z.boolean(),
    startDate: z.string(),
    offerAcceptedAt: z.string(),
    timeZone: z.string(),
  }),
  /** The saved version the diff compares against. */
  comparedToVersion: z.number().int(),
  items: z.array(ZPreviewItem),
  /** Outbound candidate messages: each with the steps it carries (merged on one day). */
  messages: z.array(z.object({ key: z.string(), dueAt: z.string(), dueAtLocal: z.string(), channel: ZCandidateChannel.nullable(), stepIds: z.array(z.string()) })),
  skipped: z.array(z.object({ key: z.string(), stepId: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  diff: z.object({
    added: z.array(z.object({ key: z.string(), stepId: z.string(), dueAt: z.string() })),
    removed: z.array(z.object({ key: z.string(), stepId: z.string(), dueAt: z.string() })),
    moved: z.array(z.object({ key: z.string(), stepId: z.string(), from: z.string(), to: z.string() })),
  }),
});
export type TPlaybookPreview = z.infer<typeof ZPlaybookPreview>;
