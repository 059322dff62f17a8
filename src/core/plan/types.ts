import type {
  TBusinessCalendar,
  TCandidateChannel,
  TLanguage,
  TOrgPolicy,
  TPlaybook,
  TPlannedItem,
  TRoleType,
} from '../../contracts/playbook.js';

/** The facts about one candidate the plan depends on (one record per candidate). */
export interface TCandidateFacts {
  ref: string;
  /** Local start date `YYYY-MM-DD` (S is its local midnight). */
  startDate: string;
  /** ISO 8601 instant with offset. */
  offerAcceptedAt: string;
  /** Candidate / site IANA zone. */
  timeZone: string;
  roleType: TRoleType;
  relocation: boolean;
  backgroundCheck: boolean;
  channels: TCandidateChannel[];
  language: TLanguage;
  siteId?: string;
  /** Site calendar; defaults to the org policy's calendar. */
  calendar?: TBusinessCalendar;
}

/** What already happened, for re-plans and cap/spacing accounting. */
export interface TPlanHistory {
  /** Step keys (`stepId#occurrence`) already done or sent; they never move. */
  completed?: { key: string; at: string }[];
  /** Proactive candidate messages already sent (ISO), counted against the daily cap. */
  sentMessages?: string[];
  /** Proactive call tasks already made (ISO), for call spacing. */
  calls?: string[];
}

export interface TComputePlanInput {
  candidate: TCandidateFacts;
  playbook: TPlaybook;
  policy: TOrgPolicy;
  /** ISO instant the plan is computed at (the clock is passed in, never read). */
  now: string;
  history?: TPlanHistory;
}

export type TPlanWarningCode =
  | 'calendar_data_missing'
  | 'start_date_not_working_day'
  | 'start_date_passed'
  | 'compressed';

export interface TPlanWarning {
  code: TPlanWarningCode;
  message: string;
}

export type TSkipReason = 'done' | 'window_passed';

export interface TSkippedStep {
  key: string;
  stepId: string;
  reason: TSkipReason;
}

export interface TPlan {
  candidateRef: string;
  /** Pending items in due order (merged riders follow their lead). */
  items: TPlannedItem[];
  skipped: TSkippedStep[];
  warnings: TPlanWarning[];
}
