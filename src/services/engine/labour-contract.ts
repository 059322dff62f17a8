/**
 * Recording the signed labour contract when HR complete its task: the signing date is
 * checked against the candidate's engine record (from the offer acceptance to today, in the
 * site's zone), the task keeps "Signed on <date>" as its outcome, the timeline says when it
 * was signed (and that it was late, after the legal deadline), and the escalations chasing
 * the contract are settled with it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { checkSigningDate, LABOUR_CONTRACT_ESCALATION_STEP, LABOUR_CONTRACT_STEP } from '../../core/calendar/labour-contract-deadline.js';
import { isDomainError } from '../../core/errors.js';
import { parseInstant, toLocalDate } from '../../core/time/local-time.js';
import { conflict, invalid } from '../errors.js';
import { parseEngineState } from './persist-reduction.js';

export { LABOUR_CONTRACT_STEP };

export interface ContractSigning {
  signedOn: string;
  /** The task's outcome: "Signed on <date>", then HR's own note. */
  outcome: string;
  /** The timeline line. */
  summary: string;
}

/** Checks the signing date and words the outcome; nothing is written. */
export async function prepareContractSigning(
  db: Kysely<Database>, orgId: string, candidateId: string, input: { signedOn?: string; outcome: string }, now: Date,
): Promise<ContractSigning> {
  const row = await db.selectFrom('engine_states').select('state').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  const state = row ? parseEngineState(row.state) : null;
  const contract = state?.labourContract;
  if (!state || !contract) throw conflict('the candidate has not arrived: there is no labour contract to sign yet', 'key');
  const timeZone = state.candidate.timeZone;
  let signing;
  try {
    signing = checkSigningDate({
      signedOn: input.signedOn,
      today: toLocalDate(now, timeZone),
      acceptedOn: toLocalDate(parseInstant(state.candidate.offerAcceptedAt), timeZone),
      legalDeadline: contract.legalDeadline,
    });
  } catch (err) {
    if (isDomainError(err)) throw invalid(err.field ?? 'signedOn', err.message);
    throw err;
  }
  const signed = `Signed on ${signing.signedOn}`;
  const late = signing.late ? ` (after the legal deadline ${contract.legalDeadline})` : '';
  return {
    signedOn: signing.signedOn,
    outcome: input.outcome ? `${signed}. ${input.outcome}` : signed,
    summary: `Labour contract signed on ${signing.signedOn}${late}`,
  };
}

/** Open escalations of the contract (the overdue one and the near-deadline one) are done with it. */
export async function settleContractEscalations(trx: Kysely<Database>, orgId: string, candidateId: string, signedOn: string, now: Date): Promise<void> {
  await trx.updateTable('tasks').set({ status: 'done', completed_at: now, outcome: `The labour contract was signed on ${signedOn}.`, updated_at: now })
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('kind', '=', 'escalation').where('status', '=', 'open')
    .where('step_id', 'in', [LABOUR_CONTRACT_STEP, LABOUR_CONTRACT_ESCALATION_STEP])
    .execute();
}
