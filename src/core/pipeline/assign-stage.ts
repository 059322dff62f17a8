/**
 * Which pipeline column a candidate belongs in (issue 5). The columns follow the
 * playbook's stages (DESIGN §3) plus "started":
 *
 * - `offer_confirmation`: the offer is out (`offer_sent`) or accepted but the confirmation
 *   call is not done yet (`offer_accepted`: the engine moves the candidate to
 *   `preboarding` when `offer.confirmation_call` completes) — unless the start is so close
 *   that the final days have begun (short notice).
 * - `prep`: preboarding (or a delay under renegotiation) more than three days out.
 * - `final_days`: one to three days before the start (the `final_days` steps, S−3…S−1).
 * - `day_one`: the start date is today — or has passed without anyone recording the
 *   arrival, which is exactly what staff must look at.
 * - `started`: arrived (`started`), or onboarded within the last 30 days.
 *
 * Exits (`declined`, `reneged`, `withdrawn`) and long-onboarded hires are not on the board.
 */
import type { TCandidateStatus } from '../../contracts/common.js';

export const PIPELINE_STAGES = ['offer_confirmation', 'prep', 'final_days', 'day_one', 'started'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** How long an onboarded hire stays in the "started" column. */
export const STARTED_VISIBLE_DAYS = 30;
/** The final days begin this many days before the start (S−3). */
export const FINAL_DAYS = 3;

/** The column of a candidate, or null when it is not on the board. */
export function assignPipelineStage(status: TCandidateStatus, daysToStart: number): PipelineStage | null {
  switch (status) {
    case 'declined': case 'reneged': case 'withdrawn':
      return null;
    case 'onboarded':
      return daysToStart >= -STARTED_VISIBLE_DAYS ? 'started' : null;
    case 'started':
      return 'started';
    case 'offer_sent':
      return 'offer_confirmation';
    case 'offer_accepted': case 'preboarding': case 'delayed':
      if (daysToStart <= 0) return 'day_one';
      if (daysToStart <= FINAL_DAYS) return 'final_days';
      return status === 'offer_accepted' ? 'offer_confirmation' : 'prep';
  }
}
