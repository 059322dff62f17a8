/** Stable machine-readable codes; HTTP maps them to problem responses in one place. */
export type TDomainErrorCode =
  | 'invalid_input'
  | 'invalid_time_zone'
  | 'invalid_local_date'
  | 'invalid_local_time'
  | 'illegal_transition'
  | 'unknown_step'
  | 'calendar_data_missing'
  | 'plan_stopped';

/** A typed domain error: `code` is stable, `field` names the offending input when known. */
export class DomainError extends Error {
  readonly code: TDomainErrorCode;
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: TDomainErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

/** Narrow an unknown error to a DomainError (optionally of one code). */
export function isDomainError(error: unknown, code?: TDomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
