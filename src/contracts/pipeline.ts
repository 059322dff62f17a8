import { z } from 'zod';
import { ZCandidateStatus, ZLocalDate, ZUuid } from './common.js';

export const PIPELINE_COLUMNS = ['offer_confirmation', 'prep', 'final_days', 'day_one', 'started'] as const;
export const ZPipelineStage = z.enum(PIPELINE_COLUMNS);
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const ZRiskLevel = z.enum(RISK_LEVELS);

export const RISK_REASON_CODES = [
  'unanswered_messages', 'no_reply', 'low_pulse', 'delay_requested', 'counter_offer', 'salary_request_open',
  'overdue_tasks', 'logistics_unconfirmed', 'checklist_not_started', 'short_notice',
] as const;

export const ZPipelineQuery = z.strictObject({
  /** Part of the candidate's name or position. */
  q: z.string().trim().max(100).optional(),
  departmentId: ZUuid.optional(),
  siteId: ZUuid.optional(),
  hrOwnerId: ZUuid.optional(),
  managerId: ZUuid.optional(),
  /** Any day of the start week (Monday to Sunday). */
  startWeek: ZLocalDate.optional(),
  risk: ZRiskLevel.optional(),
  /** Only this column (to page through it with `offset`); every column otherwise. */
  stage: ZPipelineStage.optional(),
  /** Cards per column. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Skips this many cards of the column given in `stage`. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TPipelineQuery = z.infer<typeof ZPipelineQuery>;

export const ZRiskReason = z.object({
  code: z.enum(RISK_REASON_CODES),
  params: z.record(z.string(), z.number()),
  points: z.number().int(),
});

/** Advisory: it explains itself and never acts on the candidate (DESIGN §5). */
export const ZRiskAssessment = z.object({ level: ZRiskLevel, score: z.number().int(), reasons: z.array(ZRiskReason) });
export type TRiskAssessment = z.infer<typeof ZRiskAssessment>;

const ZPersonName = z.object({ id: ZUuid, name: z.string() }).nullable();

/** A card: no contact details and no pay, whoever asks. */
export const ZPipelineCard = z.object({
  id: ZUuid,
  fullName: z.string(),
  positionTitle: z.string(),
  status: ZCandidateStatus,
  department: z.object({ id: ZUuid, name: z.string() }),
  site: z.object({ id: ZUuid, name: z.string() }),
  startDate: ZLocalDate,
  /** Days from today (at the candidate's site) to the start date. */
  daysToStart: z.number().int(),
  hrOwner: ZPersonName,
  manager: ZPersonName,
  /** Open tasks past their due time. */
  overdueTasks: z.number().int(),
  /** Omitted for roles that handle logistics only. */
  risk: ZRiskAssessment.optional(),
});
export type TPipelineCard = z.infer<typeof ZPipelineCard>;

export const ZPipelineColumn = z.object({
  stage: ZPipelineStage,
  /** Every card of the column that matches the filters (not only this page). */
  total: z.number().int(),
  items: z.array(ZPipelineCard),
});

export const ZPipeline = z.object({
  columns: z.array(ZPipelineColumn),
  /** Whether risk is shown to the caller. */
  riskVisible: z.boolean(),
  generatedAt: z.string(),
});
export type TPipeline = z.infer<typeof ZPipeline>;
