/**
 * Typed fetch client for the Preboard API (`/api/v1`). Types come from the zod contracts
 * the server validates with, so a contract change breaks the web build, not the user.
 */
import type { z } from 'zod';
import type { TMe } from '../../src/contracts/auth.js';
import type {
  TCandidate, TCandidateListQuery, TCreateTouch, TOffer, TTouch, TUpdateCandidate,
} from '../../src/contracts/candidates.js';
import type { ZErrorResponse } from '../../src/contracts/common.js';
import type {
  TPlanItemView, TPlanView, TTaskListQuery, TTaskView, ZCompleteTask, ZEventResult, ZOutboxMessage, ZOutboxQuery,
} from '../../src/contracts/engine.js';
import type { ZDepartment, ZSite, ZUser } from '../../src/contracts/org.js';
import type { TPipeline, TPipelineCard, TPipelineQuery } from '../../src/contracts/pipeline.js';

export type { TPipeline, TPipelineCard, TPipelineQuery };

export type { TMe, TCandidate, TCreateTouch, TTouch, TOffer, TTaskView, TPlanView, TPlanItemView };
/** Query of the task list; every field optional (the server fills defaults). */
export type TaskQuery = Partial<TTaskListQuery>;
export type TCompleteTask = z.input<typeof ZCompleteTask>;
export type TEventResult = z.infer<typeof ZEventResult>;
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;
export type OutboxQuery = Partial<z.infer<typeof ZOutboxQuery>>;
/** The events the console records; the server validates the full shapes (DESIGN §7). */
export type TConsoleEvent =
  | { type: 'offer_accepted' }
  | { type: 'delay_requested'; reason: 'counteroffer' | 'handover' | 'personal' | 'health' | 'other'; proposedStartDate?: string };
export type TDepartment = z.infer<typeof ZDepartment>;
export type TSite = z.infer<typeof ZSite>;
export type TUser = z.infer<typeof ZUser>;
export interface Page<T> { items: T[]; total: number }
/** Query of the candidate list; every field optional (the server fills defaults). */
export type CandidateQuery = Partial<TCandidateListQuery>;

