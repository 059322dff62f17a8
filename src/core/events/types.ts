import type {
  TCandidateStatus,
  TOrgPolicy,
  TOwnerRole,
  TPlannedItem,
  TPlaybook,
  TStage,
  TStepAction,
  TCandidateChannel,
} from '../../contracts/playbook.js';
import type { TDelayReason } from '../../contracts/playbook.js';
import type { TCandidateFacts, TPlan } from '../plan/types.js';

export type { TDomainEvent } from '../../contracts/scenario.js';

export interface TEngineConfig {
  playbook: TPlaybook;
  policy: TOrgPolicy;
}

/** Everything the reducer remembers about one candidate. Plain data, serialisable. */
export interface TCandidateState {
  candidate: TCandidateFacts;
  status: TCandidateStatus;
  /** Current main plan (null before acceptance). */
  plan: TPlan | null;
  /** Exception items created by events (messages wait here until sent). */
  exceptionItems: TPlannedItem[];
  /** Step keys done or sent, with when. */
  completed: { key: string; at: string }[];
  /** Cancelled step keys (never sent / never due again). */
  cancelled: string[];
  /** Proactive messages handed to the dispatcher, at their planned time (ISO): the daily cap counts these. */
  sentMessages: string[];
  /**
   * Messages handed to the dispatcher that count for unresponsiveness, not yet reported
   * sent or failed (lead key, planned time). Absent in states stored before it existed.
   */
  awaitingSend?: { key: string; at: string }[];
  /**
   * Messages that reached the candidate, by send time: the dispatcher's, or when staff
   * marked a hand-sent one sent. Two of them without a reply raise the call.
   */
  confirmedSends?: { key: string; at: string }[];
  lastReplyAt: string | null;
  openDelay: { requestedAt: string; reason: TDelayReason; proposedStartDate?: string; escalated: boolean } | null;
  consent: { givenAt: string; expiresAt: string; nextNurtureAt: string | null; sent: number } | null;
  /** Send time of the first unanswered message of the streak that already raised risk.unresponsive_call. */
  unresponsiveRaisedFor: string | null;
  /**
   * The written labour contract after arrival: employment start and legal deadline (site's
   * local dates), and whether the near-deadline escalation was raised. Absent before arrival
   * (and in states stored before it existed).
   */
  labourContract?: { employmentStart: string; legalDeadline: string; escalated: boolean } | null;
  /** Occurrence counters for exception steps (several day1.issue tasks…). */
  occurrences: Record<string, number>;
  /** Last instant the reducer has processed (ISO). */
  clock: string;
}

interface TEffectBase {
  /** When it happens (UTC ISO) and the same instant in the candidate's zone. */
  at: string;
  atLocal: string;
  candidate: string;
}

export interface TItemFields {
  key: string;
  step: string;
  stage: TStage;
  owners: TOwnerRole[];
  action: TStepAction;
  channel: TCandidateChannel | null;
}

export type TEffect =
  | (TEffectBase & { kind: 'status'; status: TCandidateStatus; from: TCandidateStatus })
  | (TEffectBase &
      TItemFields & {
        kind: 'task';
        dueAt: string;
        dueAtLocal: string;
        preparedMessage: boolean;
        calendarDataMissing: boolean;
        /** Free text carried by the event (day-one issue). */
        detail?: string;
        /** Labour-contract steps: the last day to sign in time (YYYY-MM-DD, site's date). */
        legalDeadline?: string;
      })
  | (TEffectBase & TItemFields & { kind: 'message'; mergedSteps: string[] })
  | (TEffectBase & TItemFields & { kind: 'escalation'; dueAt: string; dueAtLocal: string; calendarDataMissing: boolean; legalDeadline?: string })
  | (TEffectBase & { kind: 'cancelled'; key: string; step: string; reason: string });

export interface TReduction {
  state: TCandidateState;
  effects: TEffect[];
}
