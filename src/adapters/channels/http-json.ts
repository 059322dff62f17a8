/**
 * Shared HTTP plumbing for the JSON providers (WeCom, DingTalk, Feishu, Aliyun SMS):
 * one place that turns transport failures into retryable results, so each adapter only
 * maps its provider's error codes.
 */
import { buildPermanent, buildRetryable, type PermanentResult, type RetryableResult } from './types.js';

export interface HttpJsonOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  timeoutMs?: number;
  /** Hint for network errors and 5xx answers. */
  retryAfterMs?: number;
}

/** A JSON answer from the provider (any status below 500 except 429). */
export interface JsonReply {
  kind: 'reply';
  status: number;
  json: Record<string, unknown>;
}

/** Result of one provider call: a JSON reply to map, or an already classified failure. */
export type HttpJsonOutcome = JsonReply | RetryableResult | PermanentResult;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_AFTER_MS = 30_000;

/**
 * Calls a JSON endpoint. Network errors, timeouts, 5xx and 429 become `retryable`
 * (honouring `Retry-After`); a non-JSON 4xx becomes `permanent`.
 */
export async function requestJson(url: string, options: HttpJsonOptions = {}): Promise<HttpJsonOutcome> {
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'POST',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    return buildRetryable('network', `request failed: ${describeError(error)}`, retryAfterMs);
  }
  const raw = await response.text().catch(() => '');
  if (response.status === 429) {
    return buildRetryable('rate_limited', `HTTP 429`, readRetryAfter(response) ?? retryAfterMs, 429);
  }
  if (response.status >= 500) {
    return buildRetryable('provider_unavailable', `HTTP ${response.status}`, readRetryAfter(response) ?? retryAfterMs, response.status);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return buildPermanent('bad_response', `HTTP ${response.status} with a non-JSON body`, response.status);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return buildPermanent('bad_response', `HTTP ${response.status} with an unexpected JSON body`, response.status);
  }
  return { kind: 'reply', status: response.status, json: json as Record<string, unknown> };
}

/** True when `outcome` is a provider reply rather than a classified failure. */
export function isReply(outcome: HttpJsonOutcome): outcome is JsonReply {
  return 'kind' in outcome && outcome.kind === 'reply';
}

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds from now. */
function readRetryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  // An HTTP date is absolute wall time: the one place a real clock is the right reference.
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Short description of a fetch error including its network cause (ECONNREFUSED, …). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? ` (${(cause as NodeJS.ErrnoException).code ?? cause.message})` : '';
  return `${error.name}: ${error.message}${causeText}`;
}
