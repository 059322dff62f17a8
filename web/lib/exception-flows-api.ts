/**
 * Client for "when plans change" (issue 6): events recorded from the console, a new start
 * date, salary requests and decisions, declines, prepared messages, the talent pool and
 * offer withdrawals. Every state change that could be double-clicked carries a key.
 */
import type { z } from 'zod';
import type {
  TAgreeStartDateResult, TPayBand, TPreparedMessage, TSalaryEvaluation, TTalentPoolEntry, TWithdrawal, ZDeclineResult, ZPoolWording,
  ZSalaryDecisionResult, ZSalaryRequestResult,
} from '../../src/contracts/exception-flows.js';
import { request, type TEventResult } from './api.js';

export type { TAgreeStartDateResult, TPayBand, TPreparedMessage, TSalaryEvaluation, TTalentPoolEntry, TWithdrawal };
export type TPoolWording = z.infer<typeof ZPoolWording>;
export type TDelayReason = 'counteroffer' | 'handover' | 'personal' | 'health' | 'other';
export type TDeclineReason = 'salary' | 'role' | 'career' | 'counteroffer' | 'location' | 'personal' | 'other';
export const DELAY_REASONS: readonly TDelayReason[] = ['counteroffer', 'handover', 'personal', 'health', 'other'];
export const DECLINE_REASONS: readonly TDeclineReason[] = ['salary', 'role', 'career', 'counteroffer', 'location', 'personal', 'other'];

/** Events staff record from the candidate page (the server checks the full shapes). */
export type TChangeEvent =
  | { type: 'delay_requested'; reason: TDelayReason; proposedStartDate?: string }
  | { type: 'day_one_issue_reported'; issue: string }
  | { type: 'arrived' };

const id = (value: string) => encodeURIComponent(value);
const keyed = (key: string) => ({ 'idempotency-key': key });

function toQuery(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const changesApi = {
  recordEvent: (candidateId: string, event: TChangeEvent, key: string) =>
    request<TEventResult>('POST', `/candidates/${id(candidateId)}/events`, event, keyed(key)),
  agreeStartDate: (candidateId: string, input: { startDate: string; reason: string }) =>
    request<TAgreeStartDateResult>('POST', `/candidates/${id(candidateId)}/start-date`, input),
  requestSalary: (candidateId: string, input: { requestedMonthly?: number; argument: string }, key: string) =>
    request<z.infer<typeof ZSalaryRequestResult>>('POST', `/candidates/${id(candidateId)}/salary-requests`, input, keyed(key)),
  salaryEvaluation: (candidateId: string) => request<TSalaryEvaluation>('GET', `/candidates/${id(candidateId)}/salary-evaluation`),
  decideSalary: (candidateId: string, requestId: string, input: { decision: 'approved' | 'rejected'; salaryMonthly?: number; note: string }) =>
    request<z.infer<typeof ZSalaryDecisionResult>>('POST', `/candidates/${id(candidateId)}/salary-requests/${id(requestId)}/decision`, input),
  decline: (candidateId: string, input: { type: 'offer_declined' | 'reneged'; reason: TDeclineReason; talentPool?: { wordingVersion: string; language: 'zh-CN' | 'en-US' } }, key: string) =>
    request<z.infer<typeof ZDeclineResult>>('POST', `/candidates/${id(candidateId)}/decline`, input, keyed(key)),
  poolWording: (language: 'zh-CN' | 'en-US') => request<TPoolWording>('GET', `/talent-pool/wording${toQuery({ language })}`),
  preparedMessages: (candidateId: string) => request<{ items: TPreparedMessage[] }>('GET', `/candidates/${id(candidateId)}/prepared-messages`),
  editPreparedMessage: (candidateId: string, key: string, input: { subject: string; body: string }) =>
    request<TPreparedMessage>('PUT', `/candidates/${id(candidateId)}/prepared-messages/${id(key)}`, input),
  talentPool: (query: { q?: string; tag?: string; nextWithinDays?: number; limit?: number; offset?: number }) =>
    request<{ items: TTalentPoolEntry[]; total: number; tags: string[] }>('GET', `/talent-pool${toQuery(query)}`),
  tagPoolEntry: (candidateId: string, input: { tags: string[]; notes: string }) =>
    request<TTalentPoolEntry>('PUT', `/talent-pool/${id(candidateId)}`, input),
  withdrawFromPool: (candidateId: string) => request<{ ok: true; withdrawn: boolean }>('POST', `/talent-pool/${id(candidateId)}/withdraw`),
  requestWithdrawal: (candidateId: string, reason: string) =>
    request<TWithdrawal>('POST', `/candidates/${id(candidateId)}/offer-withdrawals`, { reason }),
  withdrawals: (query: { status?: 'pending' | 'approved' | 'rejected' | 'all'; candidateId?: string }) =>
    request<{ items: TWithdrawal[] }>('GET', `/offer-withdrawals${toQuery(query)}`),
  decideWithdrawal: (withdrawalId: string, input: { decision: 'approved' | 'rejected'; note: string }) =>
    request<TWithdrawal>('POST', `/offer-withdrawals/${id(withdrawalId)}/decision`, input),
};
