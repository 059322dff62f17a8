/**
 * The advisory drop-out risk of a candidate between acceptance and the first day
 * (DESIGN §5, PIPL Art.24). It reads only what the follow-up itself recorded — replies,
 * the candidate's own pulse answers, open requests, overdue work, unconfirmed logistics —
 * and never a personal trait (gender, age, marital status, ethnicity, religion, health…):
 * `RISK_SIGNALS` is the whole input, and the scorer copies exactly those fields.
 * It shows its reasons and decides nothing: staff read it, the product never acts on it.
 */

/** What the score may read. Anything else passed in is ignored. */
export interface RiskSignals {
  /** Days until the start date (negative once it has passed); null when unknown. */
  daysToStart: number | null;
  /** Proactive messages sent since the candidate last replied. */
  unansweredMessages: number;
  /** Days since the candidate last replied (or since acceptance, when they never did); null before acceptance. */
  daysSinceLastReply: number | null;
  /** The latest "how do you feel about joining" answer from the portal (1–5); null when never answered. */
  latestPulse: number | null;
  /** A start-date delay is open. */
  delayRequested: boolean;
  /** The open delay names a counter-offer as its reason. */
  counterOffer: boolean;
  /** A salary-adjustment request is waiting for a decision. */
  salaryRequestOpen: boolean;
  /** Open follow-up tasks past their due time. */
  overdueTasks: number;
  /** The candidate confirmed how they will come on the first day (for the current start date). */
  logisticsConfirmed: boolean;
  /** The candidate submitted at least one checklist item. */
  checklistStarted: boolean;
  /** Days between acceptance and the start date; null before acceptance. */
  noticeDays: number | null;
}

/** The input fields, in order: the property tests check nothing else moves the score. */
export const RISK_SIGNALS = [
  'daysToStart', 'unansweredMessages', 'daysSinceLastReply', 'latestPulse', 'delayRequested', 'counterOffer',
  'salaryRequestOpen', 'overdueTasks', 'logisticsConfirmed', 'checklistStarted', 'noticeDays',
] as const satisfies readonly (keyof RiskSignals)[];

export type RiskLevel = 'low' | 'medium' | 'high';

export type RiskReasonCode =
  | 'unanswered_messages' | 'no_reply' | 'low_pulse' | 'delay_requested' | 'counter_offer' | 'salary_request_open'
  | 'overdue_tasks' | 'logistics_unconfirmed' | 'checklist_not_started' | 'short_notice';

/** One reason, as a code and its numbers, so each language words it its own way. */
export interface RiskReason {
  code: RiskReasonCode;
  params: Record<string, number>;
  /** Points it adds to the score. */
  points: number;
}

export interface RiskAssessment {
  level: RiskLevel;
  /** 0–100. */
  score: number;
  /** Every reason that added points, largest first. */
  reasons: RiskReason[];
}

/** Score thresholds of the levels. */
export const RISK_THRESHOLDS = { medium: 25, high: 50 } as const;
/** The last days before the start when logistics should be settled (the final-days stage). */
export const LOGISTICS_WINDOW_DAYS = 3;
/** The days before the start when the checklist should be under way. */
export const CHECKLIST_WINDOW_DAYS = 7;
/** Less notice than this between acceptance and start is short notice. */
export const SHORT_NOTICE_DAYS = 7;

const inWindow = (daysToStart: number | null, window: number) => daysToStart !== null && daysToStart >= 0 && daysToStart <= window;

/** Scores the signals; pure, deterministic, explains every point. */
export function scoreRisk(input: RiskSignals): RiskAssessment {
  // Copy the listed fields only: nothing else the caller holds can reach the score.
  const s = Object.fromEntries(RISK_SIGNALS.map((k) => [k, input[k]])) as unknown as RiskSignals;
  const reasons: RiskReason[] = [];
  const add = (code: RiskReasonCode, points: number, params: Record<string, number> = {}) => reasons.push({ code, points, params });

  const unanswered = Math.max(0, Math.floor(s.unansweredMessages));
  // DESIGN §3: two unanswered messages is the point where HR call; more makes it worse.
  if (unanswered >= 2) add('unanswered_messages', unanswered >= 4 ? 30 : 20, { count: unanswered });
  if (unanswered >= 1 && s.daysSinceLastReply !== null && s.daysSinceLastReply >= 5) {
    add('no_reply', s.daysSinceLastReply >= 10 ? 15 : 10, { days: Math.floor(s.daysSinceLastReply) });
  }
  if (s.latestPulse !== null && s.latestPulse <= 3) {
    const points = s.latestPulse <= 1 ? 35 : s.latestPulse <= 2 ? 25 : 5;
    add('low_pulse', points, { score: s.latestPulse });
  }
  if (s.delayRequested) add('delay_requested', 20);
  if (s.counterOffer) add('counter_offer', 25);
  if (s.salaryRequestOpen) add('salary_request_open', 15);
  const overdue = Math.max(0, Math.floor(s.overdueTasks));
  if (overdue > 0) add('overdue_tasks', Math.min(overdue, 3) * 5, { count: overdue });
  if (!s.logisticsConfirmed && inWindow(s.daysToStart, LOGISTICS_WINDOW_DAYS)) add('logistics_unconfirmed', 15, { days: s.daysToStart! });
  if (!s.checklistStarted && inWindow(s.daysToStart, CHECKLIST_WINDOW_DAYS)) add('checklist_not_started', 10, { days: s.daysToStart! });
  if (s.noticeDays !== null && s.noticeDays < SHORT_NOTICE_DAYS) add('short_notice', 10, { days: Math.max(0, Math.floor(s.noticeDays)) });

  reasons.sort((a, b) => b.points - a.points);
  const score = Math.min(100, reasons.reduce((sum, r) => sum + r.points, 0));
  const level: RiskLevel = score >= RISK_THRESHOLDS.high ? 'high' : score >= RISK_THRESHOLDS.medium ? 'medium' : 'low';
  return { level, score, reasons };
}