/** An error answered by the API (`{"error":{"code","message","field"}}`) or by the network. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** Stable machine code, e.g. `invalid_credentials`, `forbidden`, `validation_failed`. */
    readonly code: string,
    message: string,
    /** The input field the error is about, when the server names one. */
    readonly field?: string,
    /** Structured facts some errors carry (e.g. every problem of a refused playbook). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorBody = z.infer<typeof ZErrorResponse>;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from login or /auth/me) for state-changing calls. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function isErrorBody(body: unknown): body is ErrorBody {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === 'string' && typeof e.message === 'string';
}

/** Sends one request with the session cookie; resolves with the parsed JSON or throws ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    if (isErrorBody(parsed)) {
      const { details } = parsed.error as { details?: Record<string, unknown> };
      throw new ApiError(res.status, parsed.error.code, parsed.error.message, parsed.error.field, details);
    }
    throw new ApiError(res.status, res.status === 429 ? 'rate_limited' : 'http_error', text.slice(0, 200) || res.statusText);
  }
  return parsed as T;
}

function toQuery(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const id = (value: string) => encodeURIComponent(value);

/** The API, one function per endpoint the web uses. */
export const api = {
  login: async (email: string, password: string) => {
    const me = await request<TMe>('POST', '/auth/login', { email, password });
    setCsrfToken(me.csrfToken);
    return me;
  },
  me: async () => {
    const me = await request<TMe>('GET', '/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  logout: async () => {
    await request<{ ok: true }>('POST', '/auth/logout');
    setCsrfToken(undefined);
  },
  listCandidates: (query: CandidateQuery) => request<Page<TCandidate>>('GET', `/candidates${toQuery(query)}`),
  getCandidate: (candidateId: string) => request<TCandidate>('GET', `/candidates/${id(candidateId)}`),
  updateCandidate: (candidateId: string, patch: TUpdateCandidate) => request<TCandidate>('PATCH', `/candidates/${id(candidateId)}`, patch),
  listOffers: (candidateId: string) => request<{ items: TOffer[] }>('GET', `/candidates/${id(candidateId)}/offers`),
  timeline: (candidateId: string, page: { limit?: number; offset?: number } = {}) =>
    request<Page<TTouch>>('GET', `/candidates/${id(candidateId)}/timeline${toQuery(page)}`),
  recordTouch: (candidateId: string, touch: TCreateTouch) => request<TTouch>('POST', `/candidates/${id(candidateId)}/touches`, touch),
  departments: () => request<{ items: TDepartment[] }>('GET', '/departments'),
  sites: () => request<{ items: TSite[] }>('GET', '/sites'),
  users: () => request<{ items: TUser[] }>('GET', '/users'),
  listTasks: (query: TaskQuery) => request<Page<TTaskView>>('GET', `/tasks${toQuery(query)}`),
  /** Task keys contain `#` (e.g. `offer.confirmation_call#0`), hence the encoding. */
  completeTask: (candidateId: string, key: string, input: TCompleteTask) =>
    request<TTaskView>('POST', `/candidates/${id(candidateId)}/tasks/${id(key)}/complete`, input),
  plan: (candidateId: string) => request<TPlanView>('GET', `/candidates/${id(candidateId)}/plan`),
  /** Records a domain event; the same `idempotencyKey` sent twice changes nothing the second time. */
  recordEvent: (candidateId: string, event: TConsoleEvent, idempotencyKey: string) =>
    request<TEventResult>('POST', `/candidates/${id(candidateId)}/events`, event, { 'idempotency-key': idempotencyKey }),
  listOutbox: (query: OutboxQuery) => request<Page<TOutboxMessage>>('GET', `/outbox${toQuery(query)}`),
  /** The pipeline board: stage columns with totals, a page of cards each (or one column with `stage` + `offset`). */
  pipeline: (query: Partial<TPipelineQuery>) => request<TPipeline>('GET', `/pipeline${toQuery(query)}`),
};

/** A random idempotency key; uses getRandomValues, which also works outside secure contexts. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Candidate checklist (issue 4): staff view, review, and the download link of a document. */
import type { TReviewChecklistItem, TStaffChecklistItemView, TStaffChecklistView } from '../../src/contracts/checklist.js';
export type { TReviewChecklistItem, TStaffChecklistItemView, TStaffChecklistView };
export const checklistApi = {
  get: (candidateId: string) => request<TStaffChecklistView>('GET', `/candidates/${id(candidateId)}/checklist`),
  review: (candidateId: string, itemId: string, input: TReviewChecklistItem) =>
    request<TStaffChecklistView>('POST', `/candidates/${id(candidateId)}/checklist/${id(itemId)}/review`, input),
  /** Same-origin GET with the session cookie: a plain link downloads it (every read is audited). */
  documentUrl: (candidateId: string, documentId: string) => `/api/v1/candidates/${id(candidateId)}/checklist/documents/${id(documentId)}`,
};

/** Privacy (DESIGN §5): data-subject requests for HR, the retention dry run for org admins. */
import type { TDataRequest, TDataRequestQuery, TResolveDataRequest, TRetentionPreview } from '../../src/contracts/privacy.js';
export type { TDataRequest, TResolveDataRequest, TRetentionPreview };
export const privacyApi = {
  listRequests: (query: Partial<TDataRequestQuery>) => request<Page<TDataRequest>>('GET', `/privacy/requests${toQuery(query)}`),
  resolve: (requestId: string, input: TResolveDataRequest) => request<TDataRequest>('POST', `/privacy/requests/${id(requestId)}/resolve`, input),
  retentionPreview: () => request<TRetentionPreview>('GET', '/privacy/retention-preview'),
  /** Same-origin GET with the session cookie: a plain link downloads it (recorded as an export request). */
  exportUrl: (candidateId: string, format: 'json' | 'html') => `/api/v1/privacy/candidates/${id(candidateId)}/export?format=${format}`,
};
